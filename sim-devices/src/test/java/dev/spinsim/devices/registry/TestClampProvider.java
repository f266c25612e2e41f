package dev.spinsim.devices.registry;

import dev.spinsim.devices.activation.ActivationUnit;

/** A device defined only in the tests, registered through META-INF/services. */
public final class TestClampProvider implements DeviceProvider {
  @Override
  public void register(DeviceRegistry.Builder registry) {
    registry.activation("test-clamp", s -> new Clamp());
  }

  static final class Clamp implements ActivationUnit {
    @Override
    public String name() {
      return "test-clamp";
    }

    @Override
    public double transfer(double x) {
      return Math.max(-1, Math.min(1, x));
    }

    @Override
    public double activate(double x) {
      return transfer(x);
    }

    @Override
    public double energyPjPerActivation() {
      return 1;
    }

    @Override
    public double latencyNs() {
      return 1;
    }

    @Override
    public int levels() {
      return 0;
    }

    @Override
    public void reset() {}

    @Override
    public long activations() {
      return 0;
    }
  }
}
