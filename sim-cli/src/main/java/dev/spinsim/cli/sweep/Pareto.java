package dev.spinsim.cli.sweep;

import java.util.ArrayList;
import java.util.List;

/** Non-dominated filtering of cost vectors (every objective minimised). */
public final class Pareto {
  private Pareto() {}

  /** Whether {@code a} dominates {@code b}: no worse in every objective, better in one. */
  public static boolean dominates(double[] a, double[] b) {
    boolean better = false;
    for (int i = 0; i < a.length; i++) {
      if (a[i] > b[i]) {
        return false;
      }
      if (a[i] < b[i]) {
        better = true;
      }
    }
    return better;
  }

  /** Indices of the non-dominated vectors, in input order (vectors with a NaN are never on it). */
  public static List<Integer> front(List<double[]> costs) {
    List<Integer> out = new ArrayList<>();
    outer:
    for (int i = 0; i < costs.size(); i++) {
      double[] c = costs.get(i);
      for (double v : c) {
        if (Double.isNaN(v)) {
          continue outer;
        }
      }
      for (int j = 0; j < costs.size(); j++) {
        if (j != i && !hasNaN(costs.get(j)) && dominates(costs.get(j), c)) {
          continue outer;
        }
      }
      out.add(i);
    }
    return out;
  }

  private static boolean hasNaN(double[] c) {
    for (double v : c) {
      if (Double.isNaN(v)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether front {@code a} dominates or equals front {@code b}: every point of {@code b} is
   * dominated by or equal to some point of {@code a}.
   */
  public static boolean covers(List<double[]> a, List<double[]> b) {
    for (double[] q : b) {
      boolean covered = false;
      for (double[] p : a) {
        if (java.util.Arrays.equals(p, q) || dominates(p, q)) {
          covered = true;
          break;
        }
      }
      if (!covered) {
        return false;
      }
    }
    return true;
  }

  /**
   * The hypervolume of {@code points} (every objective minimised) up to {@code ref}: the measure of
   * the region they dominate and {@code ref} bounds (Zitzler and Thiele 1998), by slicing along the
   * last objective (the HSO algorithm of While et al. 2006; exponential in the number of
   * objectives, meant for the few objectives and small fronts of a sweep). Points not below {@code
   * ref} in every objective add nothing.
   */
  public static double hypervolume(List<double[]> points, double[] ref) {
    List<double[]> in = new ArrayList<>();
    for (double[] p : points) {
      boolean below = true;
      for (int k = 0; k < ref.length; k++) {
        below &= p[k] < ref[k];
      }
      if (below) {
        in.add(p);
      }
    }
    return slice(in, ref, ref.length);
  }

  private static double slice(List<double[]> points, double[] ref, int d) {
    if (points.isEmpty()) {
      return 0;
    }
    if (d == 1) {
      double best = ref[0];
      for (double[] p : points) {
        best = Math.min(best, p[0]);
      }
      return ref[0] - best;
    }
    List<double[]> sorted = new ArrayList<>(points);
    sorted.sort((a, b) -> Double.compare(a[d - 1], b[d - 1]));
    double volume = 0;
    for (int i = 0; i < sorted.size(); i++) {
      double top = i + 1 < sorted.size() ? sorted.get(i + 1)[d - 1] : ref[d - 1];
      if (top > sorted.get(i)[d - 1]) {
        volume += slice(sorted.subList(0, i + 1), ref, d - 1) * (top - sorted.get(i)[d - 1]);
      }
    }
    return volume;
  }

  /**
   * The span (largest minus smallest) of objective {@code k} over {@code costs}; when they are all
   * equal, the magnitude of that value (at least 1e-12), so dividing by it stays finite.
   */
  public static double span(List<double[]> costs, int k) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double[] c : costs) {
      lo = Math.min(lo, c[k]);
      hi = Math.max(hi, c[k]);
    }
    return hi > lo ? hi - lo : Math.max(1e-12, Math.abs(hi));
  }
}
