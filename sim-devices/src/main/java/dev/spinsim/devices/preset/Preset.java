package dev.spinsim.devices.preset;

import com.google.common.math.IntMath;
import dev.spinsim.core.config.OptionalKey;
import dev.spinsim.devices.activation.ActivationUnitSpec;
import dev.spinsim.devices.converter.AdcSpec;
import dev.spinsim.devices.converter.DacSpec;
import java.math.RoundingMode;

/**
 * A technology corner: every device and circuit parameter a chip needs, bound from YAML by {@link
 * Presets} (sim-core {@code ConfigLoader}), validated, {@code --set} overridable.
 */
public record Preset(
    String name,
    @OptionalKey String description,
    double clockMhz,
    double techNodeNm,
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
    if (!(techNodeNm > 0)) {
      throw new IllegalArgumentException("techNodeNm must be > 0, got " + techNodeNm);
    }
    for (Object section :
        new Object[] {crossbar, dac, adc, sampleHold, shiftAdd, activation, tile, interconnect}) {
      if (section == null) {
        throw new IllegalArgumentException(
            "every section must be given: crossbar, dac, adc, sampleHold, shiftAdd, activation, tile, interconnect");
      }
    }
    int weightCols = crossbar.mapping().weightColumns(crossbar.cols());
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
