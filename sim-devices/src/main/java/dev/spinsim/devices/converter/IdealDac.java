package dev.spinsim.devices.converter;

/** An ideal DAC: any analog value, no clipping beyond [0, 1], no energy, no time. */
public final class IdealDac implements Dac {
  public static final String NAME = "ideal-dac";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public int bits() {
    return 0;
  }

  @Override
  public double energyPjPerConversion() {
    return 0;
  }

  @Override
  public double driveTimeNs(
      int columns, double wireOhm, double cellCapacitanceFf, double wireCapacitanceFf) {
    return 0;
  }
}
