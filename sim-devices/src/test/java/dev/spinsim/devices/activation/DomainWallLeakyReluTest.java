package dev.spinsim.devices.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DomainWallLeakyReluTest {
  /** Stated tolerance: the pinning dead-zone (0.5 % of full scale) bounds the error by 0.005. */
  private static final double TOLERANCE = 0.01;

  @ParameterizedTest
  @ValueSource(doubles = {0.01, 0.1, 0.2, 0.3})
  void matchesMaxOfXAndAlphaXOverTheLinearRange(double alpha) {
    DomainWallLeakyRelu u = new DomainWallLeakyRelu(DwLeakyReluParams.DEFAULTS.withAlpha(alpha));
    for (double x = -1; x <= 1; x += 0.0005) {
      assertEquals(Math.max(x, alpha * x), u.transfer(x), TOLERANCE, "alpha " + alpha + " x " + x);
    }
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.0, 0.01, 0.2, 1.0})
  void transferIsMonotonic(double alpha) {
    DomainWallLeakyRelu u = new DomainWallLeakyRelu(DwLeakyReluParams.DEFAULTS.withAlpha(alpha));
    double prev = Double.NEGATIVE_INFINITY;
    for (double x = -8; x <= 3; x += 0.001) {
      double y = u.transfer(x);
      assertTrue(y >= prev - 1e-15, "not monotonic at " + x);
      prev = y;
    }
  }

  @Test
  void saturatesAtBothTrackEnds() {
    DomainWallLeakyRelu u = new DomainWallLeakyRelu();
    assertEquals(1, u.transfer(1.5), 0);
    assertEquals(1, u.transfer(10), 0);
    // the stiff side reaches the track end only at x = -1/alpha = -5
    assertEquals(-1, u.transfer(-6), 1e-12);
    assertTrue(u.transfer(-4) > -1);
  }

  @Test
  void slopesAreOneAndAlphaWithinOnePercent() {
    DomainWallLeakyRelu u = new DomainWallLeakyRelu(DwLeakyReluParams.DEFAULTS.withAlpha(0.3));
    // the pinning dead-zone stretches the slopes by 1 / (1 - 0.005): within 1 %
    assertEquals(1.0, (u.transfer(0.8) - u.transfer(0.4)) / 0.4, 0.01);
    assertEquals(0.3, (u.transfer(-0.4) - u.transfer(-0.8)) / 0.4, 0.003);
  }

  @Test
  void calibrationEnergyIs0192PicojoulePerActivation() {
    DomainWallLeakyRelu u = new DomainWallLeakyRelu();
    assertEquals(0.192, u.energyPjPerActivation(), 1e-12);
    assertEquals(2.0, u.latencyNs(), 0);
  }

  @Test
  void alphaOutsideZeroOneIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> DwLeakyReluParams.DEFAULTS.withAlpha(1.2));
    assertThrows(IllegalArgumentException.class, () -> DwLeakyReluParams.DEFAULTS.withAlpha(-0.1));
  }

  @Test
  void activateCountsAndResetReturnsTheWallToRest() {
    DomainWallLeakyRelu u = new DomainWallLeakyRelu();
    u.activate(0.5);
    assertTrue(u.lastPositionNm() > 0);
    u.reset();
    assertEquals(0, u.lastPositionNm(), 0);
    assertEquals(1, u.activations());
  }
}
