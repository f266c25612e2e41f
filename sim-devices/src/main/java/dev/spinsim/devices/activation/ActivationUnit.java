package dev.spinsim.devices.activation;

/**
 * A hardware activation unit: a transfer curve on a normalised input (x = 1 is the drive's full
 * scale), an energy and a latency per activation, and a reset. {@link #transfer} is the pure curve
 * from the reset state; {@link #activate} is one physical operation that counts and may keep state.
 */
public interface ActivationUnit {

  /** Registry name, e.g. {@code dw-relu}. */
  String name();

  /** The output of one activation from the reset state (normalised input and output). */
  double transfer(double x);

  /** One activation pulse: output, counted; a unit without self-reset keeps its state. */
  double activate(double x);

  /** Energy of one activation at the published/default operating point, in pJ. */
  double energyPjPerActivation();

  /** Energy of one activation of input x, in pJ (input-dependent when a physical model is on). */
  default double energyPj(double x) {
    return energyPjPerActivation();
  }

  /** Latency of one activation, in ns. */
  double latencyNs();

  /** Distinct output levels of the readout, or 0 for an analog (continuous) output. */
  int levels();

  /** Returns the unit to its reset state (domain wall back at its pinning site). */
  void reset();

  /** Activations performed since construction. */
  long activations();

  /**
   * True when input {@code x} drives the unit into saturation: its output sits at a rail and no
   * longer follows the input. The default is a drive beyond full scale, |x| > 1 (normalised input,
   * as for the domain-wall Leaky ReLU whose wall reaches the end of its track).
   */
  default boolean saturates(double x) {
    return Math.abs(x) > 1;
  }

  /** Applies {@link #transfer} element-wise (no counting): the functional path of a layer. */
  default void transferAll(double[] in, double[] out, int n) {
    for (int i = 0; i < n; i++) {
      out[i] = transfer(in[i]);
    }
  }
}
