package dev.spinsim.devices.synapse;

import java.util.List;

/**
 * A generic multi-level RRAM cell with NeuroSim-like defaults, added the way a user adds a device:
 * this class, its provider ({@code registry.RramSynapseProvider}) and one line in {@code
 * META-INF/services/dev.spinsim.devices.registry.DeviceProvider}.
 */
public final class RramSynapse extends MultiLevelSynapse {
  public static final String NAME = "rram-neurosim";

  /**
   * R_on / R_off 6 kΩ / 900 kΩ (NeuroSim V1.3, docs/REFERENCE.md); 32 levels and NeuroSim's LTP
   * nonlinearity 1.75 (Ag:a-Si) [assumed]; a 2 V × 10 ns write pulse on a mid-range cell ≈ 3.4 pJ
   * per level step [derived V²·G·t]; 10 ns per step; 3 % device spread, 2 % read noise, 3 % write
   * errors [assumed].
   */
  public static final SynapseParams DEFAULTS =
      new SynapseParams(
          32,
          1.0 / 900e3,
          1.0 / 6e3,
          List.of(),
          1.75,
          3.4,
          10,
          new SynapseNonIdealities(0.03, 0.02, 0.0, 0.03));

  public RramSynapse(SynapseParams params) {
    super(NAME, params);
  }
}
