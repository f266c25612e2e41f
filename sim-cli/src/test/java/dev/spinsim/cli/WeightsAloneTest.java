package dev.spinsim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spinsim.network.hwaware.HardwareAwareness;
import dev.spinsim.network.model.LayerSpec;
import dev.spinsim.network.model.LayerSpec.BatchNorm2d;
import dev.spinsim.network.model.LayerSpec.ConvTranspose2d;
import dev.spinsim.network.model.LayerSpec.ReLU;
import dev.spinsim.network.model.LayerSpec.Tanh;
import dev.spinsim.network.model.NetworkSpec;
import dev.spinsim.network.model.ParamSpec;
import dev.spinsim.network.model.Shape;
import dev.spinsim.network.tensor.Tensor;
import dev.spinsim.network.weights.SafeTensors;
import dev.spinsim.network.weights.ShippedWeights;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PyTorch DCGAN generators as people write them load with {@code --weights} alone: each variant
 * below is written as a small safetensors file of random tensors under PyTorch's names, detected
 * without a model, and must come out as the layers it was written from and compute what the same
 * layers given as a model file compute.
 */
class WeightsAloneTest {
  @TempDir Path dir;

  private static ConvTranspose2d up(int in, int out, int k, int s, int p, boolean bias) {
    return new ConvTranspose2d(in, out, k, s, p, 0, bias);
  }

  private static BatchNorm2d bn(int features) {
    return new BatchNorm2d(features, null, null);
  }

  @Test
  void fmnistLayoutWithOtherWidthsAndBatchNormWithoutBiases() throws Exception {
    // the PyTorch tutorial's habit (bias=False before BatchNorm), at 1x1 -> 7x7 -> 14x14 -> 28x28
    assertLoadsAsWritten(
        "fmnist",
        16,
        List.of(
            up(16, 48, 7, 1, 0, false),
            bn(48),
            new ReLU(),
            up(48, 24, 4, 2, 1, false),
            bn(24),
            new ReLU(),
            up(24, 1, 4, 2, 1, false),
            new Tanh()));
  }

  @Test
  void withoutBatchNormAndWithBiases() throws Exception {
    assertLoadsAsWritten(
        "fmnist",
        12,
        List.of(
            up(12, 32, 7, 1, 0, true),
            new ReLU(),
            up(32, 16, 4, 2, 1, true),
            new ReLU(),
            up(16, 1, 4, 2, 1, true),
            new Tanh()));
  }

  @Test
  void fourByFourThenSevenByKernel3ThenDoublings() throws Exception {
    // the MNIST DCGAN common in tutorials: 1x1 -> 4x4 -> 7x7 (k3 s2 p1) -> 14x14 -> 28x28
    assertLoadsAsWritten(
        "fmnist",
        10,
        List.of(
            up(10, 32, 4, 1, 0, false),
            bn(32),
            new ReLU(),
            up(32, 16, 3, 2, 1, false),
            bn(16),
            new ReLU(),
            up(16, 8, 4, 2, 1, false),
            bn(8),
            new ReLU(),
            up(8, 1, 4, 2, 1, true),
            new Tanh()));
  }

  @Test
  void theTutorials64By64GeneratorWithNarrowerChannels() throws Exception {
    // the PyTorch DCGAN tutorial's generator with ngf = 8 instead of 64: dcgan64's image, its
    // discriminator
    assertLoadsAsWritten(
        "dcgan64",
        20,
        List.of(
            up(20, 64, 4, 1, 0, false),
            bn(64),
            new ReLU(),
            up(64, 32, 4, 2, 1, false),
            bn(32),
            new ReLU(),
            up(32, 16, 4, 2, 1, false),
            bn(16),
            new ReLU(),
            up(16, 8, 4, 2, 1, false),
            bn(8),
            new ReLU(),
            up(8, 3, 4, 2, 1, false),
            new Tanh()));
  }

