package dev.spinsim.network.generation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spinsim.core.trace.TraceSink;
import dev.spinsim.devices.preset.PresetDevices;
import dev.spinsim.devices.preset.Presets;
import dev.spinsim.network.chip.ChipBuilder;
import dev.spinsim.network.mapping.BiasMode;
import dev.spinsim.network.mapping.DenseMapping;
import dev.spinsim.network.mapping.PartialSums;
import dev.spinsim.network.model.ModelLoader;
import dev.spinsim.network.model.ModelSpec;
import dev.spinsim.network.model.Network;
import dev.spinsim.network.run.RunMode;
import dev.spinsim.network.tensor.Tensor;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

public class GenerationTest {
  private static final ModelSpec FMNIST = ModelLoader.load("fmnist");

  /**
   * A randomly initialised fmnist GAN with realistic batchnorm statistics: running statistics
   * settled by training-mode passes over a batch, biases small random values.
   */
  public static Network randomNetwork(boolean generator, long seed) {
    Network n = new Network(generator ? FMNIST.generator() : FMNIST.discriminator());
    SplittableRandom rng = new SplittableRandom(seed);
    n.initDcgan(rng);
    n.stateDict()
        .forEach(
            (name, t) -> {
              if (name.endsWith(".bias")) {
                float[] d = t.data();
                for (int i = 0; i < d.length; i++) {
                  d[i] = (float) (0.05 * rng.nextGaussian());
                }
              }
            });
    Tensor batch =
        generator
            ? Tensor.normal(new SplittableRandom(seed + 1), 0, 1, 16, FMNIST.latent(), 1, 1)
            : Tensor.normal(new SplittableRandom(seed + 1), 0, 0.5, 16, 1, 28, 28);
    for (int i = 0; i < 40; i++) {
      n.forward(batch, true);
    }
    return n;
  }

  private static GenerationSetup setup(
      String preset, boolean discriminator, BiasMode bias, PartialSums sums) {
    PresetDevices d = PresetDevices.of(Presets.load(preset));
    return new GenerationSetup(
        FMNIST,
        randomNetwork(true, 1),
        discriminator ? randomNetwork(false, 2) : null,
        d,
        new DenseMapping(),
        ChipBuilder.optionsFor(d.preset(), bias, sums, Map.of()),
        7);
  }

  private static double maxDiff(float[] a, float[] b) {
    double m = 0;
    for (int i = 0; i < a.length; i++) {
      m = Math.max(m, Math.abs(a[i] - b[i]));
    }
    return m;
  }

  @Test
  void idealHardwareReproducesTheFloatForwardPass() {
    for (BiasMode bias : BiasMode.values()) {
      GenerationSetup s = setup("ideal", true, bias, PartialSums.DIGITAL);
      int n = 2;
      GenerationResult r = Generation.run(s, n, RunMode.CYCLE_ACCURATE, TraceSink.off(), i -> {});
      Tensor z = Tensor.of(r.latents(), n, FMNIST.latent(), 1, 1);
      Tensor expected = s.generator().forward(z, false);
      double diff = maxDiff(expected.data(), r.images());
      assertTrue(diff <= 1e-4, bias + ": max |hardware - float| = " + diff);
      Tensor scores = s.discriminator().forward(expected, false);
      for (int i = 0; i < n; i++) {
        assertEquals(scores.data()[i], r.scores()[i], 1e-4, "D score " + i);
      }
    }
  }

  @Test
  void functionalAndCycleAccurateModesGiveTheSameImagesAndCounts() {
    GenerationSetup s = setup("paper", false, BiasMode.DIGITAL, PartialSums.DIGITAL);
    GenerationResult a = Generation.run(s, 2, RunMode.CYCLE_ACCURATE, TraceSink.off(), i -> {});
    GenerationResult b = Generation.run(s, 2, RunMode.FUNCTIONAL, TraceSink.off(), i -> {});
    assertArrayEquals(a.images(), b.images());
    assertEquals(a.energy().dynamicPj(), b.energy().dynamicPj(), 1e-6 * a.energy().dynamicPj());
    assertTrue(a.run().makespanPs() > 0);
    assertEquals(a.energy().countsByClassAndAction(), b.energy().countsByClassAndAction());
  }

