package dev.spinsim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spinsim.network.classifier.FmnistClassifier;
import dev.spinsim.network.model.ModelLoader;
import dev.spinsim.network.model.Network;
import dev.spinsim.network.quality.FidTable;
import dev.spinsim.network.weights.SafeTensors;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code spinsim fid} end to end on synthetic IDX files, a random classifier and a random generator. */
class FidCommandTest {
  @TempDir static Path tmp;
  static Path data;
  static Path classifier;
  static Path generator;

  @BeforeAll
  static void fixtures() throws IOException {
    data = Files.createDirectories(tmp.resolve("data"));
    SplittableRandom rng = new SplittableRandom(1);
    for (String split : new String[] {"train", "t10k"}) {
      int n = 120;
      byte[] pixels = new byte[n * 784];
      byte[] labels = new byte[n];
      for (int i = 0; i < n; i++) {
        labels[i] = (byte) (i % 10);
        int size = 4 + rng.nextInt(10);
        for (int y = 14 - size; y < 14 + size; y++) {
          for (int x = 14 - size / 2; x < 14 + size / 2; x++) {
            pixels[i * 784 + y * 28 + x] = (byte) (128 + rng.nextInt(128));
          }
        }
      }
      writeIdx(data.resolve(split + "-images-idx3-ubyte.gz"), 0x803, new int[] {n, 28, 28}, pixels);
      writeIdx(data.resolve(split + "-labels-idx1-ubyte.gz"), 0x801, new int[] {n}, labels);
    }
    FmnistClassifier c = new FmnistClassifier();
    c.initialise(3);
    classifier = tmp.resolve("classifier.safetensors");
    SafeTensors.write(classifier, c.stateDict(), Map.of());
    Network g = new Network(ModelLoader.load("fmnist").generator());
    g.initDcgan(new SplittableRandom(4));
    generator = tmp.resolve("generator.safetensors");
    SafeTensors.write(generator, g.stateDict(), Map.of());
  }

  private static void writeIdx(Path file, int magic, int[] dims, byte[] payload) throws IOException {
    try (OutputStream raw = Files.newOutputStream(file);
        DataOutputStream out = new DataOutputStream(new GZIPOutputStream(raw))) {
      out.writeInt(magic);
      for (int d : dims) {
        out.writeInt(d);
      }
      out.write(payload);
    }
  }

  private static String[] args(Path out, String... extra) {
    return argsWithSamples("40", out, extra);
  }

  private static String[] argsWithSamples(String samples, Path out, String... extra) {
    List<String> a = new java.util.ArrayList<>(List.of("fid", "--samples", samples, "--seed", "2", "--data", data.toString(),
        "--classifier", classifier.toString(), "--weights", generator.toString(), "--no-cache", "--out", out.toString()));
    a.addAll(List.of(extra));
    return a.toArray(String[]::new);
  }

  /** Runs the command and returns [exit code, stderr]. */
  private static Object[] run(String... args) {
    PrintStream err = System.err;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      int code = Main.execute(args);
      return new Object[] {code, buf.toString(StandardCharsets.UTF_8)};
    } finally {
      System.setErr(err);
    }
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
    assertArrayEquals(Files.readAllBytes(a.resolve("fid.csv")), Files.readAllBytes(b.resolve("fid.csv")));
  }

  @Test
  void badSampleCountIsAOneLineError() {
    Path out = tmp.resolve("run-c");
    Object[] r = run(argsWithSamples("0", out));
    assertEquals(2, r[0]);
    String err = (String) r[1];
    assertTrue(err.startsWith("spinsim: error: --samples must be in [2, 10000]"), err);
    assertEquals(1, err.strip().lines().count(), err);
    assertFalse(Files.exists(out));
  }

  @Test
  void unknownPresetIsAOneLineErrorAndLeavesNoFolder() {
    Path out = tmp.resolve("run-d");
    Object[] r = run(args(out, "--preset", "paper"));
    assertEquals(2, r[0]);
    assertTrue(((String) r[1]).startsWith("spinsim: error: --preset paper"), (String) r[1]);
    assertFalse(Files.exists(out));
  }

  @Test
  void modelWithoutAClassifierIsRefused() {
    Object[] r = run(args(tmp.resolve("run-e"), "--model", "dcgan64"));
    assertEquals(2, r[0]);
    assertTrue(((String) r[1]).contains("only 28x28x1"), (String) r[1]);
  }

  @Test
  void missingDataNamesTheFileAndTheFix() {
    Object[] r = run("fid", "--data", tmp.resolve("nowhere").toString(), "--out", tmp.resolve("run-f").toString());
    assertEquals(2, r[0]);
    assertTrue(((String) r[1]).contains("apt-get install dataset-fashion-mnist"), (String) r[1]);
  }
}
