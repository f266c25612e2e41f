package dev.spinsim.cli.output;

import static com.google.common.base.Preconditions.checkArgument;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes NumPy {@code .npy} files (format version 1.0, little-endian float32 {@code '<f4'}, C
 * order), so any run's images and latents open with {@code numpy.load} outside spinsim.
 */
public final class NpyWriter {
  static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  private static final int ALIGNMENT = 64;

  private NpyWriter() {}

  /** Writes {@code array} to {@code file}, replacing it if present. */
  public static void write(Path file, NpyArray array) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      write(out, array);
    }
  }

  /** Writes {@code data} with {@code shape} to {@code file}. */
  public static void write(Path file, int[] shape, float[] data) throws IOException {
    write(file, new NpyArray(shape, data));
  }

  /** Writes {@code array} in .npy format to {@code out} (not closed). */
  public static void write(OutputStream out, NpyArray array) throws IOException {
    out.write(header(array.shape()));
    float[] data = array.data();
    ByteBuffer chunk = ByteBuffer.allocate(8192).order(ByteOrder.LITTLE_ENDIAN);
    for (float value : data) {
      if (!chunk.hasRemaining()) {
        out.write(chunk.array(), 0, chunk.position());
        chunk.clear();
      }
      chunk.putFloat(value);
    }
    out.write(chunk.array(), 0, chunk.position());
  }

  /**
   * The full header: magic, version 1.0, a little-endian uint16 length and the Python dict, padded
   * with spaces and ended by a newline so the data starts on a 64-byte boundary.
   */
  static byte[] header(int[] shape) {
    return header(shape, 0);
  }

  /**
   * As {@link #header(int[])}, padded with spaces to {@code length} bytes when that is longer (a
   * multiple of 64): how a streamed file reserves room for the count it learns at the end.
   */
  static byte[] header(int[] shape, int length) {
    StringBuilder dict = new StringBuilder("{'descr': '<f4', 'fortran_order': False, 'shape': (");
    for (int i = 0; i < shape.length; i++) {
      dict.append(shape[i]);
      if (shape.length == 1) { // numpy writes "(5,)" for one dimension and "(2, 3)" for more
        dict.append(',');
      } else if (i < shape.length - 1) {
        dict.append(", ");
      }
    }
    dict.append("), }");
    int prefix = MAGIC.length + 2 + 2;
    int unpadded = prefix + dict.length() + 1;
    int padding = (ALIGNMENT - unpadded % ALIGNMENT) % ALIGNMENT;
    if (unpadded + padding < length) {
      padding = length - unpadded;
    }
    dict.append(" ".repeat(padding)).append('\n');
    byte[] text = dict.toString().getBytes(StandardCharsets.US_ASCII);
    checkArgument(text.length <= 0xFFFF, "npy header too long for format 1.0");
    ByteBuffer header = ByteBuffer.allocate(prefix + text.length).order(ByteOrder.LITTLE_ENDIAN);
    header.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) text.length).put(text);
    return header.array();
  }
}
