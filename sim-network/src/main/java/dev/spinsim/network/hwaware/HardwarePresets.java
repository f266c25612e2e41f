package dev.spinsim.network.hwaware;

import dev.spinsim.devices.activation.ActivationUnit;
import dev.spinsim.devices.preset.PresetDevices;
import dev.spinsim.devices.preset.Presets;
import java.util.Locale;

/**
 * Resolves a device preset (a name such as {@code paper} or a preset YAML) into what hardware-aware
 * training needs: the preset's synapse levels for the weight quantiser and its ReLU / Leaky ReLU
 * units' transfer curves. The devices work on a normalised drive; a pre-activation of {@link
 * #ACTIVATION_FULL_SCALE} (about four batchnorm standard deviations) is mapped to the drive's full
 * scale.
 */
public final class HardwarePresets {
  /** Pre-activation value mapped to the activation unit's full-scale drive. */
  public static final double ACTIVATION_FULL_SCALE = 4.0;

  private HardwarePresets() {}

  public static HardwareAwareness resolve(String preset) {
    PresetDevices devices;
    try {
      devices = PresetDevices.of(Presets.load(preset));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "--hw-aware --preset " + preset + ": " + e.getMessage(), e);
    }
    int levels = devices.synapse().levels();
    WeightQuantizer quantizer = levels == 0 ? null : new UniformWeightQuantizer(levels);
    ActivationUnit relu = devices.activation("relu");
    ActivationUnit leaky = devices.activation("leaky-relu");
    double span = 2 * ACTIVATION_FULL_SCALE;
    ActivationTransfer reluT =
        new TabulatedTransfer(
            new DeviceActivationTransfer(relu, ACTIVATION_FULL_SCALE), -span, span, 8193);
    ActivationTransfer leakyT =
        new TabulatedTransfer(
            new DeviceActivationTransfer(leaky, ACTIVATION_FULL_SCALE), -span, span, 8193);
    String description =
        String.format(
            Locale.ROOT,
            "preset %s: %s weights (%s), activations %s / %s, full scale %.1f",
            devices.preset().name(),
            levels == 0 ? "continuous" : levels + "-level",
            devices.synapse().name(),
            relu.name(),
            leaky.name(),
            ACTIVATION_FULL_SCALE);
    return new HardwareAwareness(quantizer, reluT, alpha -> leakyT, description);
  }
}
