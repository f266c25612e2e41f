package dev.spinsim.cli.report;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.List;
import java.util.Map;

/**
 * The headline figures of a run. Energies are run totals over all images in pJ (per-image values
 * are derived by {@link RunReport}); {@code activationEnergyPj} counts the activation units only,
 * the paper's testing-energy figure. {@code networks} holds the G/D split when D ran (empty
 * otherwise); {@code extraColumns} are appended to {@code summary.csv} in order (values: numbers,
 * strings or booleans).
 */
public record RunSummary(
    double latencyNsPerImage,
    double throughputImagesPerS,
    double makespanNs,
    double energyPj,
    double activationEnergyPj,
    List<NetworkTotals> networks,
    Map<String, Object> extraColumns) {

  /** Validates and copies. */
  public RunSummary {
    Checks.nonNegative(latencyNsPerImage, "latencyNsPerImage");
    Checks.nonNegative(throughputImagesPerS, "throughputImagesPerS");
    Checks.nonNegative(makespanNs, "makespanNs");
    Checks.nonNegative(energyPj, "energyPj");
    Checks.nonNegative(activationEnergyPj, "activationEnergyPj");
    checkArgument(
        activationEnergyPj
            <= energyPj * (1 + Checks.RELATIVE_TOLERANCE) + Checks.ABSOLUTE_TOLERANCE_PJ,
        "activation energy %s pJ exceeds the total energy %s pJ",
        activationEnergyPj,
        energyPj);
    networks = ImmutableList.copyOf(networks == null ? List.of() : networks);
    extraColumns = ImmutableMap.copyOf(extraColumns == null ? Map.of() : extraColumns);
    if (!networks.isEmpty()) {
      double sum = 0;
      double activationSum = 0;
      java.util.Set<String> seen = new java.util.HashSet<>();
      for (NetworkTotals n : networks) {
        checkArgument(seen.add(n.network()), "network %s appears twice in the summary", n.network());
        sum += n.energyPj();
        activationSum += n.activationEnergyPj();
      }
      checkArgument(
          Checks.agree(sum, energyPj),
          "per-network energies sum to %s pJ but the run total is %s pJ",
          sum,
          energyPj);
      checkArgument(
          Checks.agree(activationSum, activationEnergyPj),
          "per-network activation energies sum to %s pJ but the run's activation total is %s pJ",
          activationSum,
          activationEnergyPj);
    }
    for (Map.Entry<String, Object> e : extraColumns.entrySet()) {
      checkArgument(
          e.getKey().matches("[a-z][a-z0-9_]*"),
          "summary column name '%s' must be lower_snake_case",
          e.getKey());
      Object v = e.getValue();
      checkArgument(
          v instanceof Number || v instanceof String || v instanceof Boolean,
          "summary column %s must be a number, string or boolean, got %s",
          e.getKey(),
          v.getClass().getSimpleName());
      if (v instanceof Double || v instanceof Float) {
        checkArgument(
            Double.isFinite(((Number) v).doubleValue()),
            "summary column %s must be finite, got %s",
            e.getKey(),
            v);
      }
    }
  }

  /** A summary without the G/D split or extra columns. */
  public static RunSummary of(
      double latencyNsPerImage,
      double throughputImagesPerS,
      double makespanNs,
      double energyPj,
      double activationEnergyPj) {
    return new RunSummary(
        latencyNsPerImage,
        throughputImagesPerS,
        makespanNs,
        energyPj,
        activationEnergyPj,
        List.of(),
        Map.of());
  }
}
