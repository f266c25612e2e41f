package dev.spinsim.network.run;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Wall time of a run's phases, in the order they happened: each {@link #mark} closes the phase that
 * began at the previous mark (or at construction). What {@code spinsim generate --verbose} prints,
 * so a user can see where the time of a run goes. Not thread-safe.
 */
public final class PhaseTimes {
  private final Map<String, Long> nanos = new LinkedHashMap<>();
  private final Map<String, Long> cpuNanos = new LinkedHashMap<>();
  private final LongSupplier cpuClock;
  private long last;
  private long lastCpu;

  /** Starts timing now (wall time only). */
  public PhaseTimes() {
    this(null);
  }

  /**
   * Starts timing now; with {@code cpuClock} (the process's CPU time in ns, every thread: the JIT
   * compilers and the collector too) each phase also gets the CPU time it took, which a loaded
   * machine stretches far less than the wall time.
   */
  public PhaseTimes(LongSupplier cpuClock) {
    this.cpuClock = cpuClock;
    this.last = System.nanoTime();
    this.lastCpu = cpuClock == null ? 0 : cpuClock.getAsLong();
  }

  /** Ends the current phase as {@code phase} (times of a repeated name add up). */
  public void mark(String phase) {
    long now = System.nanoTime();
    nanos.merge(phase, now - last, Long::sum);
    last = now;
    if (cpuClock != null) {
      long cpu = cpuClock.getAsLong();
      cpuNanos.merge(phase, cpu - lastCpu, Long::sum);
      lastCpu = cpu;
    }
  }

  /** Phase → process CPU time in ns (empty without a CPU clock), in the order first marked. */
  public Map<String, Long> cpuNanos() {
    return new LinkedHashMap<>(cpuNanos);
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
