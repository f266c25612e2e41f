package dev.spinsim.network.classifier;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Class labels from an IDX1 file (optionally gzipped), as Fashion-MNIST ships them beside the
 * images.
 */
public final class IdxLabels {
  public static final String TRAIN_LABELS = "train-labels-idx1-ubyte.gz";
  public static final String TEST_LABELS = "t10k-labels-idx1-ubyte.gz";

  private IdxLabels() {}

  /** The labels of {@code file} (the first {@code limit} when limit > 0). */
  public static int[] read(Path file, int limit) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(
          "Fashion-MNIST labels not found: "
              + file
              + " is missing (install them with `apt-get install dataset-fashion-mnist`, or pass --data DIR)");
    }
    try (InputStream raw = Files.newInputStream(file);
        InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
        DataInputStream data = new DataInputStream(new BufferedInputStream(in, 1 << 16))) {
      int magic = data.readInt();
      if (magic != 0x00000801) {
        throw new IllegalArgumentException(
            file
                + ": not an IDX1 label file (magic 0x"
                + Integer.toHexString(magic)
                + ", expected 0x801)");
      }
      int n = data.readInt();
      if (n <= 0) {
        throw new IllegalArgumentException(file + ": implausible IDX1 header, " + n + " labels");
      }
      int count = limit > 0 ? Math.min(limit, n) : n;
      byte[] bytes = new byte[count];
      data.readFully(bytes);
      int[] labels = new int[count];
      for (int i = 0; i < count; i++) {
        labels[i] = bytes[i] & 0xff;
      }
      return labels;
    } catch (EOFException e) {
      throw new IllegalArgumentException(file + ": truncated IDX1 label file", e);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          file + ": cannot read IDX1 label file: " + e.getMessage(), e);
    }
  }
}
