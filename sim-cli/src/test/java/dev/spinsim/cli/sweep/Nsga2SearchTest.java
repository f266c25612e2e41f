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
  private static final SweepSpace SPACE =
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
    int[] next = Nsga2Search.nearestUnseen(SPACE, center, seen, new SplittableRandom(1));
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
    int[] further = Nsga2Search.nearestUnseen(SPACE, center, seen, new SplittableRandom(1));
    int far = 0;
    for (int d = 0; d < 3; d++) {
      far += Math.abs(further[d] - center[d]);
    }
    assertEquals(2, far);
    assertTrue(!seen.contains(SPACE.point(further).id()));
  }

  @Test
  void theLocalSearchStartsFromTheFrontsEndsAndWalksAPlateauFromOnePlace() {
    Map<String, double[]> costs = new java.util.LinkedHashMap<>();
    costs.put("1", new double[] {1, 9});
    costs.put("2", new double[] {2, 5});
    costs.put("3", new double[] {2, 5}); // the same cost as 2: one of them stands for both
    costs.put("4", new double[] {4, 4});
    costs.put("5", new double[] {9, 1});
    costs.put("6", new double[] {5, 5}); // dominated by 4
    List<String> order = Nsga2Search.frontByCrowding(costs);
    assertEquals(List.of("1", "5"), order.subList(0, 2), "the two ends first");
    assertEquals(List.of("2", "4"), List.copyOf(new java.util.TreeSet<>(order.subList(2, 4))));
    assertEquals(4, order.size(), "no dominated point, one point per cost");
    // 4 has the wider neighbourhood: (9 - 2) / 8 + (5 - 1) / 8 = 1.375 against 2's (4 - 1) / 8 + (9
    // - 4) / 8 = 1
    assertEquals("4", order.get(2));
  }

  @Test
  void aSpaceEvaluatedWholeHasNoPointLeft() {
    Set<String> all = new HashSet<>();
    for (SweepPoint p : SPACE.all()) {
      all.add(p.id());
    }
    assertNull(Nsga2Search.nearestUnseen(SPACE, new int[] {0, 0, 0}, all, new SplittableRandom(1)));
  }
}
