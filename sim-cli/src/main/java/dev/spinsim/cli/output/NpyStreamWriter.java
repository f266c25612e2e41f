package dev.spinsim.cli.output;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;

import com.google.common.math.LongMath;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes a float32 {@code .npy} file ({@link NpyWriter}'s format) one record at a time, so an array
 * of any length never sits in memory: the header is written first with room for the largest record
 * count and rewritten with the count actually appended when the file is closed. A record is one
 * entry along the first axis ({@code shape} without it, e.g. C×H×W for images).
 */
public final class NpyStreamWriter implements Closeable {
  /** Records a header is laid out for: numbers up to this many digits fit its padding. */
  private static final int COUNT_DIGITS = 10;

  private final FileChannel channel;
  private final int[] recordShape;
  private final int recordSize;
  private final int headerLength;
  private final ByteBuffer buffer;
  private long count;
  private boolean closed;

  /** Creates {@code file} (replacing it) for records of {@code recordShape}. */
  public NpyStreamWriter(Path file, int... recordShape) throws IOException {
    long size = 1;
    for (int d : recordShape) {
      checkArgument(
          d > 0,
          "npy record shape must be positive, got %s",
          java.util.Arrays.toString(recordShape));
      size *= d;
    }
    this.recordShape = recordShape.clone();
    this.recordSize = Math.toIntExact(size);
    // the header of the largest count has the most digits; padding absorbs the difference
    this.headerLength = NpyWriter.header(shape(LongMath.pow(10, COUNT_DIGITS) - 1)).length;
    this.channel =
        FileChannel.open(
            file,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING);
    this.buffer =
        ByteBuffer.allocate(Math.max(8192, 4 * recordSize)).order(ByteOrder.LITTLE_ENDIAN);
    channel.write(ByteBuffer.wrap(header(0)));
  }

  /** Appends one record: {@code recordSize} values from {@code data[offset..]}. */
  public void append(float[] data, int offset) throws IOException {
    checkState(!closed, "npy stream already closed");
    checkArgument(
        data.length - offset >= recordSize,
        "a record needs %s values, got %s",
        recordSize,
        data.length - offset);
    buffer.clear();
    for (int i = 0; i < recordSize; i++) {
      buffer.putFloat(data[offset + i]);
    }
    buffer.flip();
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
    count++;
  }

  /** Records appended so far. */
  public long count() {
    return count;
  }

  /** Rewrites the header with the number of records appended and closes the file. */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try (FileChannel c = channel) {
      ByteBuffer h = ByteBuffer.wrap(header(count));
      c.write(h, 0);
    }
  }

  private int[] shape(long n) {
    int[] s = new int[recordShape.length + 1];
    s[0] = (int) Math.min(n, Integer.MAX_VALUE);
    System.arraycopy(recordShape, 0, s, 1, recordShape.length);
    return s;
  }

  /** The header for {@code n} records, padded to the fixed length this file was started with. */
  private byte[] header(long n) {
    byte[] h = NpyWriter.header(shape(n), headerLength);
    return h;
  }
}
