package dev.spinsim.devices.energy;

import dev.spinsim.core.energy.ComponentInfo;
import dev.spinsim.core.energy.EnergyEstimator;

/**
 * Prices DAC conversions by resolution (ISAAC 1-bit row drive scaled by levels) unless a fixed
 * energy is configured; 0 for an ideal DAC (bits 0). Leakage per DAC × {@code count}.
 */
public final class DacEnergyEstimator implements EnergyEstimator {
  private final int defaultBits;
  private final Double fixedEnergyPj;
  private final double leakageMwPerUnit;

  public DacEnergyEstimator(int defaultBits, Double fixedEnergyPj, double leakageMwPerUnit) {
    this.defaultBits = defaultBits;
    this.fixedEnergyPj = fixedEnergyPj;
    this.leakageMwPerUnit = leakageMwPerUnit;
  }

  @Override
  public double energyPj(ComponentInfo c, String action) {
    if (!ComponentClasses.CONVERT.equals(action)) {
      throw new IllegalArgumentException("no energy for action '" + action + "' of a DAC; known actions: [convert]");
    }
    int bits = (int) c.attribute(ComponentClasses.BITS, defaultBits);
    if (bits == 0) {
      return 0;
    }
    return fixedEnergyPj != null ? fixedEnergyPj : ConverterEnergy.dacPj(bits);
  }

  @Override
  public double leakageMw(ComponentInfo c) {
    return leakageMwPerUnit * c.attribute(ComponentClasses.COUNT, 1.0);
  }
}
