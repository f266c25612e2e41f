package dev.spinsim.devices.preset;

import dev.spinsim.core.config.OptionalKey;
import dev.spinsim.devices.energy.PerUnitEnergyEstimator;
import dev.spinsim.devices.timing.CircuitTiming;
import dev.spinsim.devices.timing.PhaseTime;
import java.util.Map;

/**
 * A digital periphery block clocked by the tile (shift-and-add): energy per operation, cycles of
 * the preset's clock per operation (time = cycles / clock) unless {@code latencyNs} pins the time,
 * units per tile (null = one per weight column of every crossbar), static power and area per unit.
 */
public record PeripheralSpec(
    double energyPj,
    @OptionalKey Double latencyNs,
    @OptionalKey Integer cycles,
    @OptionalKey Integer unitsPerTile,
    double leakageMw,
    double areaMm2) {
  public PeripheralSpec {
    if (!(energyPj >= 0)) {
      throw new IllegalArgumentException("energyPj must be >= 0, got " + energyPj);
    }
    if (latencyNs != null && !(latencyNs >= 0 && Double.isFinite(latencyNs))) {
      throw new IllegalArgumentException(
          "latencyNs must be >= 0 (or absent: cycles of the clock), got " + latencyNs);
    }
    if (cycles == null) {
      cycles = 1;
    } else if (cycles < 0) {
      throw new IllegalArgumentException("cycles must be >= 0, got " + cycles);
    }
    PeripheralSpec.checkUnits(unitsPerTile, leakageMw, areaMm2);
  }

  /** The checks every per-unit periphery block shares: units per tile, static power, area. */
  static void checkUnits(Integer unitsPerTile, double leakageMw, double areaMm2) {
    if (unitsPerTile != null && unitsPerTile < 1) {
      throw new IllegalArgumentException("unitsPerTile must be >= 1, got " + unitsPerTile);
    }
    if (!(leakageMw >= 0)) {
      throw new IllegalArgumentException("leakageMw must be >= 0, got " + leakageMw);
    }
    if (!(areaMm2 >= 0)) {
      throw new IllegalArgumentException("areaMm2 must be >= 0, got " + areaMm2);
    }
  }

  /**
   * The block of class {@code componentClass}: {@code energyPj} per {@code action}, static power
   * and area per unit, and its time — {@code latencyNs} pinned or {@code cycles} of a {@code
   * clockMhz} clock.
   */
  public ChipBlock block(String componentClass, String action, double clockMhz) {
    return new ChipBlock(
        componentClass,
        new PerUnitEnergyEstimator(Map.of(action, energyPj), leakageMw),
        areaMm2,
        PhaseTime.of(latencyNs, cycles * CircuitTiming.cycleNs(clockMhz)));
  }
}
