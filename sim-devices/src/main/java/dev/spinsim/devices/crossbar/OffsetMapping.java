package dev.spinsim.devices.crossbar;

import dev.spinsim.devices.synapse.SynapseDevice;

/**
 * Offset plus reference column: G = G_mid + w·ΔG/2 in one column, and a shared reference column of
 * cells at G_mid (nearest level) whose current is subtracted from every column in analog. Half the
 * columns of the differential pair, at half the signal swing.
 */
public final class OffsetMapping implements WeightMapping {
  public static final String NAME = "offset";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public int columnsPerWeight() {
    return 1;
  }

  @Override
  public int referenceColumns() {
    return 1;
  }

  @Override
  public void targetConductances(double weight, SynapseDevice device, double[] out) {
    double w = Math.max(-1, Math.min(1, weight));
    out[0] = referenceConductance(device) + w * unitConductance(device);
  }

  @Override
  public double referenceConductance(SynapseDevice device) {
    double mid = 0.5 * (device.minConductanceSiemens() + device.maxConductanceSiemens());
    return device.levels() == 0 ? mid : device.conductanceSiemens(device.nearestLevel(mid));
  }

  @Override
  public double columnSign(int k) {
    return 1;
  }

  @Override
  public double unitConductance(SynapseDevice device) {
    return 0.5 * (device.maxConductanceSiemens() - device.minConductanceSiemens());
  }
}
