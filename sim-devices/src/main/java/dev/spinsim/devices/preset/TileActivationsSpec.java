package dev.spinsim.devices.preset;

import dev.spinsim.devices.activation.ActivationUnitSpec;

/**
 * The activation units of a tile: the device for hidden ReLU, Leaky ReLU (with its α), and the
 * output tanh / sigmoid units; how many units a tile has, static power and area per unit.
 */
public record TileActivationsSpec(
    ActivationUnitSpec relu,
    ActivationUnitSpec leakyRelu,
    ActivationUnitSpec tanh,
    ActivationUnitSpec sigmoid,
    int unitsPerTile,
    double leakageMw,
    double areaMm2) {
  /** The functions a tile has a unit for, in this order. */
  public static final java.util.List<String> FUNCTIONS =
      java.util.List.of("relu", "leaky-relu", "tanh", "sigmoid");

  public TileActivationsSpec {
    if (relu == null || leakyRelu == null || tanh == null || sigmoid == null) {
      throw new IllegalArgumentException(
          "relu, leakyRelu, tanh and sigmoid must all name a device");
    }
    if (unitsPerTile < 1) {
      throw new IllegalArgumentException("unitsPerTile must be >= 1, got " + unitsPerTile);
    }
    if (!(leakageMw >= 0)) {
      throw new IllegalArgumentException("leakageMw must be >= 0, got " + leakageMw);
    }
    if (!(areaMm2 >= 0)) {
      throw new IllegalArgumentException("areaMm2 must be >= 0, got " + areaMm2);
    }
  }
}
