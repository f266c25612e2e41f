package dev.spinsim.devices.converter;

/**
 * The default {@link Adc#convert} (clip to ±fullScale, mid-tread rounding to ±maxCode steps) over a
 * column block, shift-added into an accumulator: acc[j] += weight × code_j × (fullScale / maxCode).
 * The Vector API loop rounds with the exact 2⁵² trick (round-half-even, as {@link Math#rint}) and
 * does every other step in the same order and precision as the scalar loop, so both give the bits
 * of the per-value {@code convert}.
 */
public final class AdcBlockQuantiser {
  /** True when the incubator Vector API module is present in this JVM. */
  public static final boolean VECTOR_AVAILABLE =
      ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

  private AdcBlockQuantiser() {}

  /** acc[j] += weight × (code of values[j]) × (fullScale / maxCode) for j in [0, n). */
  public static void accumulate(
      float[] values,
      int n,
      double fullScale,
      int maxCode,
      double weight,
      double[] acc,
      boolean vector) {
    int j = 0;
    if (vector && VECTOR_AVAILABLE) {
      j = VectorQuantiser.accumulate(values, n, fullScale, maxCode, weight, acc);
    }
    double step = fullScale / maxCode;
    for (; j < n; j++) {
      double q = Math.rint(values[j] / fullScale * maxCode);
      int code = q >= maxCode ? maxCode : (q <= -maxCode ? -maxCode : (int) q);
      acc[j] += weight * (code * step);
    }
  }
}
