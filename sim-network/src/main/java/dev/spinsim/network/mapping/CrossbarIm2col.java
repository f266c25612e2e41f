package dev.spinsim.network.mapping;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * The im2col view of a layer on a crossbar: a weight matrix whose row {@code (ci·k + ky)·k + kx}
 * and column {@code co} hold the equivalent convolution's kernel, and the input vector each output
 * pixel feeds to it (inserted zeros and padding included).
 */
public final class CrossbarIm2col {
  private CrossbarIm2col() {}

  /**
   * The weight matrix (row-major, {@code k²·C_in × C_out}) of a layer. {@code weight} uses PyTorch
   * layouts: Conv2d {@code [out, in, k, k]}, ConvTranspose2d {@code [in, out, k, k]}; a transposed
   * kernel is flipped and its channel roles swapped, as the rewrite requires.
   */
  public static float[] weightMatrix(ConvGeometry g, float[] weight) {
    int k = g.kernel();
    int cin = g.inChannels();
    int cout = g.outChannels();
    checkArgument(
        weight.length == cin * cout * k * k,
        "weight has %s values, expected %s",
        weight.length,
        cin * cout * k * k);
    float[] m = new float[g.matrixRows() * cout];
    for (int ci = 0; ci < cin; ci++) {
      for (int ky = 0; ky < k; ky++) {
        for (int kx = 0; kx < k; kx++) {
          int row = (ci * k + ky) * k + kx;
          for (int co = 0; co < cout; co++) {
            float w =
                g.transposed()
                    ? weight[((ci * cout + co) * k + (k - 1 - ky)) * k + (k - 1 - kx)]
                    : weight[((co * cin + ci) * k + ky) * k + kx];
            m[row * cout + co] = w;
          }
        }
      }
    }
    return m;
  }

  /**
   * Fills {@code vector} (length k²·C_in) with the inputs output pixel {@code (oy, ox)} reads from
   * {@code input} ({@code [C_in, H, W]}); returns the number of rows that read an original pixel.
   */
  public static int gather(ConvGeometry g, float[] input, int oy, int ox, float[] vector) {
    int k = g.kernel();
    int h = g.inHeight();
    int w = g.inWidth();
    int live = 0;
    for (int ci = 0; ci < g.inChannels(); ci++) {
      int plane = ci * h * w;
      for (int ky = 0; ky < k; ky++) {
        int sy = g.sourceIndex(oy, ky, h);
        int rowBase = (ci * k + ky) * k;
        for (int kx = 0; kx < k; kx++) {
          int sx = sy < 0 ? -1 : g.sourceIndex(ox, kx, w);
          if (sx < 0) {
            vector[rowBase + kx] = 0f;
          } else {
            vector[rowBase + kx] = input[plane + sy * w + sx];
            live++;
          }
        }
      }
    }
    return live;
  }

  /**
   * Folds an eval-mode batchnorm that follows the layer into its weight matrix and bias: {@code
   * W[:,c] ← W[:,c]·γ_c/√(σ²_c+ε)}, {@code b_c ← (b_c − μ_c)·γ_c/√(σ²_c+ε) + β_c}. {@code bias} is
   * updated in place (pass zeros for a layer without bias).
   */
  public static void foldBatchNorm(
      float[] matrix,
      int cols,
      float[] bias,
      float[] gamma,
      float[] beta,
      float[] mean,
      float[] var,
      double eps) {
    checkArgument(
        bias.length == cols
            && gamma.length == cols
            && beta.length == cols
            && mean.length == cols
            && var.length == cols,
        "batchnorm has the wrong channel count");
    int rows = matrix.length / cols;
    for (int c = 0; c < cols; c++) {
      double scale = gamma[c] / Math.sqrt(var[c] + eps);
      for (int r = 0; r < rows; r++) {
        matrix[r * cols + c] = (float) (matrix[r * cols + c] * scale);
      }
      bias[c] = (float) ((bias[c] - mean[c]) * scale + beta[c]);
    }
  }
}
