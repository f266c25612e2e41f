package dev.spinsim.network.tensor;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.concurrent.atomic.AtomicLong;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Blocked single-precision matrix multiply {@code C (+)= A·B}, the hot loop under every
 * convolution. A is read through strides (so transposed operands cost nothing), B and C are
 * row-major. Each element of C is one chain of fused multiply-adds in ascending k order, in both
 * the Vector-API kernel and the scalar fallback, so the two give bit-identical results and the row
 * partition over threads cannot change them.
 */
public final class Gemm {
  private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
  private static final int V = SPECIES.length();
  private static final int KC = 256;
  private static final boolean VECTOR_DEFAULT = !Boolean.getBoolean("spinsim.gemm.scalar");
  private static final boolean WIDE = !"false".equals(System.getProperty("spinsim.gemm.wide"));

  private Gemm() {}

  /**
   * Whether the Vector-API kernel is used by {@link #multiply} (the system property {@code
   * spinsim.gemm.scalar} turns it off).
   */
  public static boolean vectorEnabled() {
    return VECTOR_DEFAULT;
  }

  /**
   * Multiply-adds the default path of a process runs with the scalar kernel before it turns to the
   * Vector API. The JVM runs Vector-API code in slow Java fallbacks until C2 has compiled it, a
   * fixed cost that a short run (one image's float reference) never pays back, while the scalar
   * loop is compiled within milliseconds; both give the same bits, so only the speed changes.
   */
  static final long COLD_MACS = 64L << 20;

  private static final AtomicLong coldMacs = new AtomicLong();

  /**
   * Whether a default multiply of {@code macs} multiply-adds uses the Vector API: once the process
   * has done {@link #COLD_MACS} of them (and unless {@code spinsim.gemm.scalar}).
   */
  static boolean vectorFor(long macs) {
    return VECTOR_DEFAULT && warm(coldMacs, macs, COLD_MACS);
  }

  /** Adds {@code macs} to {@code done} until it passes {@code cold}; true once it has. */
  static boolean warm(AtomicLong done, long macs, long cold) {
    return done.get() >= cold || done.addAndGet(macs) > cold;
  }

  /**
   * C[m×n] (+)= A[m×k]·B[k×n] where A(i,p) = a[aOff + i·aRowStride + p·aColStride], B(p,j) = b[bOff
   * + p·ldb + j] and C(i,j) = c[cOff + i·ldc + j]. Rows of C are split over threads. The process's
   * first {@link #COLD_MACS} multiply-adds run with the scalar kernel (the same bits).
   */
  public static void multiply(
      int m,
      int n,
      int k,
      float[] a,
      int aOff,
      int aRowStride,
      int aColStride,
      float[] b,
      int bOff,
      int ldb,
      float[] c,
      int cOff,
      int ldc,
      boolean accumulate) {
    multiply(
        m,
        n,
        k,
        a,
        aOff,
        aRowStride,
        aColStride,
        b,
        bOff,
        ldb,
        c,
        cOff,
        ldc,
        accumulate,
        vectorFor((long) m * n * k),
        true);
  }

  /**
   * As {@link #multiply}, choosing the kernel and whether to use threads (for tests and
   * benchmarks).
   */
  public static void multiply(
      int m,
      int n,
      int k,
      float[] a,
      int aOff,
      int aRowStride,
      int aColStride,
      float[] b,
      int bOff,
      int ldb,
      float[] c,
      int cOff,
      int ldc,
      boolean accumulate,
      boolean vector,
      boolean threaded) {
    checkArgument(m >= 0 && n >= 0 && k >= 0, "negative GEMM size %s x %s x %s", m, n, k);
    if (m == 0 || n == 0) {
      return;
    }
    Parallel.RangeBody body =
        (from, to) -> {
          if (vector) {
            kernelVector(
                from,
                to,
                n,
                k,
                a,
                aOff,
                aRowStride,
                aColStride,
                b,
                bOff,
                ldb,
                c,
                cOff,
                ldc,
                accumulate);
          } else {
            kernelScalar(
                from,
                to,
                n,
                k,
                a,
                aOff,
                aRowStride,
                aColStride,
                b,
                bOff,
                ldb,
                c,
                cOff,
                ldc,
                accumulate);
          }
        };
    if (threaded) {
      Parallel.forRange(m, 4, (long) n * k, body);
    } else {
      body.run(0, m);
    }
  }

  /** Convenience: C = A·B for dense row-major A[m×k], B[k×n], C[m×n]. */
  public static void multiply(int m, int n, int k, float[] a, float[] b, float[] c) {
    multiply(m, n, k, a, 0, k, 1, b, 0, n, c, 0, n, false);
  }

  private static void kernelScalar(
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
    for (int i = i0; i < i1; i++) {
      int ci = cOff + i * ldc;
      if (!accumulate) {
        java.util.Arrays.fill(c, ci, ci + n, 0f);
      }
      int ai = aOff + i * ars;
      for (int j = 0; j < n; j++) {
        float acc = c[ci + j];
        for (int p = 0; p < k; p++) {
          acc = Math.fma(a[ai + p * acs], b[bOff + p * ldb + j], acc);
        }
        c[ci + j] = acc;
      }
    }
  }

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

  private static void kernelVector(
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
