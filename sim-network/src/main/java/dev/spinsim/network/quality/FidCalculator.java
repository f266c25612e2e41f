package dev.spinsim.network.quality;

import static com.google.common.base.Preconditions.checkArgument;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * The Fréchet distance between two Gaussians fitted to feature sets: FID = |μ₁ − μ₂|² + Tr(Σ₁ + Σ₂
 * − 2 (Σ₁Σ₂)^½).
 *
 * <p>The trace of the square root is computed in a symmetric form: Σ₁Σ₂ is similar to √Σ₁ Σ₂ √Σ₁,
 * which is symmetric positive semi-definite, so Tr((Σ₁Σ₂)^½) = Σᵢ √λᵢ over the eigenvalues of that
 * matrix. √Σ₁ comes from a symmetric eigendecomposition (negative rounding noise in eigenvalues
 * clamped to zero). No non-symmetric product is ever square-rooted, which is where the usual scipy
 * {@code sqrtm} route picks up imaginary parts on near-singular covariances.
 */
public final class FidCalculator {
  private FidCalculator() {}

  /** FID between two feature sets (rows are samples, all of one width). */
  public static double fid(float[][] a, float[][] b) {
    return fid(FeatureStatistics.of(a), FeatureStatistics.of(b));
  }

  /** FID between precomputed statistics (e.g. cached reference statistics of the real data). */
  public static double fid(FeatureStatistics s1, FeatureStatistics s2) {
    int d = s1.dims();
    checkArgument(s2.dims() == d, "feature statistics differ in width: %s vs %s", d, s2.dims());
    double meanTerm = 0;
    for (int i = 0; i < d; i++) {
      double diff = s1.meanAt(i) - s2.meanAt(i);
      meanTerm += diff * diff;
    }
    DMatrixRMaj c1 = matrix(s1);
    DMatrixRMaj c2 = matrix(s2);
    DMatrixRMaj root1 = symmetricSqrt(c1);
    DMatrixRMaj tmp = new DMatrixRMaj(d, d);
    DMatrixRMaj m = new DMatrixRMaj(d, d);
    CommonOps_DDRM.mult(root1, c2, tmp);
    CommonOps_DDRM.mult(tmp, root1, m);
    symmetrise(m);
    double traceRoot = 0;
    for (double lambda : symmetricEigenvalues(m)) {
      traceRoot += Math.sqrt(Math.max(0, lambda));
    }
    double value = meanTerm + CommonOps_DDRM.trace(c1) + CommonOps_DDRM.trace(c2) - 2 * traceRoot;
    // A distance: rounding can leave a tiny negative number for identical inputs.
    return Math.max(0, value);
  }

  /**
   * The symmetric positive semi-definite square root V·diag(√max(λ, 0))·Vᵀ of a symmetric matrix.
   */
  static DMatrixRMaj symmetricSqrt(DMatrixRMaj c) {
    int d = c.numRows;
    DMatrixRMaj sym = c.copy();
    symmetrise(sym);
    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(d, true, true);
    if (!eig.decompose(sym)) {
      throw new IllegalStateException(
          "symmetric eigendecomposition of a " + d + "x" + d + " covariance failed");
    }
    DMatrixRMaj root = new DMatrixRMaj(d, d);
    for (int k = 0; k < eig.getNumberOfEigenvalues(); k++) {
      double s = Math.sqrt(Math.max(0, eig.getEigenvalue(k).getReal()));
      DMatrixRMaj v = eig.getEigenVector(k);
      if (s == 0 || v == null) {
        continue;
      }
      for (int i = 0; i < d; i++) {
        double vi = s * v.get(i, 0);
        for (int j = 0; j < d; j++) {
          root.add(i, j, vi * v.get(j, 0));
        }
      }
    }
    return root;
  }

  private static double[] symmetricEigenvalues(DMatrixRMaj m) {
    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(m.numRows, false, true);
    if (!eig.decompose(m.copy())) {
      throw new IllegalStateException(
          "symmetric eigendecomposition of a " + m.numRows + "x" + m.numRows + " matrix failed");
    }
    double[] values = new double[eig.getNumberOfEigenvalues()];
    for (int k = 0; k < values.length; k++) {
      values[k] = eig.getEigenvalue(k).getReal();
    }
    return values;
  }

  private static DMatrixRMaj matrix(FeatureStatistics s) {
    int d = s.dims();
    DMatrixRMaj m = new DMatrixRMaj(d, d);
    for (int a = 0; a < d; a++) {
      for (int b = 0; b < d; b++) {
        m.unsafe_set(a, b, s.covarianceAt(a, b));
      }
    }
    return m;
  }

  private static void symmetrise(DMatrixRMaj m) {
    int d = m.numRows;
    for (int a = 0; a < d; a++) {
      for (int b = a + 1; b < d; b++) {
        double v = 0.5 * (m.unsafe_get(a, b) + m.unsafe_get(b, a));
        m.unsafe_set(a, b, v);
        m.unsafe_set(b, a, v);
      }
    }
  }
}
