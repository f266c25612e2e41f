package dev.spinsim.cli.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class ParetoTest {
  @Test
  void theFrontKeepsExactlyTheNonDominatedPoints() {
    List<double[]> c =
        List.of(
            new double[] {1, 5},
            new double[] {2, 2},
            new double[] {3, 3},
            new double[] {5, 1},
            new double[] {Double.NaN, 0});
    assertEquals(List.of(0, 1, 3), Pareto.front(c));
  }

  @Test
  void aFrontCoversAnotherWhenEachOfItsPointsIsDominatedOrEqual() {
    List<double[]> a = List.of(new double[] {1, 2}, new double[] {2, 1});
    assertTrue(Pareto.covers(a, List.of(new double[] {1, 2}, new double[] {3, 3})));
    assertFalse(Pareto.covers(a, List.of(new double[] {0.5, 3})));
  }

  @Test
  void objectivesThatAreMaximisedAreNegatedCosts() {
    Objective psnr = Objective.of("psnr");
    assertTrue(psnr.maximise());
    assertEquals(-30.0, psnr.cost(Map.of("psnr_db_vs_float", "30"), "psnr_db_vs_float"));
    assertEquals(
        "energy_pj_per_image", Objective.of("energy").column(List.of("x", "energy_pj_per_image")));
  }

  @Property(tries = 50)
  void noPointOfTheFrontIsDominatedByAnyPoint(
      @ForAll @Size(min = 1, max = 20) List<@DoubleRange(min = 0, max = 10) Double> xs) {
    List<double[]> c = new java.util.ArrayList<>();
    for (int i = 0; i < xs.size(); i++) {
      c.add(new double[] {xs.get(i), xs.get(xs.size() - 1 - i)});
    }
    List<Integer> front = Pareto.front(c);
    assertFalse(front.isEmpty());
    for (int i : front) {
      for (double[] o : c) {
        assertFalse(Pareto.dominates(o, c.get(i)));
      }
    }
  }

  @Test
  void theHypervolumeIsTheAreaOrVolumeThePointsDominateUpToTheReference() {
    // two points in 2-D: 1×3 + 2×1 = 5 … the union of [1,4]×[1... computed by hand:
    // (1, 2) dominates [1,4]×[2,4] = 3×2 = 6; (2, 1) adds [2,4]×[1,2] = 2×1 = 2
    List<double[]> two = List.of(new double[] {1, 2}, new double[] {2, 1});
    assertEquals(8.0, Pareto.hypervolume(two, new double[] {4, 4}), 1e-12);
    // a dominated point and a point beyond the reference add nothing
    List<double[]> more =
        List.of(new double[] {1, 2}, new double[] {2, 1}, new double[] {3, 3}, new double[] {0, 5});
    assertEquals(8.0, Pareto.hypervolume(more, new double[] {4, 4}), 1e-12);
    // 3-D: a unit cube at the origin against (2, 2, 2) is 8; a second point (0, 0, 1.5)... inside
    assertEquals(
        8.0, Pareto.hypervolume(List.of(new double[] {0, 0, 0}), new double[] {2, 2, 2}), 1e-12);
    // two boxes [1,2]^3 ∪ [0,2]×[0,2]×[1.5,2]: 1 + 4×0.5 − overlap 1×1×0.5 = 2.5
    assertEquals(
        2.5,
        Pareto.hypervolume(
            List.of(new double[] {1, 1, 1}, new double[] {0, 0, 1.5}), new double[] {2, 2, 2}),
        1e-12);
  }

  @Property(tries = 200)
  void addingAPointNeverLowersTheHypervolume(
      @ForAll @Size(min = 1, max = 8) List<@DoubleRange(min = 0, max = 1) Double> xs,
      @ForAll @DoubleRange(min = 0, max = 1) double px,
      @ForAll @DoubleRange(min = 0, max = 1) double py,
      @ForAll @DoubleRange(min = 0, max = 1) double pz) {
    List<double[]> pts = new java.util.ArrayList<>();
    for (int i = 0; i < xs.size(); i++) {
      pts.add(new double[] {xs.get(i), xs.get((i + 1) % xs.size()), 1 - xs.get(i)});
    }
    double[] ref = {1.1, 1.1, 1.1};
    double before = Pareto.hypervolume(pts, ref);
    pts.add(new double[] {px, py, pz});
    double after = Pareto.hypervolume(pts, ref);
    assertTrue(after >= before - 1e-12, after + " < " + before);
    assertTrue(after <= 1.1 * 1.1 * 1.1 + 1e-12);
  }
}
