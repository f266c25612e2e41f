package dev.spinsim.network.tensor;

/**
 * MurmurHash3 x64 128 (Austin Appleby's public-domain algorithm, seed 0) of the little-endian bytes
 * of a float or double array, computed on the values' bits directly: the same 128 bits as Guava's
 * {@code Hashing.murmur3_128().hashBytes(bytes)} of those bytes (tested), without copying the array
 * into bytes and without the streaming hasher's per-block buffer calls, which cost a cold process
 * tens of milliseconds per megabyte before the JIT has compiled them. Used for the keys of what a
 * chip build keeps ({@code Network.fingerprint}, the chip-build store's crossbar keys): a pass over
 * a 760 k-weight network is about a millisecond once compiled.
 */
public final class ArrayHash {
  private static final long C1 = 0x87c37b91114253d5L;
  private static final long C2 = 0x4cf5ad432745937fL;

  private ArrayHash() {}

  /**
   * Blocks (16 bytes each) a loop method hashes per call: a cold process runs a long loop
   * interpreted until the JIT compiles it on the stack, while a method called again and again is
   * compiled after a few hundred calls; the body is written out (no calls) for the same reason.
   */
  private static final int CHUNK = 256;

  /**
   * The hash of {@code a[off .. off+len)} as little-endian IEEE 754 bits: {@code {h1, h2}}, the
   * first and second 8 bytes of the 128-bit hash read as little-endian longs.
   */
  public static long[] of(double[] a, int off, int len) {
    long[] h = new long[2];
    int blocks = len / 2;
    for (int b = 0; b < blocks; b += CHUNK) {
      doubleBlocks(a, off + 2 * b, Math.min(CHUNK, blocks - b), h);
    }
    long h1 = h[0];
    if (len % 2 != 0) {
      h1 ^= mixK1(Double.doubleToRawLongBits(a[off + len - 1]));
    }
    return finish(h1, h[1], 8L * len);
  }

  /** As {@link #of(double[], int, int)} for floats (4 bytes each). */
  public static long[] of(float[] a, int off, int len) {
    long[] h = new long[2];
    int blocks = len / 4;
    for (int b = 0; b < blocks; b += CHUNK) {
      floatBlocks(a, off + 4 * b, Math.min(CHUNK, blocks - b), h);
    }
    long h1 = h[0];
    long h2 = h[1];
    int i = off + 4 * blocks;
    int tail = len % 4;
    if (tail == 3) {
      h2 ^= mixK2(Float.floatToRawIntBits(a[i + 2]) & 0xffffffffL);
    }
    if (tail >= 2) {
      h1 ^= mixK1(pair(a[i], a[i + 1]));
    } else if (tail == 1) {
      h1 ^= mixK1(Float.floatToRawIntBits(a[i]) & 0xffffffffL);
    }
    return finish(h1, h2, 4L * len);
  }

  /** {@code n} blocks of two doubles from {@code a[at]} into the state {@code h}. */
  private static void doubleBlocks(double[] a, int at, int n, long[] h) {
    long h1 = h[0];
    long h2 = h[1];
    for (int end = at + 2 * n; at < end; at += 2) {
      long k1 = Double.doubleToRawLongBits(a[at]) * C1;
      k1 = ((k1 << 31) | (k1 >>> 33)) * C2;
      h1 ^= k1;
      h1 = ((h1 << 27) | (h1 >>> 37)) + h2;
      h1 = h1 * 5 + 0x52dce729;
      long k2 = Double.doubleToRawLongBits(a[at + 1]) * C2;
      k2 = ((k2 << 33) | (k2 >>> 31)) * C1;
      h2 ^= k2;
      h2 = ((h2 << 31) | (h2 >>> 33)) + h1;
      h2 = h2 * 5 + 0x38495ab5;
    }
    h[0] = h1;
    h[1] = h2;
  }

  /** {@code n} blocks of four floats from {@code a[at]} into the state {@code h}. */
  private static void floatBlocks(float[] a, int at, int n, long[] h) {
    long h1 = h[0];
    long h2 = h[1];
    for (int end = at + 4 * n; at < end; at += 4) {
      long k1 =
          ((Float.floatToRawIntBits(a[at]) & 0xffffffffL)
                  | ((long) Float.floatToRawIntBits(a[at + 1]) << 32))
              * C1;
      k1 = ((k1 << 31) | (k1 >>> 33)) * C2;
      h1 ^= k1;
      h1 = ((h1 << 27) | (h1 >>> 37)) + h2;
      h1 = h1 * 5 + 0x52dce729;
      long k2 =
          ((Float.floatToRawIntBits(a[at + 2]) & 0xffffffffL)
                  | ((long) Float.floatToRawIntBits(a[at + 3]) << 32))
              * C2;
      k2 = ((k2 << 33) | (k2 >>> 31)) * C1;
      h2 ^= k2;
      h2 = ((h2 << 31) | (h2 >>> 33)) + h1;
      h2 = h2 * 5 + 0x38495ab5;
    }
    h[0] = h1;
    h[1] = h2;
  }

  private static long pair(float lo, float hi) {
    return (Float.floatToRawIntBits(lo) & 0xffffffffL) | ((long) Float.floatToRawIntBits(hi) << 32);
  }

  private static long mixK1(long k1) {
    return Long.rotateLeft(k1 * C1, 31) * C2;
  }

  private static long mixK2(long k2) {
    return Long.rotateLeft(k2 * C2, 33) * C1;
  }

  private static long[] finish(long h1, long h2, long bytes) {
    h1 ^= bytes;
    h2 ^= bytes;
    h1 += h2;
    h2 += h1;
    h1 = fmix64(h1);
    h2 = fmix64(h2);
    h1 += h2;
    h2 += h1;
    return new long[] {h1, h2};
  }

  private static long fmix64(long k) {
    k ^= k >>> 33;
    k *= 0xff51afd7ed558ccdL;
    k ^= k >>> 33;
    k *= 0xc4ceb9fe1a85ec53L;
    k ^= k >>> 33;
    return k;
  }
}
