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
      VectorMvm.mvmWithVariance(w, rowLength, stride, rows, x, count, values, 0, variance, 0);
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
    java.util.Arrays.fill(counts, 0);
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
      // the counts meet in an array: a vector carried around the loop ran in slow Java code
      IntVector.fromArray(I, counts, 0)
          .sub(clip.lanewise(VectorOperators.AND, used))
          .intoArray(counts, 0);
      IntVector.fromArray(I, counts, L)
          .sub(lost.lanewise(VectorOperators.AND, used))
          .intoArray(counts, L);
    }
  }

  /** Weight columns up to which a pass packs its cycles' columns into lanes (narrow layout). */
  static final int NARROW_COLUMNS = 8;

  /**
   * All driven bit cycles of one pass, as {@link Crossbar#readConvertPass}: {@code active[0..n)}
   * are the cycles with a driven row, {@code refs[a]} the reference-column noise of cycle {@code
   * active[a]}. Wide reads (more than {@link #NARROW_COLUMNS} used columns) lay each cycle's {@code
   * stride} columns out in a row; narrow ones pack the used columns of every cycle into the lanes,
   * so a one-column read does not convert 15 empty lanes per cycle. Either way the keyed Gaussian
   * pairs of the whole pass are made in one stream ({@link VectorGaussian#pairs}) and each lane
   * computes what {@link Crossbar#readConvert} computes for its cycle and column.
   */
  static void readConvertPass(
      float[] w,
      int rowLength,
      int stride,
      int used,
      int[][] rows,
      float[][] x,
      int[] count,
      int n,
      boolean noisy,
      int kLo,
      int kHi,
      int firstBlock,
      float invStep,
      int maxCode,
      int shiftStep,
      boolean negative,
      int[] usedLanes,
      int[] codes,
      long[] range,
      PassScratch s) {
    if (used <= NARROW_COLUMNS) {
      narrowPass(
          w,
          rowLength,
          stride,
          used,
          rows,
          x,
          count,
          n,
          noisy,
          kLo,
          kHi,
          firstBlock,
          invStep,
          maxCode,
          shiftStep,
          negative,
          codes,
          s);
    } else {
      widePass(
          w,
          rowLength,
          stride,
          used == stride,
          rows,
          x,
          count,
          n,
          noisy,
          kLo,
          kHi,
          firstBlock,
          invStep,
          maxCode,
          shiftStep,
          negative,
          usedLanes,
          codes,
          s);
    }
    range[0] += IntVector.fromArray(I, s.counts, 0).reduceLanes(VectorOperators.ADD);
    range[1] += IntVector.fromArray(I, s.counts, L).reduceLanes(VectorOperators.ADD);
  }

  private static void widePass(
      float[] w,
      int rowLength,
      int stride,
      boolean full,
      int[][] rows,
      float[][] x,
      int[] count,
      int n,
      boolean noisy,
      int kLo,
      int kHi,
      int firstBlock,
      float invStep,
      int maxCode,
      int shiftStep,
      boolean negative,
      int[] usedLanes,
      int[] codes,
      PassScratch s) {
    int[] active = s.active;
    float[] y = s.values;
    float[] v = s.variance;
    int chunks = (stride + KeyedGaussian.CHUNK - 1) / KeyedGaussian.CHUNK;
    for (int a = 0; a < n; a++) {
      int k = active[a];
      if (count[k] == 1 && x[k][0] == 1f) {
        continue; // one row driven with 1: the conversion loop reads its matrix row (see there)
      }
      if (noisy) {
        VectorMvm.mvmWithVariance(
            w, rowLength, stride, rows[k], x[k], count[k], y, a * stride, v, a * stride);
      } else {
        VectorMvm.mvm(w, rowLength, stride, rows[k], x[k], count[k], y, a * stride);
      }
    }
    if (noisy) {
      int[] c2 = s.counters;
      for (int a = 0; a < n; a++) {
        for (int q = 0; q < chunks; q++) {
          int base = ((firstBlock + active[a]) << 16) + q * KeyedGaussian.PAIRS;
          int off = (a * chunks + q) * KeyedGaussian.PAIRS;
          // vector stores: scalar ones read back by the hash loop's vector loads would stall
          for (int i = 0; i < KeyedGaussian.PAIRS; i += L) {
            IOTA_I.add(base + i).lanewise(VectorOperators.LSHL, 1).intoArray(c2, off + i);
          }
        }
      }
      VectorGaussian.pairs(kLo, kHi, c2, n * chunks * KeyedGaussian.PAIRS, s.cos, 0, s.sin, 0);
    }
    int[] counts = s.counts;
    java.util.Arrays.fill(counts, 0, L, 0);
    for (int a = 0; a < n; a++) {
      int shift = active[a] * shiftStep;
      float ref = s.refs[a];
      // a cycle that drives one row with 1 reads that row of the matrix itself: its sums would be
      // fma(1, w, 0) = w and fma(1, σ², 0) = σ², exactly (a matrix entry is never −0)
      int k = active[a];
      boolean one = count[k] == 1 && x[k][0] == 1f;
      float[] ys = one ? w : y;
      float[] vs = one ? w : v;
      int yo = one ? rows[k][0] * rowLength : a * stride;
      int vo = one ? yo + stride : a * stride;
      for (int j = 0; j < stride; j += L) {
        FloatVector u = FloatVector.fromArray(F, ys, yo + j);
        if (noisy) {
          // u = fma(√v, g, y) − ref: column j of a cycle is the cos (j mod 32 < 16) or the sin
          // sample of pair j mod 16 of its chunk; x − (+0) is x, so no reference skips the sub
          int p = (a * chunks + (j >>> 5)) * KeyedGaussian.PAIRS + (j & (KeyedGaussian.PAIRS - 1));
          float[] g = (j & KeyedGaussian.PAIRS) == 0 ? s.cos : s.sin;
          u =
              FloatVector.fromArray(F, vs, vo + j)
                  .lanewise(VectorOperators.SQRT)
                  .fma(FloatVector.fromArray(F, g, p), u);
          if (ref != 0f) {
            u = u.sub(ref);
          }
        }
        FloatVector t = u.mul(invStep);
        IntVector r =
            t.abs()
                .min(Crossbar.ROUND_LIMIT)
                .add(Crossbar.TWO23)
                .reinterpretAsInts()
                .sub(Crossbar.TWO23_BITS);
        IntVector sg = t.reinterpretAsInts().lanewise(VectorOperators.ASHR, 31);
        IntVector code =
            r.min(maxCode)
                .lanewise(VectorOperators.XOR, sg)
                .sub(sg)
                .lanewise(VectorOperators.LSHL, shift);
        IntVector acc = IntVector.fromArray(I, codes, j);
        (negative ? acc.sub(code) : acc.add(code)).intoArray(codes, j);
        // one count vector: clipped (r > maxCode: maxCode − r < 0) in bit 0, lost (r == 0 and u
        // has a non-zero magnitude: r − 1 < 0 and −|u| < 0) in bit 16 of each lane, as sign bits;
        // a lane counts at most cycles × stride / L times a pass (24 × 4096 / 4 = 24 576 < 2¹⁶)
        IntVector flags =
            r.neg()
                .add(maxCode)
                .lanewise(VectorOperators.LSHR, 31)
                .lanewise(
                    VectorOperators.OR,
                    r.sub(1)
                        .lanewise(
                            VectorOperators.AND,
                            u.reinterpretAsInts().lanewise(VectorOperators.AND, 0x7FFFFFFF).neg())
                        .lanewise(VectorOperators.LSHR, 31)
                        .lanewise(VectorOperators.LSHL, 16));
        if (!full) {
          flags = flags.lanewise(VectorOperators.AND, IntVector.fromArray(I, usedLanes, j));
        }
        // the counts meet in an array: a vector carried around the loop ran in slow Java code
        IntVector.fromArray(I, counts, 0).add(flags).intoArray(counts, 0);
      }
    }
    IntVector both = IntVector.fromArray(I, counts, 0);
    both.lanewise(VectorOperators.AND, 0xFFFF).intoArray(counts, 0);
    both.lanewise(VectorOperators.LSHR, 16).intoArray(counts, L);
  }

  private static void narrowPass(
      float[] w,
      int rowLength,
      int stride,
      int m,
      int[][] rows,
      float[][] x,
      int[] count,
      int n,
      boolean noisy,
      int kLo,
      int kHi,
      int firstBlock,
      float invStep,
      int maxCode,
      int shiftStep,
      boolean negative,
      int[] codes,
      PassScratch s) {
    int[] active = s.active;
    float[] y = s.values;
    float[] v = s.variance;
    float[] ref = s.laneRefs;
    int[] c2 = s.counters;
    int[] shifts = s.shifts;
    int lanes = n * m;
    int padded = Math.max(L, (lanes + L - 1) / L * L);
    // lane a·m + j: column j of cycle active[a], its sums in the scalar loop's order
    for (int a = 0; a < n; a++) {
      int k = active[a];
      int[] rk = rows[k];
      float[] xk = x[k];
      for (int j = 0; j < m; j++) {
        float sum = 0f;
        float var = 0f;
        for (int i = 0; i < count[k]; i++) {
          int off = rk[i] * rowLength + j;
          sum = Math.fma(xk[i], w[off], sum);
          if (noisy) {
            var = Math.fma(xk[i] * xk[i], w[off + stride], var);
          }
        }
        int lane = a * m + j;
        y[lane] = sum;
        v[lane] = var;
        ref[lane] = s.refs[a];
        // column j < 16 is the cos sample of pair j of the cycle's block
        c2[lane] = (((firstBlock + k) << 16) + j) << 1;
        shifts[lane] = k * shiftStep;
      }
    }
    // padding lanes read +0 (no noise, no reference): code 0, neither clipped nor lost
    for (int lane = lanes; lane < padded; lane++) {
      y[lane] = 0f;
      v[lane] = 0f;
      ref[lane] = 0f;
      c2[lane] = 0;
      shifts[lane] = 0;
    }
    if (noisy) {
      VectorGaussian.pairs(kLo, kHi, c2, padded, s.cos, 0, s.sin, 0);
    }
    int[] counts = s.counts;
    java.util.Arrays.fill(counts, 0);
    int[] q = s.codes;
    for (int lane = 0; lane < padded; lane += L) {
      FloatVector u = FloatVector.fromArray(F, y, lane);
      if (noisy) {
        u =
            FloatVector.fromArray(F, v, lane)
                .lanewise(VectorOperators.SQRT)
                .fma(FloatVector.fromArray(F, s.cos, lane), u)
                .sub(FloatVector.fromArray(F, ref, lane));
      }
      FloatVector t = u.mul(invStep);
      IntVector r =
          t.abs()
              .min(Crossbar.ROUND_LIMIT)
              .add(Crossbar.TWO23)
              .reinterpretAsInts()
              .sub(Crossbar.TWO23_BITS);
      IntVector sg = t.reinterpretAsInts().lanewise(VectorOperators.ASHR, 31);
      IntVector code =
          r.min(maxCode)
              .lanewise(VectorOperators.XOR, sg)
              .sub(sg)
              .lanewise(VectorOperators.LSHL, IntVector.fromArray(I, shifts, lane));
      (negative ? code.neg() : code).intoArray(q, lane);
      IntVector clip = r.neg().add(maxCode).lanewise(VectorOperators.ASHR, 31);
      IntVector lost =
          r.sub(1)
              .lanewise(VectorOperators.ASHR, 31)
              .lanewise(
                  VectorOperators.AND,
                  u.reinterpretAsInts()
                      .lanewise(VectorOperators.AND, 0x7FFFFFFF)
                      .neg()
                      .lanewise(VectorOperators.ASHR, 31));
      IntVector.fromArray(I, counts, 0).sub(clip).intoArray(counts, 0);
      IntVector.fromArray(I, counts, L).sub(lost).intoArray(counts, L);
    }
    for (int a = 0; a < n; a++) {
      for (int j = 0; j < m; j++) {
        codes[j] += q[a * m + j];
      }
    }
  }

  /**
   * A pass of a bit-serial read of at most {@link #NARROW_COLUMNS} columns with the bit cycles in
   * the lanes, given its driven rows' input codes ({@link Crossbar#readConvertCodes}): lane k holds
   * cycle k, whose drive of row {@code rows[a]} is slice k of {@code q[a]}; per column the lanes'
   * sums run over the rows in ascending order as the scalar loop's do (a row a cycle does not drive
   * adds fma(0, w, y) = y), then noise, ADC and the codes shifted by k · sliceBits are summed into
   * {@code codes[c]}. Lanes past the cycles, and cycles no row drives, read +0: code 0, no count.
   */
  static void readConvertCodes(
      float[] w,
      int rowLength,
      int stride,
      int m,
      int[] rows,
      int[] q,
      int count,
      boolean noisy,
      int cycles,
      int sliceBits,
      int kLo,
      int kHi,
      int firstBlock,
      float invStep,
      int maxCode,
      boolean negative,
      int[] codes,
      long[] range,
      PassScratch s) {
    s.ensure(Math.max(1, (count + L - 1) / L), L * L);
    int[] laneShift = s.laneShift;
    int[] laneMask = s.laneMask;
    if (s.laneCycles != cycles || s.laneSliceBits != sliceBits) {
      for (int k = 0; k < L; k++) {
        laneShift[k] = k < cycles ? k * sliceBits : 0;
        laneMask[k] = k < cycles ? (1 << sliceBits) - 1 : 0;
      }
      s.laneCycles = cycles;
      s.laneSliceBits = sliceBits;
    }
    // each driven row's slices as float lanes, once for all columns
    float[] xs = s.radius;
    for (int a = 0; a < count; a++) {
      ((FloatVector)
              IntVector.broadcast(I, q[a])
                  .lanewise(VectorOperators.LSHR, IntVector.fromArray(I, laneShift, 0))
                  .lanewise(VectorOperators.AND, IntVector.fromArray(I, laneMask, 0))
                  .convert(VectorOperators.I2F, 0))
          .intoArray(xs, a * L);
    }
    float[] y = s.values;
    float[] v = s.variance;
    long clipped = 0;
    long lost = 0;
    for (int c = 0; c < m; c++) {
      FloatVector sum = FloatVector.zero(F);
      FloatVector var = FloatVector.zero(F);
      for (int a = 0; a < count; a++) {
        int off = rows[a] * rowLength + c;
        FloatVector x = FloatVector.fromArray(F, xs, a * L);
        sum = x.fma(FloatVector.broadcast(F, w[off]), sum);
        var = x.mul(x).fma(FloatVector.broadcast(F, noisy ? w[off + stride] : 0f), var);
      }
      sum.intoArray(y, 0);
      var.intoArray(v, 0);
      FloatVector u = FloatVector.fromArray(F, y, 0);
      if (noisy) {
        // lane k: the cos sample of pair c of block firstBlock + k
        IOTA_I
            .add(firstBlock)
            .lanewise(VectorOperators.LSHL, 16)
            .add(c)
            .lanewise(VectorOperators.LSHL, 1)
            .intoArray(s.counters, 0);
        VectorGaussian.pairs(kLo, kHi, s.counters, L, s.cos, 0, s.sin, 0);
        u =
            FloatVector.fromArray(F, v, 0)
                .lanewise(VectorOperators.SQRT)
                .fma(FloatVector.fromArray(F, s.cos, 0), u);
      }
      FloatVector t = u.mul(invStep);
      IntVector r =
          t.abs()
              .min(Crossbar.ROUND_LIMIT)
              .add(Crossbar.TWO23)
              .reinterpretAsInts()
              .sub(Crossbar.TWO23_BITS);
      IntVector sg = t.reinterpretAsInts().lanewise(VectorOperators.ASHR, 31);
      int shiftAdd =
          r.min(maxCode)
              .lanewise(VectorOperators.XOR, sg)
              .sub(sg)
              .lanewise(VectorOperators.LSHL, IntVector.fromArray(I, laneShift, 0))
              .reduceLanes(VectorOperators.ADD);
      codes[c] += negative ? -shiftAdd : shiftAdd;
      clipped -=
          r.neg().add(maxCode).lanewise(VectorOperators.ASHR, 31).reduceLanes(VectorOperators.ADD);
      lost -=
          r.sub(1)
              .lanewise(VectorOperators.ASHR, 31)
              .lanewise(
                  VectorOperators.AND,
                  u.reinterpretAsInts()
                      .lanewise(VectorOperators.AND, 0x7FFFFFFF)
                      .neg()
                      .lanewise(VectorOperators.ASHR, 31))
              .reduceLanes(VectorOperators.ADD);
    }
    range[0] += clipped;
    range[1] += lost;
  }

  private static final IntVector IOTA_I = IntVector.zero(I).addIndex(1);
}
