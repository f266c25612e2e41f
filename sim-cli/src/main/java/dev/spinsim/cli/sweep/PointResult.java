package dev.spinsim.cli.sweep;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What running one point gave: its status, the metric columns of its run (the run's {@code
 * summary.csv} columns by name, values as written there) or the one-line reason it is invalid
 * or failed, and wall times (building the chip + simulating + pricing, and the whole point,
 * seconds), which stay out of
 * {@code results.csv} so rows do not depend on the machine.
 */
public record PointResult(SweepPoint point, String hash, Status status, Map<String, String> metrics, String reason,
    double simulationS, double totalS) implements Serializable {
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

  public static PointResult ok(SweepPoint p, String hash, Map<String, String> metrics, double simulationS,
      double totalS) {
    return new PointResult(p, hash, Status.OK, metrics, "", simulationS, totalS);
  }

  public static PointResult invalid(SweepPoint p, String hash, String reason, double totalS) {
    return new PointResult(p, hash, Status.INVALID, Map.of(), reason, 0, totalS);
  }

  public static PointResult failed(SweepPoint p, String hash, String reason, double totalS) {
    return new PointResult(p, hash, Status.FAILED, Map.of(), reason, 0, totalS);
  }
}
