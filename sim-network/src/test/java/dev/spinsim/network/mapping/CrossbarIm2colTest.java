package dev.spinsim.network.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class CrossbarIm2colTest {

  /** Direct transposed convolution: every input pixel scatters its kernel into the output. */
  private static float[] directTransposed(ConvGeometry g, float[] x, float[] w) {
    int k = g.kernel();
    int oh = g.outHeight();
    int ow = g.outWidth();
    float[] y = new float[g.outChannels() * oh * ow];
    for (int ci = 0; ci < g.inChannels(); ci++) {
      for (int iy = 0; iy < g.inHeight(); iy++) {
        for (int ix = 0; ix < g.inWidth(); ix++) {
          float v = x[(ci * g.inHeight() + iy) * g.inWidth() + ix];
          for (int co = 0; co < g.outChannels(); co++) {
            for (int ky = 0; ky < k; ky++) {
              for (int kx = 0; kx < k; kx++) {
                int oy = iy * g.stride() - g.padding() + ky;
                int ox = ix * g.stride() - g.padding() + kx;
                if (oy >= 0 && oy < oh && ox >= 0 && ox < ow) {
                  y[(co * oh + oy) * ow + ox] +=
                      v * w[((ci * g.outChannels() + co) * k + ky) * k + kx];
                }
              }
            }
          }
        }
      }
    }
    return y;
  }

  /** Direct strided convolution with zero padding. */
  private static float[] directConv(ConvGeometry g, float[] x, float[] w) {
    int k = g.kernel();
    int oh = g.outHeight();
    int ow = g.outWidth();
    float[] y = new float[g.outChannels() * oh * ow];
    for (int co = 0; co < g.outChannels(); co++) {
      for (int oy = 0; oy < oh; oy++) {
        for (int ox = 0; ox < ow; ox++) {
          double s = 0;
          for (int ci = 0; ci < g.inChannels(); ci++) {
            for (int ky = 0; ky < k; ky++) {
              for (int kx = 0; kx < k; kx++) {
                int iy = oy * g.stride() - g.padding() + ky;
                int ix = ox * g.stride() - g.padding() + kx;
                if (iy >= 0 && iy < g.inHeight() && ix >= 0 && ix < g.inWidth()) {
                  s +=
                      x[(ci * g.inHeight() + iy) * g.inWidth() + ix]
                          * w[((co * g.inChannels() + ci) * k + ky) * k + kx];
                }
              }
            }
          }
          y[(co * oh + oy) * ow + ox] = (float) s;
        }
      }
    }
    return y;
  }

  private static float[] viaMatrix(ConvGeometry g, float[] x, float[] w) {
    float[] m = CrossbarIm2col.weightMatrix(g, w);
    float[] vec = new float[g.matrixRows()];
    int oh = g.outHeight();
    int ow = g.outWidth();
    float[] y = new float[g.outChannels() * oh * ow];
    for (int oy = 0; oy < oh; oy++) {
      for (int ox = 0; ox < ow; ox++) {
        CrossbarIm2col.gather(g, x, oy, ox, vec);
        for (int co = 0; co < g.outChannels(); co++) {
          double s = 0;
          for (int r = 0; r < vec.length; r++) {
            s += vec[r] * m[r * g.outChannels() + co];
          }
          y[(co * oh + oy) * ow + ox] = (float) s;
        }
      }
    }
    return y;
  }

  private static float[] random(int n, SplittableRandom rnd) {
    float[] a = new float[n];
    for (int i = 0; i < n; i++) {
      a[i] = (float) (rnd.nextDouble() * 2 - 1);
    }
    return a;
  }

  @Property(tries = 60)
  void matrixProductEqualsTransposedConvolution(
      @ForAll @IntRange(min = 1, max = 3) int cin,
      @ForAll @IntRange(min = 1, max = 3) int cout,
      @ForAll @IntRange(min = 1, max = 5) int k,
      @ForAll @IntRange(min = 1, max = 3) int s,
      @ForAll @IntRange(min = 0, max = 4) int p,
      @ForAll @IntRange(min = 0, max = 2) int op,
      @ForAll @IntRange(min = 1, max = 6) int size) {
    if (p > k - 1 || op >= s || (size - 1) * s - 2 * p + k + op <= 0) {
      return;
    }
    ConvGeometry g = ConvGeometry.transposed(cin, cout, k, s, p, op, size, size + 1);
    SplittableRandom rnd = new SplittableRandom(cin * 1000 + cout * 100 + k * 10 + s + p + op);
    float[] x = random(cin * size * (size + 1), rnd);
    float[] w = random(cin * cout * k * k, rnd);
    float[] expected = directTransposed(g, x, w);
    float[] actual = viaMatrix(g, x, w);
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], actual[i], 1e-5);
    }
  }

  @Property(tries = 40)
  void matrixProductEqualsStridedConvolution(
      @ForAll @IntRange(min = 1, max = 3) int cin,
      @ForAll @IntRange(min = 1, max = 3) int cout,
      @ForAll @IntRange(min = 1, max = 5) int k,
      @ForAll @IntRange(min = 1, max = 3) int s,
      @ForAll @IntRange(min = 0, max = 2) int p,
      @ForAll @IntRange(min = 5, max = 9) int size) {
    if (size + 2 * p < k) {
      return;
    }
    ConvGeometry g = ConvGeometry.conv(cin, cout, k, s, p, size, size);
    SplittableRandom rnd = new SplittableRandom(k * 31L + s * 7 + p);
    float[] x = random(cin * size * size, rnd);
    float[] w = random(cin * cout * k * k, rnd);
    float[] expected = directConv(g, x, w);
    float[] actual = viaMatrix(g, x, w);
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], actual[i], 1e-5);
    }
  }

  @Test
  void foldedBatchNormMatchesBatchNormAfterTheProduct() {
    float[] m = {1f, 2f, -1f, 0.5f}; // 2 rows × 2 cols
    float[] bias = {0.1f, -0.2f};
    float[] gamma = {2f, 0.5f};
    float[] beta = {0.3f, -0.4f};
    float[] mean = {0.2f, 1f};
    float[] var = {4f, 0.25f};
    float[] x = {0.7f, -1.3f};
    double[] raw = new double[2];
    for (int c = 0; c < 2; c++) {
      raw[c] = x[0] * m[c] + x[1] * m[2 + c] + bias[c];
    }
    CrossbarIm2col.foldBatchNorm(m, 2, bias, gamma, beta, mean, var, 1e-5);
    for (int c = 0; c < 2; c++) {
      double expected = gamma[c] * (raw[c] - mean[c]) / Math.sqrt(var[c] + 1e-5) + beta[c];
      double folded = x[0] * m[c] + x[1] * m[2 + c] + bias[c];
      assertEquals(expected, folded, 1e-5);
    }
  }
}
