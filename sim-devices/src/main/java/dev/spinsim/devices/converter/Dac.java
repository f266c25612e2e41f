package dev.spinsim.devices.converter;

/**
 * A digital-to-analog converter driving a crossbar row: {@code bits} of input per conversion
 * (0 = ideal analog, any value), clipping to [0, 1] of the full-scale read voltage.
 */
public interface Dac {

  /** Registry name. */
  String name();

  /** Resolution in bits, or 0 for an ideal (continuous) DAC. */
  int bits();

  /** Largest input code, 2^bits − 1 (0 for an ideal DAC). */
  default int maxCode() {
    return bits() == 0 ? 0 : (1 << bits()) - 1;
  }

  /** The output level for a normalised input in [0, 1]: clipped and, unless ideal, quantised. */
  default double convert(double x) {
    double c = Math.max(0, Math.min(1, x));
    if (bits() == 0) {
      return c;
    }
    int m = maxCode();
    return Math.rint(c * m) / m;
  }

  /** Energy of one conversion (one row drive), in pJ. */
  double energyPjPerConversion();

  /** Time of one conversion, in ns. */
  double conversionTimeNs();
}
