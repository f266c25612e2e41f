package dev.spinsim.network.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.common.hash.HashCode;
import com.google.common.hash.Hashing;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ArrayHashTest {
  /** Guava's Murmur3 x64 128 of the little-endian bytes, as {h1, h2}. */
  private static long[] guava(ByteBuffer bytes) {
    HashCode h = Hashing.murmur3_128().hashBytes(bytes.array(), 0, bytes.position());
    ByteBuffer b = ByteBuffer.wrap(h.asBytes()).order(ByteOrder.LITTLE_ENDIAN);
    return new long[] {b.getLong(), b.getLong()};
  }

  /** Every tail length, and lengths over one and several of the loop's chunks. */
  private static int[] lengths() {
    return java.util.stream.IntStream.concat(
            java.util.stream.IntStream.rangeClosed(0, 41),
            java.util.stream.IntStream.of(511, 512, 513, 1023, 1024, 1027, 4099))
        .toArray();
  }

  @Test
  void doublesHashAsGuavaHashesTheirBytesForEveryTailLength() {
    SplittableRandom rng = new SplittableRandom(7);
    for (int len : lengths()) {
      double[] a = new double[len + 3];
      for (int i = 0; i < a.length; i++) {
        a[i] = rng.nextGaussian() * (i % 5 == 0 ? 1e-30 : 1);
      }
      a[a.length - 1] = Double.NaN;
      ByteBuffer bytes = ByteBuffer.allocate(8 * len).order(ByteOrder.LITTLE_ENDIAN);
      for (int i = 0; i < len; i++) {
        bytes.putDouble(a[2 + i]);
      }
      assertArrayEquals(guava(bytes), ArrayHash.of(a, 2, len), "length " + len);
    }
  }

  @Test
  void floatsHashAsGuavaHashesTheirBytesForEveryTailLength() {
    SplittableRandom rng = new SplittableRandom(8);
    for (int len : lengths()) {
      float[] a = new float[len + 2];
      for (int i = 0; i < a.length; i++) {
        a[i] = (float) rng.nextGaussian();
      }
      a[0] = -0f;
      ByteBuffer bytes = ByteBuffer.allocate(4 * len).order(ByteOrder.LITTLE_ENDIAN);
      for (int i = 0; i < len; i++) {
        bytes.putFloat(a[1 + i]);
      }
      assertArrayEquals(guava(bytes), ArrayHash.of(a, 1, len), "length " + len);
    }
  }

  @Test
  void oneBitOfOneValueChangesTheHash() {
    float[] a = new float[1000];
    Arrays.fill(a, 0.25f);
    long[] before = ArrayHash.of(a, 0, a.length);
    a[517] = Math.nextUp(a[517]);
    assertFalse(Arrays.equals(before, ArrayHash.of(a, 0, a.length)));
    double[] d = new double[999];
    long[] dBefore = ArrayHash.of(d, 0, d.length);
    d[998] = -0.0;
    assertFalse(Arrays.equals(dBefore, ArrayHash.of(d, 0, d.length)));
  }
}
