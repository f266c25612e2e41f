package dev.spinsim.network.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CalibrationTest {
  private static void assertWithin(CalibrationRow r) {
    assertTrue(
        r.withinTolerance(),
        r.name()
            + ": published "
            + r.published()
            + " "
            + r.unit()
            + ", simulated "
            + r.simulated()
            + " ("
            + r.errorPct()
            + " %, tolerance "
            + r.tolerancePct()
            + " %)");
  }

  @Test
  void dcgan64ActivationOnlyEnergyIsThePapers24point72NanojoulesWithinHalfAPercent() {
    CalibrationRow r = Calibration.dcgan64ActivationEnergy();
    assertEquals(0.5, r.tolerancePct());
    assertWithin(r);
    // 122,880 DW ReLU + 122,880 DW Leaky ReLU activations (docs/REFERENCE.md)
    assertEquals(122_880 * (9.16e-3 + 0.192) / 1000, r.simulated(), 1e-9);
  }

  @Test
  void isaacTileKeptFullyBusyDraws330MilliwattsOn0point372SquareMillimetres() {
    List<CalibrationRow> rows = Calibration.isaacTile();
    rows.forEach(CalibrationTest::assertWithin);
    assertEquals(5, rows.get(0).tolerancePct());
  }

  @Test
  void unitEnergiesMatchThePublishedFigures() {
    Calibration.unitEnergies().forEach(CalibrationTest::assertWithin);
  }

  @Test
  void outOfToleranceRowIsReported() {
    CalibrationRow r = new CalibrationRow("x", 100, 103, "pJ", 2, "test");
    assertEquals(3, r.errorPct(), 1e-12);
    assertTrue(!r.withinTolerance());
  }
}
