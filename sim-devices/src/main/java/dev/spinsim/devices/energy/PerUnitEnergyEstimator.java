package dev.spinsim.devices.energy;

import dev.spinsim.core.energy.ComponentInfo;
import dev.spinsim.core.energy.EnergyEstimator;
import dev.spinsim.core.energy.FixedEnergyEstimator;
import java.util.Map;

/**
 * A fixed energy per action and a static power per unit; leakage scales with the component's {@code
 * count} attribute (1 when absent). An unknown action is an error, never a silent zero.
 */
public final class PerUnitEnergyEstimator implements EnergyEstimator {
  /** The per-action table and the leakage of one unit. */
  private final FixedEnergyEstimator perUnit;

  public PerUnitEnergyEstimator(Map<String, Double> energyPjByAction, double leakageMwPerUnit) {
    this.perUnit = new FixedEnergyEstimator(energyPjByAction, leakageMwPerUnit);
  }

  @Override
  public double energyPj(ComponentInfo c, String action) {
    return perUnit.energyPj(c, action);
  }

  @Override
  public double leakageMw(ComponentInfo c) {
    return perUnit.leakageMw(c) * c.attribute(ComponentClasses.COUNT, 1.0);
  }

  public Map<String, Double> energyPjByAction() {
    return perUnit.energyPjByAction();
  }
}
