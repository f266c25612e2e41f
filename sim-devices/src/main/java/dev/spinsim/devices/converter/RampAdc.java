package dev.spinsim.devices.converter;

import com.google.common.base.Preconditions;
import dev.spinsim.devices.energy.AdcEnergyModel;

/**
 * Ramp (single-slope) ADC: one comparator watches a ramp while a counter runs, so a conversion
 * takes 2^bits cycles of its clock plus {@code overheadCycles} (default one, the reset) and costs
 * energy per counted cycle (model {@code ramp} by default). Slow and small: the column-parallel
 * converter of image sensors and of some in-memory macros.
 */
public final class RampAdc extends ClockedAdc {
  public static final String NAME = "ramp-adc";

  /** Default counter clock [assumed: 4 GHz]. */
  public static final double DEFAULT_CLOCK_MHZ = 4000;

  public RampAdc(
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
        1L << bits,
        overheadCycles != null ? overheadCycles : 1,
        clockMhz != null ? clockMhz : DEFAULT_CLOCK_MHZ);
  }

  public RampAdc(int bits) {
    this(bits, AdcEnergyModel.RAMP, 32, null, null, null, null);
  }

  private static int checkBits(int bits) {
    Preconditions.checkArgument(
        bits >= 2 && bits <= 12, "bits must be in [2, 12] for a ramp ADC, got %s", bits);
    return bits;
  }
}
