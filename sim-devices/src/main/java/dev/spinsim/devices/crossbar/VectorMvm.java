package dev.spinsim.devices.crossbar;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API kernels of {@link MvmKernel}, register-blocked over four vectors of columns (eight
 * accumulators with the variance). Loaded only when {@code jdk.incubator.vector} is present. The
 * row loop walks an index list and has no branch: a data-dependent skip of zero inputs inside it
 * made C2 deoptimise and box the accumulators.
 */
final class VectorMvm {
  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final int L = S.length();
  private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
  private static final int DL = D.length();

  /** Floats of half the double vector's width: one lane per double lane. */
  private static final VectorSpecies<Float> HALF =
      VectorSpecies.of(float.class, VectorShape.forBitSize(D.vectorBitSize() / 2));

  private VectorMvm() {}

  static void mvm(float[] m, int rowLength, int cols, int[] rows, float[] x, int count, float[] y) {
    mvm(m, rowLength, cols, rows, x, count, y, 0);
  }

  /** As above, into {@code y[yOff .. yOff + cols)}. */
  static void mvm(
      float[] m, int rowLength, int cols, int[] rows, float[] x, int count, float[] y, int yOff) {
    int j = 0;
    for (; j + 4 * L <= cols; j += 4 * L) {
      FloatVector a0 = FloatVector.zero(S);
      FloatVector a1 = FloatVector.zero(S);
      FloatVector a2 = FloatVector.zero(S);
      FloatVector a3 = FloatVector.zero(S);
      for (int k = 0; k < count; k++) {
        FloatVector xv = FloatVector.broadcast(S, x[k]);
        int off = rows[k] * rowLength + j;
        a0 = xv.fma(FloatVector.fromArray(S, m, off), a0);
        a1 = xv.fma(FloatVector.fromArray(S, m, off + L), a1);
        a2 = xv.fma(FloatVector.fromArray(S, m, off + 2 * L), a2);
        a3 = xv.fma(FloatVector.fromArray(S, m, off + 3 * L), a3);
      }
      a0.intoArray(y, yOff + j);
      a1.intoArray(y, yOff + j + L);
      a2.intoArray(y, yOff + j + 2 * L);
      a3.intoArray(y, yOff + j + 3 * L);
    }
    for (; j + L <= cols; j += L) {
      FloatVector a0 = FloatVector.zero(S);
      for (int k = 0; k < count; k++) {
        a0 =
            FloatVector.broadcast(S, x[k])
                .fma(FloatVector.fromArray(S, m, rows[k] * rowLength + j), a0);
      }
      a0.intoArray(y, yOff + j);
    }
    if (j < cols) {
      scalarTail(m, rowLength, 0, j, cols, rows, x, count, false, y, yOff);
    }
  }

  static void mvmWithVariance(
      float[] m, int rowLength, int cols, int[] rows, float[] x, int count, float[] y, float[] v) {
    mvmWithVariance(m, rowLength, cols, rows, x, count, y, 0, v, 0);
  }

  /** As above, into {@code y[yOff .. yOff + cols)} and {@code v[vOff .. vOff + cols)}. */
  static void mvmWithVariance(
      float[] m,
      int rowLength,
      int cols,
      int[] rows,
      float[] x,
      int count,
      float[] y,
      int yOff,
      float[] v,
      int vOff) {
    int j = 0;
    for (; j + 4 * L <= cols; j += 4 * L) {
      FloatVector a0 = FloatVector.zero(S);
      FloatVector a1 = FloatVector.zero(S);
      FloatVector a2 = FloatVector.zero(S);
      FloatVector a3 = FloatVector.zero(S);
      FloatVector v0 = FloatVector.zero(S);
      FloatVector v1 = FloatVector.zero(S);
      FloatVector v2 = FloatVector.zero(S);
      FloatVector v3 = FloatVector.zero(S);
      for (int k = 0; k < count; k++) {
        float xk = x[k];
        FloatVector xv = FloatVector.broadcast(S, xk);
        FloatVector x2 = FloatVector.broadcast(S, xk * xk);
        int off = rows[k] * rowLength + j;
        int voff = off + cols;
        a0 = xv.fma(FloatVector.fromArray(S, m, off), a0);
        v0 = x2.fma(FloatVector.fromArray(S, m, voff), v0);
        a1 = xv.fma(FloatVector.fromArray(S, m, off + L), a1);
        v1 = x2.fma(FloatVector.fromArray(S, m, voff + L), v1);
        a2 = xv.fma(FloatVector.fromArray(S, m, off + 2 * L), a2);
        v2 = x2.fma(FloatVector.fromArray(S, m, voff + 2 * L), v2);
        a3 = xv.fma(FloatVector.fromArray(S, m, off + 3 * L), a3);
        v3 = x2.fma(FloatVector.fromArray(S, m, voff + 3 * L), v3);
      }
      a0.intoArray(y, yOff + j);
      a1.intoArray(y, yOff + j + L);
      a2.intoArray(y, yOff + j + 2 * L);
      a3.intoArray(y, yOff + j + 3 * L);
      v0.intoArray(v, vOff + j);
      v1.intoArray(v, vOff + j + L);
      v2.intoArray(v, vOff + j + 2 * L);
      v3.intoArray(v, vOff + j + 3 * L);
    }
    for (; j + L <= cols; j += L) {
      FloatVector a0 = FloatVector.zero(S);
      FloatVector v0 = FloatVector.zero(S);
      for (int k = 0; k < count; k++) {
        float xk = x[k];
        int off = rows[k] * rowLength + j;
        a0 = FloatVector.broadcast(S, xk).fma(FloatVector.fromArray(S, m, off), a0);
        v0 = FloatVector.broadcast(S, xk * xk).fma(FloatVector.fromArray(S, m, off + cols), v0);
      }
      a0.intoArray(y, yOff + j);
      v0.intoArray(v, vOff + j);
    }
    if (j < cols) {
      scalarTail(m, rowLength, 0, j, cols, rows, x, count, false, y, yOff);
      scalarTail(m, rowLength, cols, j, cols, rows, x, count, true, v, vOff);
    }
  }

  /**
   * Whole vectors of {@link MvmKernel#addNoise}; returns the first index left for the scalar loop.
   */
  static int addNoise(float[] variance, double[] gaussian, double refNoise, int n, float[] out) {
    int j = 0;
    for (; j + DL <= n; j += DL) {
      DoubleVector sd =
          ((DoubleVector)
                  FloatVector.fromArray(HALF, variance, j).convertShape(VectorOperators.F2D, D, 0))
              .lanewise(VectorOperators.SQRT);
      DoubleVector noise = sd.mul(DoubleVector.fromArray(D, gaussian, j)).sub(refNoise);
      FloatVector o = FloatVector.fromArray(HALF, out, j);
      o.add((FloatVector) noise.convertShape(VectorOperators.D2F, HALF, 0)).intoArray(out, j);
    }
    return j;
  }

  /** Columns [from, cols) the vectors did not cover (only when cols is not a multiple of L). */
  private static void scalarTail(
      float[] m,
      int rowLength,
      int base,
      int from,
      int cols,
      int[] rows,
      float[] x,
      int count,
      boolean squared,
      float[] y,
      int yOff) {
    for (int c = from; c < cols; c++) {
      y[yOff + c] = 0f;
    }
    for (int k = 0; k < count; k++) {
      float xk = squared ? x[k] * x[k] : x[k];
      int off = rows[k] * rowLength + base;
      for (int c = from; c < cols; c++) {
        y[yOff + c] = Math.fma(xk, m[off + c], y[yOff + c]);
      }
    }
  }
}
