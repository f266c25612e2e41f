package dev.spinsim.network.hwaware;

import java.util.List;

/**
 * Resolves a preset name to what hardware-aware training needs. Until the device presets are
 * wired in, the built-in model stands in: {@code paper} = 64-level synapses (6-bit skyrmion)
 * and piecewise-linear domain-wall curves saturating at 4 (in units of the pre-activation).
 */
public final class HardwarePresets {
  public static final List<String> BUILT_IN = List.of("paper");
  public static final double DEFAULT_SATURATION = 4.0;

  private HardwarePresets() {}

  public static HardwareAwareness resolve(String preset) {
    if ("paper".equals(preset)) {
      return HardwareAwareness.builtIn(64, DEFAULT_SATURATION);
    }
    throw new IllegalArgumentException("unknown hardware preset '" + preset + "' for --hw-aware, expected one of " + BUILT_IN);
  }
}
