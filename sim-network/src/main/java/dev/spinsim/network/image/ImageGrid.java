package dev.spinsim.network.image;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.math.IntMath;
import dev.spinsim.network.tensor.Tensor;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Tiles a batch of images in [−1, 1] (1 or 3 channels) into one PNG with a 2-pixel gutter. */
public final class ImageGrid {
  private ImageGrid() {}

  /** The grid image: {@code columns} per row, each pixel scaled {@code zoom} times. */
  public static BufferedImage render(Tensor images, int columns, int zoom) {
    checkArgument(
        images.rank() == 4 && (images.c() == 1 || images.c() == 3),
        "need N x 1|3 x H x W images, got %s",
        images.shapeString());
    checkArgument(columns > 0 && zoom > 0, "columns and zoom must be > 0");
    int n = images.n(), c = images.c(), h = images.h(), w = images.w();
    int cols = Math.min(columns, n);
    int rows = IntMath.divide(n, cols, RoundingMode.CEILING);
    int gap = 2;
    int cellW = w * zoom + gap, cellH = h * zoom + gap;
    BufferedImage out =
        new BufferedImage(cols * cellW + gap, rows * cellH + gap, BufferedImage.TYPE_INT_RGB);
    int bg = 0x202020;
    for (int y = 0; y < out.getHeight(); y++) {
      for (int x = 0; x < out.getWidth(); x++) {
        out.setRGB(x, y, bg);
      }
    }
    float[] d = images.data();
    for (int i = 0; i < n; i++) {
      int ox = gap + (i % cols) * cellW, oy = gap + (i / cols) * cellH;
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          int rgb = 0;
          for (int ch = 0; ch < 3; ch++) {
            float v = d[((i * c + (c == 1 ? 0 : ch)) * h + y) * w + x];
            int b = (int) Math.round(Math.max(0, Math.min(255, (v + 1) * 127.5)));
            rgb = (rgb << 8) | b;
          }
          for (int zy = 0; zy < zoom; zy++) {
            for (int zx = 0; zx < zoom; zx++) {
              out.setRGB(ox + x * zoom + zx, oy + y * zoom + zy, rgb);
            }
          }
        }
      }
    }
    return out;
  }

  /** Writes the grid as a PNG (creating parent folders). */
  public static void write(Tensor images, int columns, int zoom, Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      ImageIO.write(render(images, columns, zoom), "png", file.toFile());
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": cannot write PNG: " + e.getMessage(), e);
    }
  }
}