  @Test
  void aRunOnAGeneratorReadFromItsFileReplaysFromItsRunYaml() throws Exception {
    Path file =
        write(
            "replay",
            List.of(
                up(8, 12, 7, 1, 0, false),
                bn(12),
                new ReLU(),
                up(12, 6, 4, 2, 1, false),
                bn(6),
                new ReLU(),
                up(6, 1, 4, 2, 1, true),
                new Tanh()),
            8);
    Path first = dir.resolve("first");
    Path again = dir.resolve("again");
    assertEquals(
        0,
        quietly(
            "generate",
            "--weights",
            file.toString(),
            "--preset",
            "ideal",
            "--images",
            "2",
            "--functional",
            "--out",
            first.toString()));
    assertEquals(
        0,
        quietly(
            "generate",
            "--config",
            first.resolve("run.yaml").toString(),
            "--out",
            again.toString()));
    assertArrayEquals(
        Files.readAllBytes(first.resolve("images.npy")),
        Files.readAllBytes(again.resolve("images.npy")));
  }

  private static int quietly(String... args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    System.setOut(new PrintStream(OutputStream.nullOutputStream()));
    System.setErr(new PrintStream(OutputStream.nullOutputStream()));
    try {
      return Main.execute(args);
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }

  @Test
  void aGeneratorEndingInNoShippedImageIsOneLineNamingTheFile() throws Exception {
    // 1x1 -> 4x4 -> 8x8 -> 16x16 -> 32x32: a DCGAN, but no shipped model has a 32x32 image
    Path file =
        write(
            "g32",
            List.of(
                up(8, 16, 4, 1, 0, false),
                bn(16),
                new ReLU(),
                up(16, 8, 4, 2, 1, false),
                bn(8),
                new ReLU(),
                up(8, 4, 4, 2, 1, false),
                bn(4),
                new ReLU(),
                up(4, 1, 4, 2, 1, false),
                new Tanh()),
            8);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> inputs(file));
    assertTrue(
        e.getMessage().startsWith(file + ": its tensors fit none of the shipped generators"),
        e.getMessage());
    assertTrue(e.getMessage().contains("--model FILE.yaml"), e.getMessage());
  }

  private void assertLoadsAsWritten(String template, int latent, List<LayerSpec> layers)
      throws Exception {
    Path file = write(template + "-variant", layers, latent);
    RunInputs in = inputs(file);
    assertEquals(template, in.model.name());
    assertEquals(
        layers, in.model.generator().layers(), "layers read from the tensor names and shapes");
    assertEquals(latent, in.model.latent());
    assertTrue(
        in.notes.stream().anyMatch(n -> n.contains("read by the DCGAN conventions")),
        in.notes.toString());
    // the same layers given as a model, loaded from the same file, compute the same images
    NetworkSpec written = NetworkSpec.of("generator", new Shape(latent, 1, 1), layers);
    var reference =
        ShippedWeights.build(written, HardwareAwareness.NONE, template, ShippedWeights.FLOAT, file)
            .network();
    Tensor z = Tensor.normal(new SplittableRandom(3), 0, 1, 2, latent, 1, 1);
    assertArrayEquals(reference.forward(z, false).data(), in.generator.forward(z, false).data());
    // and a run folder's run.yaml names the model so that a replay reads the generator again
    assertTrue(
        in.model.source().endsWith(dev.spinsim.network.weights.DcganLayout.SOURCE_SUFFIX),
        in.model.source());
  }

  private RunInputs inputs(Path weights) {
    return new RunInputs(null, weights, null, false, "ideal", List.of(), Map.of(), 1);
  }

  /**
   * A state_dict of random tensors for {@code layers} under PyTorch's names (main.i.weight, ...).
   */
  private Path write(String name, List<LayerSpec> layers, int latent) {
    NetworkSpec spec = NetworkSpec.of("generator", new Shape(latent, 1, 1), layers);
    SplittableRandom rng = new SplittableRandom(name.hashCode());
    Map<String, Tensor> tensors = new LinkedHashMap<>();
    for (int i = 0; i < spec.size(); i++) {
      for (ParamSpec p : spec.layers().get(i).parameters()) {
        Tensor t = Tensor.normal(rng, 0, 0.2, p.shape());
        if (p.suffix().equals("running_var")) {
          for (int j = 0; j < t.data().length; j++) {
            t.data()[j] = 0.5f + Math.abs(t.data()[j]);
          }
        }
        tensors.put(NetworkSpec.layerName(i) + "." + p.suffix(), t);
      }
    }
    Path file = dir.resolve(name + ".safetensors");
    SafeTensors.write(file, tensors, Map.of());
    return file;
  }
}
