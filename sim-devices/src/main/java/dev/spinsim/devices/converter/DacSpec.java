package dev.spinsim.devices.converter;

/**
 * A DAC as a configuration names it: registry device, bits, and optional energy/time overrides
 * (null keeps the device's estimator).
 */
public record DacSpec(String device, int bits, Double energyPj, Double conversionTimeNs) {
  public DacSpec {
    if (device == null || device.isBlank()) {
      throw new IllegalArgumentException("device must name a DAC, got nothing");
    }
    if (bits < 0 || bits > 16) {
      throw new IllegalArgumentException("bits must be in [0, 16] (0 = ideal), got " + bits);
    }
    if (energyPj != null && !(energyPj >= 0)) {
      throw new IllegalArgumentException("energyPj must be >= 0, got " + energyPj);
    }
    if (conversionTimeNs != null && !(conversionTimeNs >= 0)) {
      throw new IllegalArgumentException("conversionTimeNs must be >= 0, got " + conversionTimeNs);
    }
  }
}
