package dev.spinsim.devices.converter;

import com.google.common.base.Preconditions;
import dev.spinsim.devices.energy.ConverterEnergy;
import dev.spinsim.devices.timing.CircuitTiming;

/**
 * A multi-bit row-driver DAC; energy by default from the ISAAC 1-bit row drive (0.42 pJ) scaled
 * with the number of output levels; drive time from its output resistance and the word line it
 * drives ({@link CircuitTiming#dacDriveNs}), unless a time is pinned.
 */
public final class RowDac implements Dac {
  public static final String NAME = "dac";

  /** Default driver output resistance [assumed: 1 kΩ, a few-µm 32 nm inverter]. */
  public static final double DEFAULT_DRIVER_OHM = 1000;

  private final int bits;
  private final double energyPj;
  private final double driverOhm;
  private final Double pinnedTimeNs;

  /** A DAC with a driver resistance, or with {@code pinnedTimeNs} (non-null) as its drive time. */
  public RowDac(int bits, double energyPj, double driverOhm, Double pinnedTimeNs) {
    Preconditions.checkArgument(bits >= 1 && bits <= 16, "bits must be in [1, 16], got %s", bits);
    Preconditions.checkArgument(energyPj >= 0, "energyPj must be >= 0, got %s", energyPj);
    Preconditions.checkArgument(
        driverOhm >= 0, "driverResistanceOhm must be >= 0, got %s", driverOhm);
    Preconditions.checkArgument(
        pinnedTimeNs == null || pinnedTimeNs >= 0,
        "conversionTimeNs must be >= 0, got %s",
        pinnedTimeNs);
    this.bits = bits;
    this.energyPj = energyPj;
    this.driverOhm = driverOhm;
    this.pinnedTimeNs = pinnedTimeNs;
  }

  public RowDac(int bits) {
    this(bits, ConverterEnergy.dacPj(bits), DEFAULT_DRIVER_OHM, null);
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
  public double driveTimeNs(
      int columns, double wireOhm, double cellCapacitanceFf, double wireCapacitanceFf) {
    return pinnedTimeNs != null
        ? pinnedTimeNs
        : CircuitTiming.dacDriveNs(
            bits, driverOhm, columns, wireOhm, cellCapacitanceFf, wireCapacitanceFf);
  }

  @Override
  public boolean driveTimePinned() {
    return pinnedTimeNs != null;
  }
}
