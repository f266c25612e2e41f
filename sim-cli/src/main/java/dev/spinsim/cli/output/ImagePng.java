package dev.spinsim.cli.output;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.math.IntMath;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Turns images stored as float arrays in N×C×H×W order with values in [−1, 1] into PNGs: one
 * picture per image (grayscale for one channel, RGB for three) and a near-square grid, upscaled
 * when the images are small so a person can see them.
 */
public final class ImagePng {
  /** Width in pixels of the border around and between grid cells. */
  public static final int GRID_BORDER_PX = 2;

  private static final int BORDER_GRAY = 128;

  private ImagePng() {}

  /** The 8-bit pixel value of {@code x} in [−1, 1]: (x+1)/2·255, rounded and clamped. */
  public static int toByte(float x) {
    if (Float.isNaN(x)) {
      return 0;
    }
    int v = Math.round((x + 1f) * 127.5f);
    return Math.max(0, Math.min(255, v));
  }

  /**
   * The picture of image {@code n} of a batch with {@code channels} (1 or 3) channels of {@code
   * height}×{@code width}, stored in C order in {@code data}.
   */
  public static BufferedImage image(float[] data, int n, int channels, int height, int width) {
    checkShape(channels, height, width);
    int plane = height * width;
    int base = n * channels * plane;
    checkArgument(
        n >= 0 && base + channels * plane <= data.length, "image %s is outside the data", n);
    BufferedImage img =
        new BufferedImage(
            width,
            height,
            channels == 1 ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB);
    WritableRaster raster = img.getRaster();
    if (channels == 1) {
      for (int y = 0; y < height; y++) {
        for (int x = 0; x < width; x++) {
          raster.setSample(x, y, 0, toByte(data[base + y * width + x]));
        }
      }
    } else {
      for (int y = 0; y < height; y++) {
        for (int x = 0; x < width; x++) {
          int i = base + y * width + x;
          int rgb =
              toByte(data[i]) << 16 | toByte(data[i + plane]) << 8 | toByte(data[i + 2 * plane]);
          img.setRGB(x, y, rgb);
        }
      }
    }
    return img;
  }

  /** The upscaling factor used in grids: ×4 up to 32 px, ×2 up to 64 px, else ×1. */
  public static int gridScale(int height, int width) {
    int side = Math.max(height, width);
    return side <= 32 ? 4 : side <= 64 ? 2 : 1;
  }

  /** Number of grid columns for {@code count} images: ⌈√count⌉ (near square). */
  public static int gridColumns(int count) {
    checkArgument(count > 0, "a grid needs at least one image, got %s", count);
    int cols = (int) Math.ceil(Math.sqrt(count));
    while ((cols - 1) * (cols - 1) >= count) {
      cols--;
    }
    while (cols * cols < count) {
      cols++;
    }
    return cols;
  }

  /**
   * A near-square grid of all {@code count} images, each upscaled by {@link #gridScale}, with a
   * {@value #GRID_BORDER_PX}-pixel gray border around and between the cells.
   */
  public static BufferedImage grid(float[] data, int count, int channels, int height, int width) {
    checkShape(channels, height, width);
    int cols = gridColumns(count);
    int rows = IntMath.divide(count, cols, RoundingMode.CEILING);
    int scale = gridScale(height, width);
    int cellW = width * scale;
    int cellH = height * scale;
    int gridW = cols * cellW + (cols + 1) * GRID_BORDER_PX;
    int gridH = rows * cellH + (rows + 1) * GRID_BORDER_PX;
    BufferedImage grid =
        new BufferedImage(
            gridW,
            gridH,
            channels == 1 ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB);
    WritableRaster out = grid.getRaster();
    int borderRgb = BORDER_GRAY << 16 | BORDER_GRAY << 8 | BORDER_GRAY;
    for (int y = 0; y < gridH; y++) {
      for (int x = 0; x < gridW; x++) {
        if (channels == 1) {
          out.setSample(x, y, 0, BORDER_GRAY);
        } else {
          grid.setRGB(x, y, borderRgb);
        }
      }
    }
    for (int n = 0; n < count; n++) {
      BufferedImage img = image(data, n, channels, height, width);
      int x0 = GRID_BORDER_PX + (n % cols) * (cellW + GRID_BORDER_PX);
      int y0 = GRID_BORDER_PX + (n / cols) * (cellH + GRID_BORDER_PX);
      for (int y = 0; y < cellH; y++) {
        for (int x = 0; x < cellW; x++) {
          if (channels == 1) {
            out.setSample(x0 + x, y0 + y, 0, img.getRaster().getSample(x / scale, y / scale, 0));
          } else {
            grid.setRGB(x0 + x, y0 + y, img.getRGB(x / scale, y / scale));
          }
        }
      }
    }
    return grid;
  }

  /** PNG bytes of {@code image}; the same picture always gives the same bytes. */
  public static byte[] encode(BufferedImage image) {
    Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
    checkArgument(writers.hasNext(), "no PNG encoder in this JDK");
    ImageWriter writer = writers.next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(bytes)) {
      writer.setOutput(stream);
      writer.write(image);
    } catch (IOException e) {
      throw new UncheckedIOException("PNG encoding failed", e);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }

  /** Writes {@code image} as a PNG file. */
  public static void write(Path file, BufferedImage image) throws IOException {
    Files.write(file, encode(image));
  }

  private static void checkShape(int channels, int height, int width) {
    checkArgument(
        channels == 1 || channels == 3,
        "images must have 1 (grayscale) or 3 (RGB) channels, got %s",
        channels);
    checkArgument(height > 0 && width > 0, "image size must be positive, got %sx%s", height, width);
  }
}
