package dev.spinsim.core.time;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * A clock domain: a period in whole picoseconds, and the conversions between cycles and engine
 * time. Every conversion from time to cycles rounds up, so an operation always ends on an edge.
 */
public final class Clock {
  private static final double PS_PER_NS = 1000.0;

  /** Slack when rounding a real duration to cycles, so 2.0 ns at 1 GHz is 2 cycles, not 3. */
  private static final double ROUNDING_SLACK_CYCLES = 1e-9;

  private final long periodPs;

  private Clock(long periodPs) {
    checkArgument(periodPs > 0, "clock period must be a positive number of ps, got %s", periodPs);
    this.periodPs = periodPs;
  }

  /** A clock of the given frequency; the period is rounded to the nearest picosecond. */
  public static Clock ofMhz(double mhz) {
    checkArgument(
        Double.isFinite(mhz) && mhz > 0 && mhz <= 1e6,
        "clock frequency must be in (0, 1e6] MHz, got %s",
        mhz);
    return new Clock(Math.round(1e6 / mhz));
  }

  /** A clock with the given period in picoseconds. */
  public static Clock ofPeriodPs(long periodPs) {
    return new Clock(periodPs);
  }

  public long periodPs() {
    return periodPs;
  }

  /** The frequency implied by the (integer) period. */
  public double frequencyMhz() {
    return 1e6 / periodPs;
  }

  /** Duration of {@code cycles} whole cycles, in ps. */
  public long cyclesToPs(long cycles) {
    checkArgument(cycles >= 0, "cycles must be >= 0, got %s", cycles);
    return Math.multiplyExact(cycles, periodPs);
  }

  /** Number of cycles needed to cover {@code ps} picoseconds (rounded up). */
  public long psToCyclesCeil(long ps) {
    checkArgument(ps >= 0, "time must be >= 0 ps, got %s", ps);
    long q = ps / periodPs;
    return q * periodPs == ps ? q : q + 1;
  }

  /** The first clock edge at or after {@code timePs}. */
  public long nextEdgePs(long timePs) {
    return Math.multiplyExact(psToCyclesCeil(timePs), periodPs);
  }

  /** A duration given in ns, rounded up to whole cycles, in ps. */
  public long durationPs(double ns) {
    checkArgument(
        Double.isFinite(ns) && ns >= 0, "duration must be a finite number of ns >= 0, got %s", ns);
    double cycles = ns * PS_PER_NS / periodPs;
    return cyclesToPs((long) Math.ceil(cycles - ROUNDING_SLACK_CYCLES));
  }

  /** A duration given in ns, rounded up to whole cycles. */
  public long durationCycles(double ns) {
    return durationPs(ns) / periodPs;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Clock c && c.periodPs == periodPs;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(periodPs);
  }

  @Override
  public String toString() {
    return "Clock[" + periodPs + " ps, " + frequencyMhz() + " MHz]";
  }
}
