package dev.spinsim.cli.sweep;

import java.util.List;

/**
 * A Gaussian-process (kriging) model of one objective over the knob levels (Sacks et al. 1989;
 * Rasmussen and Williams 2006, ch. 2 and 5), the other cheap model {@link Nsga2Search}'s local
 * search may rank candidates with: an isotropic squared-exponential kernel on the level indices
 * scaled to [0, 1], a constant mean (the costs standardised), its length scale and noise chosen
 * from a small grid by the log marginal likelihood. It follows a cost that moves unevenly over the
 * space (PSNR, which saturates in ADC bits and collapses at a bad range) where a quadratic cannot;
 * a quadratic extrapolates a smooth one (log energy) better. {@link #choose} keeps the one with the
 * smaller leave-one-out error.
 *
 * <p>Like {@link QuadraticSurrogate}, an objective whose costs are all positive is modelled by its
 * logarithm, and the model only ranks candidates.
 */
final class KrigingSurrogate implements Surrogate {
  private static final double[] LENGTH_SCALES = {0.15, 0.25, 0.4, 0.6, 1.0};
  private static final double[] NOISES = {1e-4, 1e-2, 1e-1};

  private final int[] sizes;
  private final double[][] x;
  private final double[] alpha;
  private final double mean;
  private final double sd;
  private final double lengthScale;
  private final boolean log;
  private final double looError;

  private KrigingSurrogate(
      int[] sizes,
      double[][] x,
      double[] alpha,
      double mean,
      double sd,
      double lengthScale,
      boolean log,
      double looError) {
    this.sizes = sizes;
    this.x = x;
    this.alpha = alpha;
    this.mean = mean;
    this.sd = sd;
    this.lengthScale = lengthScale;
    this.log = log;
    this.looError = looError;
  }

  /**
   * Fits one objective: {@code levels[i]} is point i's level index per dimension, {@code costs[i]}
   * its finite cost. Needs at least one point; null when no grid setting gives a positive-definite
   * kernel.
   */
  static KrigingSurrogate fit(int[] sizes, List<int[]> levels, double[] costs) {
    int n = costs.length;
    boolean log = true;
    for (double c : costs) {
      log &= c > 0;
    }
    double[] y = new double[n];
    double mean = 0;
    for (int i = 0; i < n; i++) {
      y[i] = log ? Math.log(costs[i]) : costs[i];
      mean += y[i] / n;
    }
    double var = 0;
    for (double v : y) {
      var += (v - mean) * (v - mean) / n;
    }
    double sd = var > 0 ? Math.sqrt(var) : 1;
    for (int i = 0; i < n; i++) {
      y[i] = (y[i] - mean) / sd;
    }
    double[][] x = new double[n][];
    for (int i = 0; i < n; i++) {
      x[i] = scaled(sizes, levels.get(i));
    }
    double bestLikelihood = Double.NEGATIVE_INFINITY;
    double[][] bestChol = null;
    double[] bestAlpha = null;
    double bestLength = 0;
    for (double l : LENGTH_SCALES) {
      for (double noise : NOISES) {
        double[][] k = new double[n][n];
        for (int i = 0; i < n; i++) {
          for (int j = 0; j < n; j++) {
            k[i][j] = kernel(x[i], x[j], l) + (i == j ? noise : 0);
          }
        }
        double[][] chol = cholesky(k);
        if (chol == null) {
          continue;
        }
        double[] alpha = cholSolve(chol, y);
        double likelihood = 0;
        for (int i = 0; i < n; i++) {
          likelihood -= 0.5 * y[i] * alpha[i] + Math.log(chol[i][i]);
        }
        if (likelihood > bestLikelihood) {
          bestLikelihood = likelihood;
          bestChol = chol;
          bestAlpha = alpha;
          bestLength = l;
        }
      }
    }
    if (bestChol == null) {
      return null;
    }
    // leave-one-out residuals in closed form: alpha_i / (K^-1)_ii (Rasmussen and Williams 2006,
    // eq. 5.12), on the model's scale
    double loo = 0;
    double[] e = new double[n];
    for (int i = 0; i < n; i++) {
      java.util.Arrays.fill(e, 0);
      e[i] = 1;
      double kinvII = cholSolve(bestChol, e)[i];
      loo += Math.abs(bestAlpha[i] / kinvII) * sd / n;
    }
    return new KrigingSurrogate(sizes.clone(), x, bestAlpha, mean, sd, bestLength, log, loo);
  }

  /**
   * Of a quadratic response surface and a kriging model of the same costs, the one with the smaller
   * mean absolute leave-one-out error; the quadratic when there are too few points to tell (fewer
   * than its terms).
   */
  static Surrogate choose(int[] sizes, List<int[]> levels, double[] costs) {
    QuadraticSurrogate q = QuadraticSurrogate.fit(sizes, levels, costs);
    if (costs.length < QuadraticSurrogate.terms(sizes.length)) {
      return q;
    }
    KrigingSurrogate k = fit(sizes, levels, costs);
    return k != null && k.looError < QuadraticSurrogate.looError(sizes, levels, costs) ? k : q;
  }

  @Override
  public double predict(int[] level) {
    double[] p = scaled(sizes, level);
    double y = 0;
    for (int i = 0; i < x.length; i++) {
      y += alpha[i] * kernel(p, x[i], lengthScale);
    }
    y = mean + sd * y;
    return log ? Math.exp(y) : y;
  }

  private static double[] scaled(int[] sizes, int[] level) {
    double[] p = new double[sizes.length];
    for (int d = 0; d < p.length; d++) {
      p[d] = sizes[d] > 1 ? (double) level[d] / (sizes[d] - 1) : 0;
    }
    return p;
  }

  private static double kernel(double[] a, double[] b, double l) {
    double s = 0;
    for (int d = 0; d < a.length; d++) {
      s += (a[d] - b[d]) * (a[d] - b[d]);
    }
    return Math.exp(-0.5 * s / (l * l));
  }

  /** The lower Cholesky factor of a symmetric matrix, or null when it is not positive definite. */
  private static double[][] cholesky(double[][] a) {
    int n = a.length;
    double[][] l = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        double s = a[i][j];
        for (int k = 0; k < j; k++) {
          s -= l[i][k] * l[j][k];
        }
        if (i == j) {
          if (s <= 0) {
            return null;
          }
          l[i][i] = Math.sqrt(s);
        } else {
          l[i][j] = s / l[j][j];
        }
      }
    }
    return l;
  }

  /** Solves (L Lᵀ) v = b. */
  private static double[] cholSolve(double[][] l, double[] b) {
    int n = b.length;
    double[] z = new double[n];
    for (int i = 0; i < n; i++) {
      double s = b[i];
      for (int k = 0; k < i; k++) {
        s -= l[i][k] * z[k];
      }
      z[i] = s / l[i][i];
    }
    double[] v = new double[n];
    for (int i = n - 1; i >= 0; i--) {
      double s = z[i];
      for (int k = i + 1; k < n; k++) {
        s -= l[k][i] * v[k];
      }
      v[i] = s / l[i][i];
    }
    return v;
  }
}
