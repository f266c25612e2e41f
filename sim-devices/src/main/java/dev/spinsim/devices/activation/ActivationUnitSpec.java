package dev.spinsim.devices.activation;

/**
 * An activation unit as a configuration names it: the registry device plus optional overrides (a
 * null field keeps the device default). {@code energyModel} is {@code published} or {@code
 * physical} for the DW ReLU.
 */
@dev.spinsim.core.config.OptionalKey // a key left out keeps the device's default
public record ActivationUnitSpec(
    String device,
    Double alpha,
    Double energyPj,
    Double latencyNs,
    String energyModel,
    Integer outputBits) {

  public ActivationUnitSpec {
    if (device == null || device.isBlank()) {
      throw new IllegalArgumentException("device must name an activation unit, got nothing");
    }
    if (alpha != null && !(alpha >= 0 && alpha <= 1)) {
      throw new IllegalArgumentException("alpha must be in [0, 1], got " + alpha);
    }
    if (energyPj != null && !(energyPj >= 0)) {
      throw new IllegalArgumentException("energyPj must be >= 0, got " + energyPj);
    }
    if (latencyNs != null && !(latencyNs >= 0)) {
      throw new IllegalArgumentException("latencyNs must be >= 0, got " + latencyNs);
    }
    if (energyModel != null
        && !energyModel.equals("published")
        && !energyModel.equals("physical")) {
      throw new IllegalArgumentException(
          "energyModel must be published or physical, got " + energyModel);
    }
    if (outputBits != null && (outputBits < 0 || outputBits > 24)) {
      throw new IllegalArgumentException("outputBits must be in [0, 24], got " + outputBits);
    }
  }

  /** A spec that only names the device. */
  public static ActivationUnitSpec of(String device) {
    return new ActivationUnitSpec(device, null, null, null, null, null);
  }
}
