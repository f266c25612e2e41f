package dev.spinsim.network.ops;

import static com.google.common.base.Preconditions.checkArgument;

import dev.spinsim.network.tensor.Tensor;

/**
 * Mean binary cross-entropy of probabilities against a constant target, as PyTorch's BCELoss: logs
 * clamped at −100, gradient (p − t) / max(p(1 − p), 1e-12) / N.
 */
public final class BinaryCrossEntropy {
  private BinaryCrossEntropy() {}

  public static double loss(Tensor p, float target) {
    float[] pd = p.data();
    double s = 0;
    for (float v : pd) {
      double lp = Math.max(Math.log(v), -100);
      double l1p = Math.max(Math.log1p(-v), -100);
      s -= target * lp + (1 - target) * l1p;
    }
    return s / pd.length;
  }

  public static Tensor gradient(Tensor p, float target) {
    checkArgument(target >= 0 && target <= 1, "BCE target must be in [0, 1], got %s", target);
    Tensor g = Tensor.zeros(p.shape());
    float[] pd = p.data(), gd = g.data();
    double n = pd.length;
    for (int i = 0; i < pd.length; i++) {
      double v = pd[i];
      gd[i] = (float) ((v - target) / Math.max(v * (1 - v), 1e-12) / n);
    }
    return g;
  }
}
