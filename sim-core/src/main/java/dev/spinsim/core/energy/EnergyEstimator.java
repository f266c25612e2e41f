package dev.spinsim.core.energy;

/**
 * Prices the actions of one class of components (Accelergy's estimator plug-in): energy per action
 * from the component's attributes, and its leakage power. An action it does not know must be an
 * error (NaN or an exception), never a silent zero.
 */
public interface EnergyEstimator {
  /** Energy of one occurrence of {@code action} on component {@code c}, in pJ. */
  double energyPj(ComponentInfo c, String action);

  /** Static power of component {@code c} while the simulated system is on, in mW. */
  double leakageMw(ComponentInfo c);
}
