package dev.spinsim.devices.converter;

import dev.spinsim.core.config.OptionalKey;

/**
 * A row DAC as a configuration names it: registry device, bits (0 = ideal), optional energy and
 * time pins (null keeps the device's estimator), the driver's output resistance (with the word line
 * it sets the drive time, {@code CircuitTiming.dacDriveNs}), and static power and area per DAC.
 */
public record DacSpec(
    String device,
    int bits,
    @OptionalKey Double energyPj,
    @OptionalKey Double conversionTimeNs,
    @OptionalKey Double driverResistanceOhm,
    Double leakageMw,
    Double areaMm2) {
  public DacSpec {
    if (device == null || device.isBlank()) {
      throw new IllegalArgumentException("device must name a DAC, got nothing");
    }
    if (bits < 0 || bits > 16) {
      throw new IllegalArgumentException("bits must be in [0, 16] (0 = ideal), got " + bits);
    }
    Specs.checkNonNegative("energyPj", energyPj);
    Specs.checkNonNegative("conversionTimeNs", conversionTimeNs);
    Specs.checkNonNegative("driverResistanceOhm", driverResistanceOhm);
    leakageMw = Specs.nonNegativeOr("leakageMw", leakageMw, 0.0);
    areaMm2 = Specs.nonNegativeOr("areaMm2", areaMm2, 0.0);
  }

  public static DacSpec of(String device, int bits) {
    return new DacSpec(device, bits, null, null, null, null, null);
  }
}