  @Test
  void aRunGeneratedInBatchesEqualsOneLongRun() {
    GenerationSetup s = setup("paper", false, BiasMode.DIGITAL, PartialSums.DIGITAL);
    int latent = FMNIST.latent();
    float[] z = Generation.latents(3, 4, latent);
    float[] whole = Generation.run(s, z, 0, RunMode.FUNCTIONAL, TraceSink.off(), i -> {}).images();
    float[] first =
        Generation.run(
                s,
                java.util.Arrays.copyOfRange(z, 0, 2 * latent),
                0,
                RunMode.FUNCTIONAL,
                TraceSink.off(),
                i -> {})
            .images();
    float[] second =
        Generation.run(
                s,
                java.util.Arrays.copyOfRange(z, 2 * latent, 4 * latent),
                2,
                RunMode.FUNCTIONAL,
                TraceSink.off(),
                i -> {})
            .images();
    float[] joined = new float[whole.length];
    System.arraycopy(first, 0, joined, 0, first.length);
    System.arraycopy(second, 0, joined, first.length, second.length);
    assertArrayEquals(whole, joined);
  }

  /**
   * A batch's images are computed on the compute threads (each image by one thread, with its own
   * views of the crossbars); one image per batch runs on the calling thread alone. Images, ledger
   * counts and every stage's ADC and activation statistics must not depend on which.
   */
  @Test
  void valuesAndCountsDoNotDependOnTheComputeThreads() {
    // one crossbar per read (the fused ADC path), and column stacks (analog partial sums)
    for (PartialSums sums : PartialSums.values()) {
      GenerationSetup s = setup("paper", true, BiasMode.DIGITAL, sums);
      int n = 4;
      float[] oneAtATime = new float[28 * 28 * n];
      GenerationResult alone =
          Generation.stream(
              s,
              n,
              RunMode.FUNCTIONAL,
              TraceSink.off(),
              (i, pixels, ref, z, score) ->
                  System.arraycopy(pixels, 0, oneAtATime, i * pixels.length, pixels.length),
              i -> {},
              1,
              n);
      GenerationResult batched = Generation.run(s, n, RunMode.FUNCTIONAL, TraceSink.off(), i -> {});
      assertArrayEquals(batched.images(), oneAtATime, sums.toString());
      assertEquals(
          batched.energy().countsByClassAndAction(), alone.energy().countsByClassAndAction());
      var a = alone.chip().stages();
      var b = batched.chip().stages();
      long nonTrivial = 0;
      for (int k = 0; k < a.length; k++) {
        assertEquals(a[k].stats(), b[k].stats(), sums + " stage " + k);
        nonTrivial += b[k].stats().adcClipped() + b[k].stats().adcZeroCodes();
      }
      assertTrue(nonTrivial > 0, "the statistics compared must be non-trivial");
    }
  }

  /** Short runs read with the scalar loops, longer ones with the Vector API: the same images. */
  @Test
  void shortRunsReadScalarAndLongRunsVectorisedWithTheSameImages() {
    GenerationSetup s = setup("paper", false, BiasMode.DIGITAL, PartialSums.DIGITAL);
    int shortRun = Generation.VECTOR_MIN_IMAGES - 1;
    float[] scalar =
        Generation.run(s, shortRun, RunMode.FUNCTIONAL, TraceSink.off(), i -> {}).images();
    float[] vector =
        Generation.run(
                s, Generation.VECTOR_MIN_IMAGES, RunMode.FUNCTIONAL, TraceSink.off(), i -> {})
            .images();
    assertArrayEquals(scalar, java.util.Arrays.copyOf(vector, scalar.length));
  }

