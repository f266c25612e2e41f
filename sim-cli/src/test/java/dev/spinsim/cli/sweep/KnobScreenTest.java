package dev.spinsim.cli.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Screening out knobs that move no objective, and what the search does with one. */
class KnobScreenTest {
  private static final int[] SIZES = {7, 5, 5};

  /**
   * (energy, −PSNR) of a synthetic chip: level 0 bits, 1 rows, 2 ADC sharing; sharing adds 1e-5 of
   * the energy per level and nothing to PSNR, as adc.columnsPerAdc does on the paper's chip.
   */
  private static double[] chip(int[] l) {
    double energy = Math.pow(2, l[0] * 0.3) * 20 / (1 << l[1]) * (1 + 1e-5 * l[2]);
    return new double[] {energy, -(10 + 3 * l[0] - 1.5 * l[1])};
  }

  private static KnobScreen screen(int[]... points) {
    List<int[]> levels = new ArrayList<>();
    List<double[]> costs = new ArrayList<>();
    for (int[] l : points) {
      levels.add(l);
      costs.add(chip(l));
    }
    return KnobScreen.of(SIZES, levels, costs, Nsga2Search.SAME_COST);
  }

  @Test
  void aKnobIsInertOncePairsShowItMovesNoObjectiveAndPrefersItsCheaperEnd() {
    int[][] spread = {{0, 0, 0}, {3, 2, 1}, {6, 4, 2}, {2, 3, 3}};
    KnobScreen none = screen(spread[0], spread[1], spread[2], spread[3]);
    assertFalse(none.inert(2), "no pair differs in the knob alone: nothing is known");
    KnobScreen one = screen(spread[0], spread[1], spread[2], spread[3], new int[] {3, 2, 4});
    assertTrue(one.inert(2), "one pair shows it");
    assertEquals(0, one.preferred(2));
    KnobScreen two =
        screen(
            spread[0], spread[1], spread[2], spread[3], new int[] {3, 2, 4}, new int[] {6, 4, 0});
    assertTrue(two.inert(2));
    assertEquals(0, two.preferred(2), "the lower level's point dominates in every pair");
    assertFalse(two.inert(0), "bits move both objectives");
    assertFalse(two.inert(1));
    assertArrayEquals(new int[] {5, 1, 0}, two.canonical(new int[] {5, 1, 3}));
    assertEquals(two.key(new int[] {5, 1, 0}), two.key(new int[] {5, 1, 4}));
    assertNotEquals(two.key(new int[] {5, 1, 0}), two.key(new int[] {5, 2, 0}));
    // a pair where the knob moves PSNR beyond the threshold keeps it searched
    List<int[]> levels = new ArrayList<>(List.of(new int[] {3, 2, 1}, new int[] {3, 2, 4}));
    List<double[]> costs = new ArrayList<>(List.of(chip(levels.get(0)), chip(levels.get(1))));
    levels.add(new int[] {6, 4, 0});
    costs.add(chip(levels.get(2)));
    levels.add(new int[] {6, 4, 2});
    double[] moved = chip(levels.get(3));
    moved[1] -= 0.5;
    costs.add(moved);
    levels.add(new int[] {0, 0, 0});
    costs.add(chip(levels.get(4)));
    assertFalse(KnobScreen.of(SIZES, levels, costs, Nsga2Search.SAME_COST).inert(2));
  }

  @Test
  void theCheaperEndIsTheOneMostPairsAgreeOnAndNoneOnATie() {
    List<int[]> levels =
        List.of(new int[] {0, 0, 0}, new int[] {6, 4, 4}, new int[] {3, 2, 1}, new int[] {3, 2, 3});
    List<double[]> costs = new ArrayList<>();
    for (int[] l : levels) {
      costs.add(chip(l));
    }
    List<int[]> l2 = new ArrayList<>(levels);
    List<double[]> c2 = new ArrayList<>(costs);
    l2.add(new int[] {5, 1, 0});
    l2.add(new int[] {5, 1, 2});
    c2.add(chip(new int[] {5, 1, 2})); // the lower level costs what the higher one does here …
    c2.add(chip(new int[] {5, 1, 0})); // … and the other way round
    KnobScreen s = KnobScreen.of(SIZES, l2, c2, Nsga2Search.SAME_COST);
    assertTrue(s.inert(2));
    assertEquals(-1, s.preferred(2));
    assertArrayEquals(new int[] {5, 1, 3}, s.canonical(new int[] {5, 1, 3}), "left as it is");
    // one more pair with the lower level cheaper: the majority decides (a last digit rounded the
    // other way in one pair does not hide the trend)
    l2.add(new int[] {1, 3, 0});
    l2.add(new int[] {1, 3, 4});
    c2.add(chip(new int[] {1, 3, 0}));
    c2.add(chip(new int[] {1, 3, 4}));
    assertEquals(0, KnobScreen.of(SIZES, l2, c2, Nsga2Search.SAME_COST).preferred(2));
  }

  @Test
  void underAScreenTheRepairMovesOnlyTheKnobsThatMatterAndTheFrontIsPolishedToTheCheaperLevel() {
    SweepSpace space = Nsga2SearchTest.SPACE;
    KnobScreen s =
        screen(
            new int[] {0, 0, 0},
            new int[] {3, 2, 1},
            new int[] {6, 4, 2},
            new int[] {3, 2, 4},
            new int[] {6, 4, 0});
    assertTrue(s.inert(2));
    Set<String> keys = new java.util.HashSet<>();
    keys.add(s.key(new int[] {3, 2, 0}));
    int[] fresh =
        Nsga2Search.nearestUnseen(space, new int[] {3, 2, 0}, keys, s, new SplittableRandom(1));
    assertEquals(0, fresh[2], "the inert knob stays where it is");
    assertEquals(1, Math.abs(fresh[0] - 3) + Math.abs(fresh[1] - 2), "one step in bits or rows");

    // a front point evaluated at sharing level 3 before the knob was known inert is re-run at 0
    Map<String, double[]> costs = new java.util.HashMap<>();
    List<SweepPoint> evaluated = new ArrayList<>();
    Set<String> seen = new java.util.HashSet<>();
    for (int[] l : new int[][] {{0, 0, 3}, {3, 2, 1}, {3, 2, 4}, {6, 4, 2}, {6, 4, 0}, {6, 0, 3}}) {
      SweepPoint p = space.point(l);
      evaluated.add(p);
      seen.add(p.id());
      costs.put(p.id(), chip(l));
    }
    List<int[]> polish = Nsga2Search.polish(space, evaluated, costs, seen);
    assertFalse(polish.isEmpty());
    for (int[] l : polish) {
      assertEquals(0, l[2], "polished to the preferred level");
      assertFalse(seen.contains(space.point(l).id()));
    }
    assertTrue(
        polish.stream().anyMatch(l -> l[0] == 6 && l[1] == 0), "the front point (6, 0, 3) → 0");
  }
}
