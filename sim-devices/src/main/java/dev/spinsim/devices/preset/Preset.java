package dev.spinsim.devices.preset;

import com.google.common.math.IntMath;
import dev.spinsim.core.config.OptionalKey;
import dev.spinsim.devices.activation.ActivationUnitSpec;
import dev.spinsim.devices.converter.AdcSpec;
import dev.spinsim.devices.converter.DacSpec;
import dev.spinsim.devices.energy.NodeScaling;
import java.math.RoundingMode;

/**
 * A technology corner: every device and circuit parameter a chip needs, bound from YAML by {@link
 * Presets} (sim-core {@code ConfigLoader}), validated, {@code --set} overridable.
 *
 * <p>{@code techNodeNm} is the CMOS node of the chip, in [7, 130] nm. The CMOS figures of the
 * preset (DAC, S+H, shift-add, digital activation, buffers' energies, interconnect, static
 * components: energies, static powers and areas) are given at {@code referenceTechNodeNm} (absent:
 * {@code techNodeNm}); at another {@code techNodeNm} they are carried there by the Stillmaker–Baas
 * factors ({@link NodeScaling}). The ADC is at {@code adc.techNodeNm} (absent: {@code techNodeNm})
 * and its energy model takes that node. Spintronic devices (crossbar synapses, domain-wall units)
 * do not scale. Phase times are not scaled: the clocks are specified, not derived from the node.
 */
public record Preset(
    String name,
    @OptionalKey String description,
    double clockMhz,
    double techNodeNm,
    @OptionalKey Double referenceTechNodeNm,
    CrossbarSpec crossbar,
    DacSpec dac,
    AdcSpec adc,
    SampleHoldSpec sampleHold,
    PeripheralSpec shiftAdd,
    TileActivationsSpec activation,
    TileSpec tile,
    InterconnectSpec interconnect) {

  public Preset {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("name must be given");
    }
    description = description == null ? "" : description;
    if (!(clockMhz > 0 && clockMhz <= 100_000)) {
      throw new IllegalArgumentException("clockMhz must be in (0, 100000], got " + clockMhz);
    }
    NodeScaling.check("techNodeNm", techNodeNm);
    referenceTechNodeNm =
        referenceTechNodeNm == null
            ? techNodeNm
            : NodeScaling.check("referenceTechNodeNm", referenceTechNodeNm);
    for (Object section :
        new Object[] {crossbar, dac, adc, sampleHold, shiftAdd, activation, tile, interconnect}) {
      if (section == null) {
        throw new IllegalArgumentException(
            "every section must be given: crossbar, dac, adc, sampleHold, shiftAdd, activation, tile, interconnect");
      }
    }
    if (adc.techNodeNm() == null) {
      adc =
          adc.withTechNodeNm(techNodeNm); // the ADC is at the chip's node unless it says otherwise
    }
    int weightCols = crossbar.mapping().weightColumns(crossbar.cols());
    int columns = tile.crossbarsPerTile() * weightCols;
    if (sampleHold.unitsPerTile() != null && sampleHold.unitsPerTile() < columns) {
      // the timing model samples every column of a read at once and holds it while its shared ADC
      // converts the column's turn: fewer S+H units would need repeated array reads it does not
      // time
      throw new IllegalArgumentException(
          "sampleHold.unitsPerTile must be >= crossbarsPerTile x weight columns = "
              + columns
              + " (every column is held while the shared ADC converts; S+H sharing is not timed)"
              + " or null (one per column), got "
              + sampleHold.unitsPerTile());
    }
    int adcsPerCrossbar = IntMath.divide(weightCols, adc.columnsPerAdc(), RoundingMode.CEILING);
    if (tile.adcsPerTile() == null) {
      tile = tile.withAdcsPerTile(tile.crossbarsPerTile() * adcsPerCrossbar);
    } else if (tile.adcsPerTile() != tile.crossbarsPerTile() * adcsPerCrossbar) {
      // the ADC count follows from the sharing: a second key for it would either disagree with
      // adc.columnsPerAdc or be ignored, so only the count it implies is accepted
      throw new IllegalArgumentException(
          "tile.adcsPerTile: must be crossbarsPerTile x ceil(weight columns / "
              + "adc.columnsPerAdc) = "
              + tile.crossbarsPerTile() * adcsPerCrossbar
              + " (or null: derived); set "
              + "adc.columnsPerAdc to change the ADC count, got "
              + tile.adcsPerTile());
    }
  }

  /** The activation spec of a layer's function: relu, leaky-relu, tanh or sigmoid. */
  public ActivationUnitSpec activationFor(String function) {
    return switch (function) {
      case "relu" -> activation.relu();
      case "leaky-relu" -> activation.leakyRelu();
      case "tanh" -> activation.tanh();
      case "sigmoid" -> activation.sigmoid();
      default ->
          throw new IllegalArgumentException(
              "activation must be one of [relu, leaky-relu, tanh, sigmoid], got " + function);
    };
  }
}
