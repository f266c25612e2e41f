package dev.spinsim.devices.energy;

import dev.spinsim.core.energy.ComponentInfo;
import dev.spinsim.core.energy.EnergyEstimator;
import dev.spinsim.devices.synapse.SynapseDevice;

/**
 * Prices crossbar cell reads as V²·G·t (G the component's {@code meanConductanceSiemens} attribute,
 * or the device's mid conductance) unless a fixed per-read energy is configured, and programming
 * steps at the synapse's step energy. Leakage per array × {@code count}.
 */
public final class CrossbarEnergyEstimator implements EnergyEstimator {
  /** Attribute: mean conductance of the programmed cells, siemens. */
  public static final String MEAN_CONDUCTANCE = "meanConductanceSiemens";

  private final double readVoltageV;
  private final double readTimeNs;
  private final double defaultConductanceSiemens;
  private final Double fixedCellReadPj;
  private final double stepEnergyPj;
  private final double leakageMwPerUnit;

  public CrossbarEnergyEstimator(
      double readVoltageV,
      double readTimeNs,
      double defaultConductanceSiemens,
      Double fixedCellReadPj,
      double stepEnergyPj,
      double leakageMwPerUnit) {
    this.readVoltageV = readVoltageV;
    this.readTimeNs = readTimeNs;
    this.defaultConductanceSiemens = defaultConductanceSiemens;
    this.fixedCellReadPj = fixedCellReadPj;
    this.stepEnergyPj = stepEnergyPj;
    this.leakageMwPerUnit = leakageMwPerUnit;
  }

  @Override
  public double energyPj(ComponentInfo c, String action) {
    return switch (action) {
      case ComponentClasses.CELL_READ ->
          fixedCellReadPj != null
              ? fixedCellReadPj
              : SynapseDevice.readEnergyPj(
                  readVoltageV,
                  c.attribute(MEAN_CONDUCTANCE, defaultConductanceSiemens),
                  readTimeNs);
      case ComponentClasses.PROGRAM_STEP -> stepEnergyPj;
      default ->
          throw new IllegalArgumentException(
              "no energy for action '"
                  + action
                  + "' of a crossbar; known actions: [cell_read, program_step]");
    };
  }

  @Override
  public double leakageMw(ComponentInfo c) {
    return leakageMwPerUnit * c.attribute(ComponentClasses.COUNT, 1.0);
  }
}
