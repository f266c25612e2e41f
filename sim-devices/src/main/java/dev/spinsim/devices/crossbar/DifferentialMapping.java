package dev.spinsim.devices.crossbar;

import dev.spinsim.devices.synapse.SynapseDevice;

/**
 * Differential pair (the default): w ≥ 0 sets G⁺ = G_min + w·ΔG, G⁻ = G_min, and the reverse for w
 * &lt; 0; the column pair's current difference I⁺ − I⁻ is formed in analog before sampling.
 */
public final class DifferentialMapping implements WeightMapping {
  public static final String NAME = "differential";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public int columnsPerWeight() {
    return 2;
  }

  @Override
  public int referenceColumns() {
    return 0;
  }

  @Override
  public void targetConductances(double weight, SynapseDevice device, double[] out) {
    double gMin = device.minConductanceSiemens();
    double span = device.maxConductanceSiemens() - gMin;
    double w = Math.max(-1, Math.min(1, weight));
    out[0] = gMin + Math.max(w, 0) * span;
    out[1] = gMin + Math.max(-w, 0) * span;
  }

  @Override
  public double referenceConductance(SynapseDevice device) {
    return Double.NaN;
  }

  @Override
  public double columnSign(int k) {
    return k == 0 ? 1 : -1;
  }

  @Override
  public double unitConductance(SynapseDevice device) {
    return device.maxConductanceSiemens() - device.minConductanceSiemens();
  }
}
