package dev.spinsim.cli.output;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads NumPy {@code .npy} files holding little-endian float32 ({@code '<f4'}) or float64 ({@code
 * '<f8'}, narrowed to float) arrays in C order, format versions 1.0 to 3.0; enough to compare a
 * run's images and latents with another run or with arrays saved by NumPy.
 */
public final class NpyReader {
  private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
  private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
  private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

  private NpyReader() {}

  /** Reads the array in {@code file}; a malformed or unsupported file gives a one-line error. */
  public static NpyArray read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString());
    }
  }

  /** Reads an array from {@code in}; {@code source} names it in error messages. */
  public static NpyArray read(InputStream in, String source) throws IOException {
    byte[] magic = in.readNBytes(NpyWriter.MAGIC.length + 2);
    if (magic.length < 8
        || !Arrays.equals(Arrays.copyOf(magic, NpyWriter.MAGIC.length), NpyWriter.MAGIC)) {
      throw new IOException(source + ": not a .npy file (bad magic)");
    }
    int major = magic[6];
    int headerLength;
    if (major == 1) {
      headerLength = littleEndian(in.readNBytes(2), source).getShort() & 0xFFFF;
    } else if (major == 2 || major == 3) {
      headerLength = littleEndian(in.readNBytes(4), source).getInt();
    } else {
      throw new IOException(source + ": unsupported .npy version " + major);
    }
    byte[] headerBytes = in.readNBytes(headerLength);
    if (headerBytes.length != headerLength || headerLength < 0) {
      throw new IOException(source + ": truncated .npy header");
    }
    String header = new String(headerBytes, StandardCharsets.ISO_8859_1);
    String descr = group(DESCR, header, "descr", source);
    if (group(FORTRAN, header, "fortran_order", source).equals("True")) {
      throw new IOException(source + ": Fortran-order .npy arrays are not supported");
    }
    int[] shape = parseShape(group(SHAPE, header, "shape", source), source);
    long count = 1;
    for (int dim : shape) {
      count *= dim;
    }
    if (count > Integer.MAX_VALUE) {
      throw new IOException(source + ": array too large (" + count + " values)");
    }
    int width;
    switch (descr) {
      case "<f4" -> width = 4;
      case "<f8" -> width = 8;
      default ->
          throw new IOException(
              source + ": unsupported dtype '" + descr + "', expected '<f4' or '<f8'");
    }
    byte[] raw = in.readNBytes((int) count * width);
    if (raw.length != count * width) {
      throw new IOException(
          source
              + ": truncated .npy data: expected "
              + count * width
              + " bytes, got "
              + raw.length);
    }
    ByteBuffer buffer = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
    float[] data = new float[(int) count];
    for (int i = 0; i < data.length; i++) {
      data[i] = width == 4 ? buffer.getFloat() : (float) buffer.getDouble();
    }
    return new NpyArray(shape, data);
  }

  private static ByteBuffer littleEndian(byte[] bytes, String source) throws IOException {
    if (bytes.length < 2) {
      throw new IOException(source + ": truncated .npy header");
    }
    return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
  }

  private static String group(Pattern pattern, String header, String key, String source)
      throws IOException {
    Matcher m = pattern.matcher(header);
    if (!m.find()) {
      throw new IOException(source + ": .npy header has no '" + key + "': " + header.strip());
    }
    return m.group(1);
  }

  private static int[] parseShape(String text, String source) throws IOException {
    List<Integer> dims = new ArrayList<>();
    for (String part : text.split(",")) {
      String trimmed = part.strip();
      if (trimmed.isEmpty()) {
        continue;
      }
      try {
        dims.add(
            Integer.parseInt(
                trimmed.endsWith("L") ? trimmed.substring(0, trimmed.length() - 1) : trimmed));
      } catch (NumberFormatException e) {
        throw new IOException(source + ": bad .npy shape '(" + text + ")'");
      }
    }
    return dims.stream().mapToInt(Integer::intValue).toArray();
  }
}
