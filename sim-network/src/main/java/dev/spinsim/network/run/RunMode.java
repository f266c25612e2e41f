package dev.spinsim.network.run;

/** How a run treats time: event by event with timing, or values only. */
public enum RunMode {
  /** Every phase an event, resources contended cycle by cycle: latency, throughput, leakage. */
  CYCLE_ACCURATE("cycle-accurate"),
  /** The same values and action counts in a plain loop, without events or time. */
  FUNCTIONAL("functional");

  private final String label;

  RunMode(String label) {
    this.label = label;
  }

  /** The name used in reports and on the terminal ({@code cycle-accurate}, {@code functional}). */
  public String label() {
    return label;
  }
}
