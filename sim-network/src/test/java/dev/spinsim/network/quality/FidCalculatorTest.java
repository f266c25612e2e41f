package dev.spinsim.network.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class FidCalculatorTest {
  /** n samples of d correlated features: x = A·g + offset with g standard normal. */
  static float[][] correlated(SplittableRandom rng, int n, int d, double offset) {
    double[][] a = new double[d][d];
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        a[i][j] = rng.nextGaussian() / Math.sqrt(d);
      }
    }
    float[][] x = new float[n][d];
    double[] g = new double[d];
    for (int s = 0; s < n; s++) {
      for (int j = 0; j < d; j++) {
        g[j] = rng.nextGaussian();
      }
      for (int i = 0; i < d; i++) {
        double v = offset;
        for (int j = 0; j < d; j++) {
          v += a[i][j] * g[j];
        }
        x[s][i] = (float) v;
      }
    }
    return x;
  }

  /** Closed form for commuting covariances Q·diag(a)·Qᵀ and Q·diag(b)·Qᵀ. */
  static double closedForm(double[] mu1, double[] mu2, double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += (mu1[i] - mu2[i]) * (mu1[i] - mu2[i]) + Math.pow(Math.sqrt(a[i]) - Math.sqrt(b[i]), 2);
    }
    return s;
  }

  /** A random orthogonal matrix (Gram–Schmidt on a Gaussian matrix). */
  static double[][] orthogonal(SplittableRandom rng, int d) {
    double[][] q = new double[d][d];
    for (int k = 0; k < d; k++) {
      double[] v = new double[d];
      for (int i = 0; i < d; i++) {
        v[i] = rng.nextGaussian();
      }
      for (int p = 0; p < k; p++) {
        double dot = 0;
        for (int i = 0; i < d; i++) {
          dot += v[i] * q[p][i];
        }
        for (int i = 0; i < d; i++) {
          v[i] -= dot * q[p][i];
        }
      }
      double norm = 0;
      for (double x : v) {
        norm += x * x;
      }
      norm = Math.sqrt(norm);
      for (int i = 0; i < d; i++) {
        q[k][i] = v[i] / norm;
      }
    }
    return q;
  }

  /** Qᵀ·diag(e)·Q with q's rows as the eigenvectors. */
  static double[][] rotate(double[][] q, double[] e) {
    int d = e.length;
    double[][] c = new double[d][d];
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        double s = 0;
        for (int k = 0; k < d; k++) {
          s += q[k][i] * e[k] * q[k][j];
        }
        c[i][j] = s;
      }
    }
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < i; j++) {
        c[i][j] = c[j][i];
      }
    }
    return c;
  }

  @Test
  void fidOfASetWithItselfIsZero() {
    float[][] x = correlated(new SplittableRandom(1), 400, 32, 3.0);
    double fid = FidCalculator.fid(x, x);
    assertEquals(0, fid, 1e-8);
  }

  @Test
  void fidOfARankDeficientSetWithItselfIsZero() {
    // 20 samples in 64 dimensions: the covariance is singular, where naive sqrtm goes complex.
    float[][] x = correlated(new SplittableRandom(2), 20, 64, 0.5);
    assertEquals(0, FidCalculator.fid(x, x), 1e-8);
  }

  @Test
  void matchesTheClosedFormForDiagonalCovariances() {
    double[] mu1 = {0, 1, 2, -1}, mu2 = {0.5, 1, 0, -1};
    double[] a = {1, 4, 0.25, 9}, b = {4, 1, 0.25, 0.01};
    FeatureStatistics s1 = FeatureStatistics.of(100, mu1, rotate(identity(4), a));
    FeatureStatistics s2 = FeatureStatistics.of(100, mu2, rotate(identity(4), b));
    double expected = closedForm(mu1, mu2, a, b);
    assertEquals(expected, FidCalculator.fid(s1, s2), 1e-10 * expected);
  }

  @Property(tries = 30)
  void matchesTheClosedFormForCommutingCovariances(
      @ForAll @IntRange(min = 1, max = 24) int d, @ForAll long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[][] q = orthogonal(rng, d);
    double[] a = new double[d], b = new double[d], mu1 = new double[d], mu2 = new double[d];
    for (int i = 0; i < d; i++) {
      a[i] = Math.exp(2 * rng.nextGaussian());
      b[i] = i % 5 == 0 ? 0 : Math.exp(2 * rng.nextGaussian()); // some singular directions
      mu1[i] = rng.nextGaussian();
      mu2[i] = rng.nextGaussian();
    }
    double expected = closedForm(mu1, mu2, a, b);
    double fid =
        FidCalculator.fid(
            FeatureStatistics.of(10, mu1, rotate(q, a)),
            FeatureStatistics.of(10, mu2, rotate(q, b)));
    // Tolerance: eigenvalues near 0 lose half their digits under the square root (relative 1e-16 ->
    // 1e-8 per direction).
    assertEquals(expected, fid, 1e-6 * (1 + expected) * d);
  }

  @Test
  void sampledGaussiansConvergeToTheClosedForm() {
    SplittableRandom rng = new SplittableRandom(11);
    int n = 40_000, d = 4;
    double[] mu1 = {0, 0, 1, 0}, mu2 = {1, 0, 1, 0.5};
    double[] sd1 = {1, 2, 0.5, 1}, sd2 = {1.5, 1, 0.5, 2};
    float[][] x = new float[n][d], y = new float[n][d];
    for (int s = 0; s < n; s++) {
      for (int i = 0; i < d; i++) {
        x[s][i] = (float) (mu1[i] + sd1[i] * rng.nextGaussian());
        y[s][i] = (float) (mu2[i] + sd2[i] * rng.nextGaussian());
      }
    }
    double[] a = new double[d], b = new double[d];
    for (int i = 0; i < d; i++) {
      a[i] = sd1[i] * sd1[i];
      b[i] = sd2[i] * sd2[i];
    }
    double expected = closedForm(mu1, mu2, a, b); // 1.25 + 2.25 = 3.5
    // Sampling spread of this estimate at n = 40,000 is about 0.03 (standard deviation over seeds,
    // measured with numpy/scipy); 0.15 is five of those.
    assertEquals(expected, FidCalculator.fid(x, y), 0.15);
  }

  @Property(tries = 20)
  void isSymmetricInItsArguments(@ForAll long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    float[][] x = correlated(rng, 200, 16, 0);
    float[][] y = correlated(rng, 150, 16, 0.3);
    double xy = FidCalculator.fid(x, y), yx = FidCalculator.fid(y, x);
    assertEquals(xy, yx, 1e-9 * Math.max(1, xy));
  }

  @Test
  void growsWithTheDistanceBetweenMeans() {
    SplittableRandom rng = new SplittableRandom(4);
    float[][] x = correlated(rng, 300, 8, 0);
    double previous = -1;
    for (double shift : new double[] {0, 0.5, 1, 2, 4}) {
      float[][] y = new float[x.length][];
      for (int s = 0; s < x.length; s++) {
        y[s] = x[s].clone();
        for (int i = 0; i < y[s].length; i++) {
          y[s][i] += (float) shift;
        }
      }
      double fid = FidCalculator.fid(x, y);
      assertEquals(8 * shift * shift, fid, 1e-4 * (1 + fid));
      assertTrue(fid > previous);
      previous = fid;
    }
  }

  @Test
  void differentWidthsAreRefused() {
    SplittableRandom rng = new SplittableRandom(1);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> FidCalculator.fid(correlated(rng, 10, 4, 0), correlated(rng, 10, 5, 0)));
    assertTrue(e.getMessage().contains("4 vs 5"), e.getMessage());
  }

  private static double[][] identity(int d) {
    double[][] q = new double[d][d];
    for (int i = 0; i < d; i++) {
      q[i][i] = 1;
    }
    return q;
  }
}
