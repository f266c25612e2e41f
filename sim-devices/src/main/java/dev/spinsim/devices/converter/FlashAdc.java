package dev.spinsim.devices.converter;

import com.google.common.base.Preconditions;
import dev.spinsim.devices.energy.AdcEnergyModel;

/**
 * Flash ADC: 2^bits − 1 comparators decide in parallel, so energy scales with 2^bits (model {@code
 * flash} by default) and a conversion takes one cycle of its clock plus {@code overheadCycles}
 * (default none).
 */
public final class FlashAdc extends ClockedAdc {
  public static final String NAME = "flash-adc";

  /** Default clock [assumed: 4 GHz, one comparator + encoder delay of 0.25 ns]. */
  public static final double DEFAULT_CLOCK_MHZ = 4000;

  public FlashAdc(
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
        1,
        overheadCycles != null ? overheadCycles : 0,
        clockMhz != null ? clockMhz : DEFAULT_CLOCK_MHZ);
  }

  public FlashAdc(int bits) {
    this(bits, AdcEnergyModel.FLASH, 32, null, null, null, null);
  }

  private static int checkBits(int bits) {
    Preconditions.checkArgument(
        bits >= 2 && bits <= 10, "bits must be in [2, 10] for a flash ADC, got %s", bits);
    return bits;
  }
}
