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
}
