package dev.spinsim.devices.energy;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableSortedMap;
import dev.spinsim.core.energy.ComponentInfo;
import dev.spinsim.core.energy.EnergyEstimator;
import java.util.Map;

/**
 * A fixed energy per action and a static power per unit; leakage scales with the component's
 * {@code count} attribute (1 when absent). An unknown action is an error, never a silent zero.
 */
public final class PerUnitEnergyEstimator implements EnergyEstimator {
  private final ImmutableSortedMap<String, Double> energyPjByAction;
  private final double leakageMwPerUnit;

  public PerUnitEnergyEstimator(Map<String, Double> energyPjByAction, double leakageMwPerUnit) {
    for (Map.Entry<String, Double> e : energyPjByAction.entrySet()) {
      Preconditions.checkArgument(e.getValue() != null && e.getValue() >= 0 && Double.isFinite(e.getValue()),
          "energy of action '%s' must be a finite number of pJ >= 0, got %s", e.getKey(), e.getValue());
    }
    Preconditions.checkArgument(leakageMwPerUnit >= 0 && Double.isFinite(leakageMwPerUnit),
        "leakage must be a finite number of mW >= 0, got %s", leakageMwPerUnit);
    this.energyPjByAction = ImmutableSortedMap.copyOf(energyPjByAction);
    this.leakageMwPerUnit = leakageMwPerUnit;
  }

  @Override
  public double energyPj(ComponentInfo c, String action) {
    Double e = energyPjByAction.get(action);
    if (e == null) {
      throw new IllegalArgumentException("no energy for action '" + action + "' of component class '"
          + c.componentClass() + "'; known actions: " + energyPjByAction.keySet());
    }
    return e;
  }

  @Override
  public double leakageMw(ComponentInfo c) {
    return leakageMwPerUnit * c.attribute(ComponentClasses.COUNT, 1.0);
  }

  public Map<String, Double> energyPjByAction() {
    return energyPjByAction;
  }
}
