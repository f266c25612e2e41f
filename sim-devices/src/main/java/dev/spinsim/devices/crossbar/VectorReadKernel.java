package dev.spinsim.devices.crossbar;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API loop of {@link Crossbar#readConvert}: one bit cycle of a read — signal and noise
 * variance of the driven rows ({@link VectorMvm}), keyed read noise, ADC clipping and rounding,
 * integer shift-and-add, range counts — with the same operations in the same order per lane as the
 * scalar loop, so both give the same bits. Columns go in chunks of 32, whose keyed Gaussians are
 * made first ({@link VectorGaussian#chunk}); the noisy column values meet the converter in an
 * array. No mask is used: rounding, clipping, signs and counts are integer operations on the float
 * bits, which C2 compiles on JDK 17 where masked operations fall back to slow Java code; and no
 * vector crosses a method boundary (arrays in, arrays out), so a method the JIT does not inline
 * costs a call, not a boxed vector. Loaded only when the incubator module is present.
 */
final class VectorReadKernel {
  private static final VectorSpecies<Float> F = VectorGaussian.F;
  private static final VectorSpecies<Integer> I = IntVector.SPECIES_PREFERRED;
  private static final int L = F.length();

  private VectorReadKernel() {}

  static boolean usable() {
    return VectorGaussian.usable() && I.length() == L;
  }

  /**
   * See {@link Crossbar#readConvert}. Scratch: {@code gauss} 32 floats, {@code hashes} 32 ints,
   * {@code values} and {@code variance} the stride, {@code counts} 2·L ints.
   */
  static void readConvert(
      float[] w,
      int rowLength,
      int stride,
      int[] rows,
      float[] x,
      int count,
      boolean noisy,
      int kLo,
      int kHi,
      int block,
      float ref,
      float invStep,
      int maxCode,
      int shift,
      boolean negative,
      int[] usedLanes,
      int[] codes,
      long[] range,
      float[] gauss,
      int[] hashes,
      float[] values,
      float[] variance,
      int[] counts) {
    if (noisy) {
      VectorMvm.mvmWithVariance(w, rowLength, stride, rows, x, count, values, variance);
      for (int c0 = 0; c0 < stride; c0 += KeyedGaussian.CHUNK) {
        VectorGaussian.chunk(kLo, kHi, block, (c0 >>> 5) * KeyedGaussian.PAIRS, gauss, hashes);
        addNoise(values, variance, gauss, c0, Math.min(stride, c0 + KeyedGaussian.CHUNK), ref);
      }
    } else {
      VectorMvm.mvm(w, rowLength, stride, rows, x, count, values);
    }
    convert(values, stride, invStep, maxCode, shift, negative, usedLanes, codes, counts);
    range[0] += IntVector.fromArray(I, counts, 0).reduceLanes(VectorOperators.ADD);
    range[1] += IntVector.fromArray(I, counts, L).reduceLanes(VectorOperators.ADD);
  }

  /** values[j] = fma(√variance[j], gauss[j − c0], values[j]) − ref for j in [c0, end). */
  private static void addNoise(
      float[] values, float[] variance, float[] gauss, int c0, int end, float ref) {
    for (int j = c0; j < end; j += L) {
      FloatVector.fromArray(F, variance, j)
          .lanewise(VectorOperators.SQRT)
          .fma(FloatVector.fromArray(F, gauss, j - c0), FloatVector.fromArray(F, values, j))
          .sub(ref)
          .intoArray(values, j);
    }
  }

  /**
   * The ADC and shift-add of column values u (see {@link Crossbar#readConvert}): r = rint(min(|t|,
   * 2²²)) from the bits of min(|t|, 2²²) + 2²³ (round half to even, as {@link Math#rint}), the code
   * ±min(r, maxCode) with t's sign, a clip where r &gt; maxCode and a lost value where r = 0 and u
   * ≠ 0, counted on the used lanes.
   */
  private static void convert(
      float[] values,
      int stride,
      float invStep,
      int maxCode,
      int shift,
      boolean negative,
      int[] usedLanes,
      int[] codes,
      int[] counts) {
    IntVector clipped = IntVector.zero(I);
    IntVector zero = IntVector.zero(I);
    for (int j = 0; j < stride; j += L) {
      FloatVector u = FloatVector.fromArray(F, values, j);
      FloatVector t = u.mul(invStep);
      IntVector r =
          t.abs()
              .min(Crossbar.ROUND_LIMIT)
              .add(Crossbar.TWO23)
              .reinterpretAsInts()
              .sub(Crossbar.TWO23_BITS);
      IntVector s = t.reinterpretAsInts().lanewise(VectorOperators.ASHR, 31);
      IntVector code =
          r.min(maxCode)
              .lanewise(VectorOperators.XOR, s)
              .sub(s)
              .lanewise(VectorOperators.LSHL, shift);
      IntVector acc = IntVector.fromArray(I, codes, j);
      (negative ? acc.sub(code) : acc.add(code)).intoArray(codes, j);
      IntVector used = IntVector.fromArray(I, usedLanes, j);
      // -1 where r > maxCode; -1 where r == 0 (r >= 0); -1 where u has a non-zero magnitude
      IntVector clip = IntVector.broadcast(I, maxCode).sub(r).lanewise(VectorOperators.ASHR, 31);
      IntVector lost =
          r.sub(1)
              .lanewise(VectorOperators.ASHR, 31)
              .lanewise(
                  VectorOperators.AND,
                  u.reinterpretAsInts()
                      .lanewise(VectorOperators.AND, 0x7FFFFFFF)
                      .neg()
                      .lanewise(VectorOperators.ASHR, 31));
      clipped = clipped.sub(clip.lanewise(VectorOperators.AND, used));
      zero = zero.sub(lost.lanewise(VectorOperators.AND, used));
    }
    clipped.intoArray(counts, 0);
    zero.intoArray(counts, L);
  }
}
