package dev.spinsim.network.hwaware;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * The built-in domain-wall-like activation curve: the wall moves linearly with drive above zero
 * (slope 1), with {@code negativeSlope} below zero (the tunable Leaky ReLU; 0 for ReLU), and stops
 * at the ends of the track, so the output saturates at {@code +saturation} and {@code
 * −saturation·negativeSlope}. Used when no device preset supplies a measured curve.
 */
public record PiecewiseLinearTransfer(double negativeSlope, double saturation)
    implements ActivationTransfer {
  public PiecewiseLinearTransfer {
    checkArgument(
        negativeSlope >= 0 && negativeSlope < 1,
        "negative slope must be in [0, 1), got %s",
        negativeSlope);
    checkArgument(saturation > 0, "saturation must be > 0, got %s", saturation);
  }

  @Override
  public double apply(double x) {
    if (x >= 0) {
      return Math.min(x, saturation);
    }
    return negativeSlope == 0 ? 0.0 : Math.max(x, -saturation) * negativeSlope;
  }

  @Override
  public double derivative(double x) {
    if (x >= 0) {
      return x < saturation ? 1 : 0;
    }
    return x > -saturation ? negativeSlope : 0;
  }

  @Override
  public String describe() {
    return "domain-wall piecewise-linear (negative slope "
        + negativeSlope
        + ", saturation "
        + saturation
        + ")";
  }
}
