package dev.spinsim.devices.synapse;

import java.util.List;

/**
 * An ideal continuous conductance (float weights, no level quantisation, no noise): the synapse of
 * the {@code ideal} preset, so a crossbar reproduces exact arithmetic.
 */
public final class ContinuousSynapse extends MultiLevelSynapse {
  /** Registry name. */
  public static final String NAME = "ideal-synapse";

  /** Defaults: continuous levels between 1/25 kΩ and 1/10 kΩ, free and instant programming. */
  public static final SynapseParams DEFAULTS =
      new SynapseParams(
          0, 1.0 / 25e3, 1.0 / 10e3, List.of(), 0.0, 0.0, 0.0, SynapseNonIdealities.NONE);

  public ContinuousSynapse(SynapseParams params) {
    super(NAME, params);
  }
}
