package dev.spinsim.network.generation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.spinsim.core.trace.TraceSink;
import dev.spinsim.devices.crossbar.Crossbar;
import dev.spinsim.devices.preset.PresetDevices;
import dev.spinsim.devices.preset.Presets;
import dev.spinsim.network.chip.ChipBuildCache;
import dev.spinsim.network.chip.ChipBuilder;
import dev.spinsim.network.mapping.BiasMode;
import dev.spinsim.network.mapping.DenseMapping;
import dev.spinsim.network.mapping.PartialSums;
import dev.spinsim.network.model.ModelLoader;
import dev.spinsim.network.model.ModelSpec;
import dev.spinsim.network.model.Network;
import dev.spinsim.network.run.RunMode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A chip built with the chip-build cache is the chip built without it: the same images bit for bit
 * and the same summary cells, whatever was built before (order) and on whichever thread.
 */
class ChipBuildCacheTest {
  /** A small generator whose layers span one and two 128-row blocks (more at 64 rows). */
  private static final ModelSpec SMALL =
      ModelLoader.parse(
          "cache.yaml",
          new ByteArrayInputStream(
              """
      name: cache
      latent: 8
      image: {channels: 1, height: 8, width: 8}
      generator:
        - {type: ConvTranspose2d, in: 8, out: 16, kernel: 4, stride: 1, padding: 0, bias: false}
        - {type: BatchNorm2d, features: 16}
        - {type: LeakyReLU, alpha: 0.1}
        - {type: ConvTranspose2d, in: 16, out: 1, kernel: 4, stride: 2, padding: 1}
        - {type: Tanh}
      discriminator:
        - {type: Conv2d, in: 1, out: 1, kernel: 8, stride: 1, padding: 0}
        - {type: Sigmoid}
      """
                  .getBytes(StandardCharsets.UTF_8)));

  private static Network generator(long seed) {
    Network n = new Network(SMALL.generator());
    n.initDcgan(new SplittableRandom(seed));
    return n;
  }

  /** What a run gives that a sweep row is made of: the images' bits and the summary cells. */
  private record Outcome(float[] images, Map<String, String> cells) {}

  private static Outcome run(Network g, String... sets) {
    PresetDevices d = PresetDevices.of(Presets.load("paper", List.of(sets)));
    GenerationSetup s =
        new GenerationSetup(
            SMALL,
            g,
            null,
            d,
            new DenseMapping(),
            ChipBuilder.optionsFor(d.preset(), BiasMode.DIGITAL, PartialSums.DIGITAL, Map.of()),
            7);
    GenerationResult r = Generation.run(s, 2, RunMode.CYCLE_ACCURATE, TraceSink.off(), i -> {});
    return new Outcome(
        r.images(), r.metrics("paper", String.join(",", sets), r.quality()).cellsByName());
  }

  private static void assertSame(Outcome want, Outcome got, String what) {
    assertArrayEquals(want.images(), got.images(), what + ": images");
    assertEquals(want.cells(), got.cells(), what + ": summary cells");
  }

  @AfterEach
  void restore() {
    ChipBuildCache.shared().setEnabled(false);
  }

  @Test
  void aPointGivesTheSameResultsWithAndWithoutTheCacheAndInAnyOrder() {
    Network g = generator(1);
    String[] a = {"adc.bits=4"};
    String[] b = {"adc.bits=8"};
    ChipBuildCache.shared().setEnabled(false);
    Outcome aAlone = run(g, a);
    Outcome bAlone = run(g, b);
    ChipBuildCache.shared().setEnabled(true);
    // a then b: b reuses a's crossbars and calibration (the ADC does not change them)
    assertSame(aAlone, run(g, a), "a, cache empty");
    assertSame(bAlone, run(g, b), "b after a");
    ChipBuildCache.shared().clear();
    assertSame(bAlone, run(g, b), "b, cache empty");
    assertSame(aAlone, run(g, a), "a after b");
    assertNotEquals(aAlone.cells(), bAlone.cells(), "the knob moves the results");
  }

  @Test
  void pointsBuiltOnTwoThreadsAtOnceGiveTheirSequentialResults() throws Exception {
    Network g = generator(1);
    List<String[]> points =
        List.of(
            new String[] {"adc.bits=4"},
            new String[] {"adc.bits=6"},
            new String[] {"adc.bits=8"},
            new String[] {"adc.bits=5"});
    ChipBuildCache.shared().setEnabled(false);
    List<Outcome> sequential = new ArrayList<>();
    for (String[] p : points) {
      sequential.add(run(g, p));
    }
    ChipBuildCache.shared().setEnabled(true);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Outcome>> parallel = new ArrayList<>();
      for (String[] p : points) {
        // a network of its own per point, as a sweep loads them: the cache keys on content
        Network own = generator(1);
        parallel.add(pool.submit(() -> run(own, p)));
      }
      for (int i = 0; i < points.size(); i++) {
        assertSame(sequential.get(i), parallel.get(i).get(), String.join(",", points.get(i)));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void anotherNetworkOrAnotherCrossbarSizeIsNotServedFromTheCache() {
    ChipBuildCache.shared().setEnabled(false);
    Outcome other = run(generator(2));
    Outcome rows64 = run(generator(1), "crossbar.rows=64");
    ChipBuildCache.shared().setEnabled(true);
    run(generator(1));
    assertSame(other, run(generator(2)), "other weights after seed-1 weights");
    assertSame(rows64, run(generator(1), "crossbar.rows=64"), "64 rows after 128 rows");
  }

  @Test
  void aChipHoldsCopiesThatCannotBeReprogrammed() {
    ChipBuildCache.shared().setEnabled(true);
    PresetDevices d = PresetDevices.of(Presets.load("paper"));
    double[] w = new double[4 * 3];
    for (int i = 0; i < w.length; i++) {
      w[i] = (i % 5 - 2) / 2.0;
    }
    ChipBuildCache.Programmed first =
        ChipBuildCache.shared()
            .programmed(d.crossbarConfig(3), d.synapse(), d.preset().crossbar().mapping(), w, 4, 3);
    ChipBuildCache.Programmed second =
        ChipBuildCache.shared()
            .programmed(
                d.crossbarConfig(3), d.synapse(), d.preset().crossbar().mapping(), w.clone(), 4, 3);
    assertNotSame(first.crossbar(), second.crossbar());
    assertEquals(first.result(), second.result());
    Crossbar fresh = d.crossbar(3);
    fresh.program(w, 4, 3);
    int[] rows = {0, 1, 3};
    float[] drive = {1f, 0.5f, -1f};
    float[] want = new float[fresh.readBufferLength()];
    float[] got = new float[want.length];
    fresh.readActive(rows, drive, 3, want, 11, 12, 0);
    second.crossbar().readActive(rows, drive, 3, got, 11, 12, 0);
    assertArrayEquals(want, got);
    assertThrows(IllegalStateException.class, () -> second.crossbar().program(w, 4, 3));
  }
}
