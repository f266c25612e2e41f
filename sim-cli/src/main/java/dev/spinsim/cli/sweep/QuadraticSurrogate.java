package dev.spinsim.cli.sweep;

import java.util.List;

/**
 * A cheap model of one objective over the knob levels, for choosing which unevaluated point the
 * Pareto local search of {@link Nsga2Search} spends an evaluation on: a full quadratic response
 * surface (intercept, each level, each level squared, each pair of levels multiplied; Box and
 * Wilson 1951) over the level indices scaled to [0, 1], fitted by ridge regression (Hoerl and
 * Kennard 1970) so it stays defined when there are fewer points than terms. An objective whose
 * observed costs are all positive (energy, latency, area) is fitted on its logarithm, since those
 * move by factors along the log-spaced knobs; others (PSNR as a cost) as they are.
 *
 * <p>It only ranks candidates; its predictions never reach a results row.
 */
final class QuadraticSurrogate implements Surrogate {
  /** Ridge penalty per fitted point, on the scaled terms (the intercept is not penalised). */
  static final double RIDGE = 1e-4;

  private final int[] sizes;
  private final double[] beta;
  private final boolean log;

  private QuadraticSurrogate(int[] sizes, double[] beta, boolean log) {
    this.sizes = sizes;
    this.beta = beta;
    this.log = log;
  }

  /**
   * Fits one objective: {@code levels[i]} is point i's level index per dimension (each in [0,
   * sizes[d])), {@code costs[i]} its cost (finite). Needs at least one point.
   */
  static QuadraticSurrogate fit(int[] sizes, List<int[]> levels, double[] costs) {
    boolean log = true;
    for (double c : costs) {
      log &= c > 0;
    }
    int p = terms(sizes.length);
    double[][] a = new double[p][p + 1];
    double[] phi = new double[p];
    for (int i = 0; i < costs.length; i++) {
      features(sizes, levels.get(i), phi);
      double y = log ? Math.log(costs[i]) : costs[i];
      for (int r = 0; r < p; r++) {
        for (int c = 0; c < p; c++) {
          a[r][c] += phi[r] * phi[c];
        }
        a[r][p] += phi[r] * y;
      }
    }
    for (int r = 1; r < p; r++) {
      a[r][r] += RIDGE * Math.max(1, costs.length);
    }
    return new QuadraticSurrogate(sizes.clone(), solve(a), log);
  }

  /**
   * The mean absolute leave-one-out error of the fit on these points, on the scale it models (the
   * logarithm for all-positive costs): each point predicted by the fit on all the others.
   */
  static double looError(int[] sizes, List<int[]> levels, double[] costs) {
    boolean log = true;
    for (double c : costs) {
      log &= c > 0;
    }
    int n = costs.length;
    double error = 0;
    for (int i = 0; i < n; i++) {
      List<int[]> l = new java.util.ArrayList<>(levels);
      l.remove(i);
      double[] c = new double[n - 1];
      for (int j = 0, k = 0; j < n; j++) {
        if (j != i) {
          c[k++] = costs[j];
        }
      }
      double predicted = fit(sizes, l, c).predict(levels.get(i));
      error += Math.abs(log ? Math.log(predicted) - Math.log(costs[i]) : predicted - costs[i]) / n;
    }
    return error;
  }

  @Override
  public double predict(int[] level) {
    double[] phi = new double[beta.length];
    features(sizes, level, phi);
    double y = 0;
    for (int i = 0; i < phi.length; i++) {
      y += beta[i] * phi[i];
    }
    return log ? Math.exp(y) : y;
  }

  static int terms(int dims) {
    return 1 + 2 * dims + dims * (dims - 1) / 2;
  }

  private static void features(int[] sizes, int[] level, double[] phi) {
    int n = sizes.length;
    double[] x = new double[n];
    for (int d = 0; d < n; d++) {
      x[d] = sizes[d] > 1 ? (double) level[d] / (sizes[d] - 1) : 0;
    }
    int k = 0;
    phi[k++] = 1;
    for (int d = 0; d < n; d++) {
      phi[k++] = x[d];
      phi[k++] = x[d] * x[d];
    }
    for (int d = 0; d < n; d++) {
      for (int e = d + 1; e < n; e++) {
        phi[k++] = x[d] * x[e];
      }
    }
  }

  /** Gauss–Jordan elimination with partial pivoting of an augmented p × (p + 1) system. */
  private static double[] solve(double[][] a) {
    int p = a.length;
    for (int col = 0; col < p; col++) {
      int pivot = col;
      for (int r = col + 1; r < p; r++) {
        if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
          pivot = r;
        }
      }
      double[] t = a[col];
      a[col] = a[pivot];
      a[pivot] = t;
      double d = a[col][col];
      if (d == 0) {
        continue; // a term no point moves (e.g. a one-level knob): its coefficient stays 0
      }
      for (int c = col; c <= p; c++) {
        a[col][c] /= d;
      }
      for (int r = 0; r < p; r++) {
        if (r != col && a[r][col] != 0) {
          double f = a[r][col];
          for (int c = col; c <= p; c++) {
            a[r][c] -= f * a[col][c];
          }
        }
      }
    }
    double[] beta = new double[p];
    for (int r = 0; r < p; r++) {
      beta[r] = a[r][r] == 0 ? 0 : a[r][p];
    }
    return beta;
  }
}
