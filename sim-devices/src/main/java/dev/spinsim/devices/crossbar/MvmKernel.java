package dev.spinsim.devices.crossbar;

/**
 * The crossbar's inner loop: y = xᵀ·M over the active (driven) rows of a row-major float matrix,
 * optionally with the read-noise variance v = (x²)ᵀ·V from the same rows in the same pass. A row's
 * V entries follow its M entries ({@code rowLength = 2 × cols}), so each active row is one
 * contiguous stream. Every element is accumulated as y_j = fma(x_k, m_(row k) j, y_j) in ascending
 * k, in both the Vector API path and the scalar fallback, so the two give bit-identical results;
 * and because fma(0, m, y) = y for the +0-started sums here, skipping undriven rows gives the same
 * bits as the dense product over all rows.
 */
public final class MvmKernel {
  private MvmKernel() {}

  /** True when the incubator Vector API module is present in this JVM. */
  public static final boolean VECTOR_AVAILABLE =
      ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

  /**
   * y[0..cols) = Σ_k x[k]·m[rows[k]·rowLength + j] over the first {@code count} active rows,
   * vectorised when asked for and available.
   */
  public static void mvm(
      float[] m,
      int rowLength,
      int cols,
      int[] rows,
      float[] x,
      int count,
      float[] y,
      boolean vector) {
    if (vector && VECTOR_AVAILABLE) {
      VectorMvm.mvm(m, rowLength, cols, rows, x, count, y);
    } else {
      scalarMvm(m, rowLength, cols, rows, x, count, y);
    }
  }

  /**
   * As {@link #mvm}, and also v[0..cols) = Σ_k x[k]²·m[rows[k]·rowLength + cols + j] (the variance
   * block stored after each row's values), in one pass over the active rows.
   */
  public static void mvmWithVariance(
      float[] m,
      int rowLength,
      int cols,
      int[] rows,
      float[] x,
      int count,
      float[] y,
      float[] v,
      boolean vector) {
    if (vector && VECTOR_AVAILABLE) {
      VectorMvm.mvmWithVariance(m, rowLength, cols, rows, x, count, y, v);
    } else {
      scalarMvm(m, rowLength, cols, rows, x, count, y);
      scalarVariance(m, rowLength, cols, rows, x, count, v);
    }
  }

  /**
   * out[j] += (float) (√variance[j] · gaussian[j] − refNoise) for j in [0, n): the per-column read
   * noise (sqrt is exactly rounded in both paths).
   */
  public static void addNoise(
      float[] variance, double[] gaussian, double refNoise, int n, float[] out, boolean vector) {
    int j = 0;
    if (vector && VECTOR_AVAILABLE) {
      j = VectorMvm.addNoise(variance, gaussian, refNoise, n, out);
    }
    for (; j < n; j++) {
      out[j] += (float) (Math.sqrt(variance[j]) * gaussian[j] - refNoise);
    }
  }

  /** The scalar fallback of {@link #mvm}. */
  public static void scalarMvm(
      float[] m, int rowLength, int cols, int[] rows, float[] x, int count, float[] y) {
    java.util.Arrays.fill(y, 0, cols, 0f);
    for (int k = 0; k < count; k++) {
      float xk = x[k];
      int off = rows[k] * rowLength;
      for (int j = 0; j < cols; j++) {
        y[j] = Math.fma(xk, m[off + j], y[j]);
      }
    }
  }

  private static void scalarVariance(
      float[] m, int rowLength, int cols, int[] rows, float[] x, int count, float[] v) {
    java.util.Arrays.fill(v, 0, cols, 0f);
    for (int k = 0; k < count; k++) {
      float xk2 = x[k] * x[k];
      int off = rows[k] * rowLength + cols;
      for (int j = 0; j < cols; j++) {
        v[j] = Math.fma(xk2, m[off + j], v[j]);
      }
    }
  }
}
