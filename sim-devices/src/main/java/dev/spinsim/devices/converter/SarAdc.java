package dev.spinsim.devices.converter;

import com.google.common.base.Preconditions;

/**
 * Successive-approximation ADC: one comparator decision per bit. Energy from the ISAAC table
 * (default) or the NeuroSim SAR formula; time from the ISAAC 1.2 GS/s rate for the table, or
 * NeuroSim's (bits + 1) ns.
 */
public final class SarAdc implements Adc {
  public static final String NAME = "sar-adc";
  /** ISAAC's ADC runs at 1.2 GS/s (ISAAC Table I). */
  public static final double ISAAC_CONVERSION_NS = 1 / 1.2;

  private final int bits;
  private final double energyPj;
  private final double timeNs;
  private final AdcEnergyModel model;

  public SarAdc(int bits, AdcEnergyModel model, double techNodeNm, Double energyPj, Double timeNs) {
    Preconditions.checkArgument(bits >= 2 && bits <= 16, "bits must be in [2, 16], got %s", bits);
    this.bits = bits;
    this.model = model;
    this.energyPj = energyPj != null ? energyPj : model.energyPj(bits, techNodeNm);
    this.timeNs = timeNs != null ? timeNs
        : (model == AdcEnergyModel.NEUROSIM_SAR ? bits + 1.0 : ISAAC_CONVERSION_NS);
  }

  public SarAdc(int bits) {
    this(bits, AdcEnergyModel.ISAAC_TABLE, 32, null, null);
  }

  public AdcEnergyModel energyModel() {
    return model;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public int bits() {
    return bits;
  }

  @Override
  public double energyPjPerConversion() {
    return energyPj;
  }

  @Override
  public double conversionTimeNs() {
    return timeNs;
  }

  @Override
  public void convertAccumulate(float[] values, int n, double fullScale, double weight, double[] acc,
      boolean vector) {
    UniformQuantiser.accumulate(values, n, fullScale, maxCode(), weight, acc, vector);
  }
}
