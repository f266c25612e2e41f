package dev.spinsim.network.hwaware;

import static com.google.common.base.Preconditions.checkArgument;

import dev.spinsim.network.tensor.Tensor;

/**
 * Uniform quantiser for a differential pair of N-level devices: the per-layer scale is max |w|, the
 * magnitude is rounded to one of N levels (0 … N−1 steps of scale/(N−1)) and the sign comes from
 * which device of the pair carries it, giving 2N−1 signed values.
 */
public final class UniformWeightQuantizer implements WeightQuantizer {
  private final int levels;

  public UniformWeightQuantizer(int levels) {
    checkArgument(levels >= 2, "a synapse needs at least 2 levels, got %s", levels);
    this.levels = levels;
  }

  @Override
  public int levels() {
    return levels;
  }

  /** The per-layer scale used for {@code weights}: the largest magnitude. */
  public static double scale(Tensor weights) {
    double m = 0;
    for (float v : weights.data()) {
      m = Math.max(m, Math.abs(v));
    }
    return m;
  }

  @Override
  public Tensor quantize(Tensor weights) {
    double scale = scale(weights);
    Tensor q = Tensor.zeros(weights.shape());
    if (scale == 0) {
      return q;
    }
    double steps = levels - 1;
    double step = scale / steps;
    float[] s = weights.data(), d = q.data();
    for (int i = 0; i < s.length; i++) {
      d[i] = (float) (Math.rint(s[i] / step) * step);
    }
    return q;
  }

  @Override
  public String toString() {
    return "uniform " + levels + "-level differential quantiser";
  }
}
