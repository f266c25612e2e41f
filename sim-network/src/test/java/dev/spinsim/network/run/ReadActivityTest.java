package dev.spinsim.network.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spinsim.core.energy.ActionLedger;
import dev.spinsim.core.trace.TraceSink;
import dev.spinsim.devices.energy.ComponentClasses;
import dev.spinsim.devices.preset.PresetDevices;
import dev.spinsim.devices.preset.Presets;
import dev.spinsim.network.chip.ChipBuilder;
import dev.spinsim.network.chip.RangeCalibration;
import dev.spinsim.network.generation.Generation;
import dev.spinsim.network.generation.GenerationResult;
import dev.spinsim.network.generation.GenerationSetup;
import dev.spinsim.network.generation.GenerationTest;
import dev.spinsim.network.mapping.BiasMode;
import dev.spinsim.network.mapping.DenseMapping;
import dev.spinsim.network.mapping.PartialSums;
import dev.spinsim.network.model.ModelLoader;
import dev.spinsim.network.model.ModelSpec;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Crossbar and DAC work follows the data: only driven rows cost row drives and cell reads. */
class ReadActivityTest {
  private static final ModelSpec FMNIST = ModelLoader.load("fmnist");
  private static final GenerationSetup PAPER = setup();

  private static GenerationSetup setup() {
    PresetDevices d = PresetDevices.of(Presets.load("paper"));
    return new GenerationSetup(
        FMNIST,
        GenerationTest.randomNetwork(true, 1),
        null,
        d,
        new DenseMapping(),
        ChipBuilder.optionsFor(d.preset(), BiasMode.DIGITAL, PartialSums.DIGITAL, Map.of()),
        7);
  }

  private static GenerationResult run(float[] z) {
    return Generation.run(PAPER, z, 0, RunMode.FUNCTIONAL, TraceSink.off(), i -> {});
  }

  private static long count(GenerationResult r, String component, String action) {
    ActionLedger l = r.chip().ledger();
    return l.count(l.componentId(component), l.actionId(action));
  }

  /** Crossbar cell reads plus DAC row drives, pJ. */
  private static double readEnergyPj(GenerationResult r) {
    Map<String, Double> byClass = r.energy().byComponentClassPj();
    return byClass.get(ComponentClasses.CROSSBAR) + byClass.get(ComponentClasses.DAC);
  }

  @Test
  void drivenRowsOfTheLatentLayerAreTheSetBitsOfItsQuantisedInputs() {
    float[] z = Generation.latents(3, 1, FMNIST.latent());
    GenerationResult r = run(z);
    // independently: G.main.0 (1x1 -> 7x7, k = 7) reads every latent value once in each of its
    // 49 vectors, all other rows are inserted zeros and padding; the latent is signed, so each
    // value is applied as its positive and its negative part, 8 bits each, 1-bit DAC
    double scale =
        RangeCalibration.measure(PAPER.generator(), null, FMNIST.latent()).get(0).inputMax();
    long bits = 0;
    for (float v : z) {
      for (int sign : new int[] {1, -1}) {
        double x = Math.max(0, Math.min(1, sign * (v / scale)));
        bits += Long.bitCount((long) (x * 255 + 0.5));
      }
    }
    Stage st = r.chip().stages()[0];
    long expected = 49L * st.mapping().colBlocks() * bits; // every column block has its own drivers
    assertEquals(expected, count(r, "G.main.0/dac", ComponentClasses.CONVERT));
    assertEquals(expected * 128, count(r, "G.main.0/crossbar", ComponentClasses.CELL_READ));
    // against the every-row-driven closed form: under 1 % of the 4,900 x 16 row cycles
    long offered = st.rowCyclesPerImage();
    assertTrue(expected < offered / 100, expected + " of " + offered);
  }

  @Test
  void energyPerImageDependsOnTheImage() {
    GenerationResult a = run(Generation.latents(1, 1, FMNIST.latent()));
    GenerationResult b = run(Generation.latents(2, 1, FMNIST.latent()));
    assertNotEquals(readEnergyPj(a), readEnergyPj(b));
    assertNotEquals(a.energy().totalPj(), b.energy().totalPj());
    // the conversions do not depend on the data: the array is read and converted whatever it holds
    assertEquals(
        count(a, "G.main.3/adc", ComponentClasses.CONVERT),
        count(b, "G.main.3/adc", ComponentClasses.CONVERT));
  }

  @Test
  void readEnergyFallsWithInputSparsity() {
    float[] z = Generation.latents(4, 1, FMNIST.latent());
    double previous = Double.POSITIVE_INFINITY;
    long previousDrives = Long.MAX_VALUE;
    for (int keepEvery : new int[] {1, 4, 0}) {
      float[] sparse = z.clone();
      for (int i = 0; i < sparse.length; i++) {
        if (keepEvery == 0 || i % keepEvery != 0) {
          sparse[i] = 0;
        }
      }
      GenerationResult r = run(sparse);
      long drives = count(r, "G.main.0/dac", ComponentClasses.CONVERT);
      assertTrue(drives < previousDrives, "keep every " + keepEvery + ": " + drives);
      double e = readEnergyPj(r);
      assertTrue(e < previous, "keep every " + keepEvery + ": " + e + " pJ");
      previous = e;
      previousDrives = drives;
    }
    assertEquals(0, previousDrives, "an all-zero latent drives no row of the first layer");
  }
}
