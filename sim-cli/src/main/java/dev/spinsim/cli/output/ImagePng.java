package dev.spinsim.cli.output;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.math.IntMath;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.SinglePixelPackedSampleModel;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
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

  /**
   * Encodes a small grey and a small colour image and throws them away: the first {@link
   * BufferedImage} of a process initialises AWT's toolkit (its native library, the accessibility
   * lookup) and the first PNG the deflater, tens of milliseconds that a short run otherwise pays on
   * its main thread when it writes its first image. Called on a spare thread; the images a run
   * writes are the same bytes with or without it.
   */
  public static void warmUp() {
    float[] pixels = {-1f, -0.5f, 0.5f, 1f, 0f, 0.25f, -0.25f, 0.75f, -0.75f, 0.1f, 0.2f, 0.3f};
    encode(image(pixels, 0, 1, 2, 2));
    encode(image(pixels, 0, 3, 2, 2));
  }

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

  /**
   * PNG bytes of {@code image}; the same picture always gives the same bytes: those the JDK's
   * ImageIO PNG writer gives. 8-bit RGB ({@code TYPE_INT_RGB}) and grey ({@code TYPE_BYTE_GRAY})
   * images, every chart and picture of a run, are encoded here directly from their pixel arrays as
   * that writer does on this JDK (no row filter for colour types other than palette, zlib level 4,
   * IDAT chunks of 32 KiB; see the JDK's {@code com.sun.imageio.plugins.png.PNGImageWriter}): its
   * per-sample Java loops cost a one-image run about a second before the JIT has compiled them.
   * Other images go through ImageIO.
   */
  public static byte[] encode(BufferedImage image) {
    byte[] rows = filteredRows(image);
    return rows == null ? encodeWithImageIo(image) : png(image, rows);
  }

  /** PNG bytes of {@code image} from the JDK's ImageIO PNG writer. */
  static byte[] encodeWithImageIo(BufferedImage image) {
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

  /** Zlib level of ImageIO's PNG writer (its DEFAULT_COMPRESSION_LEVEL). */
  private static final int ZLIB_LEVEL = 4;

  /** Data bytes of every IDAT chunk but the last, as ImageIO's PNG writer splits them. */
  private static final int IDAT_BYTES = 32768;

  /**
   * The scanlines of an 8-bit RGB or grey image, each its filter byte (0: none) and its samples;
   * null for any other layout.
   */
  private static byte[] filteredRows(BufferedImage image) {
    WritableRaster r = image.getRaster();
    if (r.getMinX() != 0
        || r.getMinY() != 0
        || r.getSampleModelTranslateX() != 0
        || r.getSampleModelTranslateY() != 0
        || r.getDataBuffer().getNumBanks() != 1
        || r.getDataBuffer().getOffset() != 0) {
      return null;
    }
    int w = image.getWidth();
    int h = image.getHeight();
    if (image.getType() == BufferedImage.TYPE_INT_RGB
        && r.getSampleModel() instanceof SinglePixelPackedSampleModel sm
        && r.getDataBuffer() instanceof DataBufferInt db) {
      int[] px = db.getData();
      int stride = sm.getScanlineStride();
      byte[] out = new byte[h * (1 + 3 * w)];
      int o = 0;
      for (int y = 0; y < h; y++) {
        out[o++] = 0;
        for (int x = 0, i = y * stride; x < w; x++, i++) {
          int p = px[i];
          out[o++] = (byte) (p >> 16);
          out[o++] = (byte) (p >> 8);
          out[o++] = (byte) p;
        }
      }
      return out;
    }
    if (image.getType() == BufferedImage.TYPE_BYTE_GRAY
        && r.getSampleModel() instanceof ComponentSampleModel sm
        && sm.getPixelStride() == 1
        && r.getDataBuffer() instanceof DataBufferByte db) {
      byte[] px = db.getData();
      int stride = sm.getScanlineStride();
      byte[] out = new byte[h * (1 + w)];
      for (int y = 0; y < h; y++) {
        System.arraycopy(px, y * stride, out, y * (1 + w) + 1, w);
      }
      return out;
    }
    return null;
  }

  /** The PNG file of {@code image} with scanlines {@code rows}: IHDR, IDAT chunks, IEND. */
  private static byte[] png(BufferedImage image, byte[] rows) {
    Deflater deflater = new Deflater(ZLIB_LEVEL);
    ByteArrayOutputStream z = new ByteArrayOutputStream(rows.length / 4 + 64);
    try {
      deflater.setInput(rows);
      deflater.finish();
      byte[] buf = new byte[1 << 16];
      while (!deflater.finished()) {
        z.write(buf, 0, deflater.deflate(buf));
      }
    } finally {
      deflater.end();
    }
    byte[] data = z.toByteArray();
    ByteBuffer out =
        ByteBuffer.allocate(8 + 25 + data.length + 12 * (data.length / IDAT_BYTES + 1) + 12);
    out.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
    ByteBuffer ihdr = ByteBuffer.allocate(13);
    ihdr.putInt(image.getWidth()).putInt(image.getHeight()).put((byte) 8);
    ihdr.put((byte) (image.getType() == BufferedImage.TYPE_BYTE_GRAY ? 0 : 2));
    ihdr.put((byte) 0).put((byte) 0).put((byte) 0);
    chunk(out, "IHDR", ihdr.array(), 0, 13);
    for (int off = 0; off < data.length; off += IDAT_BYTES) {
      chunk(out, "IDAT", data, off, Math.min(IDAT_BYTES, data.length - off));
    }
    chunk(out, "IEND", new byte[0], 0, 0);
    return Arrays.copyOf(out.array(), out.position());
  }

  private static void chunk(ByteBuffer out, String type, byte[] data, int off, int len) {
    byte[] t = type.getBytes(StandardCharsets.US_ASCII);
    CRC32 crc = new CRC32();
    crc.update(t);
    crc.update(data, off, len);
    out.putInt(len).put(t).put(data, off, len).putInt((int) crc.getValue());
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
