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
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    ChipBuildCache.shared().setDirectory(null);
  }

  /** The store's files, by name. */
  private static List<Path> storeFiles(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.toString().endsWith(".bin")).sorted().toList();
    }
  }

  /** As a new process on the same directory: a fresh store with zero counts. */
  private static ChipBuildCache.StoreCounts runFromStore(
      Path dir, Network g, Outcome want, String what) {
    ChipBuildCache.shared().setDirectory(dir);
    assertSame(want, run(g), what);
    return ChipBuildCache.shared().storeCounts();
  }

  @Test
  void aChipReadFromTheDiskStoreIsTheChipBuiltWithoutIt(@TempDir Path dir) throws IOException {
    Network g = generator(1);
    Outcome plain = run(g);
    ChipBuildCache.StoreCounts first = runFromStore(dir, g, plain, "store empty");
    // one range calibration and one file per generator stage, all built and saved
    int files = storeFiles(dir).size();
    assertEquals(3, files);
    assertEquals(new ChipBuildCache.StoreCounts(0, files, 0), first);
    assertEquals(
        new ChipBuildCache.StoreCounts(files, 0, 0),
        runFromStore(dir, g, plain, "store filled"),
        "every entry read from disk");
    // other weights are other keys: built and saved, never served the first chip's crossbars
    ChipBuildCache.shared().setDirectory(null);
    Outcome otherPlain = run(generator(2));
    assertEquals(
        new ChipBuildCache.StoreCounts(0, files, 0),
        runFromStore(dir, generator(2), otherPlain, "other weights with the store"));
    assertNotEquals(plain.cells(), otherPlain.cells());
    assertEquals(2 * files, storeFiles(dir).size());
  }

  @Test
  void aCorruptTruncatedOrForeignFileIsIgnoredAndWrittenAgain(@TempDir Path dir)
      throws IOException {
    Network g = generator(1);
    Outcome plain = run(g);
    runFromStore(dir, g, plain, "store empty");
    List<Path> files = storeFiles(dir);
    int n = files.size();
    // one bit flipped in the middle of every file: the CRC no longer holds
    for (Path f : files) {
      byte[] b = Files.readAllBytes(f);
      b[b.length / 2] ^= 1;
      Files.write(f, b);
    }
    assertEquals(
        new ChipBuildCache.StoreCounts(0, 0, n), runFromStore(dir, g, plain, "corrupt files"));
    assertEquals(
        new ChipBuildCache.StoreCounts(n, 0, 0),
        runFromStore(dir, g, plain, "written again"),
        "the rebuilt entries were saved");
    // cut short
    for (Path f : files) {
      byte[] b = Files.readAllBytes(f);
      Files.write(f, Arrays.copyOf(b, b.length - 9));
    }
    assertEquals(
        new ChipBuildCache.StoreCounts(0, 0, n), runFromStore(dir, g, plain, "truncated files"));
    // foreign: whole, valid files under each other's names (the key inside does not match)
    List<Path> crossbars = files.stream().filter(f -> f.toString().contains("xbars-")).toList();
    assertEquals(2, crossbars.size());
    byte[] a = Files.readAllBytes(crossbars.get(0));
    Files.write(crossbars.get(0), Files.readAllBytes(crossbars.get(1)));
    Files.write(crossbars.get(1), a);
    assertEquals(
        new ChipBuildCache.StoreCounts(1, 0, 2), runFromStore(dir, g, plain, "swapped files"));
    // no temporary files left behind by the writes
    try (Stream<Path> s = Files.list(dir)) {
      assertEquals(n, s.count());
    }
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
