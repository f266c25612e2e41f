package dev.spinsim.cli.sweep;

/**
 * Resolves and runs single points in the process that calls it: the CLI's implementation builds the
 * point's chip and simulates it. Implementations are thread-safe and deterministic: a point's
 * result depends only on the sweep settings and its knob values.
 */
public interface PointRunner {
  /** The point's configuration hash, or why it is invalid (cheap: no chip is built). */
  ResolvedPoint resolve(SweepPoint point);

  /** Builds and runs the point; never throws for a bad point (it comes back invalid or failed). */
  PointResult run(SweepPoint point);
}
