package dev.spinsim.devices.crossbar;

/**
 * Standard normal deviates addressed by a key and a counter instead of drawn from a sequential
 * generator: sample {@code j} of a block is a pure function of (key, block, j), so a read's noise
 * does not depend on which reads came before it, the blocks of many reads can be produced in any
 * order, and the Vector API loop ({@link VectorGaussian}) and the scalar loop here give the same
 * bits.
 *
 * <p>Method: Box–Muller (Box &amp; Muller, Ann. Math. Statist. 29, 1958) on uniforms from a
 * counter hash (Wellons' {@code lowbias32} integer hash, two rounds keyed by the two halves of a
 * 64-bit key, in the spirit of Salmon et al.'s counter-based generators, SC 2011). Pair {@code p}
 * of a block of {@code n} samples gives sample {@code p} (radius × cos) and sample
 * {@code p + ⌈n/2⌉} (radius × sin). The radius √(−2 ln u₁) comes from a 23-bit odd uniform
 * u₁ ∈ [2⁻²⁴, 1 − 2⁻²⁴], so |z| ≤ 5.77 (the normal law puts 8·10⁻⁹ of its mass beyond); the angle
 * is a 24-bit uniform quarter turn reflected into a random quadrant by two sign bits. The natural
 * log, sine and cosine are single-precision polynomials (relative error below 10⁻⁷) built only
 * from IEEE-rounded +, −, ×, ÷ and √, in the same order in both paths: that is what makes the
 * vector and scalar results identical.
 */
public final class KeyedGaussian {
  static final int M1 = 0x7feb352d;
  static final int M2 = 0x846ca68b;
  static final float TWO_M24 = 0x1p-24f;
  static final float SQRT2 = 1.41421356f;
  static final float LN2 = 0.693147181f;
  static final float HALF_PI = 1.57079633f;
  static final float QUARTER_PI = 0.785398163f;
  static final float SQRT_HALF = 0.707106781f;
  // atanh series for ln m = 2·atanh((m − 1)/(m + 1)), |s| ≤ 0.172
  static final float L3 = 1f / 3f;
  static final float L5 = 1f / 5f;
  static final float L7 = 1f / 7f;
  static final float L9 = 1f / 9f;
  // Taylor coefficients of sin and cos on [−π/4, π/4]
  static final float S3 = -1f / 6f;
  static final float S5 = 1f / 120f;
  static final float S7 = -1f / 5040f;
  static final float S9 = 1f / 362880f;
  static final float C2 = -0.5f;
  static final float C4 = 1f / 24f;
  static final float C6 = -1f / 720f;
  static final float C8 = 1f / 40320f;

  /** True when the incubator Vector API module is present in this JVM. */
  static final boolean VECTOR_AVAILABLE =
      ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

  private KeyedGaussian() {}

  /**
   * Fills {@code out[0..n)} with the standard normal samples of block {@code block} of
   * {@code key} (blocks of up to 2¹⁶ samples); {@code vector} chooses the Vector API loop (same
   * bits).
   */
  public static void fill(long key, int block, float[] out, int n, boolean vector) {
    long k = mix64(key);
    int kLo = (int) k;
    int kHi = (int) (k >>> 32);
    int pairs = (n + 1) >>> 1;
    int base = block << 16;
    int p = 0;
    if (vector && VECTOR_AVAILABLE && pairs >= VectorGaussian.lanes()) {
      p = VectorGaussian.fill(kLo, kHi, base, out, n, pairs);
    }
    for (; p < pairs; p++) {
      int c = base + p;
      int h1 = hash(hash((c << 1) + kLo) ^ kHi);
      int h2 = hash(hash((c << 1) + 1 + kLo) ^ kHi);
      float r = radius(h1);
      float x = (h2 >>> 8) * TWO_M24 * HALF_PI - QUARTER_PI;
      float x2 = x * x;
      float sin = x + x * x2 * (S3 + x2 * (S5 + x2 * (S7 + x2 * S9)));
      float cos = 1f + x2 * (C2 + x2 * (C4 + x2 * (C6 + x2 * C8)));
      float z0 = r * ((cos - sin) * SQRT_HALF);
      float z1 = r * ((cos + sin) * SQRT_HALF);
      out[p] = (h1 & 1) != 0 ? -z0 : z0;
      if (p + pairs < n) {
        out[p + pairs] = (h1 & 2) != 0 ? -z1 : z1;
      }
    }
  }

  /** √(−2 ln u₁) for the odd 24-bit uniform in the top bits of {@code h}. */
  private static float radius(int h) {
    float u = ((h >>> 9) * 2 + 1) * TWO_M24;
    int bits = Float.floatToRawIntBits(u);
    int e = (bits >>> 23) - 127;
    float m = Float.intBitsToFloat((bits & 0x7FFFFF) | 0x3F800000);
    if (m > SQRT2) {
      m = m * 0.5f;
      e = e + 1;
    }
    float f = m - 1f;
    float s = f / (2f + f);
    float s2 = s * s;
    float logm = (s + s) * (1f + s2 * (L3 + s2 * (L5 + s2 * (L7 + s2 * L9))));
    float ln = e * LN2 + logm;
    return (float) Math.sqrt(-2f * ln);
  }

  /** Wellons' lowbias32: a 32-bit integer hash with low bias (full avalanche). */
  static int hash(int x) {
    x ^= x >>> 16;
    x *= M1;
    x ^= x >>> 15;
    x *= M2;
    x ^= x >>> 16;
    return x;
  }

  /** SplitMix64's finaliser (Steele, Lea &amp; Flood, OOPSLA 2014), to spread a structured key. */
  static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
