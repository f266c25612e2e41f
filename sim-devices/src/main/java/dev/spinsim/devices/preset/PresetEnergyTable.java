package dev.spinsim.devices.preset;

import dev.spinsim.core.energy.EnergyTable;
import dev.spinsim.devices.energy.ComponentClasses;

/**
 * Builds the sim-core {@link EnergyTable} of a preset: the estimator every block of its tiles
 * brings with its registration ({@link PresetDevices#blocks()}), under the block's class. The table
 * lists no classes and tests no types: a new block is a section that registers one.
 */
public final class PresetEnergyTable {
  private PresetEnergyTable() {}

  public static EnergyTable build(Preset p) {
    return build(PresetDevices.of(p));
  }

  public static EnergyTable build(PresetDevices d) {
    EnergyTable.Builder t = EnergyTable.builder();
    for (ChipBlock b : d.blocks()) {
      t.put(b.componentClass(), b.energy());
    }
    return t.build();
  }

  /**
   * The ledger class of the unit computing {@code function} on this preset: the device's class
   * ({@link ComponentClasses#activationClass}); when an earlier function uses the same device at a
   * different energy, the function is appended ({@code dw_relu.leaky-relu}) so each class has one
   * price.
   */
  public static String activationClass(PresetDevices d, String function) {
    var unit = d.activation(function);
    String cls = ComponentClasses.activationClass(unit.name());
    for (String earlier : TileActivationsSpec.FUNCTIONS) {
      if (earlier.equals(function)) {
        break;
      }
      var other = d.activation(earlier);
      if (other.name().equals(unit.name())
          && other.energyPjPerActivation() != unit.energyPjPerActivation()) {
        return cls + "." + function;
      }
    }
    return cls;
  }
}
