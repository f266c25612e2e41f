package dev.spinsim.devices.preset;

import dev.spinsim.core.config.OptionalKey;
import dev.spinsim.devices.energy.ComponentClasses;
import dev.spinsim.devices.energy.PerUnitEnergyEstimator;
import dev.spinsim.devices.timing.CircuitTiming;
import dev.spinsim.devices.timing.PhaseTime;
import java.util.Map;

/**
 * The column sample-and-hold: energy per sample, hold capacitance and sampling-switch resistance
 * (its acquisition time, {@code CircuitTiming.sampleHoldNs}, settles to ½ LSB of the ADC) unless
 * {@code latencyNs} pins the time, units per tile (null = one per weight column of every crossbar),
 * static power and area per unit.
 */
public record SampleHoldSpec(
    double energyPj,
    @OptionalKey Double latencyNs,
    @OptionalKey Double holdCapacitanceFf,
    @OptionalKey Double switchResistanceOhm,
    @OptionalKey Integer unitsPerTile,
    double leakageMw,
    double areaMm2) {
  public SampleHoldSpec {
    if (!(energyPj >= 0)) {
      throw new IllegalArgumentException("energyPj must be >= 0, got " + energyPj);
    }
    if (latencyNs != null && !(latencyNs >= 0 && Double.isFinite(latencyNs))) {
      throw new IllegalArgumentException(
          "latencyNs must be >= 0 (or absent: derived from the hold RC), got " + latencyNs);
    }
    if (latencyNs == null && (holdCapacitanceFf == null || switchResistanceOhm == null)) {
      throw new IllegalArgumentException(
          "holdCapacitanceFf and switchResistanceOhm must be given (or latencyNs to pin"
              + " the acquisition time)");
    }
    if (holdCapacitanceFf != null
        && !(holdCapacitanceFf >= 0 && Double.isFinite(holdCapacitanceFf))) {
      throw new IllegalArgumentException(
          "holdCapacitanceFf must be >= 0, got " + holdCapacitanceFf);
    }
    if (switchResistanceOhm != null
        && !(switchResistanceOhm >= 0 && Double.isFinite(switchResistanceOhm))) {
      throw new IllegalArgumentException(
          "switchResistanceOhm must be >= 0, got " + switchResistanceOhm);
    }
    PeripheralSpec.checkUnits(unitsPerTile, leakageMw, areaMm2);
  }

  /**
   * The S+H block: {@code energyPj} per sample, its static power and area per unit, and its
   * acquisition time — pinned by {@code latencyNs} or the switch-and-hold-capacitor RC settled to ½
   * LSB of a {@code adcBits} converter ({@link CircuitTiming#sampleHoldNs}).
   */
  public ChipBlock block(int adcBits) {
    return new ChipBlock(
        ComponentClasses.SAMPLE_HOLD,
        new PerUnitEnergyEstimator(Map.of(ComponentClasses.SAMPLE, energyPj), leakageMw),
        areaMm2,
        PhaseTime.of(
            latencyNs,
            latencyNs != null
                ? 0
                : CircuitTiming.sampleHoldNs(switchResistanceOhm, holdCapacitanceFf, adcBits)));
  }
}
