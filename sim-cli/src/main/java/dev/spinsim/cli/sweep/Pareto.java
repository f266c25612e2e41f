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
}
