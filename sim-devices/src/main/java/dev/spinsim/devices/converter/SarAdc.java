package dev.spinsim.devices.converter;

import com.google.common.base.Preconditions;
import dev.spinsim.devices.energy.AdcEnergyModel;
import dev.spinsim.devices.timing.CircuitTiming;

/**
 * Successive-approximation ADC: one comparator decision per bit. Energy from the ISAAC table
 * (default) or the NeuroSim SAR formula; time one comparison cycle per bit plus {@code
 * overheadCycles} (sampling) at the converter's own clock, t = (bits + overhead) / f ({@link
 * CircuitTiming#conversionNs}). The default clock reproduces each energy model's anchor: 10.8 GHz
 * with one overhead cycle gives ISAAC's 1.2 GS/s at 8 bits (ISAAC Table I, an asynchronous SAR), 1
 * GHz gives NeuroSim's (bits + 1) ns.
 */
public final class SarAdc extends ClockedAdc {
  public static final String NAME = "sar-adc";

  /** ISAAC's ADC runs at 1.2 GS/s (ISAAC Table I). */
  public static final double ISAAC_CONVERSION_NS = 1 / 1.2;

  /** Overhead cycles per conversion by default: one sampling cycle (NeuroSim's bits + 1). */
  public static final int DEFAULT_OVERHEAD_CYCLES = 1;

  /** Comparison clock that makes (8 + 1) cycles last 1 / 1.2 GS/s: 10.8 GHz [derived]. */
  public static final double ISAAC_CLOCK_MHZ = (8 + DEFAULT_OVERHEAD_CYCLES) * 1.2e3;

  /** NeuroSim's SAR: one cycle per bit at 1 GHz. */
  public static final double NEUROSIM_CLOCK_MHZ = 1000;

  /**
   * @param timeNs a pinned conversion time, or null to derive it
   * @param clockMhz the converter's clock, null for the energy model's default
   * @param overheadCycles cycles beyond one per bit, null for {@link #DEFAULT_OVERHEAD_CYCLES}
   */
  public SarAdc(
      int bits,
      AdcEnergyModel model,
      double techNodeNm,
      Double energyPj,
      Double timeNs,
      Double clockMhz,
      Integer overheadCycles) {
    super(
        NAME,
        checkBits(bits),
        model,
        techNodeNm,
        energyPj,
        timeNs,
        bits,
        overheadCycles != null ? overheadCycles : DEFAULT_OVERHEAD_CYCLES,
        clockMhz != null
            ? clockMhz
            : (model == AdcEnergyModel.NEUROSIM_SAR ? NEUROSIM_CLOCK_MHZ : ISAAC_CLOCK_MHZ));
  }

  public SarAdc(int bits) {
    this(bits, AdcEnergyModel.ISAAC_TABLE, 32, null, null, null, null);
  }

  private static int checkBits(int bits) {
    Preconditions.checkArgument(bits >= 2 && bits <= 16, "bits must be in [2, 16], got %s", bits);
    return bits;
  }
}
