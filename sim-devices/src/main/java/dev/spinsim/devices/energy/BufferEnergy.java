package dev.spinsim.devices.energy;

/** Memory and wire energy per bit anchors (docs/REFERENCE.md); presets quote these. */
public final class BufferEnergy {
  private BufferEnergy() {}

  /** ISAAC eDRAM: 20.45 pJ per 256-bit access. */
  public static final double ISAAC_EDRAM_PJ_PER_BIT = 20.45 / 256;

  /** ISAAC bus: 0.054 pJ per bit. */
  public static final double ISAAC_BUS_PJ_PER_BIT = 0.054;
}
