package dev.spinsim.network.run;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Wall time of a run's phases, in the order they happened: each {@link #mark} closes the phase that
 * began at the previous mark (or at construction). What {@code spinsim generate --verbose} prints,
 * so a user can see where the time of a run goes. Not thread-safe.
 */
public final class PhaseTimes {
  private final Map<String, Long> nanos = new LinkedHashMap<>();
  private long last;

  /** Starts timing now. */
  public PhaseTimes() {
    this.last = System.nanoTime();
  }

  /** Ends the current phase as {@code phase} (times of a repeated name add up). */
  public void mark(String phase) {
    long now = System.nanoTime();
    nanos.merge(phase, now - last, Long::sum);
    last = now;
  }

  /** Adds a phase measured elsewhere, in ns. */
  public void add(String phase, long ns) {
    nanos.merge(phase, ns, Long::sum);
  }

  /** Phase → wall time in ns, in the order the phases were first marked. */
  public Map<String, Long> nanos() {
    return new LinkedHashMap<>(nanos);
  }
}
