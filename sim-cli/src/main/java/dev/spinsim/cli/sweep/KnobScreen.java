package dev.spinsim.cli.sweep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which knobs of a sweep space move none of the search's objectives, learnt from the points
 * evaluated so far: a one-factor-at-a-time screening (as in the elementary effects of Morris 1991)
 * on the pairs of evaluated points that differ in one knob only. ADC sharing ({@code
 * adc.columnsPerAdc}) is the usual case: for energy and PSNR it moves energy by 0.01–0.03 % and
 * PSNR not at all, so a search that treats its five levels as five different chips spends most of
 * its budget re-measuring the same chip.
 *
 * <p>A knob is <em>inert</em> when at least {@link #MIN_PAIRS} such pair was evaluated and in every
 * one each objective differs by at most {@code sameCost} times that objective's span over all
 * evaluated points. Its <em>preferred level</em> is the lowest level when, of the pairs in which
 * one point dominates the other, more have the lower level's point dominating (the highest when
 * more have the higher; none on a tie): ADC sharing's extra leakage makes the unshared ADC the
 * cheaper. A majority, not every pair, because results.csv keeps 6 significant digits and a
 * difference of 1e-6 can round either way. Points that differ only in inert knobs count as the same
 * point for the search ({@link #key}), and new points take the preferred level ({@link
 * #canonical}). A knob that moves any objective beyond the threshold in any pair is never inert, so
 * with latency among the objectives ADC sharing is searched like every other knob.
 */
final class KnobScreen {
  /**
   * Pairs differing in one knob only that must agree before the knob is taken as inert. One: a knob
   * that matters moves a cost beyond {@code sameCost} of its span in almost any pair, and on the
   * README's grid-against-search comparison waiting for a second pair left ADC sharing searched all
   * along on seed 2 (the front then missed a grid point by 1e-6 of its energy).
   */
  static final int MIN_PAIRS = 1;

  private final boolean[] inert;
  private final int[] preferred;

  private KnobScreen(boolean[] inert, int[] preferred) {
    this.inert = inert;
    this.preferred = preferred;
  }

  /** No knob inert: every point is its own. */
  static KnobScreen none(int[] sizes) {
    int[] preferred = new int[sizes.length];
    Arrays.fill(preferred, -1);
    return new KnobScreen(new boolean[sizes.length], preferred);
  }

  /**
   * The screening of the points evaluated so far.
   *
   * @param sizes the number of levels of each knob
   * @param levels the level index per knob of each evaluated point
   * @param costs the cost vector (minimised) of each point, same order, all of one length
   * @param sameCost the fraction of an objective's span within which two costs count as equal
   */
  static KnobScreen of(int[] sizes, List<int[]> levels, List<double[]> costs, double sameCost) {
    KnobScreen screen = none(sizes);
    if (costs.isEmpty()) {
      return screen;
    }
    int nobj = costs.get(0).length;
    double[] span = new double[nobj];
    for (int k = 0; k < nobj; k++) {
      span[k] = Pareto.span(costs, k);
    }
    for (int d = 0; d < sizes.length; d++) {
      // the points grouped by their levels in every other knob
      Map<String, List<Integer>> groups = new HashMap<>();
      for (int i = 0; i < levels.size(); i++) {
        int[] masked = levels.get(i).clone();
        masked[d] = -1;
        groups.computeIfAbsent(Arrays.toString(masked), x -> new ArrayList<>()).add(i);
      }
      int pairs = 0;
      boolean same = true;
      int down = 0;
      int up = 0;
      for (List<Integer> g : groups.values()) {
        for (int a = 0; a < g.size() && same; a++) {
          for (int b = a + 1; b < g.size() && same; b++) {
            int i = g.get(a);
            int j = g.get(b);
            if (levels.get(i)[d] == levels.get(j)[d]) {
              continue;
            }
            if (levels.get(i)[d] > levels.get(j)[d]) {
              int t = i;
              i = j;
              j = t;
            }
            pairs++;
            double[] lo = costs.get(i);
            double[] hi = costs.get(j);
            for (int k = 0; k < nobj; k++) {
              same &= Math.abs(lo[k] - hi[k]) <= sameCost * span[k];
            }
            if (Pareto.dominates(lo, hi)) {
              down++;
            } else if (Pareto.dominates(hi, lo)) {
              up++;
            }
          }
        }
      }
      if (same && pairs >= MIN_PAIRS) {
        screen.inert[d] = true;
        screen.preferred[d] = down > up ? 0 : up > down ? sizes[d] - 1 : -1;
      }
    }
    return screen;
  }

  /** Whether knob {@code d} was found inert. */
  boolean inert(int d) {
    return inert[d];
  }

  /** The preferred level of knob {@code d}, or -1 when it is not inert or has none. */
  int preferred(int d) {
    return preferred[d];
  }

  /** {@code levels} with each inert knob that has a preferred level set to it (a new array). */
  int[] canonical(int[] levels) {
    int[] c = levels.clone();
    for (int d = 0; d < c.length; d++) {
      if (inert[d] && preferred[d] >= 0) {
        c[d] = preferred[d];
      }
    }
    return c;
  }

  /** A key equal for points that differ only in inert knobs. */
  String key(int[] levels) {
    StringBuilder b = new StringBuilder();
    for (int d = 0; d < levels.length; d++) {
      b.append(inert[d] ? "*" : Integer.toString(levels[d])).append(',');
    }
    return b.toString();
  }
}
