package dev.spinsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code spinsim fid} and {@code spinsim classifier} on a colour 64×64 model against a miniature
 * emoji set.
 */
class EmojiFidCommandTest {
  @TempDir static Path tmp;
  static EmojiFixtures f;

  @BeforeAll
  static void fixtures() throws IOException {
    f = EmojiFixtures.write(tmp, 10);
  }

  private static Object[] fid(Path out, String... extra) {
    List<String> a =
        new ArrayList<>(
            List.of(
                "fid",
                "--model",
                f.model().toString(),
                "--samples",
                "6",
                "--seed",
                "3",
                "--data",
                f.images().toString(),
                "--classifier",
                f.classifier().toString(),
                "--weights",
                f.generator().toString(),
                "--no-cache",
                "--out",
                out.toString()));
    a.addAll(List.of(extra));
    return Cli.run(a.toArray(String[]::new));
  }

  @Test
  void colourModelsAreScoredInTheEmojiClassifiersFeatures() throws IOException {
    Path out = tmp.resolve("fid-a");
    Object[] r = fid(out, "--preset", "ideal");
    assertEquals(0, r[0], (String) r[1]);
    List<String> lines = Files.readAllLines(out.resolve("fid.csv"));
    assertEquals(4, lines.size(), String.join("\n", lines));
    // 20 images split 4:1 give a 4-image test split: the floor row is capped there, the others draw
    // 6
    assertTrue(lines.get(1).startsWith("real-test,4,3,"), lines.get(1));
    assertTrue(
        lines.get(2).startsWith("float,6,3,") && lines.get(2).contains("emoji-cnn-relu128@"),
        lines.get(2));
    String[] fl = lines.get(2).split(","), ideal = lines.get(3).split(",");
    assertEquals("ideal", ideal[0]);
    assertEquals(Double.parseDouble(fl[3]), Double.parseDouble(ideal[3]), 1e-3);
    assertTrue(Files.size(out.resolve("samples.png")) > 1000);
  }

  @Test
  void aMissingEmojiIndexIsAOneLineErrorNamingTheFix() throws IOException {
    Path lonely = Files.createDirectories(tmp.resolve("lonely/a/b/c/d"));
    Files.copy(Files.list(f.images()).findFirst().orElseThrow(), lonely.resolve("x.png"));
    Path out = tmp.resolve("fid-b");
    Object[] r =
        Cli.run(
            "fid",
            "--model",
            f.model().toString(),
            "--samples",
            "4",
            "--data",
            lonely.toString(),
            "--classifier",
            f.classifier().toString(),
            "--weights",
            f.generator().toString(),
            "--no-cache",
            "--out",
            out.toString());
    assertEquals(2, r[0]);
    String err = (String) r[1];
    assertTrue(err.contains("no emoji.json") && err.contains("--labels"), err);
    assertEquals(1, err.strip().lines().count(), err);
    assertFalse(Files.exists(out));
  }

  @Test
  void theEmojiClassifierTrainsAndEvaluatesFromTheCommandLine() throws IOException {
    Path weights = tmp.resolve("emoji-cnn.safetensors");
    Object[] r =
        Cli.run(
            "classifier",
            "train",
            "--dataset",
            "emoji",
            "--data",
            f.images().toString(),
            "--epochs",
            "1",
            "--batch",
            "8",
            "--out",
            weights.toString());
    assertEquals(0, r[0], (String) r[1]);
    assertTrue(Files.size(weights) > 100_000);
    r =
        Cli.run(
            "classifier",
            "eval",
            "--dataset",
            "emoji",
            "--data",
            f.images().toString(),
            "--weights",
            weights.toString());
    assertEquals(0, r[0], (String) r[1]);
    r =
        Cli.run(
            "classifier",
            "eval",
            "--dataset",
            "emoji",
            "--data",
            f.images().toString(),
            "--weights",
            f.classifier().toString().replace("emoji", "nosuch"));
    assertEquals(2, r[0]);
  }
}
