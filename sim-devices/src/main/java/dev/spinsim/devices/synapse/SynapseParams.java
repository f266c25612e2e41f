package dev.spinsim.devices.synapse;

import com.google.common.base.Preconditions;
import java.util.List;

/**
 * Resolved, validated parameters of a multi-level synapse: levels (0 = continuous), conductance
 * bounds or an explicit per-level table, a conductance-vs-level nonlinearity (0 = linear), per-step
 * programming energy and time, and the non-idealities.
 */
public record SynapseParams(
    int levels,
    double minConductanceSiemens,
    double maxConductanceSiemens,
    List<Double> conductanceTableSiemens,
    double nonlinearity,
    double stepEnergyPj,
    double stepTimeNs,
    SynapseNonIdealities nonIdealities) {

  public SynapseParams {
    Preconditions.checkArgument(
        levels == 0 || levels >= 2, "levels must be 0 (continuous) or >= 2, got %s", levels);
    Preconditions.checkArgument(
        minConductanceSiemens > 0,
        "minConductanceSiemens must be > 0, got %s",
        minConductanceSiemens);
    Preconditions.checkArgument(
        maxConductanceSiemens > minConductanceSiemens,
        "maxConductanceSiemens must be > minConductanceSiemens (%s), got %s",
        minConductanceSiemens,
        maxConductanceSiemens);
    conductanceTableSiemens =
        conductanceTableSiemens == null ? List.of() : List.copyOf(conductanceTableSiemens);
    if (!conductanceTableSiemens.isEmpty()) {
      Preconditions.checkArgument(
          conductanceTableSiemens.size() == levels,
          "conductanceTableSiemens must have one entry per level (%s), got %s",
          levels,
          conductanceTableSiemens.size());
      for (int i = 1; i < conductanceTableSiemens.size(); i++) {
        Preconditions.checkArgument(
            conductanceTableSiemens.get(i) > conductanceTableSiemens.get(i - 1),
            "conductanceTableSiemens must be strictly increasing, entry %s is not",
            i);
      }
    }
    Preconditions.checkArgument(
        nonlinearity >= 0 && nonlinearity <= 20,
        "nonlinearity must be in [0, 20], got %s",
        nonlinearity);
    Preconditions.checkArgument(
        stepEnergyPj >= 0, "stepEnergyPj must be >= 0, got %s", stepEnergyPj);
    Preconditions.checkArgument(stepTimeNs >= 0, "stepTimeNs must be >= 0, got %s", stepTimeNs);
    Preconditions.checkNotNull(nonIdealities, "nonIdealities must be given");
  }

  /** Copy with another level count (the table, if any, is dropped). */
  public SynapseParams withLevels(int newLevels) {
    return new SynapseParams(
        newLevels,
        minConductanceSiemens,
        maxConductanceSiemens,
        List.of(),
        nonlinearity,
        stepEnergyPj,
        stepTimeNs,
        nonIdealities);
  }

  /** Copy with other non-idealities. */
  public SynapseParams withNonIdealities(SynapseNonIdealities n) {
    return new SynapseParams(
        levels,
        minConductanceSiemens,
        maxConductanceSiemens,
        conductanceTableSiemens,
        nonlinearity,
        stepEnergyPj,
        stepTimeNs,
        n);
  }
}
