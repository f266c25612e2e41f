package dev.spinsim.devices.energy;

/**
 * Prices DAC conversions by resolution (ISAAC 1-bit row drive scaled by levels) unless a fixed
 * energy is configured; 0 for an ideal DAC (bits 0). Leakage per DAC × {@code count}.
 */
public final class DacEnergyEstimator extends ConverterEnergyEstimator {
  public DacEnergyEstimator(int defaultBits, Double fixedEnergyPj, double leakageMwPerUnit) {
    super("a DAC", defaultBits, fixedEnergyPj, leakageMwPerUnit);
  }

  @Override
  double modelPj(int bits) {
    return ConverterEnergy.dacPj(bits);
  }
}
