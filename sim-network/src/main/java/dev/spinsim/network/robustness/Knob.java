package dev.spinsim.network.robustness;

import static com.google.common.base.Preconditions.checkArgument;

import java.math.BigDecimal;
import java.util.List;

/**
 * A device non-ideality that a comparison sweeps: its name in options and outputs, and the preset
 * key a level overrides (as {@code --set key=level}).
 */
public record Knob(String name, String presetKey) {
  /** Device-to-device conductance spread (lognormal sigma). */
  public static final Knob VARIATION = new Knob("variation", "crossbar.synapse.variationSigma");

  /** Cycle-to-cycle read noise (relative sigma). */
  public static final Knob READ_NOISE = new Knob("read-noise", "crossbar.synapse.readNoiseSigma");

  /** Fraction of cells stuck at a conductance bound. */
  public static final Knob STUCK = new Knob("stuck", "crossbar.synapse.stuckFraction");

  /** Probability of a one-step programming error per cell. */
  public static final Knob WRITE_ERROR =
      new Knob("write-error", "crossbar.synapse.writeErrorProbability");

  /** Every knob, in output order. */
  public static final List<Knob> ALL = List.of(VARIATION, READ_NOISE, STUCK, WRITE_ERROR);

  public Knob {
    checkArgument(name != null && !name.isBlank(), "knob name must be given");
    checkArgument(
        presetKey != null && !presetKey.isBlank(), "knob %s: preset key must be given", name);
  }

  /** The {@code --set} override that puts this knob at {@code level}. */
  public String override(double level) {
    return presetKey + "=" + format(level);
  }

  /**
   * A level as plain decimal text without exponent or trailing zeros: {@code 0}, {@code 0.05},
   * {@code 0.0001}.
   */
  public static String format(double level) {
    if (level == 0) {
      return "0";
    }
    return BigDecimal.valueOf(level).stripTrailingZeros().toPlainString();
  }
}
