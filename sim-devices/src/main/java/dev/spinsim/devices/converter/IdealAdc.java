package dev.spinsim.devices.converter;

import dev.spinsim.core.energy.EnergyEstimator;
import dev.spinsim.devices.energy.AdcEnergyEstimator;
import dev.spinsim.devices.energy.AdcEnergyModel;

/** An ideal ADC: no clipping, no quantisation, no energy, no time. */
public final class IdealAdc implements Adc {
  public static final String NAME = "ideal-adc";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public int bits() {
    return 0;
  }

  @Override
  public double energyPjPerConversion() {
    return 0;
  }

  @Override
  public double conversionTimeNs() {
    return 0;
  }

  @Override
  public EnergyEstimator energyEstimator(double leakageMwPerUnit) {
    return new AdcEnergyEstimator(AdcEnergyModel.FLASH, 32, 0, 0.0, leakageMwPerUnit);
  }
}
