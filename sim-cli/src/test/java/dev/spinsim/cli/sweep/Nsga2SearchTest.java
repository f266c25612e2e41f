package dev.spinsim.cli.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.moeaframework.core.Solution;
import org.moeaframework.core.variable.EncodingUtils;
import org.moeaframework.problem.AbstractProblem;

/** The search's seeding and duplicate repair on a small space. */
class Nsga2SearchTest {
  static final SweepSpace SPACE =
      SweepSpace.of(
          null,
          List.of(
              "adc.bits=3,4,5,6,7,8,9",
              "crossbar.rows=32,64,128,256,512",
              "adc.columnsPerAdc=1,2,4,8,16"));

  private static AbstractProblem problem() {
    return new AbstractProblem(3, 1) {
      @Override
      public Solution newSolution() {
        Solution s = new Solution(3, 1);
        for (int d = 0; d < 3; d++) {
          s.setVariable(d, EncodingUtils.newInt(0, SPACE.dimensions().get(d).size() - 1));
        }
        return s;
      }

      @Override
      public void evaluate(Solution s) {}
    };
  }

  @Test
  void theInitialPopulationStartsAtBothCornersAndCoversEveryLevelOfEveryKnob() {
    List<Solution> init = Nsga2Search.latinHypercube(problem(), SPACE, 12, new SplittableRandom(1));
    assertEquals(12, init.size());
    assertArrayEquals(new int[] {0, 0, 0}, EncodingUtils.getInt(init.get(0)));
    assertArrayEquals(new int[] {6, 4, 4}, EncodingUtils.getInt(init.get(1)));
    for (int d = 0; d < 3; d++) {
      Set<Integer> levels = new HashSet<>();
      for (Solution s : init) {
        levels.add(EncodingUtils.getInt(s)[d]);
      }
      assertEquals(
          SPACE.dimensions().get(d).size(), levels.size(), "every level of dimension " + d);
    }
    List<Solution> again =
        Nsga2Search.latinHypercube(problem(), SPACE, 12, new SplittableRandom(1));
    for (int i = 0; i < 12; i++) {
      assertArrayEquals(
          EncodingUtils.getInt(init.get(i)), EncodingUtils.getInt(again.get(i)), "seeded");
    }
  }

  @Test
  void aDuplicateMovesToTheNearestPointNotYetEvaluated() {
    int[] center = {3, 2, 2};
    Set<String> seen = new HashSet<>();
    seen.add(SPACE.point(center).id());
    int[] next = nearestUnseen(center, seen);
    int steps = 0;
    for (int d = 0; d < 3; d++) {
      steps += Math.abs(next[d] - center[d]);
    }
    assertEquals(1, steps, "one level step away");
    // with every neighbour one step away seen too, the repair goes two steps out
    for (int d = 0; d < 3; d++) {
      for (int s : new int[] {-1, 1}) {
        int[] n = center.clone();
        n[d] += s;
        seen.add(SPACE.point(n).id());
      }
    }
    int[] further = nearestUnseen(center, seen);
    int far = 0;
    for (int d = 0; d < 3; d++) {
      far += Math.abs(further[d] - center[d]);
    }
    assertEquals(2, far);
    assertTrue(!seen.contains(SPACE.point(further).id()));
  }

  /**
   * A synthetic chip on SPACE: energy grows with ADC bits and falls with rows (log-spaced levels,
   * so by factors), columnsPerAdc changes nothing; PSNR grows with bits and falls with rows.
   */
  private static double[] synthetic(int[] l) {
    double energy = Math.pow(1.4, l[0]) * Math.pow(0.6, l[1]);
    double psnr = 10 + 3 * l[0] - 1.5 * l[1];
    return new double[] {energy, -psnr};
  }

  /** The repair without a screening, given the ids of the points seen. */
  private static int[] nearestUnseen(int[] levels, Set<String> seenIds) {
    KnobScreen none = KnobScreen.none(new int[] {7, 5, 5});
    Set<String> keys = new HashSet<>();
    for (String id : seenIds) {
      keys.add(none.key(Nsga2Search.levels(SPACE, Long.parseLong(id))));
    }
    return Nsga2Search.nearestUnseen(SPACE, levels, keys, none, new SplittableRandom(1));
  }

  private static String id(int[] l) {
    return SPACE.point(l).id();
  }

