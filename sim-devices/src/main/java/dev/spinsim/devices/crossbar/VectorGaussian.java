package dev.spinsim.devices.crossbar;

import static dev.spinsim.devices.crossbar.KeyedGaussian.*;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API loop of {@link KeyedGaussian}: the same operations, lane by lane, in the same order.
 * Loaded only when the incubator module is present.
 */
final class VectorGaussian {
  static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
  private static final VectorSpecies<Integer> I = IntVector.SPECIES_PREFERRED;
  static final int L = I.length();
  private static final IntVector IOTA = IntVector.zero(I).addIndex(1);

  private VectorGaussian() {}

  /** True when a chunk's 16 pairs are whole vectors of this machine (4, 8 or 16 lanes). */
  static boolean usable() {
    return L >= 4 && PAIRS % L == 0 && F.length() == L;
  }

  /** Whole chunks of samples from 0; returns the first sample left for the scalar loop. */
  static int fill(int kLo, int kHi, int block, float[] out, int n) {
    int c = 0;
    float[] chunk = new float[CHUNK];
    int[] h = new int[CHUNK];
    for (; c + CHUNK <= n; c += CHUNK) {
      chunk(kLo, kHi, block, (c >>> 5) * PAIRS, chunk, h);
      System.arraycopy(chunk, 0, out, c, CHUNK);
    }
    return c;
  }

  /**
   * The 32 samples of the chunk whose first pair is {@code p0}: cos samples into {@code
   * out[0..16)}, sin samples into {@code out[16..32)}. Three small passes that meet in arrays
   * ({@code h} holds 32 ints: the two hashes of each pair), so the vectors never cross a call and
   * each pass stays under the JIT's inlining budget.
   */
  static void chunk(int kLo, int kHi, int block, int p0, float[] out, int[] h) {
    hashes(kLo, kHi, block, p0, h);
    radii(h, 0, out, 0, PAIRS);
    angles(h, 0, h, PAIRS, out, 0, out, 0, out, PAIRS, PAIRS);
  }

  /** The two keyed hashes of each pair: h[p] (radius and signs), h[16 + p] (angle). */
  private static void hashes(int kLo, int kHi, int block, int p0, int[] h) {
    for (int i = 0; i < PAIRS; i += L) {
      IntVector c2 = IOTA.add((block << 16) + p0 + i).lanewise(VectorOperators.LSHL, 1);
      hash(hash(c2.add(kLo)).lanewise(VectorOperators.XOR, kHi)).intoArray(h, i);
      hash(hash(c2.add(1 + kLo)).lanewise(VectorOperators.XOR, kHi)).intoArray(h, PAIRS + i);
    }
  }

  /**
   * Pairs of any blocks at once: {@code c2[i]} is pair i's doubled counter ((block &lt;&lt; 16) +
   * pair) &lt;&lt; 1 as {@link KeyedGaussian#sample} forms it, for i in [0, n), n a multiple of the
   * lane count; the pair's cos sample goes to {@code cos[i]}, its sin sample to {@code sin[i]}
   * ({@code h1}, {@code h2} and {@code rad} are scratch of n values). Many pairs in one stream keep
   * the long dependency chains of the log and the polynomials overlapped.
   */
  static void pairs(
      int kLo,
      int kHi,
      int[] c2,
      int n,
      int[] h1,
      int[] h2,
      float[] rad,
      float[] cos,
      float[] sin) {
    // the two rounds of lowbias32 written out: a hash() call the JIT did not inline ran its
    // vector operations in slow Java code
    for (int i = 0; i < n; i += L) {
      IntVector x = IntVector.fromArray(I, c2, i).add(kLo);
      x = x.lanewise(VectorOperators.XOR, x.lanewise(VectorOperators.LSHR, 16)).mul(M1);
      x = x.lanewise(VectorOperators.XOR, x.lanewise(VectorOperators.LSHR, 15)).mul(M2);
      x =
          x.lanewise(VectorOperators.XOR, x.lanewise(VectorOperators.LSHR, 16))
              .lanewise(VectorOperators.XOR, kHi);
      x = x.lanewise(VectorOperators.XOR, x.lanewise(VectorOperators.LSHR, 16)).mul(M1);
      x = x.lanewise(VectorOperators.XOR, x.lanewise(VectorOperators.LSHR, 15)).mul(M2);
      x.lanewise(VectorOperators.XOR, x.lanewise(VectorOperators.LSHR, 16)).intoArray(h1, i);
    }
    for (int i = 0; i < n; i += L) {
      IntVector x = IntVector.fromArray(I, c2, i).add(1 + kLo);
      x = x.lanewise(VectorOperators.XOR, x.lanewise(VectorOperators.LSHR, 16)).mul(M1);
      x = x.lanewise(VectorOperators.XOR, x.lanewise(VectorOperators.LSHR, 15)).mul(M2);
      x =
          x.lanewise(VectorOperators.XOR, x.lanewise(VectorOperators.LSHR, 16))
              .lanewise(VectorOperators.XOR, kHi);
      x = x.lanewise(VectorOperators.XOR, x.lanewise(VectorOperators.LSHR, 16)).mul(M1);
      x = x.lanewise(VectorOperators.XOR, x.lanewise(VectorOperators.LSHR, 15)).mul(M2);
      x.lanewise(VectorOperators.XOR, x.lanewise(VectorOperators.LSHR, 16)).intoArray(h2, i);
    }
    radii(h1, 0, rad, 0, n);
    angles(h1, 0, h2, 0, rad, 0, cos, 0, sin, 0, n);
  }

