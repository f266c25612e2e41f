package dev.spinsim.devices.synapse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SkyrmionSynapseTest {
  private final SkyrmionSynapse s = new SkyrmionSynapse();

  @Test
  void hasSixtyFourStatesByDefault() {
    assertEquals(64, s.levels());
  }

  @Test
  void conductanceIsLinearBetweenBounds() {
    double step = (s.maxConductanceSiemens() - s.minConductanceSiemens()) / 63;
    assertEquals(s.minConductanceSiemens(), s.conductanceSiemens(0), 1e-15);
    assertEquals(s.maxConductanceSiemens(), s.conductanceSiemens(63), 1e-15);
    for (int i = 1; i < 64; i++) {
      assertEquals(step, s.conductanceSiemens(i) - s.conductanceSiemens(i - 1), 1e-12);
    }
  }

  @Test
  void calibrationOneStepCosts087Femtojoule() {
    assertEquals(0.87e-3, s.programEnergyPj(10, 11), 1e-12);
    assertEquals(0.87e-3, s.programEnergyPj(11, 10), 1e-12);
  }

  @Test
  void programmingCostScalesWithSteps() {
    assertEquals(63 * 0.87e-3, s.programEnergyPj(0, 63), 1e-12);
    assertEquals(5 * 1500, s.programTimePs(20, 15));
  }

  @Test
  void levelsAreConfigurable() {
    SkyrmionSynapse s16 = new SkyrmionSynapse(SkyrmionSynapse.DEFAULTS.withLevels(16));
    assertEquals(16, s16.levels());
    assertEquals(s16.maxConductanceSiemens(), s16.conductanceSiemens(15), 1e-15);
  }

  @Test
  void conductanceTableIsUsedWhenGiven() {
    SynapseParams p =
        new SynapseParams(
            3, 1e-5, 4e-5, List.of(1e-5, 3e-5, 4e-5), 0, 0.00087, 1, SynapseNonIdealities.NONE);
    SkyrmionSynapse t = new SkyrmionSynapse(p);
    assertEquals(3e-5, t.conductanceSiemens(1), 0);
    assertEquals(1, t.nearestLevel(2.6e-5));
  }

  @Test
  void nearestLevelRoundsToClosestConductance() {
    double g =
        s.conductanceSiemens(17) + 0.4 * (s.conductanceSiemens(18) - s.conductanceSiemens(17));
    assertEquals(17, s.nearestLevel(g));
    assertEquals(0, s.nearestLevel(0));
    assertEquals(63, s.nearestLevel(1));
  }

  @Test
  void writeErrorsLandOneStepOffAtTheConfiguredRate() {
    SplittableRandom rng = new SplittableRandom(1);
    int off = 0;
    int n = 20000;
    for (int k = 0; k < n; k++) {
      int reached = s.programmedLevel(30, rng);
      assertTrue(Math.abs(reached - 30) <= 1);
      if (reached != 30) {
        off++;
      }
    }
    assertEquals(0.03, off / (double) n, 0.006);
  }

  @Test
  void readEnergyIsVSquaredGT() {
    // 0.1 V, 100 µS, 10 ns -> 1e-2 * 1e-4 * 1e-8 J = 1e-14 J = 0.01 pJ
    assertEquals(0.01, SynapseDevice.readEnergyPj(0.1, 1e-4, 10), 1e-15);
  }

  @Test
  void rejectsInvalidLevels() {
    assertThrows(IllegalArgumentException.class, () -> SkyrmionSynapse.DEFAULTS.withLevels(1));
  }
}
