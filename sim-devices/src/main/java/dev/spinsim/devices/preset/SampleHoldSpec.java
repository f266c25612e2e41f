package dev.spinsim.devices.preset;

/**
 * The column sample-and-hold: energy per sample, hold capacitance and sampling-switch resistance
 * (its acquisition time, {@code CircuitTiming.sampleHoldNs}, settles to ½ LSB of the ADC) unless
 * {@code latencyNs} pins the time, units per tile (null = one per weight column of every crossbar),
 * static power and area per unit.
 */
public record SampleHoldSpec(
    double energyPj, Double latencyNs, Double holdCapacitanceFf, Double switchResistanceOhm, Integer unitsPerTile,
    double leakageMw, double areaMm2) {
  public SampleHoldSpec {
    if (!(energyPj >= 0)) {
      throw new IllegalArgumentException("energyPj must be >= 0, got " + energyPj);
    }
    if (latencyNs != null && !(latencyNs >= 0 && Double.isFinite(latencyNs))) {
      throw new IllegalArgumentException("latencyNs must be >= 0 (or absent: derived from the hold RC), got "
          + latencyNs);
    }
    if (latencyNs == null && (holdCapacitanceFf == null || switchResistanceOhm == null)) {
      throw new IllegalArgumentException("holdCapacitanceFf and switchResistanceOhm must be given (or latencyNs to pin"
          + " the acquisition time)");
    }
    if (holdCapacitanceFf != null && !(holdCapacitanceFf >= 0 && Double.isFinite(holdCapacitanceFf))) {
      throw new IllegalArgumentException("holdCapacitanceFf must be >= 0, got " + holdCapacitanceFf);
    }
    if (switchResistanceOhm != null && !(switchResistanceOhm >= 0 && Double.isFinite(switchResistanceOhm))) {
      throw new IllegalArgumentException("switchResistanceOhm must be >= 0, got " + switchResistanceOhm);
    }
    PeripheralSpec.checkUnits(unitsPerTile, leakageMw, areaMm2);
  }
}