  /**
   * √(−2 ln u₁) of the pairs whose first hash is {@code h[hOff + i]} into {@code out[outOff + i]}.
   */
  private static void radii(int[] h, int hOff, float[] out, int outOff, int n) {
    for (int i = 0; i < n; i += L) {
      IntVector h1 = IntVector.fromArray(I, h, hOff + i);
      FloatVector u =
          ((FloatVector)
                  h1.lanewise(VectorOperators.LSHR, 9)
                      .mul(2)
                      .add(1)
                      .convert(VectorOperators.I2F, 0))
              .mul(TWO_M24);
      IntVector bits = u.reinterpretAsInts();
      IntVector e = bits.lanewise(VectorOperators.LSHR, 23).sub(127);
      IntVector mBits =
          bits.lanewise(VectorOperators.AND, 0x7FFFFF).lanewise(VectorOperators.OR, 0x3F800000);
      // m > √2: halve m (one off the exponent field), one onto e; big is -1 there, else 0
      IntVector big =
          IntVector.broadcast(I, Float.floatToRawIntBits(SQRT2))
              .sub(mBits)
              .lanewise(VectorOperators.ASHR, 31);
      FloatVector m =
          mBits.sub(big.lanewise(VectorOperators.AND, 0x00800000)).reinterpretAsFloats();
      e = e.sub(big);
      FloatVector f = m.sub(1f);
      FloatVector s = f.div(f.add(2f));
      FloatVector s2 = s.mul(s);
      FloatVector poly = s2.mul(s2.mul(s2.mul(s2.mul(L9).add(L7)).add(L5)).add(L3)).add(1f);
      FloatVector logm = s.add(s).mul(poly);
      FloatVector ln = ((FloatVector) e.convert(VectorOperators.I2F, 0)).mul(LN2).add(logm);
      ln.mul(-2f).lanewise(VectorOperators.SQRT).intoArray(out, outOff + i);
    }
  }

  /**
   * The radii {@code r[rOff + i]} times cos and sin of each pair's angle, with random signs, into
   * {@code cos[cosOff + i]} and {@code sin[sinOff + i]} (the first hashes at {@code h1[h1Off + i]},
   * the second at {@code h2[h2Off + i]}); {@code cos} may be {@code r} at the same offset.
   */
  private static void angles(
      int[] h1a,
      int h1Off,
      int[] h2a,
      int h2Off,
      float[] ra,
      int rOff,
      float[] cosOut,
      int cosOff,
      float[] sinOut,
      int sinOff,
      int n) {
    for (int i = 0; i < n; i += L) {
      IntVector h1 = IntVector.fromArray(I, h1a, h1Off + i);
      IntVector h2 = IntVector.fromArray(I, h2a, h2Off + i);
      FloatVector r = FloatVector.fromArray(F, ra, rOff + i);
      FloatVector x =
          ((FloatVector) h2.lanewise(VectorOperators.LSHR, 8).convert(VectorOperators.I2F, 0))
              .mul(TWO_M24)
              .mul(HALF_PI)
              .sub(QUARTER_PI);
      FloatVector x2 = x.mul(x);
      FloatVector sin = x.add(x.mul(x2).mul(x2.mul(x2.mul(x2.mul(S9).add(S7)).add(S5)).add(S3)));
      FloatVector cos = x2.mul(x2.mul(x2.mul(x2.mul(C8).add(C6)).add(C4)).add(C2)).add(1f);
      IntVector z0 = r.mul(cos.sub(sin).mul(SQRT_HALF)).reinterpretAsInts();
      IntVector z1 = r.mul(cos.add(sin).mul(SQRT_HALF)).reinterpretAsInts();
      // random signs: flip the sign bit with bit 0 (cos) and bit 1 (sin) of the first hash
      z0.lanewise(
              VectorOperators.XOR,
              h1.lanewise(VectorOperators.AND, 1).lanewise(VectorOperators.LSHL, 31))
          .reinterpretAsFloats()
          .intoArray(cosOut, cosOff + i);
      z1.lanewise(
              VectorOperators.XOR,
              h1.lanewise(VectorOperators.AND, 2).lanewise(VectorOperators.LSHL, 30))
          .reinterpretAsFloats()
          .intoArray(sinOut, sinOff + i);
    }
  }

  private static IntVector hash(IntVector x) {
    x = x.lanewise(VectorOperators.XOR, x.lanewise(VectorOperators.LSHR, 16)).mul(M1);
    x = x.lanewise(VectorOperators.XOR, x.lanewise(VectorOperators.LSHR, 15)).mul(M2);
    return x.lanewise(VectorOperators.XOR, x.lanewise(VectorOperators.LSHR, 16));
  }
}
