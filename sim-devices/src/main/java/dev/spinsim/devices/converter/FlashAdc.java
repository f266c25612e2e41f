package dev.spinsim.devices.converter;

import com.google.common.base.Preconditions;

/**
 * Flash ADC: 2^bits − 1 comparators decide in parallel, so energy scales with 2^bits and a
 * conversion takes one short comparator delay.
 */
public final class FlashAdc implements Adc {
  public static final String NAME = "flash-adc";
  /** Default conversion time [assumed: 0.25 ns, one comparator + encoder delay]. */
  public static final double DEFAULT_TIME_NS = 0.25;

  private final int bits;
  private final double energyPj;
  private final double timeNs;

  public FlashAdc(int bits, double techNodeNm, Double energyPj, Double timeNs) {
    Preconditions.checkArgument(bits >= 2 && bits <= 10, "bits must be in [2, 10] for a flash ADC, got %s", bits);
    this.bits = bits;
    this.energyPj = energyPj != null ? energyPj : AdcEnergyModel.FLASH.energyPj(bits, techNodeNm);
    this.timeNs = timeNs != null ? timeNs : DEFAULT_TIME_NS;
  }

  public FlashAdc(int bits) {
    this(bits, 32, null, null);
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
