package dev.spinsim.devices.preset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spinsim.devices.energy.AreaTable;
import dev.spinsim.devices.energy.ComponentClasses;
import java.util.List;
import org.junit.jupiter.api.Test;

class PresetAreaTableTest {
  private static TileBudget tile(String... sets) {
    return TileBudget.fullyBusy(Presets.load("paper", List.of(sets)));
  }

  @Test
  void tileAreaRisesWithTheAdcCount() {
    TileBudget one = tile("adc.columnsPerAdc=1");
    TileBudget eight = tile();
    assertEquals(
        8 * eight.areaMm2ByClass().get(ComponentClasses.ADC),
        one.areaMm2ByClass().get(ComponentClasses.ADC),
        1e-12);
    assertTrue(one.areaMm2() > eight.areaMm2());
  }

  @Test
  void tileAreaRisesWithBufferSizeAndArrayAreaWithItsCells() {
    assertTrue(tile("tile.inputBuffer.sizeBytes=65536").areaMm2() > tile().areaMm2());
    assertTrue(tile("tile.outputBuffer.sizeBytes=64").areaMm2() < tile().areaMm2());
    AreaTable t128 = PresetAreaTable.build(PresetDevices.of(Presets.load("paper")));
    AreaTable t256 =
        PresetAreaTable.build(
            PresetDevices.of(Presets.load("paper", List.of("crossbar.rows=256"))));
    assertEquals(
        2 * t128.mm2PerUnit(ComponentClasses.CROSSBAR),
        t256.mm2PerUnit(ComponentClasses.CROSSBAR),
        1e-15);
    // a pinned area stays put
    AreaTable pinned =
        PresetAreaTable.build(
            PresetDevices.of(
                Presets.load(
                    "paper",
                    List.of("tile.inputBuffer.areaMm2=0.5", "tile.inputBuffer.sizeBytes=64"))));
    assertEquals(0.5, pinned.mm2PerUnit(ComponentClasses.INPUT_BUFFER), 0);
  }

  @Test
  void isaacBufferAreasComeFromTheirSizeAtTableOnesDensities() {
    AreaTable isaac = PresetAreaTable.build(PresetDevices.of(Presets.load("isaac")));
    assertEquals(
        0.083,
        isaac.mm2PerUnit(ComponentClasses.INPUT_BUFFER),
        1e-12,
        "64 KB eDRAM, ISAAC Table I");
    assertEquals(
        0.0032, isaac.mm2PerUnit(ComponentClasses.OUTPUT_BUFFER), 1e-12, "3 KB OR, ISAAC Table I");
  }

  private static double adcMm2(String... sets) {
    return PresetAreaTable.build(PresetDevices.of(Presets.load("paper", List.of(sets))))
        .mm2PerUnit(ComponentClasses.ADC);
  }

  @Test
  void adcAreaRisesWithBitsFromThePublishedPoint() {
    // ISAAC's 8-bit ADC stays at its Table I area
    assertEquals(0.0012, adcMm2(), 1e-15);
    double previous = 0;
    for (int bits = 4; bits <= 10; bits++) {
      double a = adcMm2("adc.bits=" + bits);
      assertTrue(a > previous, bits + " bits: " + a + " mm2 > " + previous);
      previous = a;
    }
    // the survey slope: x e^0.4529 = 1.573 per bit
    assertEquals(Math.exp(0.4529 * 2), adcMm2("adc.bits=10") / adcMm2(), 1e-3);
    assertEquals(Math.exp(-0.4529 * 4), adcMm2("adc.bits=4") / adcMm2(), 1e-3);
    // a part pinned at every resolution keeps its area
    assertEquals(0.0012, adcMm2("adc.areaBits=null", "adc.bits=4"), 0);
  }
}
