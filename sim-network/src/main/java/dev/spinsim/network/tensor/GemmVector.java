package dev.spinsim.network.tensor;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector-API kernel of {@link Gemm}, in a class of its own so that a JVM without the {@code
 * jdk.incubator.vector} module (a short run, which the scalar kernel serves with the same bits)
 * never loads it. Each element of C is one chain of fused multiply-adds in ascending k order, as in
 * {@link Gemm}'s scalar kernel.
 */
final class GemmVector {
  private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
  private static final int V = SPECIES.length();
  private static final int KC = 256;
  private static final boolean WIDE = !"false".equals(System.getProperty("spinsim.gemm.wide"));

  private GemmVector() {}

  /**
   * A 4-row × 2-vector block of C over k in [kk, kEnd): eight accumulators in registers. Kept as
   * its own small method so the JIT compiles it early and fully (Vector-API code is slow until C2
   * has compiled it).
   */
  private static void micro4x2(
      float[] a,
      int a0,
      int a1,
      int a2,
      int a3,
      int acs,
      float[] b,
      int bj,
      int ldb,
      float[] c,
      int c0,
      int c1,
      int c2,
      int c3,
      int kk,
      int kEnd) {
    FloatVector x00 = FloatVector.fromArray(SPECIES, c, c0);
    FloatVector x01 = FloatVector.fromArray(SPECIES, c, c0 + V);
    FloatVector x10 = FloatVector.fromArray(SPECIES, c, c1);
    FloatVector x11 = FloatVector.fromArray(SPECIES, c, c1 + V);
    FloatVector x20 = FloatVector.fromArray(SPECIES, c, c2);
    FloatVector x21 = FloatVector.fromArray(SPECIES, c, c2 + V);
    FloatVector x30 = FloatVector.fromArray(SPECIES, c, c3);
    FloatVector x31 = FloatVector.fromArray(SPECIES, c, c3 + V);
    for (int p = kk; p < kEnd; p++) {
      int bp = bj + p * ldb;
      FloatVector b0 = FloatVector.fromArray(SPECIES, b, bp);
      FloatVector b1 = FloatVector.fromArray(SPECIES, b, bp + V);
      int pa = p * acs;
      FloatVector s0 = FloatVector.broadcast(SPECIES, a[a0 + pa]);
      x00 = b0.fma(s0, x00);
      x01 = b1.fma(s0, x01);
      FloatVector s1 = FloatVector.broadcast(SPECIES, a[a1 + pa]);
      x10 = b0.fma(s1, x10);
      x11 = b1.fma(s1, x11);
      FloatVector s2 = FloatVector.broadcast(SPECIES, a[a2 + pa]);
      x20 = b0.fma(s2, x20);
      x21 = b1.fma(s2, x21);
      FloatVector s3 = FloatVector.broadcast(SPECIES, a[a3 + pa]);
      x30 = b0.fma(s3, x30);
      x31 = b1.fma(s3, x31);
    }
    x00.intoArray(c, c0);
    x01.intoArray(c, c0 + V);
    x10.intoArray(c, c1);
    x11.intoArray(c, c1 + V);
    x20.intoArray(c, c2);
    x21.intoArray(c, c2 + V);
    x30.intoArray(c, c3);
    x31.intoArray(c, c3 + V);
  }

