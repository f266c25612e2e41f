package dev.spinsim.cli;

import dev.spinsim.network.classifier.ClassifierArchitecture;
import dev.spinsim.network.classifier.CnnClassifier;
import dev.spinsim.network.model.ModelLoader;
import dev.spinsim.network.model.Network;
import dev.spinsim.network.weights.SafeTensors;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

/**
 * Small stand-ins for the FID commands' inputs: synthetic Fashion-MNIST IDX files (120 images per
 * split), a randomly initialised classifier and randomly initialised fmnist generators.
 */
record FmnistFixtures(Path data, Path classifier, Path generator) {

  static FmnistFixtures write(Path dir) throws IOException {
    Path data = Files.createDirectories(dir.resolve("data"));
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
    CnnClassifier c = new CnnClassifier(ClassifierArchitecture.FMNIST);
    c.initialise(3);
    Path classifier = dir.resolve("classifier.safetensors");
    SafeTensors.write(classifier, c.stateDict(), Map.of());
    return new FmnistFixtures(data, classifier, generator(dir.resolve("generator.safetensors"), 4));
  }

  /** A DCGAN-initialised fmnist generator written to {@code file}. */
  static Path generator(Path file, long seed) throws IOException {
    return generator(file, seed, Map.of());
  }

  /**
   * As {@link #generator(Path, long)}, with safetensors {@code metadata} (e.g. the training
   * preset).
   */
  static Path generator(Path file, long seed, Map<String, String> metadata) throws IOException {
    Network g = new Network(ModelLoader.load("fmnist").generator());
    g.initDcgan(new SplittableRandom(seed));
    SafeTensors.write(file, g.stateDict(), metadata);
    return file;
  }

  private static void writeIdx(Path file, int magic, int[] dims, byte[] payload)
      throws IOException {
    try (OutputStream raw = Files.newOutputStream(file);
        DataOutputStream out = new DataOutputStream(new GZIPOutputStream(raw))) {
      out.writeInt(magic);
      for (int d : dims) {
        out.writeInt(d);
      }
      out.write(payload);
    }
  }
}
