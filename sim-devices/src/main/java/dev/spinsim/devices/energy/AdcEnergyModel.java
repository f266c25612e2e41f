package dev.spinsim.devices.energy;

import java.util.List;

/** The ADC energy-per-conversion estimators selectable by name in a configuration. */
public enum AdcEnergyModel {
  /**
   * ISAAC/Accelergy 32 nm table by bits (docs/REFERENCE.md: 8 bit 1.67 pJ), carried to other nodes
   * by the Stillmaker–Baas energy factor ({@link NodeScaling#energyFactor}).
   */
  ISAAC_TABLE("isaac-table"),
  /** NeuroSim-style SAR formula (comparator decisions + capacitor-DAC switching). */
  NEUROSIM_SAR("neurosim-sar"),
  /** Flash: 2^bits − 1 comparators. */
  FLASH("flash"),
  /** Ramp (single-slope): a comparator and counter running 2^bits cycles. */
  RAMP("ramp");

  public static final List<String> NAMES = List.of("isaac-table", "neurosim-sar", "flash", "ramp");

  private final String id;

  AdcEnergyModel(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public static AdcEnergyModel parse(String s) {
    for (AdcEnergyModel m : values()) {
      if (m.id.equals(s)) {
        return m;
      }
    }
    throw new IllegalArgumentException("energyModel must be one of " + NAMES + ", got " + s);
  }

  /** Energy of one conversion at a resolution and technology node, in pJ. */
  public double energyPj(int bits, double techNodeNm) {
    return switch (this) {
      case ISAAC_TABLE ->
          ConverterEnergy.isaacAdcPj(bits)
              * NodeScaling.energyFactor(ConverterEnergy.ISAAC_NODE_NM, techNodeNm);
      case NEUROSIM_SAR -> ConverterEnergy.neurosimSarAdcPj(bits, techNodeNm);
      case FLASH -> ConverterEnergy.flashAdcPj(bits, techNodeNm);
      case RAMP -> ConverterEnergy.rampAdcPj(bits, techNodeNm);
    };
  }
}
