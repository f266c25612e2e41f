package dev.spinsim.cli;

import dev.spinsim.network.classifier.ClassifierArchitecture;
import dev.spinsim.network.classifier.CnnClassifier;
import dev.spinsim.network.model.ModelLoader;
import dev.spinsim.network.model.ModelSpec;
import dev.spinsim.network.model.Network;
import dev.spinsim.network.weights.SafeTensors;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;

/**
 * Stand-ins for the colour FID inputs: a miniature emoji package (emoji.json and 64×64 PNGs of two
 * categories), a random emoji classifier, and a tiny 64×64×3 DCGAN with random weights (the real
 * dcgan64 costs seconds per chip image).
 */
record EmojiFixtures(Path images, Path classifier, Path model, Path generator) {
  /** A 64×64×3 DCGAN of the dcgan64 layer pattern at width 4 (latent 8). */
  static final String TINY_MODEL =
      """
      name: tiny64
      latent: 8
      image: {channels: 3, height: 64, width: 64}
      generator:
        - {type: ConvTranspose2d, in: 8, out: 16, kernel: 4, stride: 1, padding: 0, bias: false}
        - {type: BatchNorm2d, features: 16}
        - {type: ReLU}
        - {type: ConvTranspose2d, in: 16, out: 8, kernel: 4, stride: 2, padding: 1, bias: false}
        - {type: BatchNorm2d, features: 8}
        - {type: ReLU}
        - {type: ConvTranspose2d, in: 8, out: 8, kernel: 4, stride: 2, padding: 1, bias: false}
        - {type: BatchNorm2d, features: 8}
        - {type: ReLU}
        - {type: ConvTranspose2d, in: 8, out: 4, kernel: 4, stride: 2, padding: 1, bias: false}
        - {type: BatchNorm2d, features: 4}
        - {type: ReLU}
        - {type: ConvTranspose2d, in: 4, out: 3, kernel: 4, stride: 2, padding: 1, bias: false}
        - {type: Tanh}
      discriminator:
        - {type: Conv2d, in: 3, out: 4, kernel: 4, stride: 2, padding: 1, bias: false}
        - {type: LeakyReLU, alpha: 0.2}
        - {type: Conv2d, in: 4, out: 8, kernel: 4, stride: 2, padding: 1, bias: false}
        - {type: BatchNorm2d, features: 8}
        - {type: LeakyReLU, alpha: 0.2}
        - {type: Conv2d, in: 8, out: 8, kernel: 4, stride: 2, padding: 1, bias: false}
        - {type: BatchNorm2d, features: 8}
        - {type: LeakyReLU, alpha: 0.2}
        - {type: Conv2d, in: 8, out: 8, kernel: 4, stride: 2, padding: 1, bias: false}
        - {type: BatchNorm2d, features: 8}
        - {type: LeakyReLU, alpha: 0.2}
        - {type: Conv2d, in: 8, out: 1, kernel: 4, stride: 1, padding: 0, bias: false}
        - {type: Sigmoid}
      """;

  static EmojiFixtures write(Path dir, int perClass) throws IOException {
    Path pkg = Files.createDirectories(dir.resolve("package"));
    Path images = Files.createDirectories(pkg.resolve("img/google/64"));
    List<String> entries = new ArrayList<>();
    SplittableRandom rng = new SplittableRandom(5);
    for (int i = 0; i < perClass; i++) {
      String smiley = String.format("1f6%02x.png", i), flag = String.format("1f1%02x.png", i);
      draw(images.resolve(smiley), new Color(250, 200 + rng.nextInt(40), 40), 10 + rng.nextInt(8));
      draw(images.resolve(flag), new Color(200 + rng.nextInt(50), 30, 160), 2 + rng.nextInt(8));
      entries.add("{\"image\":\"" + smiley + "\",\"category\":\"Smileys & Emotion\"}");
      entries.add("{\"image\":\"" + flag + "\",\"category\":\"Flags\"}");
    }
    Files.writeString(
        pkg.resolve("emoji.json"), "[" + String.join(",", entries) + "]", StandardCharsets.UTF_8);

    CnnClassifier c = new CnnClassifier(ClassifierArchitecture.EMOJI);
    c.initialise(3);
    Path classifier = dir.resolve("emoji-classifier.safetensors");
    SafeTensors.write(classifier, c.stateDict(), Map.of());

    Path model = Files.writeString(dir.resolve("tiny64.yaml"), TINY_MODEL);
    ModelSpec spec = ModelLoader.load(model.toString());
    Network g = new Network(spec.generator());
    g.initDcgan(new SplittableRandom(4));
    Path generator = dir.resolve("tiny64-generator.safetensors");
    SafeTensors.write(generator, g.stateDict(), Map.of());
    return new EmojiFixtures(images, classifier, model, generator);
  }

  private static void draw(Path file, Color color, int inset) throws IOException {
    BufferedImage img = new BufferedImage(64, 64, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = img.createGraphics();
    try {
      g.setColor(color);
      g.fillOval(inset, inset, 64 - 2 * inset, 64 - 2 * inset);
    } finally {
      g.dispose();
    }
    ImageIO.write(img, "png", file.toFile());
  }
}
