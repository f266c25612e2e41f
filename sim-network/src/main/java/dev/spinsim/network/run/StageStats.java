package dev.spinsim.network.run;

/**
 * What the values of one layer went through on the chip, over a run: ADC conversions, those that
 * clipped at full scale, those of a non-zero signal that read code 0, activation pulses and those
 * that drove the unit into saturation. Fractions are NaN when there was nothing to count (an ideal
 * ADC, a layer without activation).
 */
public record StageStats(
    long adcConversions, long adcClipped, long adcZeroCodes, long activations, long saturated) {
  /** No conversions and no activations (a stage that does not count them). */
  public static final StageStats NONE = new StageStats(0, 0, 0, 0, 0);

  /** Fraction of the ADC conversions that clipped. */
  public double adcClipFraction() {
    return adcConversions == 0 ? Double.NaN : (double) adcClipped / adcConversions;
  }

  /** Fraction of the ADC conversions that lost a non-zero signal to code 0. */
  public double adcZeroCodeFraction() {
    return adcConversions == 0 ? Double.NaN : (double) adcZeroCodes / adcConversions;
  }

  /** Fraction of the activations that saturated the unit. */
  public double activationSaturationFraction() {
    return activations == 0 ? Double.NaN : (double) saturated / activations;
  }
}
