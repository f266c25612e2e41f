package dev.spinsim.network.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spinsim.core.trace.TraceSink;
import dev.spinsim.devices.preset.PresetDevices;
import dev.spinsim.devices.preset.Presets;
import dev.spinsim.network.chip.ChipBuilder;
import dev.spinsim.network.generation.Generation;
import dev.spinsim.network.generation.GenerationResult;
import dev.spinsim.network.generation.GenerationSetup;
import dev.spinsim.network.mapping.BiasMode;
import dev.spinsim.network.mapping.DenseMapping;
import dev.spinsim.network.mapping.PartialSums;
import dev.spinsim.network.model.ModelLoader;
import dev.spinsim.network.model.ModelSpec;
import dev.spinsim.network.model.Network;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The chip answers the circuit knobs: phase times are derived from the preset's circuit parameters,
 * so a slower converter or a longer bit line shows in the simulated latency; area follows the
 * component counts and sizes; power and efficiency follow from energy, time and area.
 */
class ChipKnobsTest {
  /** A small generator whose layers are 256 and 512 rows tall (two and four 128-row blocks). */
  private static final ModelSpec SMALL =
      ModelLoader.parse(
          "small.yaml",
          new ByteArrayInputStream(
              """
      name: small
      latent: 16
      image: {channels: 1, height: 8, width: 8}
      generator:
        - {type: ConvTranspose2d, in: 16, out: 32, kernel: 4, stride: 1, padding: 0, bias: false}
        - {type: BatchNorm2d, features: 32}
        - {type: ReLU}
        - {type: ConvTranspose2d, in: 32, out: 1, kernel: 4, stride: 2, padding: 1}
        - {type: Tanh}
      discriminator:
        - {type: Conv2d, in: 1, out: 1, kernel: 8, stride: 1, padding: 0}
        - {type: Sigmoid}
      """
                  .getBytes(StandardCharsets.UTF_8)));

  private static final Network GENERATOR = generator();

  private static Network generator() {
    Network n = new Network(SMALL.generator());
    n.initDcgan(new SplittableRandom(1));
    return n;
  }

  private static GenerationResult run(RunMode mode, String... sets) {
    PresetDevices d = PresetDevices.of(Presets.load("paper", List.of(sets)));
    GenerationSetup s =
        new GenerationSetup(
            SMALL,
            GENERATOR,
            null,
            d,
            new DenseMapping(),
            ChipBuilder.optionsFor(d.preset(), BiasMode.DIGITAL, PartialSums.DIGITAL, Map.of()),
            1);
    return Generation.run(s, 1, mode, TraceSink.off(), i -> {});
  }

  /** Latency of one image through an empty pipeline on {@code paper} with {@code sets}, ps. */
  private static long latencyPs(String... sets) {
    return run(RunMode.CYCLE_ACCURATE, sets).run().latencyPs(0);
  }

  private static double areaMm2(String... sets) {
    return run(RunMode.FUNCTIONAL, sets).area().totalMm2();
  }

  @Test
  void programmingStepsAreCountedInTheProgrammingLedgerAndPricedAtTheStepEnergy() {
    GenerationResult verified = run(RunMode.FUNCTIONAL);
    GenerationResult open = run(RunMode.FUNCTIONAL, "crossbar.writeVerify=false");
    long steps = verified.programSteps();
    assertTrue(steps > 0);
    assertEquals(steps * 0.87e-3, verified.programmingEnergyPj(), 1e-9 * steps);
    assertTrue(
        open.programSteps() < steps,
        "write-verify corrects the writes that land a step off: "
            + open.programSteps()
            + " < "
            + steps);
    // programming is a one-time cost, not part of the images' energy
    assertEquals(0, verified.chip().ledger().countByClass("crossbar", "program_step"));
    RunMetrics m = verified.metrics("paper", "", null);
    assertEquals(steps, m.programSteps());
  }

  @Test
  void areaRisesWithTheAdcCount() {
    GenerationResult one = run(RunMode.FUNCTIONAL, "adc.columnsPerAdc=1");
    GenerationResult eight = run(RunMode.FUNCTIONAL, "adc.columnsPerAdc=8");
    double adcArea1 = one.area().byComponentClassMm2().get("adc");
    double adcArea8 = eight.area().byComponentClassMm2().get("adc");
    assertEquals(
        8,
        one.area().unitsByComponentClass().get("adc")
            / eight.area().unitsByComponentClass().get("adc"),
        0.5,
        "8x the ADCs (up to rounding of the last group)");
    assertEquals(
        adcArea1 - adcArea8,
        one.area().totalMm2() - eight.area().totalMm2(),
        1e-12,
        "only the ADCs change");
    assertTrue(adcArea1 > adcArea8);
  }

