package dev.spinsim.cli.report;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * Totals of one network of the run (the generator G or the discriminator D), for the G/D split
 * of the paper's testing pass. Energies are run totals over all images, in pJ.
 */
public record NetworkTotals(
    String network, double latencyNsPerImage, double energyPj, double activationEnergyPj) {

  /** Validates. */
  public NetworkTotals {
    Checks.name(network, "network");
    Checks.nonNegative(latencyNsPerImage, "network %s latencyNsPerImage", network);
    Checks.nonNegative(energyPj, "network %s energyPj", network);
    Checks.nonNegative(activationEnergyPj, "network %s activationEnergyPj", network);
    checkArgument(
        activationEnergyPj <= energyPj * (1 + Checks.RELATIVE_TOLERANCE) + Checks.ABSOLUTE_TOLERANCE_PJ,
        "network %s activation energy %s pJ exceeds its total energy %s pJ",
        network,
        activationEnergyPj,
        energyPj);
  }
}
