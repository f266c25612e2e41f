package dev.spinsim.network.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class GemmTest {
  private static float[] random(SplittableRandom rng, int n) {
    float[] a = new float[n];
    for (int i = 0; i < n; i++) {
      a[i] = (float) rng.nextGaussian();
    }
    return a;
  }

  @Property(tries = 40)
  void vectorKernelIsBitIdenticalToScalarFallback(
      @ForAll @IntRange(min = 1, max = 37) int m,
      @ForAll @IntRange(min = 1, max = 150) int n,
      @ForAll @IntRange(min = 1, max = 600) int k,
      @ForAll boolean transposedA,
      @ForAll boolean accumulate) {
    SplittableRandom rng = new SplittableRandom(m * 31L + n * 7L + k);
    float[] a = random(rng, m * k);
    float[] b = random(rng, k * n);
    float[] c0 = random(rng, m * n);
    float[] c1 = c0.clone();
    int rs = transposedA ? 1 : k, cs = transposedA ? m : 1;
    Gemm.multiply(m, n, k, a, 0, rs, cs, b, 0, n, c0, 0, n, accumulate, true, true);
    Gemm.multiply(m, n, k, a, 0, rs, cs, b, 0, n, c1, 0, n, accumulate, false, false);
    assertArrayEquals(c1, c0);
  }

  @Test
  void aColdProcessMultipliesWithTheScalarKernelUntilItHasDoneEnoughWork() {
    java.util.concurrent.atomic.AtomicLong done = new java.util.concurrent.atomic.AtomicLong();
    assertFalse(Gemm.warm(done, 600, 1000), "first 600 of 1000");
    assertFalse(Gemm.warm(done, 400, 1000), "1000 of 1000");
    assertTrue(Gemm.warm(done, 1, 1000), "past the threshold");
    assertTrue(Gemm.warm(done, 1, 1000), "and from then on");
    assertTrue(Gemm.warm(new java.util.concurrent.atomic.AtomicLong(), 5000, 1000), "one big one");
  }

  @Test
  void multipliesSmallMatrixExactly() {
    float[] a = {1, 2, 3, 4, 5, 6}; // 2x3
    float[] b = {7, 8, 9, 10, 11, 12}; // 3x2
    float[] c = new float[4];
    Gemm.multiply(2, 2, 3, a, b, c);
    assertArrayEquals(new float[] {58, 64, 139, 154}, c);
  }

  @Test
  void matchesDoublePrecisionProductWithinFloatRounding() {
    SplittableRandom rng = new SplittableRandom(3);
    int m = 65, n = 129, k = 1000;
    float[] a = random(rng, m * k);
    float[] b = random(rng, k * n);
    float[] c = new float[m * n];
    Gemm.multiply(m, n, k, a, b, c);
    for (int i = 0; i < m; i += 7) {
      for (int j = 0; j < n; j += 5) {
        double s = 0;
        for (int p = 0; p < k; p++) {
          s += (double) a[i * k + p] * b[p * n + j];
        }
        assertEquals(s, c[i * n + j], 1e-3);
      }
    }
  }
}
