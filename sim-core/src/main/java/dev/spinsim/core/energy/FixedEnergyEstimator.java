package dev.spinsim.core.energy;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableSortedMap;
import java.util.Map;

/**
 * An estimator that is a plain table: one energy per action, one leakage power, for every component
 * of its class.
 */
public record FixedEnergyEstimator(Map<String, Double> energyPjByAction, double leakageMw)
    implements EnergyEstimator {
  public FixedEnergyEstimator {
    checkArgument(energyPjByAction != null, "energyPjByAction must not be null");
    for (Map.Entry<String, Double> e : energyPjByAction.entrySet()) {
      checkArgument(
          e.getValue() != null && Double.isFinite(e.getValue()) && e.getValue() >= 0,
          "energy of action '%s' must be a finite number of pJ >= 0, got %s",
          e.getKey(),
          e.getValue());
    }
    checkArgument(
        Double.isFinite(leakageMw) && leakageMw >= 0,
        "leakage must be a finite number of mW >= 0, got %s",
        leakageMw);
    energyPjByAction = ImmutableSortedMap.copyOf(energyPjByAction);
  }

  @Override
  public double energyPj(ComponentInfo c, String action) {
    Double e = energyPjByAction.get(action);
    if (e == null) {
      throw new IllegalArgumentException(
          "no energy for action '"
              + action
              + "' of component class '"
              + c.componentClass()
              + "'; known actions: "
              + energyPjByAction.keySet());
    }
    return e;
  }

  @Override
  public double leakageMw(ComponentInfo c) {
    return leakageMw;
  }
}
