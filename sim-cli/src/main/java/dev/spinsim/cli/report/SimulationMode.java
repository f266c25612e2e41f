package dev.spinsim.cli.report;

/** How the chip was simulated: event by event with timing, or values only. */
public enum SimulationMode {
  /** Every phase scheduled on the engine, with resource contention. */
  CYCLE_ACCURATE("cycle-accurate"),
  /** Same values through the device models, no events and no timing. */
  FUNCTIONAL("functional");

  private final String label;

  SimulationMode(String label) {
    this.label = label;
  }

  /** The name used in files and on the command line. */
  public String label() {
    return label;
  }
}
