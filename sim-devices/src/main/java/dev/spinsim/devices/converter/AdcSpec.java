package dev.spinsim.devices.converter;

/**
 * An ADC as a configuration names it: registry device, bits, the energy model
 * ({@code isaac-table}, {@code neurosim-sar}, {@code flash}; null = the device's own), the
 * technology node for the NeuroSim formula, and optional energy/time overrides.
 */
public record AdcSpec(
    String device, int bits, String energyModel, Double techNodeNm, Double energyPj, Double conversionTimeNs) {
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
    if (techNodeNm != null && !(techNodeNm > 0)) {
      throw new IllegalArgumentException("techNodeNm must be > 0, got " + techNodeNm);
    }
    if (energyPj != null && !(energyPj >= 0)) {
      throw new IllegalArgumentException("energyPj must be >= 0, got " + energyPj);
    }
    if (conversionTimeNs != null && !(conversionTimeNs >= 0)) {
      throw new IllegalArgumentException("conversionTimeNs must be >= 0, got " + conversionTimeNs);
    }
  }

  public static AdcSpec of(String device, int bits) {
    return new AdcSpec(device, bits, null, null, null, null);
  }
}
