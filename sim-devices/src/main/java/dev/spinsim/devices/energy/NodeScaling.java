package dev.spinsim.devices.energy;

import dev.spinsim.core.energy.ComponentInfo;
import dev.spinsim.core.energy.EnergyEstimator;

/**
 * CMOS technology-node scaling of energy and area between 7 nm and 130 nm: A. Stillmaker and B.
 * Baas, "Scaling equations for the accurate prediction of CMOS device performance from 180 nm to 7
 * nm", Integration 58 (2017) 74–81, doi:10.1016/j.vlsi.2017.02.002.
 *
 * <p>Energy: the paper's fitted energy polynomial per node, a·Vdd² + b·Vdd + c, evaluated at one
 * supply, Vdd = 0.8 V, for every node (as the Accelergy/CiMLoop plug-ins apply it, e.g.
 * Accelergy-Project {@code accelergy-library-plug-in}'s scaling helpers, read not copied); the
 * factor from node X to node Y is E(Y)/E(X). Static power scales by the same factor (the plug-ins'
 * leakage rule). Area: the paper's area table, relative to 130 nm. Between two tabulated nodes the
 * figures are interpolated linearly in nm. Spintronic devices (the skyrmion synapse, domain-wall
 * units) are not CMOS and are not scaled by these laws.
 */
public final class NodeScaling {
  private NodeScaling() {}

  /** Smallest node the tables cover, nm. */
  public static final double MIN_NM = 7;

  /** Largest node the tables cover, nm. */
  public static final double MAX_NM = 130;

  private static final double[] NODES_NM = {130, 90, 65, 45, 32, 20, 16, 14, 10, 7};

  /** Stillmaker–Baas energy polynomial coefficients {a, b, c} per node of {@link #NODES_NM}. */
  private static final double[][] ENERGY_POLY = {
    {7.171, -6.709, 2.904},
    {4.762, -4.781, 2.092},
    {3.755, -4.398, 1.975},
    {1.103, -0.362, 0.2767},
    {0.9559, -0.7823, 0.471},
    {0.373, -0.1582, 0.04104},
    {0.2958, -0.1241, 0.03024},
    {0.2363, -0.09675, 0.02239},
    {0.2068, -0.09311, 0.02375},
    {0.1776, -0.09097, 0.02447},
  };

  /** Stillmaker–Baas area of each node of {@link #NODES_NM} relative to 130 nm. */
  private static final double[] AREA_VS_130 = {
    1, 0.44, 0.23, 0.16, 0.072, 0.033, 0.03, 0.027, 0.016, 0.0092
  };

  /** The supply at which the energy polynomials are evaluated, V. */
  public static final double VDD_V = 0.8;

  /**
   * Factor on a CMOS dynamic energy or static power given at {@code fromNm} for the same circuit at
   * {@code toNm} (dimensionless; exactly 1 when the nodes are equal).
   *
   * @throws IllegalArgumentException when a node is outside [7, 130] nm
   */
  public static double energyFactor(double fromNm, double toNm) {
    if (fromNm == toNm) {
      check("techNodeNm", toNm);
      return 1.0;
    }
    return interpolate(energies(), check("referenceTechNodeNm", fromNm), check("techNodeNm", toNm));
  }

  /**
   * Factor on a CMOS area given at {@code fromNm} for the same circuit at {@code toNm}
   * (dimensionless; exactly 1 when the nodes are equal).
   *
   * @throws IllegalArgumentException when a node is outside [7, 130] nm
   */
  public static double areaFactor(double fromNm, double toNm) {
    if (fromNm == toNm) {
      check("techNodeNm", toNm);
      return 1.0;
    }
    return interpolate(
        AREA_VS_130, check("referenceTechNodeNm", fromNm), check("techNodeNm", toNm));
  }

  /**
   * Checks a node lies in the tables' range.
   *
   * @return {@code nm}
   * @throws IllegalArgumentException naming {@code key} when it does not
   */
  public static double check(String key, double nm) {
    if (!(nm >= MIN_NM && nm <= MAX_NM)) {
      throw new IllegalArgumentException(
          key
              + " must be in [7, 130] nm (the range of the Stillmaker-Baas CMOS scaling tables),"
              + " got "
              + nm);
    }
    return nm;
  }

  /** {@code inner} with every energy and its static power multiplied by {@code factor}. */
  public static EnergyEstimator scaled(EnergyEstimator inner, double factor) {
    if (factor == 1.0) {
      return inner;
    }
    return new EnergyEstimator() {
      @Override
      public double energyPj(ComponentInfo c, String action) {
        return inner.energyPj(c, action) * factor;
      }

      @Override
      public double leakageMw(ComponentInfo c) {
        return inner.leakageMw(c) * factor;
      }
    };
  }

  private static double[] energies() {
    double[] e = new double[NODES_NM.length];
    for (int i = 0; i < e.length; i++) {
      double[] k = ENERGY_POLY[i];
      e[i] = k[0] * VDD_V * VDD_V + k[1] * VDD_V + k[2];
    }
    return e;
  }

  private static double interpolate(double[] table, double fromNm, double toNm) {
    return at(table, toNm) / at(table, fromNm);
  }

  private static double at(double[] table, double nm) {
    for (int i = 0; i < NODES_NM.length - 1; i++) {
      double hi = NODES_NM[i];
      double lo = NODES_NM[i + 1];
      if (nm <= hi && nm >= lo) {
        double t = (nm - lo) / (hi - lo);
        return table[i + 1] + t * (table[i] - table[i + 1]);
      }
    }
    throw new IllegalArgumentException("node " + nm + " nm outside the scaling tables");
  }
}
