package dev.spinsim.network.run;

/** How a run treats time. */
public enum RunMode {
  /** Every phase an event, resources contended cycle by cycle: latency, throughput, leakage. */
  CYCLE_ACCURATE,
  /** The same values and action counts in a plain loop, without events or time. */
  FUNCTIONAL
}