  @Test
  void theLocalSearchExtendsTheFrontWhereTheSurrogatePredictsAGainAndNeverRepeatsAPoint() {
    Map<String, double[]> costs = new java.util.TreeMap<>();
    Set<String> seen = new HashSet<>();
    // a few points spread over bits and rows, columnsPerAdc at level 0
    int[][] known = {{0, 0, 0}, {2, 2, 0}, {4, 4, 0}, {6, 4, 0}, {3, 0, 0}, {6, 0, 0}, {1, 3, 0}};
    for (int[] l : known) {
      costs.put(id(l), synthetic(l));
      seen.add(id(l));
    }
    List<int[]> picks = Nsga2Search.surrogateChoice(SPACE, costs, seen, 2, new SplittableRandom(1));
    assertEquals(2, picks.size());
    Set<String> ids = new HashSet<>();
    for (int[] l : picks) {
      assertTrue(!seen.contains(id(l)), "an evaluated point is never chosen again");
      assertTrue(ids.add(id(l)), "one batch has distinct points");
      // every pick is predicted non-dominated: the model is exact up to the ridge on this chip,
      // so the pick really is not dominated by an evaluated point
      double[] c = synthetic(l);
      for (double[] f : costs.values()) {
        assertTrue(
            !(f[0] <= c[0] && f[1] <= c[1] && (f[0] < c[0] || f[1] < c[1])),
            "pick " + java.util.Arrays.toString(l) + " is dominated by an evaluated point");
      }
      assertTrue(l[2] == 0 || l[2] == 1, "one step from a front point (columnsPerAdc level 0)");
    }
  }

  @Test
  void theLocalSearchStopsWhenNoFrontPointHasANeighbourLeftWithinTwoSteps() {
    Map<String, double[]> costs = new java.util.TreeMap<>();
    Set<String> seen = new HashSet<>();
    for (SweepPoint p : SPACE.all()) {
      seen.add(p.id());
    }
    int[] l = {3, 2, 2};
    costs.put(id(l), synthetic(l));
    assertEquals(
        List.of(), Nsga2Search.surrogateChoice(SPACE, costs, seen, 2, new SplittableRandom(1)));
    // one unevaluated point two steps away is found; three steps away is not
    seen.remove(id(new int[] {4, 3, 2}));
    assertEquals(
        1, Nsga2Search.surrogateChoice(SPACE, costs, seen, 2, new SplittableRandom(1)).size());
    seen.add(id(new int[] {4, 3, 2}));
    seen.remove(id(new int[] {4, 3, 3}));
    assertEquals(
        List.of(), Nsga2Search.surrogateChoice(SPACE, costs, seen, 2, new SplittableRandom(1)));
  }

  @Test
  void theSurrogateFitsAQuadraticAndAPositiveObjectiveByItsLogarithm() {
    int[] sizes = {7, 5};
    List<int[]> levels = new java.util.ArrayList<>();
    List<Double> lin = new java.util.ArrayList<>();
    List<Double> pos = new java.util.ArrayList<>();
    for (int a = 0; a < 7; a++) {
      for (int b = 0; b < 5; b++) {
        double x = a / 6.0;
        double y = b / 4.0;
        levels.add(new int[] {a, b});
        lin.add(-3 + 2 * x - 5 * y * y + 4 * x * y);
        pos.add(Math.exp(1 + x - 2 * y));
      }
    }
    QuadraticSurrogate q =
        QuadraticSurrogate.fit(sizes, levels, lin.stream().mapToDouble(d -> d).toArray());
    QuadraticSurrogate e =
        QuadraticSurrogate.fit(sizes, levels, pos.stream().mapToDouble(d -> d).toArray());
    for (int i = 0; i < levels.size(); i++) {
      // the ridge (1e-4 per point on [0, 1]-scaled terms) shrinks the fit slightly: within 0.05 of
      // a range of 9, and 5 % of a value spanning a factor of 20
      assertEquals(lin.get(i), q.predict(levels.get(i)), 0.05);
      assertEquals(pos.get(i), e.predict(levels.get(i)), 0.05 * pos.get(i));
    }
    // a quadratic cannot follow an exponential in the level: the log fit is what makes e exact
    assertTrue(e.predict(new int[] {6, 0}) > 0);
  }

  @Test
  void aSpaceEvaluatedWholeHasNoPointLeft() {
    Set<String> all = new HashSet<>();
    for (SweepPoint p : SPACE.all()) {
      all.add(p.id());
    }
    assertNull(nearestUnseen(new int[] {0, 0, 0}, all));
  }
}
