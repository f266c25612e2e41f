package dev.spinsim.network.ops;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spinsim.network.tensor.Tensor;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Central finite differences of L = Σ y·r against an analytic gradient, in float with a float-sized
 * tolerance.
 */
final class GradCheck {
  private GradCheck() {}

  static double weightedSum(Tensor y, Tensor r) {
    double s = 0;
    for (int i = 0; i < y.size(); i++) {
      s += (double) y.data()[i] * r.data()[i];
    }
    return s;
  }

  /**
   * Perturbs up to {@code samples} entries of {@code target} (in place, restored after) and
   * compares dL/d(entry) with {@code analytic}.
   */
  static void check(
      String what,
      Tensor target,
      Tensor analytic,
      Supplier<Tensor> forward,
      Tensor r,
      int samples) {
    SplittableRandom rng = new SplittableRandom(7);
    float eps = 1e-2f;
    int n = target.size();
    for (int s = 0; s < Math.min(samples, n); s++) {
      int i = samples >= n ? s : rng.nextInt(n);
      float orig = target.data()[i];
      target.data()[i] = orig + eps;
      double lp = weightedSum(forward.get(), r);
      target.data()[i] = orig - eps;
      double lm = weightedSum(forward.get(), r);
      target.data()[i] = orig;
      double numeric = (lp - lm) / (2 * eps);
      double a = analytic.data()[i];
      double tol = 3e-3 + 2e-2 * Math.abs(numeric);
      assertTrue(
          Math.abs(a - numeric) <= tol,
          what + "[" + i + "]: analytic " + a + " vs numeric " + numeric);
    }
  }

  static Tensor randn(long seed, int... shape) {
    return Tensor.normal(new SplittableRandom(seed), 0, 1, shape);
  }
}
