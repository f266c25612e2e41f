package dev.spinsim.cli;

import dev.spinsim.network.hwaware.HardwareAwareness;
import dev.spinsim.network.image.ImageGrid;
import dev.spinsim.network.model.ModelLoader;
import dev.spinsim.network.model.ModelSpec;
import dev.spinsim.network.model.Network;
import dev.spinsim.network.tensor.Tensor;
import dev.spinsim.network.weights.ShippedWeights;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code spinsim sample}: a grid of generator samples in float (no hardware), from shipped or given
 * weights.
 */
@Command(
    name = "sample",
    mixinStandardHelpOptions = true,
    description = "Write a grid of images from a trained generator (float reference, no hardware).")
final class SampleCommand implements Callable<Integer> {
  @Option(
      names = "--model",
      defaultValue = "fmnist",
      description = "fmnist, dcgan64 or a model YAML file (default: ${DEFAULT-VALUE})")
  String model;

  @Option(
      names = "--weights",
      description = "generator safetensors file (default: the shipped weights of the model)")
  Path weights;

  @Option(
      names = "--variant",
      defaultValue = "float",
      description =
          "shipped weights to use: float or hw-paper (trained hardware-aware) (default: ${DEFAULT-VALUE})")
  String variant;

  @Option(
      names = {"--images", "--n"},
      paramLabel = "N",
      defaultValue = "64",
      description = "number of images (default: ${DEFAULT-VALUE}); --n is the old name")
  int n;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "seed of the latent vectors (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(
      names = "--zoom",
      defaultValue = "2",
      description = "pixel zoom of the grid (default: ${DEFAULT-VALUE})")
  int zoom;

  @Option(
      names = "--out",
      defaultValue = ".",
      description =
          "folder for samples.png (default: the current folder); a path ending in .png, the old"
              + " meaning, still names the picture itself")
  Path out;

  @Override
  public Integer call() throws java.io.IOException {
    if (n <= 0) {
      throw new IllegalArgumentException("--images must be > 0, got " + n);
    }
    if (zoom <= 0) {
      throw new IllegalArgumentException("--zoom must be > 0, got " + zoom);
    }
    ModelSpec spec = ModelLoader.load(model);
    ShippedWeights.Loaded loaded =
        ShippedWeights.build(
            spec.generator(), HardwareAwareness.NONE, spec.name(), variant, weights);
    loaded.notes().forEach(note -> System.err.println("spinsim: note: " + note));
    Network g = loaded.network();
    String from = loaded.source();
    Tensor z = Tensor.normal(new SplittableRandom(seed), 0, 1, n, spec.latent(), 1, 1);
    Tensor images = g.forward(z, false);
    int cols = (int) Math.ceil(Math.sqrt(n));
    Path png =
        out.getFileName() != null && out.getFileName().toString().endsWith(".png")
            ? out
            : out.resolve("samples.png");
    if (png == out) {
      System.err.println(
          "spinsim: note: --out is a folder in every command; "
              + out
              + " is taken as the picture"
              + " (the old meaning)");
    } else {
      java.nio.file.Files.createDirectories(out);
    }
    ImageGrid.write(images, cols, zoom, png);
    System.out.println(
        "wrote "
            + n
            + " "
            + spec.name()
            + " samples (seed "
            + seed
            + ", weights "
            + from
            + ") to "
            + png);
    return 0;
  }
}
