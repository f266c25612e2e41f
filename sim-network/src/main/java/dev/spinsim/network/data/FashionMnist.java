package dev.spinsim.network.data;

import dev.spinsim.network.tensor.Tensor;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Fashion-MNIST from its IDX files (gzip), as the Debian package {@code dataset-fashion-mnist}
 * installs them. Images become [n, 1, 28, 28] floats scaled to [−1, 1], the generator's tanh range.
 */
public final class FashionMnist {
  /** Where {@code apt-get install dataset-fashion-mnist} puts the files. */
  public static final Path DEFAULT_DIR = Path.of("/usr/share/datasets/fashion-mnist");

  public static final String TRAIN_IMAGES = "train-images-idx3-ubyte.gz";
  public static final String TEST_IMAGES = "t10k-images-idx3-ubyte.gz";

  private FashionMnist() {}

  /** The 60,000 training images (or the first {@code limit} when limit > 0) from {@code dir}. */
  public static Tensor trainImages(Path dir, int limit) {
    return images(dir.resolve(TRAIN_IMAGES), limit);
  }

  /** Reads an IDX3 image file (optionally gzipped) into [n, 1, rows, cols] in [−1, 1]. */
  public static Tensor images(Path file, int limit) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(
          "Fashion-MNIST not found: "
              + file
              + " is missing (install it with `apt-get install dataset-fashion-mnist`, or pass --data DIR)");
    }
    try (InputStream raw = Files.newInputStream(file);
        InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
        DataInputStream data = new DataInputStream(new java.io.BufferedInputStream(in, 1 << 16))) {
      int magic = data.readInt();
      if (magic != 0x00000803) {
        throw new IllegalArgumentException(
            file
                + ": not an IDX3 image file (magic 0x"
                + Integer.toHexString(magic)
                + ", expected 0x803)");
      }
      int n = data.readInt(), rows = data.readInt(), cols = data.readInt();
      if (n <= 0 || rows <= 0 || cols <= 0 || (long) n * rows * cols > Integer.MAX_VALUE) {
        throw new IllegalArgumentException(
            file + ": implausible IDX3 header " + n + "x" + rows + "x" + cols);
      }
      int count = limit > 0 ? Math.min(limit, n) : n;
      byte[] pixels = new byte[count * rows * cols];
      data.readFully(pixels);
      float[] f = new float[pixels.length];
      for (int i = 0; i < f.length; i++) {
        f[i] = (pixels[i] & 0xff) / 127.5f - 1f;
      }
      return Tensor.of(f, count, 1, rows, cols);
    } catch (EOFException e) {
      throw new IllegalArgumentException(file + ": truncated IDX file", e);
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": cannot read IDX file: " + e.getMessage(), e);
    }
  }
}
