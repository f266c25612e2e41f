package dev.spinsim.devices.synapse;

/**
 * Nominal conductance per level from {@link SynapseParams}: the explicit table when given,
 * otherwise linear between the bounds or, with a nonlinearity ν &gt; 0, the saturating curve G(p) =
 * G_min + ΔG·(1 − e^(−ν·p/P))/(1 − e^(−ν)) used by NeuroSim for nonlinear devices.
 */
final class LevelConductances {
  private LevelConductances() {}

  static double[] of(SynapseParams p) {
    int n = p.levels();
    if (n == 0) {
      return new double[0];
    }
    double[] g = new double[n];
    if (!p.conductanceTableSiemens().isEmpty()) {
      for (int i = 0; i < n; i++) {
        g[i] = p.conductanceTableSiemens().get(i);
      }
      return g;
    }
    double gMin = p.minConductanceSiemens();
    double dg = p.maxConductanceSiemens() - gMin;
    double nu = p.nonlinearity();
    for (int i = 0; i < n; i++) {
      double f = (double) i / (n - 1);
      g[i] = nu == 0 ? gMin + dg * f : gMin + dg * (1 - Math.exp(-nu * f)) / (1 - Math.exp(-nu));
    }
    g[n - 1] = p.maxConductanceSiemens();
    return g;
  }
}
