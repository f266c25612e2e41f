package dev.spinsim.devices.converter;

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
}
