package dev.spinsim.devices.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DomainWallReluTest {
  private final DomainWallRelu relu = new DomainWallRelu();

  @Test
  void transferIsMonotonic() {
    double prev = Double.NEGATIVE_INFINITY;
    for (double x = -2; x <= 2; x += 0.001) {
      double y = relu.transfer(x);
      assertTrue(y >= prev - 1e-15, "not monotonic at " + x);
      prev = y;
    }
  }

  @Test
  void isZeroBelowThresholdAndLinearAbove() {
    assertEquals(0, relu.transfer(-0.7), 0);
    assertEquals(0, relu.transfer(0), 0);
    assertEquals(0.3, relu.transfer(0.3), 1e-12);
    assertEquals(0.9, relu.transfer(0.9), 1e-12);
  }

  @Test
  void saturatesAtTheTrackEnd() {
    assertEquals(1, relu.transfer(1.0), 1e-12);
    assertEquals(1, relu.transfer(1.5), 0);
    assertEquals(120, relu.displacementNm(3), 0);
  }

  @Test
  void withoutBiasTheDepinningThresholdOpensADeadZone() {
    DomainWallRelu unbiased = new DomainWallRelu(DwReluParams.DEFAULTS.withDriveBiasFraction(0));
    // J_th / (L/(mu t)) = 4e9 / 6.186e10 = 0.0647
    double xth = 4e9 / (120e-9 / 1.94e-9 / 1e-9);
    assertEquals(0, unbiased.transfer(xth * 0.99), 0);
    assertTrue(unbiased.transfer(xth + 0.1) > 0.09);
    assertEquals(0.5 - xth, unbiased.transfer(0.5), 1e-12);
  }

  @Test
  void mtjConductanceSpansRapToRp() {
    assertEquals(1 / 25e3, relu.mtjConductanceSiemens(0), 1e-15);
    assertEquals(1 / 10e3, relu.mtjConductanceSiemens(120), 1e-15);
  }

  @Test
  void calibrationPublishedEnergyIs916Femtojoule() {
    assertEquals(9.16e-3, relu.energyPjPerActivation(), 1e-12);
    assertEquals(1.94, relu.latencyNs(), 1e-12);
  }

  @Test
  void physicalEnergyModelIsALowerBoundOnThePublishedFigure() {
    DomainWallRelu phys = new DomainWallRelu(DwReluParams.DEFAULTS.withEnergy(0.00916, 1.94, true));
    double e = phys.energyPj(1.0);
    assertTrue(e > 0 && e < 9.16e-3, "physical energy " + e);
    assertTrue(phys.energyPj(1.0) > phys.energyPj(0.2));
  }

  @Test
  void withoutSelfResetTheWallAccumulatesUntilReset() {
    DomainWallRelu held = new DomainWallRelu(DwReluParams.DEFAULTS.withSelfReset(false));
    assertEquals(0.4, held.activate(0.4), 1e-12);
    assertEquals(0.7, held.activate(0.3), 1e-12);
    held.reset();
    assertEquals(0.3, held.activate(0.3), 1e-12);
    assertEquals(3, held.activations());
  }

  @Test
  void selfResettingUnitForgetsThePreviousPulse() {
    DomainWallRelu r = new DomainWallRelu();
    r.activate(0.6);
    assertEquals(0, r.positionNm(), 0);
    assertEquals(0.2, r.activate(0.2), 1e-12);
  }
}
