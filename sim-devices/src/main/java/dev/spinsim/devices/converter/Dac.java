package dev.spinsim.devices.converter;

import dev.spinsim.core.energy.EnergyEstimator;
import dev.spinsim.devices.energy.DacEnergyEstimator;

/**
 * A digital-to-analog converter driving a crossbar row: {@code bits} of input per conversion (0 =
 * ideal analog, any value), clipping to [0, 1] of the full-scale read voltage.
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

  /**
   * Time to drive a word line of {@code columns} cells (wire {@code wireOhm} per pitch, cell and
   * wire capacitance per cell in fF) settled to this DAC's resolution, in ns: the DAC's timing
   * estimator, run once when a chip is built.
   */
  double driveTimeNs(
      int columns, double wireOhm, double cellCapacitanceFf, double wireCapacitanceFf);

  /**
   * The energy estimator of this DAC's component class (brought by the device, so the energy table
   * never asks which DAC it has); leakage {@code leakageMwPerUnit} per DAC.
   */
  default EnergyEstimator energyEstimator(double leakageMwPerUnit) {
    return new DacEnergyEstimator(
        bits(), bits() == 0 ? 0.0 : energyPjPerConversion(), leakageMwPerUnit);
  }

  /** True when the drive time is pinned by the configuration rather than derived. */
  default boolean driveTimePinned() {
    return false;
  }
}
