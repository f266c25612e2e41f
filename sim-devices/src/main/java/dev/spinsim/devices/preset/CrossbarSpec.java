package dev.spinsim.devices.preset;

import dev.spinsim.core.config.OptionalKey;
import dev.spinsim.devices.crossbar.InputEncoding;
import dev.spinsim.devices.crossbar.WeightMapping;
import dev.spinsim.devices.synapse.SynapseSpec;

/**
 * The crossbar section of a preset: geometry, synapse device (its levels are the weight levels),
 * weight mapping scheme, input precision and encoding, read operating point, IR drop, an optional
 * fixed energy per cell read (null = V²·G·t), static power and area per array, and the most
 * crossbars a column stack may sum in analog ({@code maxStackHeight}, a key every preset states —
 * the shipped ones {@value #DEFAULT_MAX_STACK_HEIGHT}, [assumed]; an explicit null takes that
 * value: with {@code mapping.partialSums=analog} a taller layer splits into several stacks whose
 * conversions add digitally).
 *
 * <p>The read time is derived from the circuit ({@code CircuitTiming.bitLineTauNs}: rows, columns,
 * {@code wireResistanceOhm} per cell pitch, {@code cellCapacitanceFf} and {@code wireCapacitanceFf}
 * per cell, the synapse's lowest conductance, settled to ½ LSB of the ADC, never below {@code
 * readTimeFloorNs}) unless {@code readTimeNs} pins it. The area of an array is rows × cols × {@code
 * cellAreaUm2} unless {@code areaMm2} pins it.
 */
