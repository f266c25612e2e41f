package dev.spinsim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spinsim.network.quality.FidTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code spinsim fid} end to end on synthetic IDX files, a random classifier and a random
 * generator.
 */
class FidCommandTest {
  @TempDir static Path tmp;
  static Path data;
  static Path classifier;
  static Path generator;

  @BeforeAll
  static void fixtures() throws IOException {
    FmnistFixtures f = FmnistFixtures.write(tmp);
    data = f.data();
    classifier = f.classifier();
    generator = f.generator();
  }

  private static String[] args(Path out, String... extra) {
    return argsWithSamples("40", out, extra);
  }

  private static String[] argsWithSamples(String samples, Path out, String... extra) {
    List<String> a =
        new java.util.ArrayList<>(
            List.of(
                "fid",
                "--samples",
                samples,
                "--seed",
                "2",
                "--data",
                data.toString(),
                "--classifier",
                classifier.toString(),
                "--weights",
                generator.toString(),
                "--no-cache",
                "--out",
                out.toString()));
    a.addAll(List.of(extra));
    return a.toArray(String[]::new);
  }

  private static Object[] run(String... args) {
    return Cli.run(args);
  }

  @Test
  void writesOneRowPerSourceAChartAndAGrid() throws IOException {
    Path out = tmp.resolve("run-a");
    assertEquals(0, run(args(out))[0]);
    List<String> lines = Files.readAllLines(out.resolve("fid.csv"));
    assertEquals(FidTable.HEADER, lines.get(0));
    assertEquals(3, lines.size());
    assertTrue(lines.get(1).startsWith("real-test,40,2,"), lines.get(1));
    assertTrue(lines.get(2).startsWith("float,40,2,"), lines.get(2));
    assertTrue(lines.get(2).contains(",1.0000,fmnist-cnn-relu128@"), lines.get(2));
    assertTrue(Files.size(out.resolve("fid.png")) > 1000);
    assertTrue(Files.size(out.resolve("samples.png")) > 1000);
  }

  @Test
  void sameSeedGivesTheSameCsvBytes() throws IOException {
    Path a = tmp.resolve("run-b1"), b = tmp.resolve("run-b2");
    assertEquals(0, run(args(a))[0]);
    assertEquals(0, run(args(b))[0]);
    assertArrayEquals(
        Files.readAllBytes(a.resolve("fid.csv")), Files.readAllBytes(b.resolve("fid.csv")));
  }

  @Test
  void badSampleCountIsAOneLineError() {
    Path out = tmp.resolve("run-c");
    Object[] r = run(argsWithSamples("0", out));
    assertEquals(2, r[0]);
    String err = (String) r[1];
    assertTrue(err.startsWith("spinsim: error: --images must be in [2, 100000]"), err);
    assertEquals(1, err.strip().lines().count(), err);
    assertFalse(Files.exists(out));
  }

  @Test
  void unknownPresetIsAOneLineErrorAndLeavesNoFolder() {
    Path out = tmp.resolve("run-d");
    Object[] r = run(args(out, "--preset", "nosuch"));
    assertEquals(2, r[0]);
    String err = (String) r[1];
    assertTrue(err.startsWith("spinsim: error: ") && err.contains("nosuch"), err);
    assertEquals(1, err.strip().lines().count(), err);
    assertFalse(Files.exists(out));
  }

  @Test
  void idealPresetScoresExactlyLikeTheFloatGenerator() throws IOException {
    // The ideal chip computes the float forward pass on the same latents, so the rows agree.
    Path out = tmp.resolve("run-g");
    assertEquals(0, run(argsWithSamples("12", out, "--preset", "ideal"))[0]);
    List<String> lines = Files.readAllLines(out.resolve("fid.csv"));
    assertEquals(4, lines.size());
    String[] f = lines.get(2).split(","), ideal = lines.get(3).split(",");
    assertEquals("float", f[0]);
    assertEquals("ideal", ideal[0]);
    assertEquals(Double.parseDouble(f[3]), Double.parseDouble(ideal[3]), 1e-3);
  }

  @Test
  void modelWithoutAClassifierIsRefused() throws IOException {
    Path model =
        Files.writeString(
            tmp.resolve("rgb32.yaml"),
            EmojiFixtures.TINY_MODEL
                .replace("channels: 3", "channels: 1")
                .replace("in: 4, out: 3", "in: 4, out: 1")
                .replace("in: 3, out: 4", "in: 1, out: 4"));
    Object[] r = run(args(tmp.resolve("run-e"), "--model", model.toString()));
    assertEquals(2, r[0]);
    assertTrue(((String) r[1]).contains("no feature classifier for 1x64x64 images"), (String) r[1]);
  }

  @Test
  void missingDataNamesTheFileAndTheFix() {
    Object[] r =
        run(
            "fid",
            "--data",
            tmp.resolve("nowhere").toString(),
            "--out",
            tmp.resolve("run-f").toString());
    assertEquals(2, r[0]);
    assertTrue(((String) r[1]).contains("apt-get install dataset-fashion-mnist"), (String) r[1]);
  }
}
