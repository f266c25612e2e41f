package dev.spinsim.devices.energy;

import java.util.Map;

/**
 * The area of a set of registered components ({@link AreaTable#report}), mm².
 *
 * @param totalMm2 all components
 * @param byComponentClassMm2 per component class (sums to the total)
 * @param unitsByComponentClass units per component class (the {@code count} attributes)
 * @param byTagMm2 per tag, usually the layer (sums to the total)
 */
public record AreaReport(
    double totalMm2,
    Map<String, Double> byComponentClassMm2,
    Map<String, Double> unitsByComponentClass,
    Map<String, Double> byTagMm2) {
  public AreaReport {
    byComponentClassMm2 = Map.copyOf(byComponentClassMm2);
    unitsByComponentClass = Map.copyOf(unitsByComponentClass);
    byTagMm2 = Map.copyOf(byTagMm2);
  }
}
