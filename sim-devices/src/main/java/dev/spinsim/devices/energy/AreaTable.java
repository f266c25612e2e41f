package dev.spinsim.devices.energy;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableSortedMap;
import dev.spinsim.core.energy.ActionLedger;
import dev.spinsim.core.energy.ComponentInfo;
import java.util.Map;
import java.util.TreeMap;

/**
 * The area reference table beside the energy table (Accelergy's ART beside its ERT): area of one
 * unit of each component class, mm². A registered component stands for {@code count} units ({@link
 * ComponentClasses#COUNT}), so the area of a chip is a query on its action ledger: the same
 * components the energy is priced on, counted once each.
 */
public final class AreaTable {
  private final ImmutableSortedMap<String, Double> mm2PerUnit;

  private AreaTable(Map<String, Double> mm2PerUnit) {
    this.mm2PerUnit = ImmutableSortedMap.copyOf(mm2PerUnit);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Area of one unit of {@code componentClass}, mm²; an unknown class is an error. */
  public double mm2PerUnit(String componentClass) {
    Double a = mm2PerUnit.get(componentClass);
    if (a == null) {
      throw new IllegalArgumentException(
          "no area for component class '"
              + componentClass
              + "'; the table has "
              + mm2PerUnit.keySet());
    }
    return a;
  }

  /** Area of a registered component: its class's unit area × its {@code count} attribute, mm². */
  public double areaMm2(ComponentInfo c) {
    return mm2PerUnit(c.componentClass()) * c.attribute(ComponentClasses.COUNT, 1.0);
  }

  /**
   * Area of components not (yet) registered: class → attributes (their {@code count}), mm²; what a
   * ledger holding them would report.
   */
  public double areaMm2(Map<String, Map<String, Double>> attributesByClass) {
    double total = 0;
    for (Map.Entry<String, Map<String, Double>> e : attributesByClass.entrySet()) {
      total += mm2PerUnit(e.getKey()) * e.getValue().getOrDefault(ComponentClasses.COUNT, 1.0);
    }
    return total;
  }

  /** The area of every component registered in {@code ledger}, by class and by tag. */
  public AreaReport report(ActionLedger ledger) {
    Map<String, Double> byClass = new TreeMap<>();
    Map<String, Double> units = new TreeMap<>();
    Map<String, Double> byTag = new TreeMap<>();
    double total = 0;
    for (ComponentInfo c : ledger.components()) {
      double a = areaMm2(c);
      byClass.merge(c.componentClass(), a, Double::sum);
      units.merge(c.componentClass(), c.attribute(ComponentClasses.COUNT, 1.0), Double::sum);
      byTag.merge(c.tag(), a, Double::sum);
      total += a;
    }
    return new AreaReport(total, byClass, units, byTag);
  }

  /** Collects (component class, mm² per unit) pairs. */
  public static final class Builder {
    private final Map<String, Double> m = new TreeMap<>();

    private Builder() {}

    /** Sets the unit area of a class; a class given twice must have one area. */
    public Builder put(String componentClass, double mm2PerUnit) {
      Preconditions.checkArgument(
          mm2PerUnit >= 0 && Double.isFinite(mm2PerUnit),
          "area of '%s' must be a finite number >= 0 mm2, got %s",
          componentClass,
          mm2PerUnit);
      Double old = m.put(componentClass, mm2PerUnit);
      Preconditions.checkArgument(
          old == null || old == mm2PerUnit,
          "component class '%s' has two areas: %s and %s",
          componentClass,
          old,
          mm2PerUnit);
      return this;
    }

    public AreaTable build() {
      return new AreaTable(m);
    }
  }
}
