package dev.spinsim.devices.crossbar;

import com.google.common.base.Preconditions;

/**
 * Geometry and electrical operating point of one crossbar array.
 *
 * @param rows word lines (inputs)
 * @param columns physical bit lines (two per weight column with the differential mapping)
 * @param readVoltageV full-scale read voltage on a row
 * @param readTimeNs duration of one array read (one input bit cycle)
 * @param irDrop whether the first-order wire-resistance attenuation is applied
 * @param wireResistanceOhm wire resistance of one cell pitch segment
 * @param seed seed of the device variation, stuck cells, write errors and read noise
 * @param writeVerify program with a verify loop: each cell is read back and re-written until it
 *     sits on the level whose actual (variation-scaled) conductance is nearest the target, write
 *     errors included; costs the extra steps
 */
public record CrossbarConfig(
    int rows,
    int columns,
    double readVoltageV,
    double readTimeNs,
    boolean irDrop,
    double wireResistanceOhm,
    long seed,
    boolean writeVerify) {

  /** Without write-verify. */
  public CrossbarConfig(
      int rows,
      int columns,
      double readVoltageV,
      double readTimeNs,
      boolean irDrop,
      double wireResistanceOhm,
      long seed) {
    this(rows, columns, readVoltageV, readTimeNs, irDrop, wireResistanceOhm, seed, false);
  }

  public CrossbarConfig {
    Preconditions.checkArgument(
        rows >= 1 && rows <= 4096, "rows must be in [1, 4096], got %s", rows);
    Preconditions.checkArgument(
        columns >= 1 && columns <= 4096, "columns must be in [1, 4096], got %s", columns);
    Preconditions.checkArgument(readVoltageV > 0, "readVoltageV must be > 0, got %s", readVoltageV);
    Preconditions.checkArgument(readTimeNs > 0, "readTimeNs must be > 0, got %s", readTimeNs);
    Preconditions.checkArgument(
        wireResistanceOhm >= 0, "wireResistanceOhm must be >= 0, got %s", wireResistanceOhm);
  }

  /** 128 × 128, 0.1 V for 10 ns, IR drop off (docs/REFERENCE.md defaults). */
  public static CrossbarConfig defaults(long seed) {
    return new CrossbarConfig(128, 128, 0.1, 10, false, 1.0, seed);
  }
}
