package dev.spinsim.devices.crossbar;

import com.google.common.base.Preconditions;

/**
 * The digital side of a crossbar read: input precision and encoding, ADC sharing, the ADC full
 * scale as a fraction of the largest possible column value, and the S+H / shift-add phase times.
 *
 * @param inputBits input precision (0 = analog inputs applied through the DAC in one cycle)
 * @param inputEncoding unsigned or sign-split inputs
 * @param columnsPerAdc weight columns sharing one ADC (converted one after another)
 * @param adcFullScaleFraction ADC full scale / (rows × largest input slice × |w|max); values beyond
 *     it clip. 1 never clips; smaller trades clipping for resolution
 * @param dacNs row-driver settling time per cycle
 * @param sampleHoldNs sample-and-hold acquisition time per cycle
 * @param shiftAddNs shift-and-add time per cycle
 */
public record ReadoutConfig(
    int inputBits,
    InputEncoding inputEncoding,
    int columnsPerAdc,
    double adcFullScaleFraction,
    double dacNs,
    double sampleHoldNs,
    double shiftAddNs) {

  public ReadoutConfig {
    Preconditions.checkArgument(
        inputBits >= 0 && inputBits <= 24, "inputBits must be in [0, 24], got %s", inputBits);
    Preconditions.checkNotNull(inputEncoding, "inputEncoding must be given");
    Preconditions.checkArgument(
        columnsPerAdc >= 1, "columnsPerAdc must be >= 1, got %s", columnsPerAdc);
    Preconditions.checkArgument(
        adcFullScaleFraction > 0 && adcFullScaleFraction <= 1,
        "adcFullScaleFraction must be in (0, 1], got %s",
        adcFullScaleFraction);
    Preconditions.checkArgument(dacNs >= 0, "dacNs must be >= 0, got %s", dacNs);
    Preconditions.checkArgument(
        sampleHoldNs >= 0, "sampleHoldNs must be >= 0, got %s", sampleHoldNs);
    Preconditions.checkArgument(shiftAddNs >= 0, "shiftAddNs must be >= 0, got %s", shiftAddNs);
  }

  /** A readout whose row drivers take no time (a DAC whose drive hides in the read). */
  public ReadoutConfig(
      int inputBits,
      InputEncoding inputEncoding,
      int columnsPerAdc,
      double adcFullScaleFraction,
      double sampleHoldNs,
      double shiftAddNs) {
    this(
        inputBits, inputEncoding, columnsPerAdc, adcFullScaleFraction, 0, sampleHoldNs, shiftAddNs);
  }

  /** Exact arithmetic: analog inputs, no clipping (with an ideal DAC and ADC). */
  public static ReadoutConfig ideal(InputEncoding encoding) {
    return new ReadoutConfig(0, encoding, 1, 1.0, 0, 0, 0);
  }

  /** The same readout with another input encoding. */
  public ReadoutConfig withEncoding(InputEncoding encoding) {
    return new ReadoutConfig(
        inputBits, encoding, columnsPerAdc, adcFullScaleFraction, dacNs, sampleHoldNs, shiftAddNs);
  }
}