  @Test
  void areaRisesWithTheBufferSize() {
    double small = areaMm2("tile.inputBuffer.sizeBytes=1024", "tile.outputBuffer.sizeBytes=1024");
    double base = areaMm2();
    double big = areaMm2("tile.inputBuffer.sizeBytes=131072");
    assertTrue(small < base && base < big, small + " < " + base + " < " + big);
  }

  @Test
  void powerIsEnergyOverTimeAndEfficiencyCountsUsefulMacsOnly() {
    GenerationResult r = run(RunMode.CYCLE_ACCURATE);
    RunMetrics m = r.metrics("paper", "", null);
    assertEquals(
        r.energy().totalPj() / (r.run().makespanPs() / 1e3), m.powerMw(), 1e-9 * m.powerMw());
    long useful = 0;
    long performed = 0;
    for (Stage s : r.chip().stages()) {
      useful += s.mapping().geometry().macsPerformed() - s.mapping().geometry().zeroMacs();
      performed += s.mapping().geometry().macsPerformed();
    }
    assertTrue(useful < performed, "the transposed convolutions insert zeros");
    assertEquals(useful, m.macsPerImage());
    assertEquals(2.0 * useful / r.energy().totalPj(), m.topsPerW(), 1e-12);
    assertEquals(m.throughputImagesPerS() / m.areaMm2(), m.imagesPerSPerMm2(), 1e-9);
    assertTrue(m.peakTilePowerMw() > 0);
    // the area table sums per class and per layer to the same total
    double byTag = r.area().byTagMm2().values().stream().mapToDouble(Double::doubleValue).sum();
    assertEquals(m.areaMm2(), byTag, 1e-12);
    RunMetrics functional = run(RunMode.FUNCTIONAL).metrics("paper", "", null);
    assertTrue(Double.isNaN(functional.powerMw()) && Double.isNaN(functional.imagesPerSPerMm2()));
    assertEquals(m.areaMm2(), functional.areaMm2(), 0, "area needs no simulated time");
  }

  @Test
  void latencyRisesWithSarBits() {
    long b4 = latencyPs("adc.bits=4");
    long b8 = latencyPs();
    long b10 = latencyPs("adc.bits=10");
    assertTrue(b4 < b8 && b8 < b10, b4 + " < " + b8 + " < " + b10 + " ps");
  }

  @Test
  void latencyRisesWithRowsThroughTheBitLineRc() {
    long r64 = latencyPs("crossbar.rows=64");
    long r256 = latencyPs("crossbar.rows=256");
    assertTrue(r64 < r256, r64 + " < " + r256 + " ps");
  }

  @Test
  void theInterconnectMovesWholeFlits() {
    // a row of 8-bit values padded to a 64 Kib flit takes longer over the same bandwidth
    assertTrue(latencyPs("interconnect.widthBits=65536") > latencyPs());
  }

  @Test
  void latencyFallsWithColumnsPerAdcDownToTheArraysOwnLimit() {
    long c64 = latencyPs("adc.columnsPerAdc=64");
    long c8 = latencyPs("adc.columnsPerAdc=8");
    long c1 = latencyPs("adc.columnsPerAdc=1");
    assertTrue(c64 > c8, c64 + " > " + c8 + " ps");
    // with 8 columns per ADC the conversions already hide behind the 10 ns read: one per column
    // buys (almost) nothing — only the last conversion of a vector is not hidden
    assertTrue(c1 <= c8, c1 + " <= " + c8 + " ps");
    assertEquals(c8, c1, 0.01 * c8);
  }

  @Test
  void peakTilePowerIsTheBusiestWindowAndNeverBelowTheAverage() {
    GenerationResult r = run(RunMode.CYCLE_ACCURATE);
    double peak = r.peakTilePowerMw();
    double mean = r.meanTilePowerMw();
    assertTrue(peak >= mean * (1 - 1e-12), peak + " >= " + mean + " mW");
    assertTrue(
        peak > mean * 1.01,
        "a pipeline's busiest window stands out: " + peak + " > " + mean + " mW");
    // the run's energy over its time and tiles is an average no window can be below either
    double chipPerTile = r.energy().totalPj() / (r.run().makespanPs() / 1e3) / r.chip().tiles();
    assertTrue(peak > chipPerTile, peak + " > " + chipPerTile + " mW");
  }
}
