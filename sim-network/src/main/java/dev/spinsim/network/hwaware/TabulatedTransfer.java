package dev.spinsim.network.hwaware;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * A transfer curve sampled once on a uniform grid and linearly interpolated: the fast form of a
 * device curve for training, where it is evaluated millions of times per batch. Outside the grid
 * the underlying curve is called directly.
 */
public final class TabulatedTransfer implements ActivationTransfer {
  private final ActivationTransfer base;
  private final double lo;
  private final double step;
  private final double[] values;

  public TabulatedTransfer(ActivationTransfer base, double lo, double hi, int points) {
    checkArgument(hi > lo && points >= 2, "need hi > lo and at least 2 points");
    this.base = base;
    this.lo = lo;
    this.step = (hi - lo) / (points - 1);
    this.values = new double[points];
    for (int i = 0; i < points; i++) {
      values[i] = base.apply(lo + i * step);
    }
  }

  @Override
  public double apply(double x) {
    double u = (x - lo) / step;
    int i = (int) Math.floor(u);
    if (i < 0 || i >= values.length - 1) {
      return base.apply(x);
    }
    double f = u - i;
    return values[i] + f * (values[i + 1] - values[i]);
  }

  @Override
  public double derivative(double x) {
    double u = (x - lo) / step;
    int i = (int) Math.floor(u);
    if (i < 0 || i >= values.length - 1) {
      return base.derivative(x);
    }
    return (values[i + 1] - values[i]) / step;
  }

  @Override
  public String describe() {
    return base.describe() + " (tabulated, " + values.length + " points)";
  }
}
