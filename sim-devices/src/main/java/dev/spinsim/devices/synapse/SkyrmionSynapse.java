package dev.spinsim.devices.synapse;

import java.util.List;

/**
 * The paper's 6-bit skyrmion synapse: a circular bilayer skyrmion driven over a labyrinth
 * anisotropy profile gives 64 states read through an MTJ; conductance linear between G_AP and G_P
 * (or from a table); each state step costs 0.87 fJ (arXiv 2407.08469).
 */
public final class SkyrmionSynapse extends MultiLevelSynapse {
  /** Registry name of the default 64-state device. */
  public static final String NAME = "skyrmion-6b";

  /**
   * Defaults: 64 states [2407.08469]; G between 1/25 kΩ and 1/10 kΩ (MTJ R_AP / R_P,
   * docs/REFERENCE.md); 0.87 fJ per step [2407.08469]; 1.5 ns per step [assumed, 1–2 ns]; 5 %
   * lognormal spread, 1 % read noise, 0.1 % stuck cells, 3 % ±1-step write errors [assumed,
   * docs/REFERENCE.md ranges].
   */
  public static final SynapseParams DEFAULTS =
      new SynapseParams(
          64,
          1.0 / 25e3,
          1.0 / 10e3,
          List.of(),
          0.0,
          0.00087,
          1.5,
          new SynapseNonIdealities(0.05, 0.01, 0.001, 0.03));

  public SkyrmionSynapse(SynapseParams params) {
    super(NAME, params);
  }

  public SkyrmionSynapse() {
    this(DEFAULTS);
  }
}
