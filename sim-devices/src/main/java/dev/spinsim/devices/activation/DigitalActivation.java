package dev.spinsim.devices.activation;

import com.google.common.base.Preconditions;

/**
 * A CMOS digital activation unit: tanh and sigmoid for the output layers, and an exact ReLU / Leaky
 * ReLU for CMOS corners (ISAAC) and the ideal preset; optionally quantising its output.
 */
public final class DigitalActivation implements ActivationUnit {
  /** The function computed. */
  public enum Function {
    TANH,
    SIGMOID,
    RELU,
    LEAKY_RELU
  }

  /** Registry names. */
  public static final String TANH_NAME = "digital-tanh";

  public static final String SIGMOID_NAME = "digital-sigmoid";
  public static final String RELU_NAME = "digital-relu";
  public static final String LEAKY_RELU_NAME = "digital-leaky-relu";

  /**
   * Default energy: ISAAC sigmoid unit 0.52 mW for 2 units at 1.2 GHz ≈ 0.22 pJ per op [derived].
   */
  public static final double DEFAULT_ENERGY_PJ = 0.217;

  /** Default latency: one 1.2 GHz cycle [assumed, ISAAC-like pipelined unit]. */
  public static final double DEFAULT_LATENCY_NS = 0.833;

  private final Function function;
  private final double energyPj;
  private final double latencyNs;
  private final int outputBits;
  private final double alpha;
  private long activations;

  public DigitalActivation(Function function, double energyPj, double latencyNs, int outputBits) {
    this(function, energyPj, latencyNs, outputBits, 0.2);
  }

  public DigitalActivation(
      Function function, double energyPj, double latencyNs, int outputBits, double alpha) {
    Preconditions.checkArgument(alpha >= 0 && alpha <= 1, "alpha must be in [0, 1], got %s", alpha);
    this.alpha = alpha;
    this.function = Preconditions.checkNotNull(function);
    Preconditions.checkArgument(energyPj >= 0, "energyPj must be >= 0, got %s", energyPj);
    Preconditions.checkArgument(latencyNs >= 0, "latencyNs must be >= 0, got %s", latencyNs);
    Preconditions.checkArgument(
        outputBits >= 0 && outputBits <= 24, "outputBits must be in [0, 24], got %s", outputBits);
    this.energyPj = energyPj;
    this.latencyNs = latencyNs;
    this.outputBits = outputBits;
  }

  public DigitalActivation(Function function) {
    this(function, DEFAULT_ENERGY_PJ, DEFAULT_LATENCY_NS, 0);
  }

  @Override
  public String name() {
    return switch (function) {
      case TANH -> TANH_NAME;
      case SIGMOID -> SIGMOID_NAME;
      case RELU -> RELU_NAME;
      case LEAKY_RELU -> LEAKY_RELU_NAME;
    };
  }

  @Override
  public double transfer(double x) {
    double y =
        switch (function) {
          case TANH -> Math.tanh(x);
          case SIGMOID -> 1 / (1 + Math.exp(-x));
          case RELU -> Math.max(x, 0);
          case LEAKY_RELU -> Math.max(x, alpha * x);
        };
    if (outputBits == 0) {
      return y;
    }
    if (function == Function.RELU || function == Function.LEAKY_RELU) {
      // fixed point on [-1, 1] with saturation
      double steps = (1L << (outputBits - 1)) - 1;
      return Math.max(-1, Math.min(1, Math.rint(y * steps) / steps));
    }
    // uniform quantisation over the output range ([-1, 1] for tanh, [0, 1] for sigmoid)
    double lo = function == Function.TANH ? -1 : 0;
    double steps = (1L << outputBits) - 1;
    return lo + Math.rint((y - lo) / (1 - lo) * steps) / steps * (1 - lo);
  }

  /**
   * tanh and sigmoid: the output within 1 % of its range from a rail (|tanh x| ≥ 0.98, sigmoid ≤
   * 0.01 or ≥ 0.99); ReLU and Leaky ReLU: only with a fixed-point output, beyond ±1.
   */
  @Override
  public boolean saturates(double x) {
    return switch (function) {
      case TANH -> Math.abs(Math.tanh(x)) >= 0.98;
      case SIGMOID -> Math.abs(x) >= Math.log(99);
      case RELU -> outputBits != 0 && x > 1;
      case LEAKY_RELU -> outputBits != 0 && Math.abs(Math.max(x, alpha * x)) > 1;
    };
  }

  @Override
  public double activate(double x) {
    activations++;
    return transfer(x);
  }

  @Override
  public double energyPjPerActivation() {
    return energyPj;
  }

  @Override
  public double latencyNs() {
    return latencyNs;
  }

  @Override
  public int levels() {
    return outputBits == 0 ? 0 : 1 << outputBits;
  }

  @Override
  public void reset() {
    // stateless
  }

  @Override
  public long activations() {
    return activations;
  }
}
