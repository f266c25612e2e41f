package dev.spinsim.network.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spinsim.core.energy.ActionLedger;
import dev.spinsim.core.trace.TraceSink;
import dev.spinsim.devices.energy.ComponentClasses;
import dev.spinsim.devices.preset.PresetDevices;
import dev.spinsim.devices.preset.Presets;
import dev.spinsim.network.chip.ChipBuilder;
import dev.spinsim.network.generation.Generation;
import dev.spinsim.network.generation.GenerationResult;
import dev.spinsim.network.generation.GenerationSetup;
import dev.spinsim.network.generation.GenerationTest;
import dev.spinsim.network.mapping.BiasMode;
import dev.spinsim.network.mapping.DenseMapping;
import dev.spinsim.network.mapping.PartialSums;
import dev.spinsim.network.model.ModelLoader;
import dev.spinsim.network.model.ModelSpec;
import dev.spinsim.network.model.Network;
import dev.spinsim.network.tensor.Tensor;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Analog partial sums: the column currents of up to {@code crossbar.maxStackHeight} real crossbars
 * are summed before one conversion; a taller layer splits into stacks whose conversions add
 * digitally.
 */
class ColumnStackTest {
  private static ModelSpec op32() {
    try (InputStream in = ColumnStackTest.class.getResourceAsStream("op32.yaml")) {
      return ModelLoader.parse("op32.yaml", in);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static GenerationSetup setup(
      ModelSpec spec, Network g, String preset, PartialSums sums, List<String> sets) {
    PresetDevices d = PresetDevices.of(Presets.load(preset, sets));
    return new GenerationSetup(
        spec,
        g,
        null,
        d,
        new DenseMapping(),
        ChipBuilder.optionsFor(d.preset(), BiasMode.DIGITAL, sums, Map.of()),
        5);
  }

  private static long conversions(GenerationResult r, String layer) {
    ActionLedger l = r.chip().ledger();
    return l.count(l.componentId("G." + layer + "/adc"), l.actionId(ComponentClasses.CONVERT));
  }

  private static GenerationResult run(GenerationSetup s, int images) {
    return Generation.run(s, images, RunMode.FUNCTIONAL, TraceSink.off(), i -> {});
  }

  @Test
  void conversionsOfTheCaseControlModelDropByTheRowBlockCount() {
    // shared/cases/analog-partial-sums-4096, control table (there for 4 images, here per image):
    // every layer has at most 8 row blocks, so each column is one stack
    ModelSpec spec = op32();
    Network g = new Network(spec.generator());
    g.initDcgan(new SplittableRandom(3));
    GenerationResult digital = run(setup(spec, g, "paper", PartialSums.DIGITAL, List.of()), 1);
    GenerationResult analog = run(setup(spec, g, "paper", PartialSums.ANALOG, List.of()), 1);
    String[] layers = {"main.0", "main.3", "main.6", "main.8"};
    long[] digitalTable = {524_288, 327_680, 393_216, 131_072};
    long[] analogTable = {65_536, 65_536, 131_072, 32_768};
    int[] rowBlocks = {8, 5, 3, 4};
    for (int i = 0; i < layers.length; i++) {
      assertEquals(digitalTable[i] / 4, conversions(digital, layers[i]), layers[i] + " digital");
      assertEquals(analogTable[i] / 4, conversions(analog, layers[i]), layers[i] + " analog");
      assertEquals(rowBlocks[i], analog.chip().stages()[i].mapping().rowBlocks());
      assertEquals(1, analog.chip().stages()[i].stacks().stacks());
    }
  }

  @Test
  void aLayerTallerThanTheStackLimitSplitsIntoStacksWhoseConversionsAddDigitally() {
    ModelSpec fmnist = ModelLoader.load("fmnist");
    Network g = GenerationTest.randomNetwork(true, 1);
    // G.main.0: 4,900 rows = 39 row blocks of 128; 49 vectors, 128 columns, 16 bit cycles
    long perBlock = 49L * 128 * 16;
    GenerationResult digital = run(setup(fmnist, g, "paper", PartialSums.DIGITAL, List.of()), 1);
    assertEquals(39 * perBlock, conversions(digital, "main.0"));
    for (int height : new int[] {4, 64}) {
      GenerationResult analog =
          run(
              setup(
                  fmnist,
                  g,
                  "paper",
                  PartialSums.ANALOG,
                  List.of("crossbar.maxStackHeight=" + height)),
              1);
      int h = Math.min(height, 39);
      int stacks = (39 + h - 1) / h;
      Stage st = analog.chip().stages()[0];
      assertEquals(stacks, st.stacks().stacks(), "height " + height);
      assertEquals(stacks * perBlock, conversions(analog, "main.0"), "height " + height);
      // the stacks' sums add digitally: (stacks - 1) additions per column and vector
      ActionLedger l = analog.chip().ledger();
      long shiftAdds =
          l.count(l.componentId("G.main.0/shift_add"), l.actionId(ComponentClasses.OP));
      assertEquals(stacks * perBlock + (stacks - 1) * 49L * 128, shiftAdds, "height " + height);
      // the row drives are the data's whatever the stacking
      assertEquals(
          l.count(l.componentId("G.main.0/dac"), l.actionId(ComponentClasses.CONVERT)),
          digital
              .chip()
              .ledger()
              .count(
                  digital.chip().ledger().componentId("G.main.0/dac"),
                  digital.chip().ledger().actionId(ComponentClasses.CONVERT)));
    }
  }

  @Test
  void idealStacksReproduceTheFloatForwardPass() {
    ModelSpec spec = op32();
    Network g = new Network(spec.generator());
    g.initDcgan(new SplittableRandom(4));
    // 8, 5, 3 and 4 row blocks in stacks of at most 3
    GenerationSetup s =
        setup(spec, g, "ideal", PartialSums.ANALOG, List.of("crossbar.maxStackHeight=3"));
    GenerationResult r = Generation.run(s, 1, RunMode.CYCLE_ACCURATE, TraceSink.off(), i -> {});
    assertEquals(3, r.chip().stages()[0].stacks().stacks());
    Tensor z = Tensor.of(r.latents(), 1, spec.latent(), 1, 1);
    float[] expected = g.forward(z, false).data();
    double diff = 0;
    for (int i = 0; i < expected.length; i++) {
      diff = Math.max(diff, Math.abs(expected[i] - r.images()[i]));
    }
    assertTrue(diff <= 1e-4, "max |hardware - float| = " + diff);
  }

  @Test
  void functionalAndCycleAccurateStacksGiveTheSameImagesAndCounts() {
    ModelSpec spec = op32();
    Network g = new Network(spec.generator());
    g.initDcgan(new SplittableRandom(5));
    GenerationSetup s =
        setup(spec, g, "paper", PartialSums.ANALOG, List.of("crossbar.maxStackHeight=3"));
    GenerationResult a = Generation.run(s, 2, RunMode.CYCLE_ACCURATE, TraceSink.off(), i -> {});
    GenerationResult b = Generation.run(s, 2, RunMode.FUNCTIONAL, TraceSink.off(), i -> {});
    assertArrayEquals(a.images(), b.images());
    assertEquals(a.energy().countsByClassAndAction(), b.energy().countsByClassAndAction());
    assertTrue(a.run().makespanPs() > 0);
  }
}
