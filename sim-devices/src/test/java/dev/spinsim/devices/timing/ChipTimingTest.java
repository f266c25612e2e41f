package dev.spinsim.devices.timing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spinsim.core.config.ConfigException;
import dev.spinsim.devices.converter.FlashAdc;
import dev.spinsim.devices.converter.RampAdc;
import dev.spinsim.devices.converter.SarAdc;
import dev.spinsim.devices.crossbar.ReadCounts;
import dev.spinsim.devices.crossbar.ReadTiming;
import dev.spinsim.devices.preset.CrossbarSpec;
import dev.spinsim.devices.preset.PresetDevices;
import dev.spinsim.devices.preset.Presets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChipTimingTest {
  private static ChipTiming timing(String preset, String... sets) {
    return PresetDevices.of(Presets.load(preset, List.of(sets))).timing();
  }

  @Test
  void shippedPresetsReproduceTheirPublishedTimesAsCalibrationPoints() {
    ChipTiming paper = timing("paper");
    assertEquals(10.0, paper.arrayRead().ns(), 1e-4, "paper: 10 ns read of a 128-row array");
    assertEquals(1 / 1.2, paper.conversion().ns(), 1e-9, "paper: ISAAC 1.2 GS/s at 8 bits");
    assertEquals(100.0, timing("isaac").arrayRead().ns(), 1e-3, "ISAAC 100 ns read cycle");
    assertEquals(
        6.0, timing("neurosim").conversion().ns(), 1e-9, "NeuroSim SAR (bits + 1) ns at 1 GHz");
    assertEquals(10.0, timing("neurosim").arrayRead().ns(), 1e-4);
    // a derived time never exceeds its calibration point, so it lands on the same clock edge
    assertTrue(paper.arrayRead().ns() <= 10.0);
    for (PhaseTime t :
        List.of(
            paper.dacDrive(),
            paper.arrayRead(),
            paper.sampleHold(),
            paper.conversion(),
            paper.shiftAdd(),
            paper.inputBufferAccess(),
            paper.outputBufferAccess())) {
      assertFalse(t.pinned(), "shipped presets give circuit parameters, not finished times");
    }
  }

  @Test
  void sarConversionTakesOneCycleABitPlusOverheadAtItsOwnClock() {
    double last = 0;
    for (int bits : new int[] {4, 6, 8, 10}) {
      double ns = timing("paper", "adc.bits=" + bits).conversion().ns();
      assertEquals((bits + 1) / 10.8, ns, 1e-9);
      assertTrue(ns > last, bits + " bits");
      last = ns;
    }
    assertEquals(2 * (8 + 1) / 10.8, timing("paper", "adc.clockMhz=5400").conversion().ns(), 1e-9);
    assertEquals((8 + 3) / 10.8, timing("paper", "adc.overheadCycles=3").conversion().ns(), 1e-9);
  }

  @Test
  void flashTakesOneCycleAndRampTwoToTheBitsCycles() {
    assertEquals(0.25, new FlashAdc(4).conversionTimeNs(), 1e-12);
    assertEquals(0.25, new FlashAdc(8).conversionTimeNs(), 1e-12);
    assertEquals((16 + 1) / 4.0, new RampAdc(4).conversionTimeNs(), 1e-12);
    assertEquals((256 + 1) / 4.0, new RampAdc(8).conversionTimeNs(), 1e-12);
    assertTrue(new RampAdc(8).conversionTimeNs() > new SarAdc(8).conversionTimeNs());
    ChipTiming ramp =
        timing("paper", "adc.device=ramp-adc", "adc.energyModel=ramp", "adc.clockMhz=2000");
    assertEquals(257 / 2.0, ramp.conversion().ns(), 1e-9);
  }

  @Test
  void arrayReadRisesWithRowsThroughTheBitLineRcAndNeverFallsBelowTheFloor() {
    double last = 0;
    for (int rows : new int[] {16, 64, 128, 256, 512}) {
      double ns = timing("paper", "crossbar.rows=" + rows).arrayRead().ns();
      assertTrue(ns >= CrossbarSpec.DEFAULT_READ_FLOOR_NS);
      assertTrue(ns > last, rows + " rows: " + ns + " ns");
      last = ns;
    }
    assertEquals(1.0, timing("paper", "crossbar.rows=1").arrayRead().ns(), 0, "the floor");
    // more capacitance, more wire resistance or a lower conductance all slow the read
    double base = timing("paper").arrayRead().ns();
    assertTrue(timing("paper", "crossbar.cellCapacitanceFf=1.0").arrayRead().ns() > base);
    assertTrue(timing("paper", "crossbar.wireResistanceOhm=100").arrayRead().ns() > base);
    assertTrue(
        timing("paper", "crossbar.synapse.minConductanceSiemens=2e-5").arrayRead().ns() > base);
  }

  @Test
  void arrayReadSettlesToHalfAnLsbSoItRisesWithAdcBits() {
    double t4 = timing("paper", "adc.bits=4").arrayRead().ns();
    double t8 = timing("paper").arrayRead().ns();
    double t10 = timing("paper", "adc.bits=10").arrayRead().ns();
    assertEquals(5.0 / 9.0, t4 / t8, 1e-9, "(bits + 1) ln 2 time constants");
    assertEquals(11.0 / 9.0, t10 / t8, 1e-9);
  }

  @Test
  void dacDriveGrowsWithTheWordLineAndTheDriverResistance() {
    double base = timing("paper").dacDrive().ns();
    assertTrue(base > 0);
    assertTrue(timing("paper", "crossbar.cols=256").dacDrive().ns() > base);
    assertTrue(timing("paper", "dac.driverResistanceOhm=10000").dacDrive().ns() > base);
    assertTrue(
        timing("paper", "dac.bits=4").dacDrive().ns() > base,
        "settles to the DAC's own resolution");
    assertEquals(0, timing("ideal").dacDrive().ns(), 0, "an ideal DAC takes no time");
  }

  @Test
  void bufferAccessGrowsWithItsSize() {
    double small = timing("paper", "tile.outputBuffer.sizeBytes=1024").outputBufferAccess().ns();
    double base = timing("paper").outputBufferAccess().ns();
    double big = timing("paper", "tile.outputBuffer.sizeBytes=65536").outputBufferAccess().ns();
    assertTrue(small < base && base < big, small + " " + base + " " + big);
    assertEquals(
        1.0, timing("paper").inputBufferAccess().ns(), 1e-12, "32 KB SRAM at 32 nm: the reference");
  }

  @Test
  void aPresetMayPinAPhaseTimeAndTheTimingSaysSo() {
    ChipTiming t =
        timing(
            "paper",
            "crossbar.readTimeNs=7",
            "adc.conversionTimeNs=2",
            "dac.conversionTimeNs=0.5",
            "sampleHold.latencyNs=0.3",
            "shiftAdd.latencyNs=1.5",
            "tile.inputBuffer.accessTimeNs=2");
    assertEquals(new PhaseTime(7, true), t.arrayRead());
    assertEquals(new PhaseTime(2, true), t.conversion());
    assertEquals(new PhaseTime(0.5, true), t.dacDrive());
    assertEquals(new PhaseTime(0.3, true), t.sampleHold());
    assertEquals(new PhaseTime(1.5, true), t.shiftAdd());
    assertEquals(new PhaseTime(2, true), t.inputBufferAccess());
    assertEquals("pinned", t.describe().get("arrayRead").get("source"));
    assertEquals("derived", timing("paper").describe().get("arrayRead").get("source"));
    // a pinned read does not move with rows
    assertEquals(
        7, timing("paper", "crossbar.readTimeNs=7", "crossbar.rows=512").arrayRead().ns(), 0);
  }

  @Test
  void aPresetWithoutTheCircuitParametersIsRefusedNamingTheKey() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> Presets.load("paper", List.of("crossbar.cellCapacitanceFf=null")));
    assertTrue(e.getMessage().contains("cellCapacitanceFf"), e.getMessage());
    e = assertThrows(ConfigException.class, () -> Presets.load("paper", List.of("adc.clockMhz=0")));
    assertTrue(e.getMessage().contains("clockMhz"), e.getMessage());
    // an ideal converter has no timing to set: the key is refused, not ignored
    IllegalArgumentException ideal =
        assertThrows(
            IllegalArgumentException.class,
            () -> PresetDevices.of(Presets.load("ideal", List.of("adc.clockMhz=1000"))));
    assertTrue(ideal.getMessage().contains("adc.clockMhz"), ideal.getMessage());
    ideal =
        assertThrows(
            IllegalArgumentException.class,
            () -> PresetDevices.of(Presets.load("ideal", List.of("dac.driverResistanceOhm=500"))));
    assertTrue(ideal.getMessage().contains("dac.driverResistanceOhm"), ideal.getMessage());
  }

  @Test
  void aReadsPaceFallsWithColumnsPerAdcDownToTheArraysOwnLimit() {
    List<Double> paces = new ArrayList<>();
    for (int cpa : new int[] {64, 32, 16, 8, 4, 2, 1}) {
      PresetDevices d =
          PresetDevices.of(Presets.load("paper", List.of("adc.columnsPerAdc=" + cpa)));
      ChipTiming t = d.timing();
      ReadCounts c = ReadCounts.of(128, 64, 128, 8, 1, d.preset().crossbar().encoding(), cpa);
      ReadTiming rt =
          new ReadTiming(
              t.dacDrive().ns(),
              t.arrayRead().ns(),
              t.sampleHold().ns(),
              c.conversionsPerAdcPerCycle() * t.conversion().ns(),
              t.shiftAdd().ns(),
              c.bitCycles());
      paces.add(rt.pipelinedNs());
    }
    for (int i = 1; i < paces.size(); i++) {
      assertTrue(paces.get(i) <= paces.get(i - 1), "pace by columnsPerAdc 64..1: " + paces);
    }
    assertTrue(paces.get(0) > paces.get(paces.size() - 1), paces.toString());
    // once conversions hide behind the read, fewer columns per ADC buy nothing
    assertEquals(paces.get(paces.size() - 1), paces.get(paces.size() - 2), 1e-12);
  }
}
