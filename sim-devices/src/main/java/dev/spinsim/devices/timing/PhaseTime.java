package dev.spinsim.devices.timing;

import com.google.common.base.Preconditions;

/**
 * One phase time of a chip, ns, and where it came from: derived from the preset's circuit
 * parameters by a timing estimator ({@link CircuitTiming}), or pinned by the preset (a measured
 * part's published time).
 */
public record PhaseTime(double ns, boolean pinned) {
  public PhaseTime {
    Preconditions.checkArgument(
        ns >= 0 && Double.isFinite(ns), "a phase time must be a finite number >= 0 ns, got %s", ns);
  }

  /** A pinned time when {@code pinnedNs} is given, else the derived one. */
  public static PhaseTime of(Double pinnedNs, double derivedNs) {
    return pinnedNs != null ? new PhaseTime(pinnedNs, true) : new PhaseTime(derivedNs, false);
  }

  /** {@code pinned} or {@code derived}, as {@code run.yaml} records it. */
  public String source() {
    return pinned ? "pinned" : "derived";
  }
}
