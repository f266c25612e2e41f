package dev.spinsim.devices.synapse;

import java.util.SplittableRandom;

/**
 * A programmable multi-level conductance cell of a crossbar: the plug point for synapse devices.
 * Levels are numbered 0 (lowest conductance) to {@code levels() - 1}; a device with {@code levels()
 * == 0} is continuous (ideal, any conductance between the bounds).
 */
public interface SynapseDevice {

  /** Registry name, e.g. {@code skyrmion-6b}. */
  String name();

  /** Number of programmable states, or 0 for a continuous (ideal) device. */
  int levels();

  /** Nominal conductance of a level, in siemens; monotonic increasing in the level. */
  double conductanceSiemens(int level);

  /** Lowest programmable conductance (level 0), in siemens. */
  double minConductanceSiemens();

  /** Highest programmable conductance (top level), in siemens. */
  double maxConductanceSiemens();

  /** Energy to program the cell from one level to another, in pJ. */
  double programEnergyPj(int fromLevel, int toLevel);

  /** Time to program the cell from one level to another, in ps. */
  long programTimePs(int fromLevel, int toLevel);

  /**
   * A value equal to another device's exactly when the two program and read identically (the same
   * class with the same parameters), so an array programmed with one can stand for an array
   * programmed with the other; null (the default) when the device cannot promise that.
   */
  default Object behaviourKey() {
    return null;
  }

  /** The non-ideal behaviour of this device (variation, read noise, stuck cells, write errors). */
  SynapseNonIdealities nonIdealities();

  /**
   * The level actually reached when programming {@code targetLevel}: a write lands one step off
   * with the device's write-error probability (never outside the level range).
   */
  default int programmedLevel(int targetLevel, SplittableRandom rng) {
    double p = nonIdealities().writeErrorProbability();
    if (levels() == 0 || p == 0.0 || rng.nextDouble() >= p) {
      return targetLevel;
    }
    int off = rng.nextBoolean() ? 1 : -1;
    int reached = targetLevel + off;
    if (reached < 0 || reached >= levels()) {
      reached = targetLevel - off;
    }
    return Math.max(0, Math.min(levels() - 1, reached));
  }

  /**
   * The level whose nominal conductance is nearest a target conductance (binary search, levels are
   * monotonic); this is how a weight is quantised to the device.
   */
  default int nearestLevel(double conductanceSiemens) {
    int n = levels();
    if (n <= 1) {
      return 0;
    }
    int lo = 0;
    int hi = n - 1;
    while (hi - lo > 1) {
      int mid = (lo + hi) >>> 1;
      if (conductanceSiemens(mid) <= conductanceSiemens) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    double dLo = Math.abs(conductanceSiemens - conductanceSiemens(lo));
    double dHi = Math.abs(conductanceSiemens(hi) - conductanceSiemens);
    return dHi < dLo ? hi : lo;
  }

  /** Energy of one cell read V²·G·t, in pJ (V in volts, G in siemens, t in ns). */
  static double readEnergyPj(double voltageV, double conductanceSiemens, double readTimeNs) {
    return voltageV * voltageV * conductanceSiemens * readTimeNs * 1e3;
  }
}
