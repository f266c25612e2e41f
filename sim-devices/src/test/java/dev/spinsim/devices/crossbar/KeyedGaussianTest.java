package dev.spinsim.devices.crossbar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class KeyedGaussianTest {
  private static final int BLOCK = 64;
  private static final int BLOCKS = 4000;

  /** 256 000 samples: blocks of 64 of 1000 keys × 4 blocks each. */
  private static float[] samples() {
    float[] all = new float[BLOCK * BLOCKS];
    float[] g = new float[BLOCK];
    for (int b = 0; b < BLOCKS; b++) {
      KeyedGaussian.fill(b / 4, b % 4, g, BLOCK, true);
      System.arraycopy(g, 0, all, b * BLOCK, BLOCK);
    }
    return all;
  }

  @Test
  void vectorAndScalarLoopsGiveTheSameBits() {
    for (int n : new int[] {1, 2, 3, 15, 16, 17, 31, 32, 33, 63, 64, 65, 100, 129}) {
      for (long key : new long[] {0, 1, -7, 0x123456789ABCDEFL}) {
        float[] a = new float[n + 16];
        float[] b = new float[n + 16];
        KeyedGaussian.fill(key, 3, a, n, true);
        KeyedGaussian.fill(key, 3, b, n, false);
        assertArrayEquals(b, a, "n = " + n + ", key = " + key);
      }
    }
  }

  @Test
  void theSameKeyAndBlockGiveTheSameSamplesAndOthersDiffer() {
    float[] a = new float[50];
    float[] b = new float[50];
    KeyedGaussian.fill(42, 1, a, 50, true);
    KeyedGaussian.fill(42, 1, b, 50, false);
    assertArrayEquals(a, b);
    KeyedGaussian.fill(43, 1, b, 50, true);
    assertNotEquals(Arrays.toString(a), Arrays.toString(b));
    KeyedGaussian.fill(42, 2, b, 50, true);
    assertNotEquals(Arrays.toString(a), Arrays.toString(b));
  }

  @Test
  void momentsAreThoseOfTheStandardNormal() {
    float[] x = samples();
    int n = x.length;
    double mean = 0;
    for (float v : x) {
      mean += v;
    }
    mean /= n;
    double m2 = 0;
    double m3 = 0;
    double m4 = 0;
    for (float v : x) {
      double d = v - mean;
      m2 += d * d;
      m3 += d * d * d;
      m4 += d * d * d * d;
    }
    m2 /= n;
    m3 /= n;
    m4 /= n;
    // standard errors at n = 256 000: mean 0.002, variance 0.0028, skewness 0.0048, kurtosis 0.0097
    assertEquals(0, mean, 0.01, "mean");
    assertEquals(1, m2, 0.014, "variance");
    assertEquals(0, m3 / Math.pow(m2, 1.5), 0.025, "skewness");
    assertEquals(3, m4 / (m2 * m2), 0.05, "kurtosis");
  }

  @Test
  void theDistributionPassesAKolmogorovSmirnovTestAgainstTheNormalCdf() {
    float[] x = samples();
    Arrays.sort(x);
    int n = x.length;
    double d = 0;
    for (int i = 0; i < n; i++) {
      double f = phi(x[i]);
      d = Math.max(d, Math.max(f - (double) i / n, (double) (i + 1) / n - f));
    }
    // the 1 % critical value is 1.63 / √n
    assertTrue(d < 1.63 / Math.sqrt(n), "KS statistic " + d);
    // and the tails hold their mass: P(|z| > 3) = 0.0027
    int beyond = 0;
    for (float v : x) {
      beyond += Math.abs(v) > 3 ? 1 : 0;
    }
    assertEquals(0.0027, beyond / (double) n, 0.0005);
  }

  @Test
  void neighbouringSamplesAndNeighbouringKeysAreUncorrelated() {
    float[] x = samples();
    double lag1 = 0;
    double lagHalf = 0;
    double lagBlock = 0;
    int n = x.length - BLOCK;
    for (int i = 0; i < n; i++) {
      lag1 += x[i] * x[i + 1];
      lagHalf += x[i] * x[i + BLOCK / 2]; // cos and sin of the same pair
      lagBlock += x[i] * x[i + BLOCK]; // the next block or key
    }
    // standard error of a correlation at n = 256 000: 0.002
    assertEquals(0, lag1 / n, 0.01);
    assertEquals(0, lagHalf / n, 0.01);
    assertEquals(0, lagBlock / n, 0.01);
  }

  /** The standard normal CDF (Abramowitz & Stegun 7.1.26, |error| < 1.5e-7). */
  private static double phi(double z) {
    double x = Math.abs(z) / Math.sqrt(2);
    double t = 1 / (1 + 0.3275911 * x);
    double erf =
        1
            - t
                * (0.254829592
                    + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
                * Math.exp(-x * x);
    return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
  }
}
