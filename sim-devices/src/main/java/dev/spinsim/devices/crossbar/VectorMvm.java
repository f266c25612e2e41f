package dev.spinsim.devices.crossbar;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API matrix–vector product, register-blocked over four vectors of columns. Loaded only
 * when {@code jdk.incubator.vector} is present (see {@link MvmKernel}). The row loop has no
 * branch: a data-dependent skip of zero inputs made C2 deoptimise and box the accumulators.
 */
final class VectorMvm {
  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final int L = S.length();

  private VectorMvm() {}

  static void mvm(float[] m, int rows, int cols, float[] x, float[] y) {
    int j = 0;
    for (; j + 4 * L <= cols; j += 4 * L) {
      FloatVector a0 = FloatVector.zero(S);
      FloatVector a1 = FloatVector.zero(S);
      FloatVector a2 = FloatVector.zero(S);
      FloatVector a3 = FloatVector.zero(S);
      for (int i = 0; i < rows; i++) {
        FloatVector xv = FloatVector.broadcast(S, x[i]);
        int off = i * cols + j;
        a0 = xv.fma(FloatVector.fromArray(S, m, off), a0);
        a1 = xv.fma(FloatVector.fromArray(S, m, off + L), a1);
        a2 = xv.fma(FloatVector.fromArray(S, m, off + 2 * L), a2);
        a3 = xv.fma(FloatVector.fromArray(S, m, off + 3 * L), a3);
      }
      a0.intoArray(y, j);
      a1.intoArray(y, j + L);
      a2.intoArray(y, j + 2 * L);
      a3.intoArray(y, j + 3 * L);
    }
    for (; j + L <= cols; j += L) {
      FloatVector a0 = FloatVector.zero(S);
      for (int i = 0; i < rows; i++) {
        a0 = FloatVector.broadcast(S, x[i]).fma(FloatVector.fromArray(S, m, i * cols + j), a0);
      }
      a0.intoArray(y, j);
    }
    if (j < cols) {
      for (int c = j; c < cols; c++) {
        y[c] = 0f;
      }
      for (int i = 0; i < rows; i++) {
        float xi = x[i];
        int off = i * cols;
        for (int c = j; c < cols; c++) {
          y[c] = Math.fma(xi, m[off + c], y[c]);
        }
      }
    }
  }
}
