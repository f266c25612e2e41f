package dev.spinsim.cli.report;

/**
 * Energy spent by one (component class, action) pair over the whole run, in pJ; the rows of a
 * report partition the run's total energy (leakage is an action like any other).
 */
public record EnergyRow(String componentClass, String action, double energyPj) {

  /** Validates. */
  public EnergyRow {
    Checks.name(componentClass, "energy component class");
    Checks.name(action, "energy action");
    Checks.nonNegative(energyPj, "energy of %s/%s", componentClass, action);
  }
}
