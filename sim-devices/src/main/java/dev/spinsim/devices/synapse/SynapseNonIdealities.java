package dev.spinsim.devices.synapse;

import com.google.common.base.Preconditions;

/**
 * Non-idealities of a synapse device: programmed device-to-device variation (lognormal sigma on
 * conductance, fixed per cell), cycle-to-cycle read noise (relative Gaussian sigma, per read),
 * fraction of cells stuck at G_min or G_max, and the probability that a write lands one step off.
 */
public record SynapseNonIdealities(
    double variationSigma,
    double readNoiseSigma,
    double stuckFraction,
    double writeErrorProbability) {

  /** No non-idealities at all. */
  public static final SynapseNonIdealities NONE = new SynapseNonIdealities(0, 0, 0, 0);

  public SynapseNonIdealities {
    Preconditions.checkArgument(
        variationSigma >= 0 && variationSigma < 2,
        "variationSigma must be in [0, 2), got %s",
        variationSigma);
    Preconditions.checkArgument(
        readNoiseSigma >= 0 && readNoiseSigma < 1,
        "readNoiseSigma must be in [0, 1), got %s",
        readNoiseSigma);
    Preconditions.checkArgument(
        stuckFraction >= 0 && stuckFraction <= 1,
        "stuckFraction must be in [0, 1], got %s",
        stuckFraction);
    Preconditions.checkArgument(
        writeErrorProbability >= 0 && writeErrorProbability <= 1,
        "writeErrorProbability must be in [0, 1], got %s",
        writeErrorProbability);
  }

  /** True when every non-ideality is off. */
  public boolean isIdeal() {
    return variationSigma == 0
        && readNoiseSigma == 0
        && stuckFraction == 0
        && writeErrorProbability == 0;
  }
}
