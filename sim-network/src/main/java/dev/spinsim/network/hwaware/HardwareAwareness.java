package dev.spinsim.network.hwaware;

import java.util.function.DoubleFunction;

/**
 * What hardware-aware training replaces in a network: matrix-layer weights go through {@code
 * quantizer} (null: float weights) and ReLU / LeakyReLU(α) through the transfer curves (null: the
 * exact functions).
 */
public record HardwareAwareness(
    WeightQuantizer quantizer,
    ActivationTransfer relu,
    DoubleFunction<ActivationTransfer> leakyRelu,
    String description) {
  /** Plain float training. */
  public static final HardwareAwareness NONE = new HardwareAwareness(null, null, null, "float");

  /**
   * The built-in model: a uniform {@code levels}-level quantiser and piecewise-linear DW curves
   * saturating at {@code saturation}.
   */
  public static HardwareAwareness builtIn(int levels, double saturation) {
    return new HardwareAwareness(
        new UniformWeightQuantizer(levels),
        new PiecewiseLinearTransfer(0, saturation),
        alpha -> new PiecewiseLinearTransfer(alpha, saturation),
        "built-in: "
            + levels
            + "-level uniform weights, piecewise-linear DW activations saturating at "
            + saturation);
  }

  public boolean isFloat() {
    return quantizer == null && relu == null && leakyRelu == null;
  }
}
