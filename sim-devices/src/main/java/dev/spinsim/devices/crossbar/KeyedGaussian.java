package dev.spinsim.devices.crossbar;

/**
 * Standard normal deviates addressed by a key and a counter instead of drawn from a sequential
 * generator: sample {@code c} of a block is a pure function of (key, block, c), so a read's noise
 * does not depend on which reads came before it, the reads of a batch can be computed in any order
 * and on any thread, only the samples a read needs are computed, and the Vector API loops ({@link
 * VectorGaussian}, {@link VectorReadKernel}) and the scalar loop here give the same bits.
 *
 * <p>Method: Box–Muller (Box &amp; Muller, Ann. Math. Statist. 29, 1958) on the bits of one counter
 * hash a pair (Wellons' {@code lowbias32} integer hash, two rounds keyed by the two halves of a
 * 64-bit key, in the spirit of Salmon et al.'s counter-based generators, SC 2011). Samples come in
 * chunks of 32: pair {@code p} of chunk {@code q} gives sample {@code 32q + p} (radius × cos) and
 * sample {@code 32q + 16 + p} (radius × sin), p in [0, 16), so a 16-lane (or two 8-lane) vector of
 * pairs fills two vectors of samples whatever the machine's vector width, and the realisation does
 * not depend on the machine. The hash's top 16 bits give the radius √(−2 ln u₁) from the odd 17-bit
 * uniform u₁ ∈ [2⁻¹⁷, 1 − 2⁻¹⁷], so |z| ≤ 4.85 (the normal law puts 1.2·10⁻⁶ of its mass beyond);
 * the next 14 bits a uniform quarter turn, and the lowest two the random quadrant (a sign bit each
 * for the cos and the sin sample). The natural log, sine and cosine are single-precision
 * polynomials (errors below 4·10⁻⁶) built only from IEEE-rounded +, −, ×, ÷ and √, in the same
 * order in every path: that is what makes the vector and scalar results identical. One hash a pair
 * instead of one a uniform, and the shorter polynomials, make a sample about 0.7× the cost of the
 * earlier realisation (two hashes a pair, 24-bit uniforms), with the same distribution to within
 * the tests' resolution ({@code KeyedGaussianTest}).
 */
public final class KeyedGaussian {
  static final int M1 = 0x7feb352d;
  static final int M2 = 0x846ca68b;

  /** One step of the 14-bit quarter turn, radians: (π/2)·2⁻¹⁴, exact scaling of HALF_PI. */
  static final float ANGLE_STEP = 1.57079633f * 0x1p-14f;

  static final float SQRT2 = 1.41421356f;
  static final float LN2 = 0.693147181f;
  static final float HALF_PI = 1.57079633f;
  static final float QUARTER_PI = 0.785398163f;
  static final float SQRT_HALF = 0.707106781f;
  // atanh series for ln m = 2·atanh((m − 1)/(m + 1)), |s| ≤ 0.172 (the next term is below 10⁻⁷)
  static final float L3 = 1f / 3f;
  static final float L5 = 1f / 5f;
  static final float L7 = 1f / 7f;
  // Taylor coefficients of sin and cos on [−π/4, π/4] (the next terms are below 4·10⁻⁶ there)
  static final float S3 = -1f / 6f;
  static final float S5 = 1f / 120f;
  static final float S7 = -1f / 5040f;
  static final float C2 = -0.5f;
  static final float C4 = 1f / 24f;
  static final float C6 = -1f / 720f;

  /** True when the incubator Vector API module is present in this JVM. */
  static final boolean VECTOR_AVAILABLE =
      ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

  private KeyedGaussian() {}

  /** Samples per chunk, and pairs per chunk (see the class comment). */
  static final int CHUNK = 32;

  static final int PAIRS = 16;

  /** The most samples of a block: pair counters of a block are 16 bits. */
  public static final int BLOCK_SAMPLES = 1 << 17;

  /**
   * Fills {@code out[0..n)} with the standard normal samples of block {@code block} of {@code key}
   * (n at most {@link #BLOCK_SAMPLES}, blocks up to 2¹⁴); {@code vector} chooses the Vector API
   * loop (same bits). {@code out} must hold n rounded up to 32 values.
   */
  public static void fill(long key, int block, float[] out, int n, boolean vector) {
    fillMixed(keyLo(key), keyHi(key), block, out, n, vector);
  }

  /** As {@link #fill} for a key already mixed into its halves ({@link #keyLo}, {@link #keyHi}). */
  public static void fillMixed(int kLo, int kHi, int block, float[] out, int n, boolean vector) {
    int c = 0;
    if (vector && VECTOR_AVAILABLE && VectorGaussian.usable()) {
      c = VectorGaussian.fill(kLo, kHi, block, out, n);
    }
    for (; c < n; c++) {
      out[c] = sample(kLo, kHi, block, c);
    }
  }

  /** The low half of a read key's mixed form ({@link #mix64}), the first hash key. */
  public static int keyLo(long key) {
    return (int) mix64(key);
  }

  /** The high half of a read key's mixed form, the second hash key. */
  public static int keyHi(long key) {
    return (int) (mix64(key) >>> 32);
  }

  /** Sample {@code c} of block {@code block} for the mixed key halves {@code kLo, kHi}. */
  public static float sample(int kLo, int kHi, int block, int c) {
    int r = c & (CHUNK - 1);
    int p = (c >>> 5) * PAIRS + (r & (PAIRS - 1));
    int c2 = ((block << 16) + p) << 1;
    int h = hash(hash(c2 + kLo) ^ kHi);
    float rad = radius(h);
    float x = ((h >>> 2) & 0x3FFF) * ANGLE_STEP - QUARTER_PI;
    float x2 = x * x;
    float sin = x + x * x2 * (S3 + x2 * (S5 + x2 * S7));
    float cos = 1f + x2 * (C2 + x2 * (C4 + x2 * C6));
    // random signs: flip the sign bit with bit 0 (cos) and bit 1 (sin) of the hash
    if (r < PAIRS) {
      float z0 = rad * ((cos - sin) * SQRT_HALF);
      return Float.intBitsToFloat(Float.floatToRawIntBits(z0) ^ ((h & 1) << 31));
    }
    float z1 = rad * ((cos + sin) * SQRT_HALF);
    return Float.intBitsToFloat(Float.floatToRawIntBits(z1) ^ ((h & 2) << 30));
  }

  /**
   * √(−2 ln u₁) for u₁ = k·2⁻¹⁷, k the odd 17-bit integer made of the top 16 bits of {@code h}: ln
   * u₁ = (e − 17)·ln 2 + ln m for k = m·2^e (k is exact as a float, so u₁'s mantissa is k's).
   */
  private static float radius(int h) {
    float k = (h >>> 16) * 2 + 1;
    int bits = Float.floatToRawIntBits(k);
    int e = (bits >>> 23) - (127 + 17);
    int mBits = (bits & 0x7FFFFF) | 0x3F800000;
    // m > √2: halve m (one off the exponent field), one onto e (big is -1 there, else 0)
    int big = (Float.floatToRawIntBits(SQRT2) - mBits) >> 31;
    float m = Float.intBitsToFloat(mBits - (big & 0x00800000));
    e = e - big;
    float f = m - 1f;
    float s = f / (2f + f);
    float s2 = s * s;
    float logm = (s + s) * (1f + s2 * (L3 + s2 * (L5 + s2 * L7)));
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