  /**
   * A 4-row × 4-vector block of C over k in [kk, kEnd): sixteen accumulators, half the loads per
   * FMA of 4×2.
   */
  private static void micro4x4(
      float[] a,
      int a0,
      int a1,
      int a2,
      int a3,
      int acs,
      float[] b,
      int bj,
      int ldb,
      float[] c,
      int c0,
      int c1,
      int c2,
      int c3,
      int kk,
      int kEnd) {
    FloatVector x00 = FloatVector.fromArray(SPECIES, c, c0);
    FloatVector x01 = FloatVector.fromArray(SPECIES, c, c0 + V);
    FloatVector x02 = FloatVector.fromArray(SPECIES, c, c0 + 2 * V);
    FloatVector x03 = FloatVector.fromArray(SPECIES, c, c0 + 3 * V);
    FloatVector x10 = FloatVector.fromArray(SPECIES, c, c1);
    FloatVector x11 = FloatVector.fromArray(SPECIES, c, c1 + V);
    FloatVector x12 = FloatVector.fromArray(SPECIES, c, c1 + 2 * V);
    FloatVector x13 = FloatVector.fromArray(SPECIES, c, c1 + 3 * V);
    FloatVector x20 = FloatVector.fromArray(SPECIES, c, c2);
    FloatVector x21 = FloatVector.fromArray(SPECIES, c, c2 + V);
    FloatVector x22 = FloatVector.fromArray(SPECIES, c, c2 + 2 * V);
    FloatVector x23 = FloatVector.fromArray(SPECIES, c, c2 + 3 * V);
    FloatVector x30 = FloatVector.fromArray(SPECIES, c, c3);
    FloatVector x31 = FloatVector.fromArray(SPECIES, c, c3 + V);
    FloatVector x32 = FloatVector.fromArray(SPECIES, c, c3 + 2 * V);
    FloatVector x33 = FloatVector.fromArray(SPECIES, c, c3 + 3 * V);
    for (int p = kk; p < kEnd; p++) {
      int bp = bj + p * ldb;
      FloatVector b0 = FloatVector.fromArray(SPECIES, b, bp);
      FloatVector b1 = FloatVector.fromArray(SPECIES, b, bp + V);
      FloatVector b2 = FloatVector.fromArray(SPECIES, b, bp + 2 * V);
      FloatVector b3 = FloatVector.fromArray(SPECIES, b, bp + 3 * V);
      int pa = p * acs;
      FloatVector s = FloatVector.broadcast(SPECIES, a[a0 + pa]);
      x00 = b0.fma(s, x00);
      x01 = b1.fma(s, x01);
      x02 = b2.fma(s, x02);
      x03 = b3.fma(s, x03);
      s = FloatVector.broadcast(SPECIES, a[a1 + pa]);
      x10 = b0.fma(s, x10);
      x11 = b1.fma(s, x11);
      x12 = b2.fma(s, x12);
      x13 = b3.fma(s, x13);
      s = FloatVector.broadcast(SPECIES, a[a2 + pa]);
      x20 = b0.fma(s, x20);
      x21 = b1.fma(s, x21);
      x22 = b2.fma(s, x22);
      x23 = b3.fma(s, x23);
      s = FloatVector.broadcast(SPECIES, a[a3 + pa]);
      x30 = b0.fma(s, x30);
      x31 = b1.fma(s, x31);
      x32 = b2.fma(s, x32);
      x33 = b3.fma(s, x33);
    }
    x00.intoArray(c, c0);
    x01.intoArray(c, c0 + V);
    x02.intoArray(c, c0 + 2 * V);
    x03.intoArray(c, c0 + 3 * V);
    x10.intoArray(c, c1);
    x11.intoArray(c, c1 + V);
    x12.intoArray(c, c1 + 2 * V);
    x13.intoArray(c, c1 + 3 * V);
    x20.intoArray(c, c2);
    x21.intoArray(c, c2 + V);
    x22.intoArray(c, c2 + 2 * V);
    x23.intoArray(c, c2 + 3 * V);
    x30.intoArray(c, c3);
    x31.intoArray(c, c3 + V);
    x32.intoArray(c, c3 + 2 * V);
    x33.intoArray(c, c3 + 3 * V);
  }

