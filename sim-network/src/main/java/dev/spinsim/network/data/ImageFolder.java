package dev.spinsim.network.data;

import dev.spinsim.network.tensor.Tensor;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * A folder of PNG images (e.g. the Noto emoji set) as [n, 3, size, size] floats in [−1, 1], sorted
 * by file name, alpha composited on white, resized when needed. Fetch the emoji set with {@code npm
 * pack emoji-datasource-google@16.0.0 && tar xzf emoji-datasource-google-16.0.0.tgz} and point at
 * {@code package/img/google/64/}.
 */
public final class ImageFolder {
  private ImageFolder() {}

  /** The folder's PNG files, sorted by name; a missing or empty folder is refused in one line. */
  public static List<Path> files(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException(
          "image folder not found: "
              + dir
              + " (for the emoji set run"
              + " `npm pack emoji-datasource-google@16.0.0 && tar xzf emoji-datasource-google-16.0.0.tgz`"
              + " and use package/img/google/64/)");
    }
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files =
          s.filter(
                  p ->
                      p.getFileName()
                          .toString()
                          .toLowerCase(java.util.Locale.ROOT)
                          .endsWith(".png"))
              .sorted()
              .toList();
    } catch (IOException e) {
      throw new IllegalArgumentException(dir + ": cannot list: " + e.getMessage(), e);
    }
    if (files.isEmpty()) {
      throw new IllegalArgumentException(dir + ": no .png images");
    }
    return files;
  }

  /** The first {@code limit} images (all when limit is 0) of the folder, sorted by file name. */
  public static Tensor load(Path dir, int size, int limit) {
    List<Path> files = files(dir);
    return load(limit > 0 ? files.subList(0, Math.min(limit, files.size())) : files, size);
  }

  /**
   * {@code files} as [n, 3, size, size] in [−1, 1], nearest-neighbour resized, alpha composited on
   * white.
   */
  public static Tensor load(List<Path> files, int size) {
    int n = files.size();
    Tensor t = Tensor.zeros(n, 3, size, size);
    float[] d = t.data();
    int plane = size * size;
    for (int i = 0; i < n; i++) {
      BufferedImage img = read(files.get(i));
      int w = img.getWidth(), h = img.getHeight();
      int[] argbs = img.getRGB(0, 0, w, h, null, 0, w);
      for (int y = 0; y < size; y++) {
        for (int x = 0; x < size; x++) {
          int argb = argbs[(y * h / size) * w + x * w / size];
          double a = ((argb >>> 24) & 0xff) / 255.0;
          int base = i * 3 * plane + y * size + x;
          for (int ch = 0; ch < 3; ch++) {
            int v = (argb >>> (16 - 8 * ch)) & 0xff;
            double over = v * a + 255 * (1 - a);
            d[base + ch * plane] = (float) (over / 127.5 - 1);
          }
        }
      }
    }
    return t;
  }

  private static BufferedImage read(Path p) {
    try {
      BufferedImage img = ImageIO.read(p.toFile());
      if (img == null) {
        throw new IllegalArgumentException(p + ": not a readable PNG image");
      }
      return img;
    } catch (IOException e) {
      throw new IllegalArgumentException(p + ": cannot read image: " + e.getMessage(), e);
    }
  }
}
