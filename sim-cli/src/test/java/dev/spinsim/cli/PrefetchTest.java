package dev.spinsim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrefetchTest {
  @TempDir Path tmp;

  @AfterEach
  void noPrefetchLeft() {
    Prefetch.start("none");
  }

  @Test
  void onlyAGenerateOfShippedInputsWithoutOverridesIsPrefetched() {
    assertArrayEquals(new String[] {"fmnist", "paper"}, Prefetch.shippedNames("generate"));
    assertArrayEquals(
        new String[] {"dcgan64", "ideal"},
        Prefetch.shippedNames("generate", "--images", "1", "--model", "dcgan64", "--preset=ideal"));
    assertArrayEquals(
        new String[] {"fmnist", "isaac"},
        Prefetch.shippedNames("generate", "--model=fmnist", "--preset", "isaac", "--verbose"));
    assertNull(Prefetch.shippedNames());
    assertNull(Prefetch.shippedNames("map"));
    assertNull(Prefetch.shippedNames("generate", "--model", "my.yaml"));
    assertNull(Prefetch.shippedNames("generate", "--preset", "p.yaml"));
    assertNull(Prefetch.shippedNames("generate", "--preset"));
    assertNull(Prefetch.shippedNames("generate", "--set", "adc.bits=4"));
    assertNull(Prefetch.shippedNames("generate", "--set=model.generator[6].bias=false"));
    assertNull(Prefetch.shippedNames("generate", "--weights", "g.safetensors"));
    assertNull(Prefetch.shippedNames("generate", "--discriminator-weights=d.safetensors"));
    assertNull(Prefetch.shippedNames("generate", "--config", "run.yaml"));
    assertNull(Prefetch.shippedNames("generate", "--help"));
    assertNull(Prefetch.shippedNames("generate", "-V"));
  }

  @Test
  void aPrefetchedRunTakesWhatWasPrefetchedAndWritesTheSameFiles() throws Exception {
    String[] args = {"generate", "--images", "1", "--seed", "5", "--functional"};
    Path plain = tmp.resolve("plain");
    Prefetch.start("none");
    assertEquals(0, run(args, plain)[0]);

    assertTrue(Prefetch.start(args));
    Path prefetched = tmp.resolve("prefetched");
    Object[] r = run(args, prefetched);
    assertEquals(0, r[0], (String) r[1]);
    assertTrue(Prefetch.allTaken(), "the run loaded its inputs itself");

    List<Path> files;
    try (Stream<Path> s = Files.walk(plain)) {
      files = s.filter(Files::isRegularFile).map(plain::relativize).sorted().toList();
    }
    assertTrue(files.contains(Path.of("run.yaml")), files.toString());
    for (Path f : files) {
      if (!f.toString().equals("report.html")) {
        assertEquals(-1L, Files.mismatch(plain.resolve(f), prefetched.resolve(f)), f + " differs");
      }
    }
  }

  @Test
  void aRunOfOtherInputsLoadsItsOwnAndLeavesThePrefetchUntaken() throws Exception {
    assertTrue(Prefetch.start("generate", "--preset", "ideal"));
    Object[] r = run(new String[] {"generate", "--images", "1", "--functional"}, tmp.resolve("o"));
    assertEquals(0, r[0], (String) r[1]);
    assertFalse(Prefetch.allTaken(), "the paper run took the ideal preset");
    assertTrue(Files.readString(tmp.resolve("o/run.yaml")).contains("paper"));
  }

  private static Object[] run(String[] args, Path out) {
    String[] withOut =
        Stream.concat(Stream.of(args), Stream.of("--out", out.toString())).toArray(String[]::new);
    return Cli.run(withOut);
  }
}
