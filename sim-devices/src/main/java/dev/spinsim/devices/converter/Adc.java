package dev.spinsim.devices.converter;

/**
 * An analog-to-digital converter reading a column: it clips the value to [−fullScale, fullScale]
 * and quantises it mid-tread (zero is a code) to 2^(bits−1) − 1 steps each side; an ideal ADC
 * (bits 0) does neither.
 */
public interface Adc {

  /** Registry name. */
  String name();

  /** Resolution in bits, or 0 for an ideal ADC. */
  int bits();

  /** Largest code magnitude, 2^(bits−1) − 1 (0 for an ideal ADC). */
  default int maxCode() {
    return bits() == 0 ? 0 : (1 << (bits() - 1)) - 1;
  }

  /** The signed output code of a value for a full scale (ideal ADC: not defined). */
  default int code(double value, double fullScale) {
    if (bits() == 0) {
      throw new IllegalStateException(name() + " is ideal and produces no codes");
    }
    int m = maxCode();
    double q = Math.rint(value / fullScale * m);
    return q >= m ? m : (q <= -m ? -m : (int) q);
  }

  /** The value the ADC reports for an input: clipped and quantised (ideal: unchanged). */
  default double convert(double value, double fullScale) {
    if (bits() == 0) {
      return value;
    }
    return code(value, fullScale) * (fullScale / maxCode());
  }

  /** Energy of one conversion, in pJ. */
  double energyPjPerConversion();

  /** Time of one conversion, in ns. */
  double conversionTimeNs();
}