public record CrossbarSpec(
    int rows,
    int cols,
    SynapseSpec synapse,
    String weightMapping,
    int inputBits,
    String inputEncoding,
    double readVoltageV,
    @OptionalKey Double readTimeNs,
    @OptionalKey Double readTimeFloorNs,
    @OptionalKey Double cellCapacitanceFf,
    @OptionalKey Double wireCapacitanceFf,
    boolean irDrop,
    double wireResistanceOhm,
    @OptionalKey Double cellReadEnergyPj,
    double leakageMw,
    @OptionalKey Double areaMm2,
    @OptionalKey Double cellAreaUm2,
    Boolean writeVerify,
    Integer maxStackHeight) {

  /**
   * Crossbars whose column currents one sense node sums when a preset does not say: 8 × 128 rows,
   * ≈10 mA per bit line at 0.1 V on 10 kΩ cells (docs/REFERENCE.md: ≈1.3 mA per 128-row column)
   * [assumed].
   */
  public static final int DEFAULT_MAX_STACK_HEIGHT = 8;

  /** Default floor of a derived read time [assumed: 1 ns, a current sense amplifier's decision]. */
  public static final double DEFAULT_READ_FLOOR_NS = 1.0;

  public CrossbarSpec {
    writeVerify = writeVerify != null && writeVerify;
    maxStackHeight = maxStackHeight == null ? DEFAULT_MAX_STACK_HEIGHT : maxStackHeight;
    if (maxStackHeight < 1 || maxStackHeight > 64) {
      throw new IllegalArgumentException(
          "maxStackHeight must be an integer in [1, 64] (crossbars a column"
              + " stack sums in analog), got "
              + maxStackHeight);
    }
    if (rows < 1 || rows > 4096) {
      throw new IllegalArgumentException("rows must be an integer in [1, 4096], got " + rows);
    }
    if (cols < 1 || cols > 4096) {
      throw new IllegalArgumentException("cols must be an integer in [1, 4096], got " + cols);
    }
    if (synapse == null) {
      throw new IllegalArgumentException(
          "synapse must be given (a mapping with at least 'device')");
    }
    if (weightMapping == null) {
      weightMapping = "differential";
    }
    try {
      WeightMapping m = WeightMapping.byName(weightMapping);
      if (m.weightColumns(cols) < 1) {
        throw new IllegalArgumentException(
            "cols must leave room for one weight column with the "
                + weightMapping
                + " mapping, got "
                + cols);
      }
    } catch (IllegalArgumentException e) {
      if (e.getMessage().startsWith("cols")) {
        throw e;
      }
      throw new IllegalArgumentException(
          "weightMapping must be one of [differential, offset], got " + weightMapping);
    }
    if (inputBits < 0 || inputBits > 24) {
      throw new IllegalArgumentException(
          "inputBits must be in [0, 24] (0 = analog inputs), got " + inputBits);
    }
    if (inputEncoding == null) {
      inputEncoding = "unsigned";
    }
    try {
      InputEncoding.parse(inputEncoding);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "inputEncoding must be unsigned or sign-split, got " + inputEncoding);
    }
    if (!(readVoltageV > 0)) {
      throw new IllegalArgumentException("readVoltageV must be > 0, got " + readVoltageV);
    }
    if (readTimeNs != null && !(readTimeNs > 0 && Double.isFinite(readTimeNs))) {
      throw new IllegalArgumentException(
          "readTimeNs must be > 0 (or absent: derived from the circuit), got " + readTimeNs);
    }
    if (readTimeFloorNs == null) {
      readTimeFloorNs = DEFAULT_READ_FLOOR_NS;
    } else if (!(readTimeFloorNs >= 0 && Double.isFinite(readTimeFloorNs))) {
      throw new IllegalArgumentException("readTimeFloorNs must be >= 0, got " + readTimeFloorNs);
    }
    if (cellCapacitanceFf == null || wireCapacitanceFf == null) {
      throw new IllegalArgumentException(
          "cellCapacitanceFf and wireCapacitanceFf (fF per cell) must be given: the"
              + " read and row-drive times are derived from them");
    }
    if (!(cellCapacitanceFf >= 0 && Double.isFinite(cellCapacitanceFf))) {
      throw new IllegalArgumentException(
          "cellCapacitanceFf must be >= 0, got " + cellCapacitanceFf);
    }
    if (!(wireCapacitanceFf >= 0 && Double.isFinite(wireCapacitanceFf))) {
      throw new IllegalArgumentException(
          "wireCapacitanceFf must be >= 0, got " + wireCapacitanceFf);
    }
    if (!(wireResistanceOhm >= 0)) {
      throw new IllegalArgumentException(
          "wireResistanceOhm must be >= 0, got " + wireResistanceOhm);
    }
    if (cellReadEnergyPj != null && !(cellReadEnergyPj >= 0)) {
      throw new IllegalArgumentException("cellReadEnergyPj must be >= 0, got " + cellReadEnergyPj);
    }
    if (!(leakageMw >= 0)) {
      throw new IllegalArgumentException("leakageMw must be >= 0, got " + leakageMw);
    }
    if (areaMm2 != null && !(areaMm2 >= 0)) {
      throw new IllegalArgumentException(
          "areaMm2 must be >= 0 (or absent: rows x cols x cellAreaUm2), got " + areaMm2);
    }
    if (areaMm2 == null && cellAreaUm2 == null) {
      throw new IllegalArgumentException(
          "cellAreaUm2 must be given (or areaMm2 to pin the array's area)");
    }
    if (cellAreaUm2 != null && !(cellAreaUm2 >= 0 && Double.isFinite(cellAreaUm2))) {
      throw new IllegalArgumentException("cellAreaUm2 must be >= 0, got " + cellAreaUm2);
    }
  }

  /** Area of one array, mm²: pinned, or rows × cols × cell area. */
  public double arrayAreaMm2() {
    return areaMm2 != null ? areaMm2 : arrayAreaMm2(rows, cols);
  }

  /** Area of an array of {@code r × c} cells, mm² (a pinned area scales with the cell count). */
  public double arrayAreaMm2(int r, int c) {
    if (areaMm2 != null) {
      return areaMm2 * ((double) r * c) / ((double) rows * cols);
    }
    return (double) r * c * cellAreaUm2 * 1e-6;
  }

  public WeightMapping mapping() {
    return WeightMapping.byName(weightMapping);
  }

  public InputEncoding encoding() {
    return InputEncoding.parse(inputEncoding);
  }
}
