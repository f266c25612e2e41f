package dev.spinsim.devices.converter;

import dev.spinsim.core.energy.EnergyEstimator;

/**
 * An analog-to-digital converter reading a column: it clips the value to [−fullScale, fullScale]
 * and quantises it mid-tread (zero is a code) to 2^(bits−1) − 1 steps each side; an ideal ADC (bits
 * 0) does neither.
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

  /**
   * Converts {@code values[0..n)} and shift-adds them: acc[j] += weight × convert(values[j],
   * fullScale). An ADC that keeps the default {@link #convert} may override this with the
   * vectorised {@link AdcBlockQuantiser} (same bits); {@code vector} chooses its Vector API loop.
   */
  default void convertAccumulate(
      float[] values, int n, double fullScale, double weight, double[] acc, boolean vector) {
    for (int j = 0; j < n; j++) {
      acc[j] += weight * convert(values[j], fullScale);
    }
  }

  /**
   * True when this ADC converts with the default {@link #code} (clip to ±fullScale, mid-tread
   * rounding to ±maxCode uniform steps), so a readout may fuse the conversion into the array read
   * and shift-add the integer codes.
   */
  default boolean uniformMidTread() {
    return false;
  }

  /** Energy of one conversion, in pJ. */
  double energyPjPerConversion();

  /**
   * Time of one conversion, in ns: the device's timing estimator (cycles of its own clock), or the
   * configuration's pinned time.
   */
  double conversionTimeNs();

  /** True when the conversion time is pinned by the configuration rather than derived. */
  default boolean conversionTimePinned() {
    return false;
  }

  /**
   * The energy estimator of this ADC's component class, pricing a conversion by the component's
   * {@code bits} attribute (the device brings it with its registration, so the energy table never
   * asks which ADC it has); leakage {@code leakageMwPerUnit} per ADC.
   */
  EnergyEstimator energyEstimator(double leakageMwPerUnit);
}
