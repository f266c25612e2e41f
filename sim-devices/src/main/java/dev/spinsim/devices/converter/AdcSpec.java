package dev.spinsim.devices.converter;

import dev.spinsim.core.config.OptionalKey;
import dev.spinsim.devices.energy.AdcEnergyModel;

/**
 * ADCs as a configuration names them: registry device, bits (0 = ideal), energy model ({@code
 * isaac-table}, {@code neurosim-sar}, {@code flash}, {@code ramp}), technology node (absent: the
 * chip's {@code techNodeNm} in a preset), the converter's own clock and its overhead cycles per
 * conversion (null keeps the device's default; the device derives its conversion time from them),
 * optional energy/time pins (null keeps the estimator), how many weight columns share one ADC, the
 * full-scale policy (fraction of the largest possible column value; beyond it values clip), and
 * static power and area per ADC.
 *
 * <p>Area follows the resolution: {@code areaMm2} is the area of one ADC at {@code areaBits} bits
 * (a published calibration point, e.g. ISAAC Table I: 0.0012 mm² for its 8-bit 1.2 GS/s SAR), and
 * at {@code bits} the area is {@code areaMm2 · exp(}{@value #AREA_LN_PER_BIT}{@code · (bits −
 * areaBits))}, ×1.57 per bit. The slope is the resolution dependence of the area regression of the
 * Accelergy ADC plug-in over B. Murmann's ADC Performance Survey 1997–2021
 * (github.com/Accelergy-Project/accelergy-adc-plug-in, {@code adc_data/model.yaml}: ln area = … −
 * 0.1344·bits + 0.4237·ln(energy per conversion) + …, with the energy of a converter at the
 * Schreier figure-of-merit bound growing 4× per bit, SNDR = 6.02·bits + 1.76 dB), so d ln(area)/d
 * bits = −0.1344 + 0.4237·ln 4 = 0.4529. A SAR's capacitive DAC alone would double per bit and its
 * comparator and logic grow linearly; the survey slope lies between. {@code areaBits} null pins
 * {@code areaMm2} at every resolution (a measured part).
 */
public record AdcSpec(
    String device,
    int bits,
    @OptionalKey String energyModel,
    @OptionalKey Double techNodeNm,
    @OptionalKey Double energyPj,
    @OptionalKey Double conversionTimeNs,
    @OptionalKey Double clockMhz,
    @OptionalKey Integer overheadCycles,
    Integer columnsPerAdc,
    Double fullScaleFraction,
    Double leakageMw,
    Double areaMm2,
    Integer areaBits) {
  /** d ln(area) / d bits of the survey regression (see the class comment). */
  public static final double AREA_LN_PER_BIT = -0.1344 + 0.4237 * 1.3862943611198906;

  public AdcSpec {
    if (device == null || device.isBlank()) {
      throw new IllegalArgumentException("device must name an ADC, got nothing");
    }
    if (bits < 0 || bits > 16 || bits == 1) {
      throw new IllegalArgumentException("bits must be 0 (ideal) or in [2, 16], got " + bits);
    }
    if (energyModel != null && !AdcEnergyModel.NAMES.contains(energyModel)) {
      throw new IllegalArgumentException(
          "energyModel must be one of " + AdcEnergyModel.NAMES + ", got " + energyModel);
    }
    if (techNodeNm != null) {
      Specs.positiveOr("techNodeNm", techNodeNm, DEFAULT_NODE_NM);
    }
    Specs.checkNonNegative("energyPj", energyPj);
    Specs.checkNonNegative("conversionTimeNs", conversionTimeNs);
    if (clockMhz != null && !(clockMhz > 0 && Double.isFinite(clockMhz))) {
      throw new IllegalArgumentException("clockMhz must be > 0, got " + clockMhz);
    }
    if (overheadCycles != null && overheadCycles < 0) {
      throw new IllegalArgumentException("overheadCycles must be >= 0, got " + overheadCycles);
    }
    if (columnsPerAdc == null) {
      columnsPerAdc = 1;
    } else if (columnsPerAdc < 1) {
      throw new IllegalArgumentException("columnsPerAdc must be >= 1, got " + columnsPerAdc);
    }
    if (fullScaleFraction == null) {
      fullScaleFraction = 1.0;
    } else if (!(fullScaleFraction > 0 && fullScaleFraction <= 1)) {
      throw new IllegalArgumentException(
          "fullScaleFraction must be in (0, 1], got " + fullScaleFraction);
    }
    leakageMw = Specs.nonNegativeOr("leakageMw", leakageMw, 0.0);
    areaMm2 = Specs.nonNegativeOr("areaMm2", areaMm2, 0.0);
    if (areaBits != null && (areaBits < 2 || areaBits > 16)) {
      throw new IllegalArgumentException(
          "areaBits must be in [2, 16] (the resolution areaMm2 was"
              + " published for) or null (areaMm2 at every resolution), got "
              + areaBits);
    }
  }

  /**
   * The area of one ADC at {@code bits}, mm²: {@code areaMm2} scaled from {@code areaBits} by the
   * survey slope (class comment); {@code areaMm2} itself when {@code areaBits} is null or the ADC
   * is ideal.
   */
  public double scaledAreaMm2() {
    if (areaBits == null || bits == 0) {
      return areaMm2;
    }
    return areaMm2 * Math.exp(AREA_LN_PER_BIT * (bits - areaBits));
  }

  /** The node an ADC outside a preset is at when {@code techNodeNm} is not given, nm. */
  public static final double DEFAULT_NODE_NM = 32.0;

  /**
   * The ADC's technology node, nm: {@code techNodeNm}, or {@value #DEFAULT_NODE_NM} when absent (a
   * preset fills it with the chip's {@code techNodeNm}, {@code Preset}).
   */
  public double nodeNm() {
    return techNodeNm != null ? techNodeNm : DEFAULT_NODE_NM;
  }

  /** This spec at technology node {@code nm}. */
  public AdcSpec withTechNodeNm(double nm) {
    return new AdcSpec(
        device,
        bits,
        energyModel,
        nm,
        energyPj,
        conversionTimeNs,
        clockMhz,
        overheadCycles,
        columnsPerAdc,
        fullScaleFraction,
        leakageMw,
        areaMm2,
        areaBits);
  }

  public static AdcSpec of(String device, int bits) {
    return new AdcSpec(
        device, bits, null, null, null, null, null, null, null, null, null, null, null);
  }
}