  static void kernel(
      int i0,
      int i1,
      int n,
      int k,
      float[] a,
      int aOff,
      int ars,
      int acs,
      float[] b,
      int bOff,
      int ldb,
      float[] c,
      int cOff,
      int ldc,
      boolean accumulate) {
    if (!accumulate) {
      for (int i = i0; i < i1; i++) {
        java.util.Arrays.fill(c, cOff + i * ldc, cOff + i * ldc + n, 0f);
      }
    }
    int n2 = n - n % (2 * V);
    int n1 = n - n % V;
    for (int kk = 0; kk < k; kk += KC) {
      int kEnd = Math.min(k, kk + KC);
      int i = i0;
      for (; i + 4 <= i1; i += 4) {
        int a0 = aOff + i * ars;
        int a1 = a0 + ars;
        int a2 = a1 + ars;
        int a3 = a2 + ars;
        int c0 = cOff + i * ldc;
        int c1 = c0 + ldc;
        int c2 = c1 + ldc;
        int c3 = c2 + ldc;
        int j = 0;
        if (WIDE) {
          for (; j + 4 * V <= n; j += 4 * V) {
            micro4x4(
                a, a0, a1, a2, a3, acs, b, bOff + j, ldb, c, c0 + j, c1 + j, c2 + j, c3 + j, kk,
                kEnd);
          }
        }
        for (; j < n2; j += 2 * V) {
          micro4x2(
              a, a0, a1, a2, a3, acs, b, bOff + j, ldb, c, c0 + j, c1 + j, c2 + j, c3 + j, kk,
              kEnd);
        }
        for (; j < n1; j += V) {
          FloatVector x0 = FloatVector.fromArray(SPECIES, c, c0 + j);
          FloatVector x1 = FloatVector.fromArray(SPECIES, c, c1 + j);
          FloatVector x2 = FloatVector.fromArray(SPECIES, c, c2 + j);
          FloatVector x3 = FloatVector.fromArray(SPECIES, c, c3 + j);
          for (int p = kk; p < kEnd; p++) {
            FloatVector b0 = FloatVector.fromArray(SPECIES, b, bOff + p * ldb + j);
            int pa = p * acs;
            x0 = b0.fma(FloatVector.broadcast(SPECIES, a[a0 + pa]), x0);
            x1 = b0.fma(FloatVector.broadcast(SPECIES, a[a1 + pa]), x1);
            x2 = b0.fma(FloatVector.broadcast(SPECIES, a[a2 + pa]), x2);
            x3 = b0.fma(FloatVector.broadcast(SPECIES, a[a3 + pa]), x3);
          }
          x0.intoArray(c, c0 + j);
          x1.intoArray(c, c1 + j);
          x2.intoArray(c, c2 + j);
          x3.intoArray(c, c3 + j);
        }
        for (; j < n; j++) {
          float y0 = c[c0 + j];
          float y1 = c[c1 + j];
          float y2 = c[c2 + j];
          float y3 = c[c3 + j];
          for (int p = kk; p < kEnd; p++) {
            float bv = b[bOff + p * ldb + j];
            int pa = p * acs;
            y0 = Math.fma(a[a0 + pa], bv, y0);
            y1 = Math.fma(a[a1 + pa], bv, y1);
            y2 = Math.fma(a[a2 + pa], bv, y2);
            y3 = Math.fma(a[a3 + pa], bv, y3);
          }
          c[c0 + j] = y0;
          c[c1 + j] = y1;
          c[c2 + j] = y2;
          c[c3 + j] = y3;
        }
      }
      for (; i < i1; i++) {
        int a0 = aOff + i * ars;
        int c0 = cOff + i * ldc;
        int j = 0;
        for (; j < n1; j += V) {
          FloatVector x0 = FloatVector.fromArray(SPECIES, c, c0 + j);
          for (int p = kk; p < kEnd; p++) {
            x0 =
                FloatVector.fromArray(SPECIES, b, bOff + p * ldb + j)
                    .fma(FloatVector.broadcast(SPECIES, a[a0 + p * acs]), x0);
          }
          x0.intoArray(c, c0 + j);
        }
        for (; j < n; j++) {
          float y0 = c[c0 + j];
          for (int p = kk; p < kEnd; p++) {
            y0 = Math.fma(a[a0 + p * acs], b[bOff + p * ldb + j], y0);
          }
          c[c0 + j] = y0;
        }
      }
    }
  }
}
