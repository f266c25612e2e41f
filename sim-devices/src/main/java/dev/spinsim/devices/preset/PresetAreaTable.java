package dev.spinsim.devices.preset;

import dev.spinsim.devices.energy.AreaTable;

/**
 * Builds the {@link AreaTable} of a preset: the unit area every block of its tiles brings with its
 * registration ({@link PresetDevices#blocks()}) — an array of rows × cols cells ({@link
 * CrossbarSpec#arrayAreaMm2()}), a buffer from its size and technology ({@link
 * BufferSpec#areaMm2(double)}), an ADC from its resolution ({@link
 * dev.spinsim.devices.converter.AdcSpec#scaledAreaMm2()}), the preset's {@code areaMm2} per DAC,
 * S+H, shift-adder, activation unit, interconnect share and static component — under the classes of
 * {@link PresetEnergyTable}.
 */
public final class PresetAreaTable {
  private PresetAreaTable() {}

  public static AreaTable build(PresetDevices d) {
    AreaTable.Builder t = AreaTable.builder();
    for (ChipBlock b : d.blocks()) {
      t.put(b.componentClass(), b.areaMm2());
    }
    return t.build();
  }
}
