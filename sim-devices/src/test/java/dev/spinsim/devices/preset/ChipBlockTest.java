package dev.spinsim.devices.preset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spinsim.core.energy.EnergyTable;
import dev.spinsim.devices.energy.AreaTable;
import dev.spinsim.devices.energy.ComponentClasses;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The energy table, the area table and the phase times all come from the preset's blocks. */
class ChipBlockTest {
  @Test
  void tablesHoldExactlyTheBlocksOfEveryShippedPreset() {
    for (String name : List.of("paper", "isaac", "neurosim", "ideal")) {
      PresetDevices d = PresetDevices.of(Presets.load(name));
      EnergyTable energy = PresetEnergyTable.build(d);
      AreaTable area = PresetAreaTable.build(d);
      Set<String> classes = new HashSet<>();
      for (ChipBlock b : d.blocks()) {
        assertTrue(classes.add(b.componentClass()), name + ": one block per class");
        assertTrue(energy.prices(b.componentClass()), name + " " + b.componentClass());
        assertEquals(b.areaMm2(), area.mm2PerUnit(b.componentClass()), 0);
      }
      assertEquals(classes, energy.componentClasses(), name + ": the table lists nothing else");
      // every class the chip records has a block: crossbar, converters, S+H, shift-add, buffers,
      // interconnect and at least one activation unit
      assertTrue(
          classes.containsAll(
              List.of(
                  ComponentClasses.CROSSBAR,
                  ComponentClasses.DAC,
                  ComponentClasses.ADC,
                  ComponentClasses.SAMPLE_HOLD,
                  ComponentClasses.SHIFT_ADD,
                  ComponentClasses.INPUT_BUFFER,
                  ComponentClasses.OUTPUT_BUFFER,
                  ComponentClasses.INTERCONNECT)),
          name + " " + classes);
    }
  }

  @Test
  void phaseTimesAreTheBlocksTimes() {
    PresetDevices d = PresetDevices.of(Presets.load("paper"));
    for (ChipBlock b : d.blocks()) {
      if (b.componentClass().equals(ComponentClasses.ADC)) {
        assertEquals(b.time(), d.timing().conversion());
      } else if (b.componentClass().equals(ComponentClasses.CROSSBAR)) {
        assertEquals(b.time(), d.timing().arrayRead());
      } else if (b.componentClass().equals(ComponentClasses.INPUT_BUFFER)) {
        assertEquals(b.time(), d.timing().inputBufferAccess());
      }
    }
    // a slower ADC clock moves its block's time and so the chip's conversion time
    PresetDevices slow = PresetDevices.of(Presets.load("paper", List.of("adc.clockMhz=5400")));
    assertTrue(slow.timing().conversion().ns() > d.timing().conversion().ns());
  }
}
