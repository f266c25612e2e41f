package dev.spinsim.devices.energy;

import dev.spinsim.core.energy.ComponentInfo;
import dev.spinsim.core.energy.EnergyEstimator;

/**
 * Prices ADC conversions by resolution: the component's {@code bits} attribute (or the default)
 * through the ISAAC table, the NeuroSim SAR formula or flash scaling — unless a fixed energy is
 * configured. Leakage per ADC × {@code count}.
 */
public final class AdcEnergyEstimator implements EnergyEstimator {
  private final AdcEnergyModel model;
  private final double techNodeNm;
  private final int defaultBits;
  private final Double fixedEnergyPj;
  private final double leakageMwPerUnit;

  public AdcEnergyEstimator(AdcEnergyModel model, double techNodeNm, int defaultBits, Double fixedEnergyPj,
      double leakageMwPerUnit) {
    this.model = model;
    this.techNodeNm = techNodeNm;
    this.defaultBits = defaultBits;
    this.fixedEnergyPj = fixedEnergyPj;
    this.leakageMwPerUnit = leakageMwPerUnit;
  }

  @Override
  public double energyPj(ComponentInfo c, String action) {
    if (!ComponentClasses.CONVERT.equals(action)) {
      throw new IllegalArgumentException("no energy for action '" + action + "' of an ADC; known actions: [convert]");
    }
    int bits = (int) c.attribute(ComponentClasses.BITS, defaultBits);
    if (bits == 0) {
      return 0; // ideal ADC
    }
    return fixedEnergyPj != null ? fixedEnergyPj : model.energyPj(bits, techNodeNm);
  }

  @Override
  public double leakageMw(ComponentInfo c) {
    return leakageMwPerUnit * c.attribute(ComponentClasses.COUNT, 1.0);
  }
}
