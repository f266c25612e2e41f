package dev.spinsim.devices.preset;

import dev.spinsim.devices.crossbar.InputEncoding;
import dev.spinsim.devices.crossbar.WeightMapping;
import dev.spinsim.devices.synapse.SynapseSpec;

/**
 * The crossbar section of a preset: geometry, synapse device (its levels are the weight levels),
 * weight mapping scheme, input precision and encoding, read operating point, IR drop, an optional
 * fixed energy per cell read (null = V²·G·t), static power and area per array, and the most
 * crossbars a column stack may sum in analog ({@code maxStackHeight}, default
 * {@value #DEFAULT_MAX_STACK_HEIGHT}, [assumed]: with {@code mapping.partialSums=analog} a taller
 * layer splits into several stacks whose conversions add digitally).
 */
public record CrossbarSpec(
    int rows, int cols, SynapseSpec synapse, String weightMapping, int inputBits, String inputEncoding,
    double readVoltageV, double readTimeNs, boolean irDrop, double wireResistanceOhm, Double cellReadEnergyPj,
    double leakageMw, double areaMm2, Boolean writeVerify, Integer maxStackHeight) {

  /**
   * Crossbars whose column currents one sense node sums when a preset does not say: 8 × 128 rows,
   * ≈10 mA per bit line at 0.1 V on 10 kΩ cells (REFERENCE.md: ≈1.3 mA per 128-row column)
   * [assumed].
   */
  public static final int DEFAULT_MAX_STACK_HEIGHT = 8;

  public CrossbarSpec {
    writeVerify = writeVerify != null && writeVerify;
    maxStackHeight = maxStackHeight == null ? DEFAULT_MAX_STACK_HEIGHT : maxStackHeight;
    if (maxStackHeight < 1 || maxStackHeight > 64) {
      throw new IllegalArgumentException("maxStackHeight must be an integer in [1, 64] (crossbars a column"
          + " stack sums in analog), got " + maxStackHeight);
    }
    if (rows < 1 || rows > 4096) {
      throw new IllegalArgumentException("rows must be an integer in [1, 4096], got " + rows);
    }
    if (cols < 1 || cols > 4096) {
      throw new IllegalArgumentException("cols must be an integer in [1, 4096], got " + cols);
    }
    if (synapse == null) {
      throw new IllegalArgumentException("synapse must be given (a mapping with at least 'device')");
    }
    if (weightMapping == null) {
      weightMapping = "differential";
    }
    try {
      WeightMapping m = WeightMapping.byName(weightMapping);
      if (m.weightColumns(cols) < 1) {
        throw new IllegalArgumentException("cols must leave room for one weight column with the "
            + weightMapping + " mapping, got " + cols);
      }
    } catch (IllegalArgumentException e) {
      if (e.getMessage().startsWith("cols")) {
        throw e;
      }
      throw new IllegalArgumentException("weightMapping must be one of [differential, offset], got " + weightMapping);
    }
    if (inputBits < 0 || inputBits > 24) {
      throw new IllegalArgumentException("inputBits must be in [0, 24] (0 = analog inputs), got " + inputBits);
    }
    if (inputEncoding == null) {
      inputEncoding = "unsigned";
    }
    try {
      InputEncoding.parse(inputEncoding);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("inputEncoding must be unsigned or sign-split, got " + inputEncoding);
    }
    if (!(readVoltageV > 0)) {
      throw new IllegalArgumentException("readVoltageV must be > 0, got " + readVoltageV);
    }
    if (!(readTimeNs > 0)) {
      throw new IllegalArgumentException("readTimeNs must be > 0, got " + readTimeNs);
    }
    if (!(wireResistanceOhm >= 0)) {
      throw new IllegalArgumentException("wireResistanceOhm must be >= 0, got " + wireResistanceOhm);
    }
    if (cellReadEnergyPj != null && !(cellReadEnergyPj >= 0)) {
      throw new IllegalArgumentException("cellReadEnergyPj must be >= 0, got " + cellReadEnergyPj);
    }
    if (!(leakageMw >= 0)) {
      throw new IllegalArgumentException("leakageMw must be >= 0, got " + leakageMw);
    }
    if (!(areaMm2 >= 0)) {
      throw new IllegalArgumentException("areaMm2 must be >= 0, got " + areaMm2);
    }
  }

  public WeightMapping mapping() {
    return WeightMapping.byName(weightMapping);
  }

  public InputEncoding encoding() {
    return InputEncoding.parse(inputEncoding);
  }
}
