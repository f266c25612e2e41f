package dev.spinsim.devices.energy;

import com.google.common.base.Preconditions;

/**
 * Energy-per-conversion formulas for data converters, each with its published anchor. These are the
 * numbers behind the ADC/DAC estimators; they never run inside the simulation loop.
 */
public final class ConverterEnergy {
  private ConverterEnergy() {}

  /** ISAAC/Accelergy 32 nm ADC energy per conversion for 4..10 bits, pJ (docs/REFERENCE.md). */
  private static final double[] ISAAC_ADC_PJ = {0.79, 0.99, 1.20, 1.42, 1.67, 1.97, 2.38};

  private static final int ISAAC_MIN_BITS = 4;

  /** The node of the ISAAC table, nm (ISAAC: 32 nm). */
  public static final double ISAAC_NODE_NM = 32.0;

  /**
   * ISAAC-table ADC energy per conversion, pJ: the table for 4..10 bits; outside it, geometric
   * extrapolation with the ratio of the nearest two entries (an estimate, not a published value).
   */
  public static double isaacAdcPj(int bits) {
    Preconditions.checkArgument(
        bits >= 1 && bits <= 16, "ADC bits must be in [1, 16], got %s", bits);
    int i = bits - ISAAC_MIN_BITS;
    if (i >= 0 && i < ISAAC_ADC_PJ.length) {
      return ISAAC_ADC_PJ[i];
    }
    if (i < 0) {
      return ISAAC_ADC_PJ[0] * Math.pow(ISAAC_ADC_PJ[0] / ISAAC_ADC_PJ[1], -i);
    }
    int last = ISAAC_ADC_PJ.length - 1;
    return ISAAC_ADC_PJ[last] * Math.pow(ISAAC_ADC_PJ[last] / ISAAC_ADC_PJ[last - 1], i - last);
  }

  /**
   * NeuroSim-style SAR comparator energy per decision at 22 nm, fJ (fitted, see {@link
   * #neurosimSarAdcPj}).
   */
  public static final double SAR_COMPARATOR_FJ_22NM = 4.51;

  /** NeuroSim-style SAR unit-capacitor switching energy C_u·V² at 22 nm, fJ (fitted). */
  public static final double SAR_UNIT_CAP_FJ_22NM = 0.467;

  /**
   * NeuroSim-style SAR ADC energy per conversion, pJ: (bits + 1) comparator decisions plus the
   * binary-weighted capacitor DAC switching 2^bits·C_u·V², linear in the technology node. The two
   * coefficients are fitted to the ≈30 fJ (4 bit) and ≈160 fJ (8 bit) at 22 nm in
   * docs/REFERENCE.md.
   */
  public static double neurosimSarAdcPj(int bits, double techNodeNm) {
    Preconditions.checkArgument(
        bits >= 1 && bits <= 16, "ADC bits must be in [1, 16], got %s", bits);
    Preconditions.checkArgument(techNodeNm > 0, "techNodeNm must be > 0, got %s", techNodeNm);
    double fj = (bits + 1) * SAR_COMPARATOR_FJ_22NM + Math.pow(2, bits) * SAR_UNIT_CAP_FJ_22NM;
    return fj * (techNodeNm / 22.0) * 1e-3;
  }

  /**
   * Flash comparator energy per decision at 32 nm [assumed: 50 fJ incl. reference ladder share].
   */
  public static final double FLASH_COMPARATOR_FJ_32NM = 50;

  /** Flash ADC energy per conversion, pJ: (2^bits − 1) comparators, linear in the node. */
  public static double flashAdcPj(int bits, double techNodeNm) {
    Preconditions.checkArgument(
        bits >= 1 && bits <= 16, "ADC bits must be in [1, 16], got %s", bits);
    Preconditions.checkArgument(techNodeNm > 0, "techNodeNm must be > 0, got %s", techNodeNm);
    return (Math.pow(2, bits) - 1) * FLASH_COMPARATOR_FJ_32NM * (techNodeNm / 32.0) * 1e-3;
  }

  /**
   * Ramp ADC energy per counted cycle at 32 nm: comparator plus counter toggle [assumed: 5 fJ,
   * which puts an 8-bit ramp conversion at 1.3 pJ, beside ISAAC's 8-bit SAR at 1.67 pJ].
   */
  public static final double RAMP_CYCLE_FJ_32NM = 5;

  /**
   * Ramp (single-slope) ADC energy per conversion, pJ: 2^bits counted cycles, linear in the node.
   */
  public static double rampAdcPj(int bits, double techNodeNm) {
    Preconditions.checkArgument(
        bits >= 1 && bits <= 16, "ADC bits must be in [1, 16], got %s", bits);
    Preconditions.checkArgument(techNodeNm > 0, "techNodeNm must be > 0, got %s", techNodeNm);
    return Math.pow(2, bits) * RAMP_CYCLE_FJ_32NM * (techNodeNm / 32.0) * 1e-3;
  }

  /**
   * ISAAC 1-bit DAC row drive, pJ per conversion (docs/REFERENCE.md: 4 mW for 1024 DACs per 106.7
   * ns).
   */
  public static final double ISAAC_DAC_1BIT_PJ = 0.42;

  /**
   * Row DAC energy per conversion, pJ: the ISAAC 1-bit drive scaled by the output levels 2^bits − 1
   * [assumed].
   */
  public static double dacPj(int bits) {
    Preconditions.checkArgument(
        bits >= 1 && bits <= 16, "DAC bits must be in [1, 16], got %s", bits);
    return ISAAC_DAC_1BIT_PJ * (Math.pow(2, bits) - 1);
  }
}
