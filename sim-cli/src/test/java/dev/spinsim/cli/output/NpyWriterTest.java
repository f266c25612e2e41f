package dev.spinsim.cli.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyWriterTest {
  private static byte[] bytes(NpyArray array) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    NpyWriter.write(out, array);
    return out.toByteArray();
  }

  @Test
  void headerIsVersionOneLittleEndianFloat32CorderPaddedTo64Bytes() throws IOException {
    byte[] file = bytes(new NpyArray(new int[] {2, 1, 2, 3}, new float[12]));
    assertArrayEquals(NpyWriter.MAGIC, Arrays.copyOf(file, 6));
    assertEquals(1, file[6]);
    assertEquals(0, file[7]);
    int headerLength = ByteBuffer.wrap(file, 8, 2).order(ByteOrder.LITTLE_ENDIAN).getShort();
    assertEquals(0, (10 + headerLength) % 64, "data must start on a 64-byte boundary");
    String header = new String(file, 10, headerLength, StandardCharsets.US_ASCII);
    assertEquals(
        "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 1, 2, 3), }", header.strip());
    assertTrue(header.endsWith("\n"));
    assertEquals(10 + headerLength + 12 * 4, file.length);
  }

  @Test
  void oneDimensionalShapeIsWrittenAsPythonOneTuple() throws IOException {
    byte[] file = bytes(new NpyArray(new int[] {5}, new float[5]));
    String header = new String(file, StandardCharsets.ISO_8859_1);
    assertTrue(header.contains("'shape': (5,), }"), header);
  }

  @Test
  void dataBytesAreLittleEndianFloat32InCorder() throws IOException {
    float[] data = {1.5f, -2f, 0.25f, Float.MIN_VALUE, -0f, 1e30f};
    byte[] file = bytes(new NpyArray(new int[] {2, 3}, data));
    int offset = file.length - data.length * 4;
    ByteBuffer buffer =
        ByteBuffer.wrap(file, offset, data.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (float expected : data) {
      assertEquals(Float.floatToRawIntBits(expected), Float.floatToRawIntBits(buffer.getFloat()));
    }
  }

  @Property(tries = 50)
  void writtenArraysReadBackIdentically(
      @ForAll @IntRange(min = 1, max = 4) int n,
      @ForAll @IntRange(min = 1, max = 3) int c,
      @ForAll @IntRange(min = 1, max = 9) int h,
      @ForAll long seed)
      throws IOException {
    java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
    float[] data = new float[n * c * h * 2];
    for (int i = 0; i < data.length; i++) {
      data[i] = (float) (random.nextDouble() * 2 - 1);
    }
    NpyArray array = new NpyArray(new int[] {n, c, h, 2}, data);
    NpyArray back = NpyReader.read(new ByteArrayInputStream(bytes(array)), "test");
    assertEquals(array, back);
  }

  @Test
  void fileRoundTripKeepsShapeAndValues(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("latents.npy");
    float[] z = {0.1f, -0.2f, 0.3f, 0.4f, -0.5f, 0.6f};
    NpyWriter.write(file, new int[] {3, 2}, z);
    NpyArray back = NpyReader.read(file);
    assertArrayEquals(new int[] {3, 2}, back.shape());
    assertArrayEquals(z, back.data());
  }

  @Test
  void readerRejectsFilesThatAreNotNpy(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("bad.npy");
    Files.writeString(file, "not numpy at all");
    IOException e = assertThrows(IOException.class, () -> NpyReader.read(file));
    assertTrue(e.getMessage().contains("bad.npy"), e.getMessage());
  }

  @Test
  void readerRejectsTruncatedData() throws IOException {
    byte[] file = bytes(new NpyArray(new int[] {4}, new float[4]));
    byte[] truncated = Arrays.copyOf(file, file.length - 3);
    IOException e =
        assertThrows(
            IOException.class, () -> NpyReader.read(new ByteArrayInputStream(truncated), "t.npy"));
    assertTrue(e.getMessage().contains("truncated"), e.getMessage());
  }

  @Test
  void readerNarrowsFloat64Arrays() throws IOException {
    String dict = "{'descr': '<f8', 'fortran_order': False, 'shape': (2,), }";
    String padded = dict + " ".repeat(128 - 10 - dict.length() - 1) + "\n";
    ByteBuffer b = ByteBuffer.allocate(128 + 16).order(ByteOrder.LITTLE_ENDIAN);
    b.put(NpyWriter.MAGIC).put((byte) 1).put((byte) 0).putShort((short) padded.length());
    b.put(padded.getBytes(StandardCharsets.US_ASCII)).putDouble(0.5).putDouble(-3.0);
    NpyArray a = NpyReader.read(new ByteArrayInputStream(b.array()), "f8");
    assertArrayEquals(new float[] {0.5f, -3f}, a.data());
  }

  @Test
  void shapeMustMatchDataLength() {
    assertThrows(
        IllegalArgumentException.class, () -> new NpyArray(new int[] {2, 2}, new float[3]));
  }
}
