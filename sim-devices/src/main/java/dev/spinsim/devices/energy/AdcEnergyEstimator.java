package dev.spinsim.devices.energy;

/**
 * Prices ADC conversions by resolution: the component's {@code bits} attribute (or the default)
 * through the ISAAC table, the NeuroSim SAR formula or flash scaling — unless a fixed energy is
 * configured. Leakage per ADC × {@code count}.
 */
public final class AdcEnergyEstimator extends ConverterEnergyEstimator {
  private final AdcEnergyModel model;
  private final double techNodeNm;

  public AdcEnergyEstimator(
      AdcEnergyModel model,
      double techNodeNm,
      int defaultBits,
      Double fixedEnergyPj,
      double leakageMwPerUnit) {
    super("an ADC", defaultBits, fixedEnergyPj, leakageMwPerUnit);
    this.model = model;
    this.techNodeNm = techNodeNm;
  }

  @Override
  double modelPj(int bits) {
    return model.energyPj(bits, techNodeNm);
  }
}
