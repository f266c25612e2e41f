package dev.spinsim.devices.crossbar;

/**
 * The crossbar's inner loop: y = xᵀ·M for a row-major float matrix.
 * Every element is accumulated as y_j = fma(x_i, m_ij, y_j) in ascending i, in both the Vector
 * API path and the scalar fallback, so the two give bit-identical results.
 */
public final class MvmKernel {
  private MvmKernel() {}

  /** True when the incubator Vector API module is present in this JVM. */
  public static final boolean VECTOR_AVAILABLE =
      ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

  /** y[0..cols) = Σ_i x[i]·m[i·cols + j], vectorised when asked for and available. */
  public static void mvm(float[] m, int rows, int cols, float[] x, float[] y, boolean vector) {
    if (vector && VECTOR_AVAILABLE) {
      VectorMvm.mvm(m, rows, cols, x, y);
    } else {
      scalarMvm(m, rows, cols, x, y);
    }
  }

  /** The scalar fallback. */
  public static void scalarMvm(float[] m, int rows, int cols, float[] x, float[] y) {
    java.util.Arrays.fill(y, 0, cols, 0f);
    for (int i = 0; i < rows; i++) {
      float xi = x[i];
      int off = i * cols;
      for (int j = 0; j < cols; j++) {
        y[j] = Math.fma(xi, m[off + j], y[j]);
      }
    }
  }
}
