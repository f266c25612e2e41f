package dev.spinsim.network.hwaware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HardwarePresetsTest {
  @Test
  void paperPresetQuantisesToTheSkyrmionsSixtyFourLevels() {
    HardwareAwareness hw = HardwarePresets.resolve("paper");
    assertEquals(64, hw.quantizer().levels());
  }

  @Test
  void paperReluFollowsTheDomainWallCurveAndSaturatesAtFullScale() {
    ActivationTransfer relu = HardwarePresets.resolve("paper").relu();
    double fs = HardwarePresets.ACTIVATION_FULL_SCALE;
    assertEquals(0, relu.apply(-1), 1e-9);
    assertEquals(0.5 * fs, relu.apply(0.5 * fs), 1e-3);
    assertEquals(fs, relu.apply(1.5 * fs), 1e-9);
    assertEquals(1, relu.derivative(0.5 * fs), 1e-3);
    assertEquals(0, relu.derivative(1.5 * fs), 1e-9);
  }

  @Test
  void paperLeakyReluHasTheTunedNegativeSlope() {
    ActivationTransfer leaky = HardwarePresets.resolve("paper").leakyRelu().apply(0.2);
    assertEquals(-0.2, leaky.apply(-1), 0.01);
    assertEquals(0.2, leaky.derivative(-1), 0.02);
  }

  @Test
  void idealPresetKeepsFloatWeights() {
    assertNull(HardwarePresets.resolve("ideal").quantizer());
  }

  @Test
  void unknownPresetIsRefused() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> HardwarePresets.resolve("tpu"));
    assertTrue(e.getMessage().startsWith("--hw-aware --preset tpu: "), e.getMessage());
  }
}
