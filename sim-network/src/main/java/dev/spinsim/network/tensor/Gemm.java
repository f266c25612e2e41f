package dev.spinsim.network.tensor;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Blocked single-precision matrix multiply {@code C (+)= A·B}, the hot loop under every
 * convolution. A is read through strides (so transposed operands cost nothing), B and C are
 * row-major. Each element of C is one chain of fused multiply-adds in ascending k order, in both
 * the Vector-API kernel and the scalar fallback, so the two give bit-identical results and the row
 * partition over threads cannot change them.
 */
public final class Gemm {
  /**
   * Whether the JVM has the Vector API ({@code --add-modules=jdk.incubator.vector}); without it
   * every multiply runs the scalar kernel (the same bits), and no Vector-API class is loaded: the
   * kernel lives in {@link GemmVector}.
   */
  static final boolean VECTOR_AVAILABLE =
      ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

  private static final boolean VECTOR_DEFAULT =
      VECTOR_AVAILABLE && !Boolean.getBoolean("spinsim.gemm.scalar");

  private Gemm() {}

  /**
   * Whether the Vector-API kernel is used by {@link #multiply} (the system property {@code
   * spinsim.gemm.scalar} turns it off, and so does a JVM without the Vector API module).
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
   * benchmarks). {@code vector} is ignored, and the scalar kernel runs, when the JVM has no Vector
   * API module.
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
          if (vector && VECTOR_AVAILABLE) {
            GemmVector.kernel(
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
}
