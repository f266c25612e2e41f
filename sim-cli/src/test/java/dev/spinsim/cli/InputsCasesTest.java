package dev.spinsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spinsim.cli.output.NpyReader;
import dev.spinsim.network.tensor.Tensor;
import dev.spinsim.network.weights.SafeTensors;
import dev.spinsim.network.weights.ShippedWeights;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The inputs people bring (issue 15's cases), through the command line: corrupt checkpoints are
 * refused before anything is simulated, a generator without a final Tanh runs and keeps its values,
 * PyTorch state dicts without biases load with the shipped model, and {@code map} and {@code
 * generate} refuse the same models with the same line.
 */
class InputsCasesTest {
  @TempDir Path tmp;

  /** Runs {@code args}; returns [exit code, stdout, stderr]. */
  private static Object[] run(String... args) {
    return Cli.runWithStdout(args);
  }

  private static Map<String, Tensor> shipped(String role) {
    Map<String, Tensor> copy = new LinkedHashMap<>();
    SafeTensors.readResource(ShippedWeights.resource("fmnist", role))
        .tensors()
        .forEach((k, v) -> copy.put(k, Tensor.of(v.data().clone(), v.shape())));
    return copy;
  }

  private Path weights(String name, Map<String, Tensor> tensors) {
    Path p = tmp.resolve(name);
    SafeTensors.write(p, tensors, Map.of());
    return p;
  }

  /**
   * The shipped fmnist model YAML with {@code line} removed (the generator-without-tanh case's
   * model).
   */
  private Path fmnistWithout(String name, String line) throws IOException {
    String yaml;
    try (InputStream in =
        getClass().getResourceAsStream("/dev/spinsim/network/models/fmnist.yaml")) {
      yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String cut =
        yaml.replaceFirst("(?m)^  - \\{type: " + line + "}[^\\n]*\\n", "")
            .replace("name: fmnist", "name: " + name);
    assertNotEquals(yaml.length(), cut.length(), "removed " + line);
    Path p = tmp.resolve(name + ".yaml");
    Files.writeString(p, cut);
    return p;
  }

  @Test
  void nanWeightsCaseIsRefusedAtLoadInOneLineWithNoRunFolder() {
    // cases/nan-weights: one NaN in main.3.weight[5, 7, 1, 2]; PyTorch gives NaN images
    Map<String, Tensor> g = shipped("generator");
    g.get("main.3.weight").data()[((5 * 64 + 7) * 4 + 1) * 4 + 2] = Float.NaN;
    Path f = weights("g_nan.safetensors", g);
    Path out = tmp.resolve("run-g_nan");
    Object[] r =
        run(
            "generate",
            "--preset",
            "ideal",
            "--images",
            "2",
            "--weights",
            f.toString(),
            "--out",
            out.toString());
    assertEquals(2, r[0]);
    String err = ((String) r[2]).strip();
    assertEquals(1, err.lines().count(), err);
    assertTrue(
        err.startsWith(
            "spinsim: error: "
                + f
                + ": tensor 'main.3.weight' ([128, 64, 4, 4] of generator[3]"
                + " (ConvTranspose2d)) holds NaN at [5, 7, 1, 2]"),
        err);
    assertFalse(Files.exists(out));
  }

  @Test
  void nanWeightsCaseControlInfiniteVarianceRunsAndIsFinite() throws IOException {
    Map<String, Tensor> g = shipped("generator");
    g.get("main.4.running_var").data()[3] = Float.POSITIVE_INFINITY;
    Path out = tmp.resolve("run-inf");
    Object[] r =
        run(
            "generate",
            "--preset",
            "ideal",
            "--images",
            "2",
            "--functional",
            "--weights",
            weights("g_inf_var.safetensors", g).toString(),
            "--out",
            out.toString());
    assertEquals(0, r[0], (String) r[2]);
    for (float v : NpyReader.read(out.resolve("images.npy")).data()) {
      assertTrue(Float.isFinite(v) && v >= -1 && v <= 1, "pixel " + v);
    }
  }

  @Test
  void generatorWithoutTanhCaseKeepsTheComputedValuesAndCountsThePixelsOutside()
      throws IOException {
    // cases/generator-without-tanh: PyTorch 1.13 eval-mode forward of these weights on seed 1's
    // first latent gives image 0, pixel 0 = -4.5711
    Path model = fmnistWithout("fmnist-no-tanh", "Tanh");
    Path out = tmp.resolve("no-tanh");
    Object[] r =
        run(
            "generate",
            "--model",
            model.toString(),
            "--preset",
            "ideal",
            "--images",
            "1",
            "--functional",
            "--weights",
            weights("g.safetensors", shipped("generator")).toString(),
            "--out",
            out.toString());
    assertEquals(0, r[0], (String) r[2]);
    float[] px = NpyReader.read(out.resolve("images.npy")).data();
    assertEquals(-4.5711, px[0], 1e-4);
    long outside = 0;
    for (float v : px) {
      outside += v < -1 || v > 1 ? 1 : 0;
    }
    assertTrue(outside > 0);
    List<String> summary = Files.readAllLines(out.resolve("summary.csv"));
    List<String> cols = List.of(summary.get(0).split(","));
    assertEquals(
        Long.toString(outside),
        summary.get(1).split(",")[cols.indexOf("pixels_outside_unit_range")]);
    String stdout = (String) r[1];
    assertTrue(
        stdout.contains(outside + " of 784 pixel values") && stdout.contains("the PNGs clip them"),
        stdout);
    assertTrue(Files.exists(out.resolve("images/000.png")));
  }

  @Test
  void aDiscriminatorWithoutSigmoidGivesLogitScoresWithANote() throws IOException {
    Path model = fmnistWithout("fmnist-logits", "Sigmoid");
    Path out = tmp.resolve("logits");
    Object[] r =
        run(
            "generate",
            "--model",
            model.toString(),
            "--preset",
            "ideal",
            "--images",
            "2",
            "--functional",
            "--discriminator",
            "--weights",
            weights("g.safetensors", shipped("generator")).toString(),
            "--discriminator-weights",
            weights("d.safetensors", shipped("discriminator")).toString(),
            "--out",
            out.toString());
    assertEquals(0, r[0], (String) r[2]);
    assertTrue(((String) r[1]).contains("its scores are logits"), (String) r[1]);
    assertTrue(Files.readString(out.resolve("scores.csv")).lines().count() == 3);
  }

  @Test
  void aPyTorchGeneratorWithoutBiasesRunsWithWeightsAloneAndSaysSoOnce() throws IOException {
    Map<String, Tensor> g = shipped("generator");
    g.remove("main.6.bias");
    Path out = tmp.resolve("nobias");
    Object[] r =
        run(
            "generate",
            "--images",
            "1",
            "--functional",
            "--preset",
            "ideal",
            "--weights",
            weights("netG.safetensors", g).toString(),
            "--out",
            out.toString());
    assertEquals(0, r[0], (String) r[2]);
    String terminal = r[1] + "\n" + r[2];
    assertEquals(
        1,
        terminal.lines().filter(l -> l.contains("main.6") && l.contains("no bias")).count(),
        terminal);
    String yaml = Files.readString(out.resolve("run.yaml"));
    assertTrue(yaml.contains("biasesFromWeights:") && yaml.contains("G.main.6: false"), yaml);
    assertTrue(yaml.contains("model: fmnist"), yaml);
  }

  @Test
  void mapAndGenerateRefuseTheSameModelWithTheSameLine() throws IOException {
    Path model = tmp.resolve("two-activations.yaml");
    Files.writeString(
        model,
        Files.readString(fmnistWithout("two-activations", "Sigmoid"))
            .replace("  - {type: Tanh}", "  - {type: ReLU}\n  - {type: Tanh}"));
    Object[] map = run("map", "--model", model.toString(), "--generator-only");
    Object[] gen =
        run(
            "generate",
            "--model",
            model.toString(),
            "--images",
            "1",
            "--out",
            tmp.resolve("x").toString());
    assertEquals(2, map[0]);
    assertEquals(2, gen[0]);
    assertTrue(
        ((String) map[2]).contains("G layer main.8 (Tanh) does not follow a matrix layer"),
        (String) map[2]);
    assertEquals(map[2], gen[2]);
  }
}
