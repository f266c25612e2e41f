package dev.spinsim.network.generation;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.spinsim.devices.preset.PresetDevices;
import dev.spinsim.network.mapping.MappingOptions;
import dev.spinsim.network.mapping.MappingStrategy;
import dev.spinsim.network.model.ModelSpec;
import dev.spinsim.network.model.Network;

/**
 * Everything a generation run needs: the model with its loaded generator (and discriminator when D
 * runs on the same chip), the preset's devices, the mapping and the seed that fixes the latents,
 * the device variation and the read noise.
 */
public record GenerationSetup(
    ModelSpec model,
    Network generator,
    Network discriminator,
    PresetDevices devices,
    MappingStrategy strategy,
    MappingOptions options,
    long seed) {

  public GenerationSetup {
    checkNotNull(model, "model");
    checkNotNull(generator, "generator");
    checkNotNull(devices, "devices");
    checkNotNull(strategy, "strategy");
    checkNotNull(options, "options");
  }

  public boolean runsDiscriminator() {
    return discriminator != null;
  }
}
