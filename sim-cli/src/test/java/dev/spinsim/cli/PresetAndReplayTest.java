package dev.spinsim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spinsim.cli.output.RunFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Presets people can write, runs that can be reproduced and told apart. */
class PresetAndReplayTest {
  @TempDir Path tmp;

  private static Object[] run(String... args) {
    return RunTruthTest.runCapturingOut(args);
  }

  private boolean onlyPresetFiles() throws IOException {
    try (Stream<Path> s = Files.list(tmp)) {
      return s.allMatch(p -> p.getFileName().toString().endsWith(".yaml"));
    }
  }

  @Test
  void aTwoLinePresetRuns() throws IOException {
    Path preset = Files.writeString(tmp.resolve("six-bit.yaml"), "base: paper\nadc: {bits: 6}\n");
    Path run = tmp.resolve("run");
    Object[] r =
        run(
            "generate",
            "--preset",
            preset.toString(),
            "--images",
            "1",
            "--functional",
            "--out",
            run.toString());
    assertEquals(0, r[0], (String) r[1]);
    assertEquals("six-bit", RunTruthTest.summary(run).get("preset"));
    assertTrue(Files.readString(run.resolve("run.yaml")).contains("bits: 6"));
  }

  @Test
  void aShownPresetFedBackGivesTheSameSummaryByteForByte() throws IOException {
    Object[] shown = run("preset", "show", "paper");
    assertEquals(0, shown[0], (String) shown[1]);
    String yaml = (String) shown[1];
    assertTrue(yaml.startsWith("# preset paper, fully resolved"), yaml);
    assertTrue(yaml.contains("columnsPerAdc: 8  # "), "sources kept as comments");
    Path file = Files.writeString(tmp.resolve("shown.yaml"), yaml);
    Path a = tmp.resolve("a");
    Path b = tmp.resolve("b");
    assertEquals(0, run("generate", "--images", "1", "--functional", "--out", a.toString())[0]);
    assertEquals(
        0,
        run(
            "generate",
            "--preset",
            file.toString(),
            "--images",
            "1",
            "--functional",
            "--out",
            b.toString())[0]);
    assertArrayEquals(
        Files.readAllBytes(a.resolve("summary.csv")), Files.readAllBytes(b.resolve("summary.csv")));
    assertArrayEquals(
        Files.readAllBytes(a.resolve("images.npy")), Files.readAllBytes(b.resolve("images.npy")));
  }

  @Test
  void presetListNamesTheShippedPresets() {
    Object[] r = run("preset", "list");
    assertEquals(0, r[0]);
    for (String name : List.of("paper", "isaac", "neurosim", "ideal")) {
      assertTrue(((String) r[1]).contains(name + " "), (String) r[1]);
    }
  }

  @Test
  void badPresetsAreRefusedInOneLineWithNoRunFolder() throws IOException {
    Files.writeString(tmp.resolve("x.yaml"), "base: y.yaml\n");
    Files.writeString(tmp.resolve("y.yaml"), "base: x.yaml\n");
    Files.writeString(tmp.resolve("unknown.yaml"), "base: papr\nadc: {bits: 6}\n");
    String paper = (String) run("preset", "show", "paper")[1];
    Files.writeString(
        tmp.resolve("incomplete.yaml"), paper.replaceAll("(?m)^  columnsPerAdc:.*\\n", ""));
    Object[][] cases = {
      {"x.yaml", "base: inheritance cycle"},
      {"unknown.yaml", "base: unknown preset 'papr'"},
      {"incomplete.yaml", "adc.columnsPerAdc: missing key"},
    };
    for (Object[] c : cases) {
      Object[] r =
          run(
              "generate",
              "--preset",
              tmp.resolve((String) c[0]).toString(),
              "--images",
              "1",
              "--functional",
              "--out",
              tmp.resolve("run").toString());
      String err = ((String) r[1]).strip();
      assertNotEquals(0, r[0], err);
      assertTrue(err.startsWith("spinsim: error: ") && err.contains((String) c[1]), err);
      assertEquals(1, err.lines().count(), err);
      assertTrue(onlyPresetFiles(), "no run folder for " + c[0]);
    }
  }

  @Test
  void aRunYamlReproducesItsRunByteForByte() throws IOException {
    Path a = tmp.resolve("a");
    Path b = tmp.resolve("b");
    Object[] r =
        run(
            "generate",
            "--images",
            "1",
            "--set",
            "adc.bits=6",
            "--set",
            "crossbar.rows=64",
            "--out",
            a.toString());
    assertEquals(0, r[0], (String) r[1]);
    Object[] again =
        run("generate", "--config", a.resolve("run.yaml").toString(), "--out", b.toString());
    assertEquals(0, again[0], (String) again[1]);
    for (String f :
        List.of(
            "images.npy", "latents.npy", "summary.csv", "layers.csv", "energy.csv", "run.yaml")) {
      assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f);
    }
    Object[] mixed =
        run(
            "generate",
            "--config",
            a.resolve("run.yaml").toString(),
            "--preset",
            "isaac",
            "--out",
            tmp.resolve("c").toString());
    assertNotEquals(0, mixed[0]);
    assertTrue(((String) mixed[1]).contains("drop --preset"), (String) mixed[1]);
    assertFalse(Files.exists(tmp.resolve("c")));
  }

  @Test
  void overridesTellRunsApartInFolderNameHeaderAndSummary() throws IOException {
    LocalDateTime t = LocalDateTime.of(2026, 1, 2, 3, 4, 5);
    assertEquals("20260102-030405-fmnist-paper", RunFolder.defaultName(t, "fmnist", "paper", ""));
    assertEquals(
        "20260102-030405-fmnist-paper-crossbar.rows-256",
        RunFolder.defaultName(t, "fmnist", "paper", "crossbar.rows=256"));
    String longName =
        RunFolder.defaultName(
            t,
            "fmnist",
            "paper",
            "crossbar.rows=256,adc.bits=6,crossbar.synapse.variationSigma=0.1");
    assertTrue(longName.matches("20260102-030405-fmnist-paper-o[0-9a-f]{8}"), longName);
    Path run = tmp.resolve("r");
    Object[] r =
        run(
            "generate",
            "--images",
            "1",
            "--functional",
            "--set",
            "crossbar.rows=64",
            "--out",
            run.toString());
    assertTrue(((String) r[1]).contains("fmnist on paper [crossbar.rows=64]"), (String) r[1]);
    assertEquals("crossbar.rows=64", RunTruthTest.summary(run).get("overrides"));
    assertTrue(
        Files.readString(run.resolve("report.html"))
            .contains("<title>spinsim run: fmnist on paper [crossbar.rows=64]"));
  }

  @Test
  void nameSetsTheRunFolder() throws IOException {
    String name = "run-truth-test-" + ProcessHandle.current().pid();
    Path folder = RunFolder.DEFAULT_RUNS_ROOT.resolve(name);
    try {
      Object[] r = run("generate", "--images", "1", "--functional", "--name", name);
      assertEquals(0, r[0], (String) r[1]);
      assertTrue(Files.isRegularFile(folder.resolve("summary.csv")));
      Object[] bad = run("generate", "--images", "1", "--functional", "--name", "../escape");
      assertNotEquals(0, bad[0]);
    } finally {
      if (Files.exists(folder)) {
        try (Stream<Path> s = Files.walk(folder)) {
          s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
    }
  }
}
