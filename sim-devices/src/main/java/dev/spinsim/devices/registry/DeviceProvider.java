package dev.spinsim.devices.registry;

/**
 * Service-provider interface for adding devices: implement it, register your devices in {@link
 * #register}, and list the class in {@code
 * META-INF/services/dev.spinsim.devices.registry.DeviceProvider}. Nothing else is edited.
 */
public interface DeviceProvider {
  void register(DeviceRegistry.Builder registry);
}
