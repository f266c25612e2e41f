package dev.spinsim.devices.converter;

import dev.spinsim.core.config.OptionalKey;
import dev.spinsim.devices.energy.AdcEnergyModel;

/**
 * ADCs as a configuration names them: registry device, bits (0 = ideal), energy model
 * ({@code isaac-table}, {@code neurosim-sar}, {@code flash}, {@code ramp}), technology node, the
 * converter's own clock and its overhead cycles per conversion (null keeps the device's default;
 * the device derives its conversion time from them), optional energy/time pins (null keeps the
 * estimator), how many weight columns share one ADC, the full-scale policy (fraction of the
 * largest possible column value; beyond it values clip), and static power and area per ADC.
 */
public record AdcSpec(
    String device, int bits, @OptionalKey String energyModel, Double techNodeNm, @OptionalKey Double energyPj, @OptionalKey Double conversionTimeNs,
    @OptionalKey Double clockMhz, @OptionalKey Integer overheadCycles, Integer columnsPerAdc, Double fullScaleFraction, Double leakageMw,
    Double areaMm2) {
  public AdcSpec {
    if (device == null || device.isBlank()) {
      throw new IllegalArgumentException("device must name an ADC, got nothing");
    }
    if (bits < 0 || bits > 16 || bits == 1) {
      throw new IllegalArgumentException("bits must be 0 (ideal) or in [2, 16], got " + bits);
    }
    if (energyModel != null && !AdcEnergyModel.NAMES.contains(energyModel)) {
      throw new IllegalArgumentException("energyModel must be one of " + AdcEnergyModel.NAMES + ", got " + energyModel);
    }
    techNodeNm = Specs.positiveOr("techNodeNm", techNodeNm, 32.0);
    Specs.checkNonNegative("energyPj", energyPj);
    Specs.checkNonNegative("conversionTimeNs", conversionTimeNs);
    if (clockMhz != null && !(clockMhz > 0 && Double.isFinite(clockMhz))) {
      throw new IllegalArgumentException("clockMhz must be > 0, got " + clockMhz);
    }
    if (overheadCycles != null && overheadCycles < 0) {
      throw new IllegalArgumentException("overheadCycles must be >= 0, got " + overheadCycles);
    }
    if (columnsPerAdc == null) {
      columnsPerAdc = 1;
    } else if (columnsPerAdc < 1) {
      throw new IllegalArgumentException("columnsPerAdc must be >= 1, got " + columnsPerAdc);
    }
    if (fullScaleFraction == null) {
      fullScaleFraction = 1.0;
    } else if (!(fullScaleFraction > 0 && fullScaleFraction <= 1)) {
      throw new IllegalArgumentException("fullScaleFraction must be in (0, 1], got " + fullScaleFraction);
    }
    leakageMw = Specs.nonNegativeOr("leakageMw", leakageMw, 0.0);
    areaMm2 = Specs.nonNegativeOr("areaMm2", areaMm2, 0.0);
  }

  public static AdcSpec of(String device, int bits) {
    return new AdcSpec(device, bits, null, null, null, null, null, null, null, null, null, null);
  }
}
