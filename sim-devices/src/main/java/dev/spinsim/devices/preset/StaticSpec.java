package dev.spinsim.devices.preset;

import dev.spinsim.devices.energy.PerUnitEnergyEstimator;
import java.util.Map;

/**
 * A tile component modelled by its power alone (registers, router share, pooling): how many per
 * tile, power per unit (booked as static power) and area per unit.
 */
public record StaticSpec(int count, double powerMw, double areaMm2) {
  public StaticSpec {
    if (count < 1) {
      throw new IllegalArgumentException("count must be >= 1, got " + count);
    }
    if (!(powerMw >= 0)) {
      throw new IllegalArgumentException("powerMw must be >= 0, got " + powerMw);
    }
    if (!(areaMm2 >= 0)) {
      throw new IllegalArgumentException("areaMm2 must be >= 0, got " + areaMm2);
    }
  }

  /** The component as block {@code componentClass}: static power only, area per unit. */
  public ChipBlock block(String componentClass) {
    return new ChipBlock(
        componentClass, new PerUnitEnergyEstimator(Map.of(), powerMw), areaMm2, null);
  }
}
