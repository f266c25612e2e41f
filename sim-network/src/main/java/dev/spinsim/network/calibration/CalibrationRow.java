package dev.spinsim.network.calibration;

/**
 * One calibration check: a published figure, what spinsim simulates for it and whether the two
 * agree within the stated tolerance.
 */
public record CalibrationRow(
    String name,
    double published,
    double simulated,
    String unit,
    double tolerancePct,
    String source) {

  /** Signed relative error of the simulated figure, in percent. */
  public double errorPct() {
    return 100 * (simulated - published) / published;
  }

  public boolean withinTolerance() {
    return Math.abs(errorPct()) <= tolerancePct;
  }
}
