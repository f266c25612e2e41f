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
   * out[0..16)}, sin samples into {@code out[16..32)} ({@code h} holds 32 ints of scratch).
   */
  static void chunk(int kLo, int kHi, int block, int p0, float[] out, int[] h) {
    for (int i = 0; i < PAIRS; i += L) {
      IOTA.add((block << 16) + p0 + i).lanewise(VectorOperators.LSHL, 1).intoArray(h, i);
    }
    pairs(kLo, kHi, h, PAIRS, out, 0, out, PAIRS);
  }

  /**
   * Pairs of any blocks at once: {@code c2[i]} is pair i's doubled counter ((block &lt;&lt; 16) +
   * pair) &lt;&lt; 1 as {@link KeyedGaussian#sample} forms it, for i in [0, n), n a multiple of the
   * lane count; the pair's cos sample goes to {@code cos[cosOff + i]}, its sin sample to {@code
   * sin[sinOff + i]}. One loop from counter to samples: the keyed hash (the two rounds of
   * lowbias32, written out: a hash() call the JIT did not inline ran its vector operations in slow
   * Java code), the radius √(−2 ln u₁) and the angle's cos and sin with random signs, in registers
   * (no array between the steps); the long dependency chains of consecutive iterations overlap.
   */
  static void pairs(
      int kLo, int kHi, int[] c2, int n, float[] cos, int cosOff, float[] sin, int sinOff) {
    for (int i = 0; i < n; i += L) {
      IntVector x = IntVector.fromArray(I, c2, i).add(kLo);
      x = x.lanewise(VectorOperators.XOR, x.lanewise(VectorOperators.LSHR, 16)).mul(M1);
      x = x.lanewise(VectorOperators.XOR, x.lanewise(VectorOperators.LSHR, 15)).mul(M2);
      x =
          x.lanewise(VectorOperators.XOR, x.lanewise(VectorOperators.LSHR, 16))
              .lanewise(VectorOperators.XOR, kHi);
      x = x.lanewise(VectorOperators.XOR, x.lanewise(VectorOperators.LSHR, 16)).mul(M1);
      x = x.lanewise(VectorOperators.XOR, x.lanewise(VectorOperators.LSHR, 15)).mul(M2);
      IntVector h = x.lanewise(VectorOperators.XOR, x.lanewise(VectorOperators.LSHR, 16));
      // radius: ln u₁ from k's exponent (less 17) and the atanh series of its mantissa
      FloatVector k =
          (FloatVector)
              h.lanewise(VectorOperators.LSHR, 16)
                  .lanewise(VectorOperators.LSHL, 1)
                  .add(1)
                  .convert(VectorOperators.I2F, 0);
      IntVector bits = k.reinterpretAsInts();
      IntVector e = bits.lanewise(VectorOperators.LSHR, 23).sub(127 + 17);
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
      FloatVector poly = s2.mul(s2.mul(s2.mul(L7).add(L5)).add(L3)).add(1f);
      FloatVector logm = s.add(s).mul(poly);
      FloatVector ln = ((FloatVector) e.convert(VectorOperators.I2F, 0)).mul(LN2).add(logm);
      FloatVector r = ln.mul(-2f).lanewise(VectorOperators.SQRT);
      // angle: a quarter turn, its sine and cosine polynomials
      FloatVector a =
          ((FloatVector)
                  h.lanewise(VectorOperators.LSHR, 2)
                      .lanewise(VectorOperators.AND, 0x3FFF)
                      .convert(VectorOperators.I2F, 0))
              .mul(ANGLE_STEP)
              .sub(QUARTER_PI);
      FloatVector a2 = a.mul(a);
      FloatVector sn = a.add(a.mul(a2).mul(a2.mul(a2.mul(S7).add(S5)).add(S3)));
      FloatVector cs = a2.mul(a2.mul(a2.mul(C6).add(C4)).add(C2)).add(1f);
      IntVector z0 = r.mul(cs.sub(sn).mul(SQRT_HALF)).reinterpretAsInts();
      IntVector z1 = r.mul(cs.add(sn).mul(SQRT_HALF)).reinterpretAsInts();
      // random signs: flip the sign bit with bit 0 (cos) and bit 1 (sin) of the hash
      z0.lanewise(
              VectorOperators.XOR,
              h.lanewise(VectorOperators.AND, 1).lanewise(VectorOperators.LSHL, 31))
          .reinterpretAsFloats()
          .intoArray(cos, cosOff + i);
      z1.lanewise(
              VectorOperators.XOR,
              h.lanewise(VectorOperators.AND, 2).lanewise(VectorOperators.LSHL, 30))
          .reinterpretAsFloats()
          .intoArray(sin, sinOff + i);
    }
  }
}
