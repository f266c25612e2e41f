package dev.spinsim.devices.preset;

import dev.spinsim.devices.energy.ComponentClasses;
import dev.spinsim.devices.energy.PerUnitEnergyEstimator;
import java.util.Map;

/**
 * The interconnect between tiles/layers: link width, bandwidth, energy per bit, per-hop latency,
 * and the static power and area each tile carries for it.
 */
public record InterconnectSpec(
    int widthBits,
    double bandwidthGbps,
    double energyPerBitPj,
    double latencyNs,
    double leakageMw,
    double areaMm2) {
  public InterconnectSpec {
    if (widthBits < 1) {
      throw new IllegalArgumentException("widthBits must be >= 1, got " + widthBits);
    }
    if (!(bandwidthGbps > 0)) {
      throw new IllegalArgumentException("bandwidthGbps must be > 0, got " + bandwidthGbps);
    }
    if (!(energyPerBitPj >= 0)) {
      throw new IllegalArgumentException("energyPerBitPj must be >= 0, got " + energyPerBitPj);
    }
    if (!(latencyNs >= 0)) {
      throw new IllegalArgumentException("latencyNs must be >= 0, got " + latencyNs);
    }
    if (!(leakageMw >= 0)) {
      throw new IllegalArgumentException("leakageMw must be >= 0, got " + leakageMw);
    }
    if (!(areaMm2 >= 0)) {
      throw new IllegalArgumentException("areaMm2 must be >= 0, got " + areaMm2);
    }
  }

  /**
   * A tile's share of the interconnect: {@code energyPerBitPj} per bit transferred, its static
   * power and area (its transfer time depends on the data moved: the chip builder derives it).
   */
  public ChipBlock block() {
    return new ChipBlock(
        ComponentClasses.INTERCONNECT,
        new PerUnitEnergyEstimator(
            Map.of(ComponentClasses.TRANSFER_BIT, energyPerBitPj), leakageMw),
        areaMm2,
        null);
  }
}
