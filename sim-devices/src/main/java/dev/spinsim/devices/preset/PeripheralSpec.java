package dev.spinsim.devices.preset;

/**
 * A digital periphery block clocked by the tile (shift-and-add): energy per operation, cycles of
 * the preset's clock per operation (time = cycles / clock) unless {@code latencyNs} pins the time,
 * units per tile (null = one per weight column of every crossbar), static power and area per unit.
 */
public record PeripheralSpec(
    double energyPj, Double latencyNs, Integer cycles, Integer unitsPerTile, double leakageMw, double areaMm2) {
  public PeripheralSpec {
    if (!(energyPj >= 0)) {
      throw new IllegalArgumentException("energyPj must be >= 0, got " + energyPj);
    }
    if (latencyNs != null && !(latencyNs >= 0 && Double.isFinite(latencyNs))) {
      throw new IllegalArgumentException("latencyNs must be >= 0 (or absent: cycles of the clock), got " + latencyNs);
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
}
