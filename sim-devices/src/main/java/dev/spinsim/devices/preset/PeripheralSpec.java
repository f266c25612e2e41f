package dev.spinsim.devices.preset;

/**
 * A digital/mixed-signal periphery block (S+H, shift-and-add): energy per operation, latency per
 * cycle, units per tile (null = one per weight column of every crossbar), static power and area
 * per unit.
 */
public record PeripheralSpec(double energyPj, double latencyNs, Integer unitsPerTile, double leakageMw, double areaMm2) {
  public PeripheralSpec {
    if (!(energyPj >= 0)) {
      throw new IllegalArgumentException("energyPj must be >= 0, got " + energyPj);
    }
    if (!(latencyNs >= 0)) {
      throw new IllegalArgumentException("latencyNs must be >= 0, got " + latencyNs);
    }
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
