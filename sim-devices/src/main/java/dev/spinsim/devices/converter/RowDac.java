package dev.spinsim.devices.converter;

import com.google.common.base.Preconditions;
import dev.spinsim.devices.energy.ConverterEnergy;

/**
 * A multi-bit row-driver DAC; energy by default from the ISAAC 1-bit row drive (0.42 pJ) scaled
 * with the number of output levels, time one conversion per crossbar cycle phase.
 */
public final class RowDac implements Dac {
  public static final String NAME = "dac";
  /** Default conversion time [assumed: 1 ns, settles well within a crossbar read]. */
  public static final double DEFAULT_TIME_NS = 1.0;

  private final int bits;
  private final double energyPj;
  private final double timeNs;

  public RowDac(int bits, double energyPj, double timeNs) {
    Preconditions.checkArgument(bits >= 1 && bits <= 16, "bits must be in [1, 16], got %s", bits);
    Preconditions.checkArgument(energyPj >= 0, "energyPj must be >= 0, got %s", energyPj);
    Preconditions.checkArgument(timeNs >= 0, "conversionTimeNs must be >= 0, got %s", timeNs);
    this.bits = bits;
    this.energyPj = energyPj;
    this.timeNs = timeNs;
  }

  public RowDac(int bits) {
    this(bits, ConverterEnergy.dacPj(bits), DEFAULT_TIME_NS);
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
}
