package dev.spinsim.devices.crossbar;

import static dev.spinsim.devices.crossbar.KeyedGaussian.*;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API loop of {@link KeyedGaussian}: the same operations, lane by lane, in the same order.
 * Loaded only when the incubator module is present.
 */
final class VectorGaussian {
  private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
  private static final VectorSpecies<Integer> I = IntVector.SPECIES_PREFERRED;
  private static final int L = I.length();
  private static final IntVector IOTA = IntVector.zero(I).addIndex(1);

  private VectorGaussian() {}

  static int lanes() {
    return L;
  }

  /** Whole vectors of pairs from 0; returns the first pair left for the scalar loop. */
  static int fill(int kLo, int kHi, int base, float[] out, int n, int pairs) {
    int p = 0;
    for (; p + L <= pairs; p += L) {
      IntVector c2 = IOTA.add(base + p).lanewise(VectorOperators.LSHL, 1);
      IntVector h1 = hash(hash(c2.add(kLo)).lanewise(VectorOperators.XOR, kHi));
      IntVector h2 = hash(hash(c2.add(1 + kLo)).lanewise(VectorOperators.XOR, kHi));
      FloatVector r = radius(h1);
      FloatVector x = ((FloatVector) h2.lanewise(VectorOperators.LSHR, 8).convert(VectorOperators.I2F, 0))
          .mul(TWO_M24).mul(HALF_PI).sub(QUARTER_PI);
      FloatVector x2 = x.mul(x);
      FloatVector sin = x.add(x.mul(x2).mul(x2.mul(x2.mul(x2.mul(S9).add(S7)).add(S5)).add(S3)));
      FloatVector cos = x2.mul(x2.mul(x2.mul(x2.mul(C8).add(C6)).add(C4)).add(C2)).add(1f);
      FloatVector z0 = r.mul(cos.sub(sin).mul(SQRT_HALF));
      FloatVector z1 = r.mul(cos.add(sin).mul(SQRT_HALF));
      VectorMask<Float> neg0 = h1.lanewise(VectorOperators.AND, 1).compare(VectorOperators.NE, 0).cast(F);
      VectorMask<Float> neg1 = h1.lanewise(VectorOperators.AND, 2).compare(VectorOperators.NE, 0).cast(F);
      z0.lanewise(VectorOperators.NEG, neg0).intoArray(out, p);
      FloatVector s1 = z1.lanewise(VectorOperators.NEG, neg1);
      if (p + pairs + L <= n) {
        s1.intoArray(out, p + pairs);
      } else {
        s1.intoArray(out, p + pairs, F.indexInRange(p + pairs, n));
      }
    }
    return p;
  }

  private static FloatVector radius(IntVector h) {
    FloatVector u = ((FloatVector) h.lanewise(VectorOperators.LSHR, 9).mul(2).add(1)
        .convert(VectorOperators.I2F, 0)).mul(TWO_M24);
    IntVector bits = u.reinterpretAsInts();
    IntVector e = bits.lanewise(VectorOperators.LSHR, 23).sub(127);
    FloatVector m = bits.lanewise(VectorOperators.AND, 0x7FFFFF).lanewise(VectorOperators.OR, 0x3F800000)
        .reinterpretAsFloats();
    VectorMask<Float> big = m.compare(VectorOperators.GT, SQRT2);
    m = m.blend(m.mul(0.5f), big);
    e = e.blend(e.add(1), big.cast(I));
    FloatVector f = m.sub(1f);
    FloatVector s = f.div(f.add(2f));
    FloatVector s2 = s.mul(s);
    FloatVector poly = s2.mul(s2.mul(s2.mul(s2.mul(L9).add(L7)).add(L5)).add(L3)).add(1f);
    FloatVector logm = s.add(s).mul(poly);
    FloatVector ln = ((FloatVector) e.convert(VectorOperators.I2F, 0)).mul(LN2).add(logm);
    return ln.mul(-2f).lanewise(VectorOperators.SQRT);
  }

  private static IntVector hash(IntVector x) {
    x = x.lanewise(VectorOperators.XOR, x.lanewise(VectorOperators.LSHR, 16)).mul(M1);
    x = x.lanewise(VectorOperators.XOR, x.lanewise(VectorOperators.LSHR, 15)).mul(M2);
    return x.lanewise(VectorOperators.XOR, x.lanewise(VectorOperators.LSHR, 16));
  }
}
