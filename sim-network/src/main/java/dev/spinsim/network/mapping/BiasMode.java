package dev.spinsim.network.mapping;

/** Where a layer's bias (including a folded batchnorm shift) is added. */
public enum BiasMode {
  /** Added by the digital shift-and-add unit after conversion. */
  DIGITAL,
  /** Stored as one extra crossbar row driven by a constant input of 1. */
  BIAS_ROW
}
