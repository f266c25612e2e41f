package dev.spinsim.devices.crossbar;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API loop of {@link Crossbar#readConvert}: one bit cycle of a read — signal and noise
 * variance of the driven rows, keyed read noise, ADC clipping and rounding, integer shift-and-add,
 * range counts — in one pass over the columns, with the same operations in the same order per lane
 * as the scalar loop, so both give the same bits. Columns go in chunks of 32, whose keyed Gaussians
 * are made first ({@link VectorGaussian#chunk}); the noisy column values meet the converter in an
 * array. No mask is used: rounding, clipping, signs and
 * counts are integer operations on the float bits, which C2 compiles on JDK 17 where masked
 * operations fall back to slow Java code; and no vector crosses a method boundary (arrays in,
 * arrays out), so a method the JIT does not inline costs a call, not a boxed vector.
 * Loaded only when the incubator module is present.
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
   * {@code values} the stride, {@code counts} 2·L ints.
   */
  static void readConvert(float[] w, int rowLength, int stride, int[] rows, float[] x, int count, boolean noisy,
      int kLo, int kHi, int block, float ref, float invStep, int maxCode, int shift, boolean negative,
      int[] usedLanes, int[] codes, long[] range, float[] gauss, int[] hashes, float[] values, int[] counts) {
    if (noisy) {
      for (int c0 = 0; c0 < stride; c0 += KeyedGaussian.CHUNK) {
        VectorGaussian.chunk(kLo, kHi, block, (c0 >>> 5) * KeyedGaussian.PAIRS, gauss, hashes);
        int end = Math.min(stride, c0 + KeyedGaussian.CHUNK);
        for (int j = c0; j < end; j += L) {
          noisyColumns(w, rowLength, stride, rows, x, count, gauss, j - c0, ref, values, j);
        }
      }
    } else {
      for (int j = 0; j < stride; j += L) {
        columns(w, rowLength, rows, x, count, values, j);
      }
    }
    convert(values, stride, invStep, maxCode, shift, negative, usedLanes, codes, counts);
    range[0] += IntVector.fromArray(I, counts, 0).reduceLanes(VectorOperators.ADD);
    range[1] += IntVector.fromArray(I, counts, L).reduceLanes(VectorOperators.ADD);
  }

  /** The noisy values of columns [j, j + L) into {@code values}. */
  private static void noisyColumns(float[] w, int rowLength, int stride, int[] rows, float[] x, int count,
      float[] gauss, int g0, float ref, float[] values, int j) {
    FloatVector a = FloatVector.zero(F);
    FloatVector v = FloatVector.zero(F);
    for (int k = 0; k < count; k++) {
      float xk = x[k];
      int off = rows[k] * rowLength + j;
      a = FloatVector.broadcast(F, xk).fma(FloatVector.fromArray(F, w, off), a);
      v = FloatVector.broadcast(F, xk * xk).fma(FloatVector.fromArray(F, w, off + stride), v);
    }
    v.lanewise(VectorOperators.SQRT).fma(FloatVector.fromArray(F, gauss, g0), a).sub(ref).intoArray(values, j);
  }

  /** The values of columns [j, j + L) of a noiseless array into {@code values}. */
  private static void columns(float[] w, int rowLength, int[] rows, float[] x, int count, float[] values, int j) {
    FloatVector a = FloatVector.zero(F);
    for (int k = 0; k < count; k++) {
      a = FloatVector.broadcast(F, x[k]).fma(FloatVector.fromArray(F, w, rows[k] * rowLength + j), a);
    }
    a.intoArray(values, j);
  }

  /**
   * The ADC and shift-add of column values u (see {@link Crossbar#readConvert}): r = rint(min(|t|,
   * 2²²)) from the bits of min(|t|, 2²²) + 2²³ (round half to even, as {@link Math#rint}), the
   * code ±min(r, maxCode) with t's sign, a clip where r &gt; maxCode and a lost value where r = 0
   * and u ≠ 0, counted on the used lanes.
   */
  private static void convert(float[] values, int stride, float invStep, int maxCode, int shift, boolean negative,
      int[] usedLanes, int[] codes, int[] counts) {
    IntVector clipped = IntVector.zero(I);
    IntVector zero = IntVector.zero(I);
    for (int j = 0; j < stride; j += L) {
      FloatVector u = FloatVector.fromArray(F, values, j);
      FloatVector t = u.mul(invStep);
    IntVector r = t.abs().min(Crossbar.ROUND_LIMIT).add(Crossbar.TWO23).reinterpretAsInts().sub(Crossbar.TWO23_BITS);
    IntVector s = t.reinterpretAsInts().lanewise(VectorOperators.ASHR, 31);
    IntVector code = r.min(maxCode).lanewise(VectorOperators.XOR, s).sub(s).lanewise(VectorOperators.LSHL, shift);
    IntVector acc = IntVector.fromArray(I, codes, j);
    (negative ? acc.sub(code) : acc.add(code)).intoArray(codes, j);
    IntVector used = IntVector.fromArray(I, usedLanes, j);
    // -1 where r > maxCode; -1 where r == 0 (r >= 0); -1 where u has a non-zero magnitude
    IntVector clip = IntVector.broadcast(I, maxCode).sub(r).lanewise(VectorOperators.ASHR, 31);
    IntVector lost = r.sub(1).lanewise(VectorOperators.ASHR, 31)
        .lanewise(VectorOperators.AND, u.reinterpretAsInts().lanewise(VectorOperators.AND, 0x7FFFFFFF).neg()
            .lanewise(VectorOperators.ASHR, 31));
      clipped = clipped.sub(clip.lanewise(VectorOperators.AND, used));
      zero = zero.sub(lost.lanewise(VectorOperators.AND, used));
    }
    clipped.intoArray(counts, 0);
    zero.intoArray(counts, L);
  }
}
