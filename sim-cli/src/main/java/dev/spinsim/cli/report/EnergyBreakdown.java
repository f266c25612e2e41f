package dev.spinsim.cli.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Per-image energy grouped by component class, largest first (ties by name), for display. */
final class EnergyBreakdown {
  private EnergyBreakdown() {}

  /** Component class → energy per image in pJ, ordered largest first. */
  static Map<String, Double> byClass(RunReport report) {
    Map<String, Double> sums = new TreeMap<>();
    for (EnergyRow e : report.energy()) {
      sums.merge(e.componentClass(), e.energyPj() / report.identity().images(), Double::sum);
    }
    List<Map.Entry<String, Double>> entries = new ArrayList<>(sums.entrySet());
    entries.sort(
        Map.Entry.<String, Double>comparingByValue()
            .reversed()
            .thenComparing(Map.Entry.comparingByKey()));
    Map<String, Double> ordered = new LinkedHashMap<>();
    for (Map.Entry<String, Double> e : entries) {
      ordered.put(e.getKey(), e.getValue());
    }
    return ordered;
  }
}
