package dev.spinsim.network.chip;

import static com.google.common.base.Preconditions.checkArgument;

import dev.spinsim.network.mapping.ConvGeometry;

/**
 * One crossbar layer as the chip runs it: the geometry after the zero-insertion rewrite, the im2col
 * weight matrix with any following batchnorm folded in, the bias, and the activation function that
 * follows it.
 *
 * @param network {@code G} or {@code D}
 * @param layer PyTorch module name of the matrix layer, e.g. {@code main.3}
 * @param kind {@code ConvTranspose2d}, {@code Conv2d} or {@code Linear}
 * @param matrix row-major {@code k²·C_in × C_out}
 * @param bias per output channel (zeros when the layer has none and no batchnorm follows)
 * @param activation {@code relu}, {@code leaky-relu}, {@code tanh}, {@code sigmoid} or {@code none}
 * @param alpha negative slope of a leaky ReLU (0 otherwise)
 * @param foldedBatchNorm module name of the batchnorm folded in, or empty
 */
public record StagePlan(
    String network,
    String layer,
    String kind,
    ConvGeometry geometry,
    float[] matrix,
    float[] bias,
    String activation,
    double alpha,
    String foldedBatchNorm) {

  public StagePlan {
    checkArgument(
        matrix.length == geometry.matrixRows() * geometry.matrixCols(),
        "%s %s: matrix has %s values, expected %s",
        network,
        layer,
        matrix.length,
        geometry.matrixRows() * geometry.matrixCols());
    checkArgument(
        bias.length == geometry.matrixCols(),
        "%s %s: bias has %s values, expected %s",
        network,
        layer,
        bias.length,
        geometry.matrixCols());
  }

  /** {@code G.main.0}: how reports name the layer. */
  public String qualifiedName() {
    return network + "." + layer;
  }

  /**
   * Largest weight magnitude: the scale that maps the matrix onto [−1, 1] (NaN when a weight is
   * NaN). A loop without calls: a cold process runs it interpreted at first, where Math.max is a
   * call per weight.
   */
  public double maxAbsWeight() {
    float m = 0;
    for (float w : matrix) {
      float a = Math.abs(w);
      if (a > m || a != a) {
        m = a;
      }
    }
    return m;
  }

  /** True when the activation is computed by a domain-wall (or digital) ReLU-like device. */
  public boolean hasActivation() {
    return !activation.equals("none");
  }
}
