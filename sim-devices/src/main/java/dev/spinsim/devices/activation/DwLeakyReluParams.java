package dev.spinsim.devices.activation;

import com.google.common.base.Preconditions;

/**
 * Parameters of the domain-wall Leaky ReLU: a track with a piecewise parabolic anisotropy whose two
 * curvatures meet at the DW's rest point (k₊ on the positive side, k₋ = k₊/α on the negative side),
 * read through a track MTJ in parallel with a fixed reference MTJ.
 *
 * @param alpha negative slope α in [0, 1] (paper: tunable, 0.2 default)
 * @param trackLengthNm track length, the rest point at its centre (docs/REFERENCE.md: 120 nm)
 * @param pinningFraction depinning threshold as a fraction of the full-scale drive [assumed 0.005:
 *     4e9 A/m² against an 8e11 A/m² full-scale drive]
 * @param parallelResistanceOhm track MTJ R_P (docs/REFERENCE.md: 10 kΩ)
 * @param antiparallelResistanceOhm track MTJ R_AP (docs/REFERENCE.md: 25 kΩ)
 * @param referenceResistanceOhm the fixed parallel MTJ [assumed R_AP]
 * @param energyPj energy per activation (paper: 0.192 pJ)
 * @param latencyNs latency per activation ([assumed] ≈ 2 ns)
 */
public record DwLeakyReluParams(
    double alpha,
    double trackLengthNm,
    double pinningFraction,
    double parallelResistanceOhm,
    double antiparallelResistanceOhm,
    double referenceResistanceOhm,
    double energyPj,
    double latencyNs) {

  /** Paper defaults. */
  public static final DwLeakyReluParams DEFAULTS =
      new DwLeakyReluParams(0.2, 120, 0.005, 10e3, 25e3, 25e3, 0.192, 2.0);

  public DwLeakyReluParams {
    Preconditions.checkArgument(alpha >= 0 && alpha <= 1, "alpha must be in [0, 1], got %s", alpha);
    Preconditions.checkArgument(
        trackLengthNm > 0, "trackLengthNm must be > 0, got %s", trackLengthNm);
    Preconditions.checkArgument(
        pinningFraction >= 0 && pinningFraction < 0.5,
        "pinningFraction must be in [0, 0.5), got %s",
        pinningFraction);
    Preconditions.checkArgument(
        antiparallelResistanceOhm > parallelResistanceOhm && parallelResistanceOhm > 0,
        "need 0 < parallelResistanceOhm < antiparallelResistanceOhm");
    Preconditions.checkArgument(referenceResistanceOhm > 0, "referenceResistanceOhm must be > 0");
    Preconditions.checkArgument(energyPj >= 0, "energyPj must be >= 0, got %s", energyPj);
    Preconditions.checkArgument(latencyNs >= 0, "latencyNs must be >= 0, got %s", latencyNs);
  }

  public DwLeakyReluParams withAlpha(double a) {
    return new DwLeakyReluParams(
        a,
        trackLengthNm,
        pinningFraction,
        parallelResistanceOhm,
        antiparallelResistanceOhm,
        referenceResistanceOhm,
        energyPj,
        latencyNs);
  }

  public DwLeakyReluParams withEnergy(double e, double lat) {
    return new DwLeakyReluParams(
        alpha,
        trackLengthNm,
        pinningFraction,
        parallelResistanceOhm,
        antiparallelResistanceOhm,
        referenceResistanceOhm,
        e,
        lat);
  }
}
