package dev.spinsim.devices.registry;

import dev.spinsim.devices.synapse.RramSynapse;

/**
 * The registration of {@link RramSynapse}, found by {@code ServiceLoader} through {@code
 * META-INF/services/dev.spinsim.devices.registry.DeviceProvider}: it lives here, beside the plug
 * point, so the synapse package does not depend on the registry.
 */
public final class RramSynapseProvider implements DeviceProvider {
  @Override
  public void register(DeviceRegistry.Builder registry) {
    registry.synapse(RramSynapse.NAME, s -> new RramSynapse(s.resolve(RramSynapse.DEFAULTS)));
  }
}