  @Test
  void aStreamedRunThroughFewSlotsAndWindowsGivesTheImagesAndCountsOfOneRun() {
    GenerationSetup s = setup("paper", true, BiasMode.DIGITAL, PartialSums.DIGITAL);
    int n = 5;
    GenerationResult whole = Generation.run(s, n, RunMode.CYCLE_ACCURATE, TraceSink.off(), i -> {});
    for (RunMode mode : RunMode.values()) {
      float[] streamed = new float[whole.images().length];
      double[] scores = new double[n];
      int[] next = {0};
      // two slots, windows of three images: batches 0-1, 2 | 3-4
      GenerationResult r =
          Generation.stream(
              s,
              n,
              mode,
              TraceSink.off(),
              (i, pixels, ref, z, score) -> {
                assertEquals(next[0]++, i, "images arrive in order");
                System.arraycopy(pixels, 0, streamed, i * pixels.length, pixels.length);
                scores[i] = score;
              },
              i -> {},
              2,
              3);
      assertArrayEquals(whole.images(), streamed, mode.toString());
      assertArrayEquals(whole.scores(), scores, mode.toString());
      assertEquals(whole.energy().countsByClassAndAction(), r.energy().countsByClassAndAction());
      assertEquals(
          mode == RunMode.CYCLE_ACCURATE,
          r.run().makespanPs() > whole.run().makespanPs(),
          "the pipeline drains between event windows");
    }
  }

  @Test
  void paperPresetImagesDifferFromIdealButStayClose() {
    GenerationSetup ideal = setup("ideal", false, BiasMode.DIGITAL, PartialSums.DIGITAL);
    GenerationSetup paper = setup("paper", false, BiasMode.DIGITAL, PartialSums.DIGITAL);
    float[] a = Generation.run(ideal, 2, RunMode.FUNCTIONAL, TraceSink.off(), i -> {}).images();
    float[] b = Generation.run(paper, 2, RunMode.FUNCTIONAL, TraceSink.off(), i -> {}).images();
    double diff = maxDiff(a, b);
    double mean = 0;
    for (int i = 0; i < a.length; i++) {
      mean += Math.abs(a[i] - b[i]) / a.length;
    }
    assertTrue(diff > 1e-3, "6-bit synapses and 8-bit converters must change the image");
    assertTrue(mean < 0.1, "but not beyond recognition: mean |diff| " + mean);
  }

  @Test
  void activationPulsesEqualTheHiddenOutputs() {
    GenerationSetup s = setup("paper", true, BiasMode.DIGITAL, PartialSums.DIGITAL);
    GenerationResult r = Generation.run(s, 1, RunMode.FUNCTIONAL, TraceSink.off(), i -> {});
    Map<String, Long> counts = r.energy().countsByClassAndAction().column("activate");
    // G: 7·7·128 + 14·14·64 ReLU outputs; D: 14·14·64 + 7·7·128 Leaky ReLU outputs
    assertEquals(7L * 7 * 128 + 14 * 14 * 64, counts.get("dw_relu"));
    assertEquals(14L * 14 * 64 + 7 * 7 * 128, counts.get("dw_leaky_relu"));
    assertEquals(List.of(28L * 28), List.of(counts.get("digital_tanh")));
    assertEquals(List.of(1L), List.of(counts.get("digital_sigmoid")));
    double dw = 9.16e-3 * (7 * 7 * 128 + 14 * 14 * 64) + 0.192 * (14 * 14 * 64 + 7 * 7 * 128);
    assertEquals(dw, r.dwActivationEnergyPj(null), 1e-6);
    // the activation role adds the CMOS tanh and sigmoid units (0.217 pJ each on paper)
    assertEquals(dw + 0.217 * (28 * 28 + 1), r.activationEnergyPj(), 1e-6);
  }
}
