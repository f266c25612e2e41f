package dev.spinsim.cli.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyStreamWriterTest {
  @TempDir Path dir;

  @Test
  void recordsAppendedOneByOneReadBackWithTheCountFixedUpInTheHeader() throws IOException {
    Path f = dir.resolve("a.npy");
    try (NpyStreamWriter w = new NpyStreamWriter(f, 2, 3)) {
      for (int r = 0; r < 5; r++) {
        float[] rec = new float[6];
        for (int i = 0; i < 6; i++) {
          rec[i] = r * 10 + i;
        }
        w.append(rec, 0);
      }
    }
    NpyArray a = NpyReader.read(f);
    assertArrayEquals(new int[] {5, 2, 3}, a.shape());
    assertEquals(42f, a.data()[4 * 6 + 2]);
    byte[] b = Files.readAllBytes(f);
    int headerLength = ByteBuffer.wrap(b, 8, 2).order(ByteOrder.LITTLE_ENDIAN).getShort();
    assertEquals(0, (10 + headerLength) % 64, "data must start on a 64-byte boundary");
    assertEquals(10 + headerLength + 5 * 6 * 4, b.length);
  }

  @Test
  void anEmptyStreamIsAZeroLengthArray() throws IOException {
    Path f = dir.resolve("e.npy");
    new NpyStreamWriter(f, 4).close();
    assertArrayEquals(new int[] {0, 4}, NpyReader.read(f).shape());
  }
}
