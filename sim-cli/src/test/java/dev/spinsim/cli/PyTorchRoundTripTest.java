package dev.spinsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spinsim.cli.output.NpyArray;
import dev.spinsim.cli.output.NpyReader;
import dev.spinsim.network.model.ModelLoader;
import dev.spinsim.network.weights.ShippedWeights;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A DCGAN made in PyTorch runs on the simulated chip in two commands and equals PyTorch: initialise
 * in PyTorch (randomised weights and batchnorm statistics) → {@code tools/pt2spinsim.py} → {@code
 * spinsim generate --preset ideal} → compared with PyTorch's eval-mode forward on the run's
 * latents. Needs Debian's python3-torch at /usr/bin/python3 (CI installs it); skipped with a
 * message otherwise.
 */
class PyTorchRoundTripTest {
  private static final String PYTHON = "/usr/bin/python3";
  private static final Path TOOL = Path.of("..", "tools", "pt2spinsim.py").toAbsolutePath();
  private static final double TOLERANCE = 1e-5;

  @TempDir Path tmp;
  private static Path script;

  @BeforeAll
  static void needsTorch() throws Exception {
    boolean torch;
    try {
      Process p =
          new ProcessBuilder(PYTHON, "-c", "import torch, numpy").redirectErrorStream(true).start();
      torch = p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      torch = false;
    }
    Assumptions.assumeTrue(
        torch,
        "skipped: PyTorch is not installed for "
            + PYTHON
            + " (apt-get install python3-torch); the PyTorch round trip was not checked");
    script = Files.createTempFile("roundtrip_dcgan", ".py");
    try (var in = PyTorchRoundTripTest.class.getResourceAsStream("/pytorch/roundtrip_dcgan.py")) {
      Files.write(script, in.readAllBytes());
    }
  }

  private static String python(Path dir, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(PYTHON));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(300, TimeUnit.SECONDS), "timed out: " + cmd);
    assertEquals(0, p.exitValue(), String.join(" ", cmd) + "\n" + out);
    return out;
  }

  private static double maxError(Path reference, Path images) throws IOException {
    NpyArray ref = NpyReader.read(reference);
    NpyArray sim = NpyReader.read(images);
    assertEquals(java.util.Arrays.toString(ref.shape()), java.util.Arrays.toString(sim.shape()));
    double max = 0;
    for (int i = 0; i < ref.size(); i++) {
      max = Math.max(max, Math.abs(ref.get(i) - sim.get(i)));
    }
    return max;
  }

  @Test
  void aDcganInitialisedInPyTorchConvertsAndMatchesItsForwardPassOnTheIdealChip() throws Exception {
    python(tmp, script.toString(), "make", tmp.toString());
    String converted =
        python(
            tmp,
            TOOL.toString(),
            "--generator",
            "netG.pt",
            "--generator-class",
            script + ":Generator()",
            "--discriminator",
            "netD.pt",
            "--out",
            "tiny");
    assertTrue(converted.contains("run: ./spinsim generate --model tiny/model.yaml"), converted);
    Path run = tmp.resolve("run");
    Object[] r =
        Cli.run(
            "generate",
            "--model",
            tmp.resolve("tiny/model.yaml").toString(),
            "--weights",
            tmp.resolve("tiny/generator.safetensors").toString(),
            "--discriminator",
            "--discriminator-weights",
            tmp.resolve("tiny/discriminator.safetensors").toString(),
            "--preset",
            "ideal",
            "--images",
            "4",
            "--out",
            run.toString());
    assertEquals(0, r[0], (String) r[1]);
    python(
        tmp,
        script.toString(),
        "forward",
        tmp.toString(),
        run.resolve("latents.npy").toString(),
        "ref.npy");
    double err = maxError(tmp.resolve("ref.npy"), run.resolve("images.npy"));
    System.out.println(
        "PyTorch round trip (16x16 DCGAN, ideal preset, 4 images): max |spinsim - PyTorch| = "
            + err);
    assertTrue(err <= TOLERANCE, "max |spinsim - PyTorch| = " + err);
  }

  @Test
  void theTutorials64x64StateDictsLoadWithWeightsAloneAndMatchPyTorch() throws Exception {
    python(tmp, script.toString(), "tutorial", tmp.toString());
    python(
        tmp,
        TOOL.toString(),
        "--generator",
        "netG.pt",
        "--discriminator",
        "netD.pt",
        "--out",
        "tut");
    Path g = tmp.resolve("tut/generator.safetensors");
    Path d = tmp.resolve("tut/discriminator.safetensors");
    assertTrue(
        ShippedWeights.fits(ModelLoader.load("dcgan64").discriminator(), d),
        "tutorial netD fits dcgan64");
    Path run = tmp.resolve("run64");
    Object[] r =
        Cli.run(
            "generate",
            "--weights",
            g.toString(),
            "--preset",
            "ideal",
            "--images",
            "1",
            "--functional",
            "--out",
            run.toString());
    assertEquals(0, r[0], (String) r[1]);
    assertTrue(
        Files.readString(run.resolve("run.yaml")).contains("model: dcgan64"),
        "picked the shipped dcgan64");
    python(
        tmp,
        script.toString(),
        "forward",
        tmp.toString(),
        run.resolve("latents.npy").toString(),
        "ref64.npy",
        "tutorial");
    double err = maxError(tmp.resolve("ref64.npy"), run.resolve("images.npy"));
    System.out.println(
        "PyTorch round trip (tutorial 64x64 G, ideal preset): max |spinsim - PyTorch| = " + err);
    assertTrue(err <= TOLERANCE, "max |spinsim - PyTorch| = " + err);
  }
}
