package dev.spinsim.cli.sweep;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What running one point gave: its status, the metric columns of its run (the run's {@code
 * summary.csv} columns by name, values as written there) or the one-line reason it is invalid or
 * failed, and wall times in seconds: {@code generationS} loading the point's inputs, building its
 * chip, simulating and pricing; {@code simulationS} the simulation itself (computing the values,
 * simulating the events, pricing the ledger); {@code totalS} the whole point with its metrics.
 * {@code totalS − simulationS} is what the sweep spends on a point beyond simulating it. The times
 * stay out of {@code results.csv} so rows do not depend on the machine.
 */
public record PointResult(
    SweepPoint point,
    String hash,
    Status status,
    Map<String, String> metrics,
    String reason,
    double generationS,
    double simulationS,
    double totalS)
    implements Serializable {
  /** How a point ended. */
  public enum Status {
    /** Ran; metrics are set. */
    OK,
    /** The preset or chip builder refused the configuration; reason says why. */
    INVALID,
    /** The simulation failed; reason says how. */
    FAILED;

    /** The spelling in results.csv. */
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Parses a label. */
    public static Status of(String label) {
      return valueOf(label.toUpperCase(java.util.Locale.ROOT));
    }
  }

  /** Copies. */
  public PointResult {
    metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    reason = reason == null ? "" : reason;
  }

  public static PointResult ok(
      SweepPoint p,
      String hash,
      Map<String, String> metrics,
      double generationS,
      double simulationS,
      double totalS) {
    return new PointResult(p, hash, Status.OK, metrics, "", generationS, simulationS, totalS);
  }

  public static PointResult invalid(SweepPoint p, String hash, String reason, double totalS) {
    return new PointResult(p, hash, Status.INVALID, Map.of(), reason, 0, 0, totalS);
  }

  public static PointResult failed(SweepPoint p, String hash, String reason, double totalS) {
    return new PointResult(p, hash, Status.FAILED, Map.of(), reason, 0, 0, totalS);
  }
}
