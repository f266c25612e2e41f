package dev.spinsim.core.energy;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableSortedMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The energy reference table: which estimator prices each component class. */
public final class EnergyTable {
  private final ImmutableSortedMap<String, EnergyEstimator> estimators;

  private EnergyTable(Map<String, EnergyEstimator> estimators) {
    this.estimators = ImmutableSortedMap.copyOf(estimators);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Energy of one {@code action} on {@code c}, in pJ; an unpriced class or action is an error. */
  public double energyPj(ComponentInfo c, String action) {
    double e = estimator(c).energyPj(c, action);
    if (!Double.isFinite(e) || e < 0) {
      throw new IllegalArgumentException(
          "no valid energy for action '"
              + action
              + "' of component '"
              + c.name()
              + "' (class "
              + c.componentClass()
              + "), estimator gave "
              + e
              + " pJ");
    }
    return e;
  }

  /** Leakage power of {@code c}, in mW. */
  public double leakageMw(ComponentInfo c) {
    double p = estimator(c).leakageMw(c);
    if (!Double.isFinite(p) || p < 0) {
      throw new IllegalArgumentException(
          "no valid leakage for component '"
              + c.name()
              + "' (class "
              + c.componentClass()
              + "), estimator gave "
              + p
              + " mW");
    }
    return p;
  }

  public boolean prices(String componentClass) {
    return estimators.containsKey(componentClass);
  }

  public Set<String> componentClasses() {
    return estimators.keySet();
  }

  public EnergyEstimator estimator(String componentClass) {
    EnergyEstimator e = estimators.get(componentClass);
    if (e == null) {
      throw new IllegalArgumentException(
          "no energy estimator for component class '"
              + componentClass
              + "'; the table prices "
              + estimators.keySet());
    }
    return e;
  }

  private EnergyEstimator estimator(ComponentInfo c) {
    return estimator(c.componentClass());
  }

  /** A copy of this table with {@code componentClass} priced by {@code estimator} instead. */
  public EnergyTable with(String componentClass, EnergyEstimator estimator) {
    Map<String, EnergyEstimator> m = new TreeMap<>(estimators);
    m.put(componentClass, estimator);
    return new EnergyTable(m);
  }

  /** Collects (component class, estimator) pairs. */
  public static final class Builder {
    private final Map<String, EnergyEstimator> estimators = new TreeMap<>();

    private Builder() {}

    public Builder put(String componentClass, EnergyEstimator estimator) {
      checkArgument(
          componentClass != null && !componentClass.isBlank(), "component class must not be blank");
      checkArgument(estimator != null, "estimator for '%s' must not be null", componentClass);
      checkArgument(
          !estimators.containsKey(componentClass),
          "component class '%s' is priced twice",
          componentClass);
      estimators.put(componentClass, estimator);
      return this;
    }

    public EnergyTable build() {
      return new EnergyTable(estimators);
    }
  }
}
