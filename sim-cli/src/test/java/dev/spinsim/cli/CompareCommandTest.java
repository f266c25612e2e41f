package dev.spinsim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spinsim.network.robustness.CompareTable;
import dev.spinsim.network.weights.ShippedWeights;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code spinsim compare} end to end on synthetic data, a random classifier and two random
 * generators.
 */
class CompareCommandTest {
  @TempDir static Path tmp;
  static FmnistFixtures fixtures;
  static Path hw;
  static Path firstRun;

  @BeforeAll
  static void fixturesAndOneRun() throws IOException {
    fixtures = FmnistFixtures.write(tmp);
    hw =
        FmnistFixtures.generator(
            tmp.resolve("hw.safetensors"), 9, Map.of("hardware", "paper", "epoch", "1"));
    firstRun = tmp.resolve("run-a");
    Object[] r = run(args(firstRun));
    assertEquals(0, r[0], (String) r[1]);
  }

  /**
   * Two variation levels and one read-noise level (none of them paper's own): 6 chip rows of 6
   * images.
   */
  private static String[] args(Path out, String... extra) {
    List<String> a =
        new ArrayList<>(
            List.of(
                "compare",
                "--samples",
                "6",
                "--seed",
                "2",
                "--data",
                fixtures.data().toString(),
                "--classifier",
                fixtures.classifier().toString(),
                "--float-weights",
                fixtures.generator().toString(),
                "--hw-weights",
                hw.toString(),
                "--variation",
                "0,0.2",
                "--read-noise",
                "0.05",
                "--no-cache",
                "--out",
                out.toString()));
    a.addAll(List.of(extra));
    return a.toArray(String[]::new);
  }

  private static Object[] run(String... args) {
    return Cli.run(args);
  }

  private static void assertOneLineError(Object[] r, String start, Path out) {
    assertEquals(2, r[0]);
    String err = (String) r[1];
    assertTrue(err.startsWith("spinsim: error: " + start), err);
    assertEquals(1, err.strip().lines().count(), err);
    assertFalse(Files.exists(out));
  }

  @Test
  void csvHasOneRowPerWeightsKnobAndLevelAfterTheSoftwareRows() throws IOException {
    List<String> lines = Files.readAllLines(firstRun.resolve("compare.csv"));
    assertEquals(CompareTable.HEADER, lines.get(0));
    assertEquals(1 + 2 + 2 * 3, lines.size());
    assertTrue(lines.get(1).startsWith("float,software,none,,,6,2,"), lines.get(1));
    // The hardware-aware file names its training preset, so it also runs through that model in
    // software.
    assertTrue(lines.get(2).startsWith("hw-aware,software:paper,none,,,6,2,"), lines.get(2));
    List<String> keys = new ArrayList<>();
    for (String line : lines.subList(3, lines.size())) {
      String[] f = line.split(",");
      keys.add(f[0] + " " + f[1] + " " + f[2] + " " + f[3]);
    }
    assertEquals(
        List.of(
            "float-ptq paper variation 0",
            "float-ptq paper variation 0.2",
            "float-ptq paper read-noise 0.05",
            "hw-aware paper variation 0",
            "hw-aware paper variation 0.2",
            "hw-aware paper read-noise 0.05"),
        keys);
  }

  @Test
  void writesTheMarkdownTableAndThePlot() throws IOException {
    String md = Files.readString(firstRun.resolve("compare.md"));
    assertTrue(
        md.contains(
            "| knob | level | float weights on chip (PTQ) | hardware-aware weights on chip |"),
        md);
    assertTrue(md.contains("| variation | 0.2 |"), md);
    assertTrue(md.contains("hw-aware = `" + hw + "` (epoch 1)"), md);
    assertTrue(Files.size(firstRun.resolve("compare.png")) > 1000);
  }

  @Test
  void sameInputsAndSeedGiveTheSameCsvBytes() throws IOException {
    Path again = tmp.resolve("run-b");
    assertEquals(0, run(args(again))[0]);
    assertArrayEquals(
        Files.readAllBytes(firstRun.resolve("compare.csv")),
        Files.readAllBytes(again.resolve("compare.csv")));
  }

  @Test
  void negativeLevelIsAOneLineErrorAndLeavesNoFolder() {
    Path out = tmp.resolve("run-c");
    List<String> a = new ArrayList<>(List.of(args(out)));
    a.set(a.indexOf("0,0.2"), "-1");
    assertOneLineError(
        run(a.toArray(String[]::new)), "--variation -1: levels must be finite numbers >= 0", out);
  }

  @Test
  void missingWeightsFileIsAOneLineErrorAndLeavesNoFolder() {
    Path out = tmp.resolve("run-d");
    List<String> a = new ArrayList<>(List.of(args(out)));
    a.set(a.indexOf(hw.toString()), tmp.resolve("nowhere.safetensors").toString());
    assertOneLineError(
        run(a.toArray(String[]::new)), "--hw-weights " + tmp.resolve("nowhere.safetensors"), out);
  }

  @Test
  void withoutWeightOptionsTheShippedGeneratorsAreCompared() throws IOException {
    Path out = tmp.resolve("run-f");
    Object[] r =
        run(
            "compare",
            "--samples",
            "4",
            "--data",
            fixtures.data().toString(),
            "--classifier",
            fixtures.classifier().toString(),
            "--variation",
            "0",
            "--read-noise",
            "",
            "--no-cache",
            "--out",
            out.toString());
    assertEquals(0, r[0], (String) r[1]);
    String md = Files.readString(out.resolve("compare.md"));
    assertTrue(
        md.contains(
            "float-ptq = `classpath:" + ShippedWeights.resource("fmnist", "generator") + "`"),
        md);
    assertTrue(
        md.contains(
            "hw-aware = `classpath:"
                + ShippedWeights.resource("fmnist-hw-paper", "generator")
                + "`"),
        md);
    assertTrue(
        Files.readString(out.resolve("compare.csv")).contains("\nhw-aware,software:paper,none,"));
  }

  @Test
  void levelThePresetRejectsIsAOneLineErrorAndLeavesNoFolder() {
    Path out = tmp.resolve("run-e");
    assertOneLineError(
        run(args(out, "--stuck", "0,1.5")), "stuck level 1.5 on preset paper: ", out);
  }
}
