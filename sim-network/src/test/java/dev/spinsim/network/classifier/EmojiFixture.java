package dev.spinsim.network.classifier;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * A miniature emoji-datasource package: {@code package/emoji.json} and 64×64 RGBA PNGs under {@code
 * package/img/google/64/}. Class 0 ("Smileys & Emotion") is a yellow disc, class 9 ("Flags") a
 * red-and-blue rectangle; every third smiley has a skin variation.
 */
public final class EmojiFixture {
  private EmojiFixture() {}

  /** Writes {@code perClass} images of each of the two categories; returns the image folder. */
  public static Path write(Path root, int perClass) throws IOException {
    Path pkg = Files.createDirectories(root.resolve("package"));
    Path images = Files.createDirectories(pkg.resolve("img/google/64"));
    List<String> entries = new ArrayList<>();
    for (int i = 0; i < perClass; i++) {
      String smiley = String.format("1f6%02x.png", i);
      draw(images.resolve(smiley), true, i);
      String flag = String.format("1f1%02x.png", i);
      draw(images.resolve(flag), false, i);
      entries.add("{\"image\":\"" + flag + "\",\"category\":\"Flags\",\"name\":\"F\"}");
      entries.add(
          "{\"image\":\""
              + smiley
              + "\",\"category\":\"Smileys & Emotion\""
              + (i % 3 == 0
                  ? ",\"skin_variations\":{\"1F3FB\":{\"image\":\""
                      + String.format("1f6%02x-1f3fb.png", i)
                      + "\"}}"
                  : "")
              + "}");
    }
    Files.writeString(
        pkg.resolve("emoji.json"), "[" + String.join(",", entries) + "]", StandardCharsets.UTF_8);
    return images;
  }

  private static void draw(Path file, boolean smiley, int i) throws IOException {
    BufferedImage img = new BufferedImage(64, 64, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = img.createGraphics();
    try {
      if (smiley) {
        g.setColor(new Color(250, 200 + i % 40, 40));
        g.fillOval(8 + i % 5, 8, 48, 48);
      } else {
        g.setColor(new Color(200 + i % 50, 30, 40));
        g.fillRect(4, 14 + i % 6, 56, 18);
        g.setColor(new Color(30, 40, 200));
        g.fillRect(4, 32 + i % 6, 56, 18);
      }
    } finally {
      g.dispose();
    }
    ImageIO.write(img, "png", file.toFile());
  }
}
