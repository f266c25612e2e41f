package dev.spinsim.devices.energy;

import dev.spinsim.core.energy.ComponentInfo;
import dev.spinsim.core.energy.EnergyEstimator;

/**
 * Prices the {@code convert} action of a data converter by resolution: the component's {@code bits}
 * attribute (or the default) through {@link #modelPj}, unless a fixed energy is configured; 0 for
 * an ideal converter (bits 0). Leakage per converter × {@code count}.
 */
abstract class ConverterEnergyEstimator implements EnergyEstimator {
  private final String what;
  private final int defaultBits;
  private final Double fixedEnergyPj;
  private final double leakageMwPerUnit;

  /** {@code what} names the converter in errors ("an ADC"). */
  ConverterEnergyEstimator(
      String what, int defaultBits, Double fixedEnergyPj, double leakageMwPerUnit) {
    this.what = what;
    this.defaultBits = defaultBits;
    this.fixedEnergyPj = fixedEnergyPj;
    this.leakageMwPerUnit = leakageMwPerUnit;
  }

  /** Energy of one conversion at {@code bits} (≥ 1) by the estimator's model, pJ. */
  abstract double modelPj(int bits);

  @Override
  public final double energyPj(ComponentInfo c, String action) {
    if (!ComponentClasses.CONVERT.equals(action)) {
      throw new IllegalArgumentException(
          "no energy for action '" + action + "' of " + what + "; known actions: [convert]");
    }
    int bits = (int) c.attribute(ComponentClasses.BITS, defaultBits);
    if (bits == 0) {
      return 0; // ideal converter
    }
    return fixedEnergyPj != null ? fixedEnergyPj : modelPj(bits);
  }

  @Override
  public final double leakageMw(ComponentInfo c) {
    return leakageMwPerUnit * c.attribute(ComponentClasses.COUNT, 1.0);
  }
}
