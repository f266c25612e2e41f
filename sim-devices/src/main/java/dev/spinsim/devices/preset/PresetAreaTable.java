package dev.spinsim.devices.preset;

import dev.spinsim.devices.energy.AreaTable;
import dev.spinsim.devices.energy.ComponentClasses;
import java.util.Map;

/**
 * Builds the {@link AreaTable} of a preset, one unit area per component class the chip registers
 * (the classes of {@link PresetEnergyTable}): an array of rows × cols cells
 * ({@link CrossbarSpec#arrayAreaMm2()}), a buffer from its size and technology
 * ({@link BufferSpec#areaMm2(double)}), an ADC from its resolution
 * ({@link dev.spinsim.devices.converter.AdcSpec#scaledAreaMm2()}), and the preset's
 * {@code areaMm2} per DAC, S+H,
 * shift-adder, activation unit, interconnect share and static component.
 */
public final class PresetAreaTable {
  private PresetAreaTable() {}

  public static AreaTable build(PresetDevices d) {
    Preset p = d.preset();
    AreaTable.Builder t = AreaTable.builder();
    t.put(ComponentClasses.CROSSBAR, p.crossbar().arrayAreaMm2());
    t.put(ComponentClasses.DAC, p.dac().areaMm2());
    t.put(ComponentClasses.ADC, p.adc().scaledAreaMm2());
    t.put(ComponentClasses.SAMPLE_HOLD, p.sampleHold().areaMm2());
    t.put(ComponentClasses.SHIFT_ADD, p.shiftAdd().areaMm2());
    for (String function : TileActivationsSpec.FUNCTIONS) {
      t.put(PresetEnergyTable.activationClass(d, function), p.activation().areaMm2());
    }
    t.put(ComponentClasses.INPUT_BUFFER, p.tile().inputBuffer().areaMm2(p.techNodeNm()));
    t.put(ComponentClasses.OUTPUT_BUFFER, p.tile().outputBuffer().areaMm2(p.techNodeNm()));
    t.put(ComponentClasses.INTERCONNECT, p.interconnect().areaMm2());
    for (Map.Entry<String, StaticSpec> e : p.tile().staticComponents().entrySet()) {
      t.put(ComponentClasses.STATIC_PREFIX + e.getKey(), e.getValue().areaMm2());
    }
    return t.build();
  }
}
