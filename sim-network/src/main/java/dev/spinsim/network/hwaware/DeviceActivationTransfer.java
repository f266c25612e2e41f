package dev.spinsim.network.hwaware;

import static com.google.common.base.Preconditions.checkArgument;

import dev.spinsim.devices.activation.ActivationUnit;

/**
 * A device's activation curve in network units: the unit works on a normalised drive where 1 is
 * full scale, so a pre-activation x maps to x / fullScale and the output back by × fullScale. The
 * derivative is a central difference of the device curve.
 */
public final class DeviceActivationTransfer implements ActivationTransfer {
  private final ActivationUnit unit;
  private final double fullScale;
  private final double h;

  public DeviceActivationTransfer(ActivationUnit unit, double fullScale) {
    checkArgument(fullScale > 0, "activation full scale must be > 0, got %s", fullScale);
    this.unit = unit;
    this.fullScale = fullScale;
    this.h = 1e-4;
  }

  @Override
  public double apply(double x) {
    return fullScale * unit.transfer(x / fullScale);
  }

  @Override
  public double derivative(double x) {
    double u = x / fullScale;
    return (unit.transfer(u + h) - unit.transfer(u - h)) / (2 * h);
  }

  @Override
  public String describe() {
    return unit.name() + " (full scale " + fullScale + ")";
  }
}
