package dev.spinsim.devices.preset;

import dev.spinsim.core.energy.EnergyEstimator;
import dev.spinsim.devices.timing.PhaseTime;

/**
 * One kind of block a preset puts on its tiles, as its section registers it (Accelergy's component
 * class with its plug-in estimators): the ledger class its actions are recorded under, the
 * estimator that prices them (and its static power), the area of one unit, mm², and the time of its
 * phase when it has one (null for blocks that take no phase of their own). The energy and area
 * tables and the chip's phase times are built by looping over a preset's blocks ({@link
 * PresetDevices#blocks()}); none of them lists classes.
 *
 * @param componentClass the ledger class, e.g. {@code adc}, {@code input_buffer}
 * @param energy prices the class's actions and gives its leakage
 * @param areaMm2 area of one unit, mm² (≥ 0)
 * @param time the block's phase time, derived or pinned, or null
 */
public record ChipBlock(
    String componentClass, EnergyEstimator energy, double areaMm2, PhaseTime time) {
  public ChipBlock {
    if (componentClass == null || componentClass.isBlank()) {
      throw new IllegalArgumentException("a block needs a component class");
    }
    if (energy == null) {
      throw new IllegalArgumentException("block " + componentClass + " needs an energy estimator");
    }
    if (!(areaMm2 >= 0 && Double.isFinite(areaMm2))) {
      throw new IllegalArgumentException(
          "block " + componentClass + ": area must be >= 0 mm2, got " + areaMm2);
    }
  }
}
