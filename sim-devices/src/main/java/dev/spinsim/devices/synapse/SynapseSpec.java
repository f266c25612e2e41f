package dev.spinsim.devices.synapse;

import java.util.List;

/**
 * A synapse as a configuration names it: the registry device name plus optional overrides of the
 * device's defaults (a null field keeps the device default). Bound from YAML by the preset loader.
 */
@dev.spinsim.core.config.OptionalKey // a key left out keeps the device's default
public record SynapseSpec(
    String device,
    Integer levels,
    Double minConductanceSiemens,
    Double maxConductanceSiemens,
    List<Double> conductanceTableSiemens,
    Double nonlinearity,
    Double stepEnergyPj,
    Double stepTimeNs,
    Double variationSigma,
    Double readNoiseSigma,
    Double stuckFraction,
    Double writeErrorProbability) {

  public SynapseSpec {
    if (device == null || device.isBlank()) {
      throw new IllegalArgumentException("device must name a synapse device, got nothing");
    }
  }

  /** A spec that only names the device. */
  public static SynapseSpec of(String device) {
    return new SynapseSpec(
        device, null, null, null, null, null, null, null, null, null, null, null);
  }

  /** The device defaults with this spec's non-null fields applied. */
  public SynapseParams resolve(SynapseParams d) {
    SynapseNonIdealities n = d.nonIdealities();
    SynapseNonIdealities ni =
        new SynapseNonIdealities(
            or(variationSigma, n.variationSigma()), or(readNoiseSigma, n.readNoiseSigma()),
            or(stuckFraction, n.stuckFraction()),
                or(writeErrorProbability, n.writeErrorProbability()));
    int lv = levels != null ? levels : d.levels();
    List<Double> table =
        conductanceTableSiemens != null
            ? conductanceTableSiemens
            : (levels != null && levels != d.levels() ? List.of() : d.conductanceTableSiemens());
    return new SynapseParams(
        lv,
        or(minConductanceSiemens, d.minConductanceSiemens()),
        or(maxConductanceSiemens, d.maxConductanceSiemens()),
        table,
        or(nonlinearity, d.nonlinearity()),
        or(stepEnergyPj, d.stepEnergyPj()),
        or(stepTimeNs, d.stepTimeNs()),
        ni);
  }

  private static double or(Double v, double d) {
    return v != null ? v : d;
  }
}
