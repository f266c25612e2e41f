package dev.spinsim.devices.activation;

import com.google.common.base.Preconditions;

/**
 * Parameters of the domain-wall ReLU compact model (behavioural, not micromagnetic): track
 * geometry, DW mobility and depinning threshold, the MTJ over the track and its R_P / R_AP, the
 * drive bias, and the published per-operation energy and latency.
 *
 * @param trackLengthNm free-layer track length (docs/REFERENCE.md: 120 nm)
 * @param trackWidthNm track width (docs/REFERENCE.md: 50 nm)
 * @param heavyMetalThicknessNm SOT heavy-metal thickness under the track [assumed 5 nm]
 * @param heavyMetalResistivityOhmM heavy-metal resistivity [assumed Pt thin film 2e-7 Ω·m]
 * @param mtjStartNm where the MTJ begins along the track
 * @param mtjLengthNm MTJ length; the output saturates once the DW has crossed it
 * @param mobility DW mobility in (m/s)/(A/m²) (docs/REFERENCE.md: 1e-9)
 * @param depinningCurrentDensity depinning threshold J_th in A/m² (docs/REFERENCE.md: 4e9)
 * @param driveBiasFraction fraction of J_th applied as a standing bias (1 = threshold compensated)
 * @param pulseNs drive pulse width, ns (≈ 1.94 ns, from 9.16 fJ at 4.73 µW)
 * @param parallelResistanceOhm MTJ R_P (docs/REFERENCE.md: 10 kΩ)
 * @param antiparallelResistanceOhm MTJ R_AP (docs/REFERENCE.md: 25 kΩ)
 * @param readVoltageV MTJ read bias (docs/REFERENCE.md: 0.1 V)
 * @param energyPj published energy per operation (9.16 fJ, DOI 10.1063/5.0282158)
 * @param latencyNs latency per operation (≈ 1.94 ns derived)
 * @param physicalEnergy use I²R + V²G energy instead of the published figure
 * @param selfReset the parabolic anisotropy returns the DW after each pulse
 */
public record DwReluParams(
    double trackLengthNm,
    double trackWidthNm,
    double heavyMetalThicknessNm,
    double heavyMetalResistivityOhmM,
    double mtjStartNm,
    double mtjLengthNm,
    double mobility,
    double depinningCurrentDensity,
    double driveBiasFraction,
    double pulseNs,
    double parallelResistanceOhm,
    double antiparallelResistanceOhm,
    double readVoltageV,
    double energyPj,
    double latencyNs,
    boolean physicalEnergy,
    boolean selfReset) {

  /** The defaults listed in docs/REFERENCE.md. */
  public static final DwReluParams DEFAULTS =
      new DwReluParams(
          120, 50, 5, 2e-7, 0, 120, 1e-9, 4e9, 1.0, 1.94, 10e3, 25e3, 0.1, 0.00916, 1.94, false,
          true);

  public DwReluParams {
    Preconditions.checkArgument(
        trackLengthNm > 0, "trackLengthNm must be > 0, got %s", trackLengthNm);
    Preconditions.checkArgument(trackWidthNm > 0, "trackWidthNm must be > 0, got %s", trackWidthNm);
    Preconditions.checkArgument(
        heavyMetalThicknessNm > 0,
        "heavyMetalThicknessNm must be > 0, got %s",
        heavyMetalThicknessNm);
    Preconditions.checkArgument(
        heavyMetalResistivityOhmM > 0, "heavyMetalResistivityOhmM must be > 0");
    Preconditions.checkArgument(
        mtjStartNm >= 0 && mtjLengthNm > 0 && mtjStartNm + mtjLengthNm <= trackLengthNm,
        "the MTJ [mtjStartNm, mtjStartNm + mtjLengthNm] must lie on the track [0, %s], got [%s, %s]",
        trackLengthNm,
        mtjStartNm,
        mtjStartNm + mtjLengthNm);
    Preconditions.checkArgument(mobility > 0, "mobility must be > 0, got %s", mobility);
    Preconditions.checkArgument(
        depinningCurrentDensity >= 0, "depinningCurrentDensity must be >= 0");
    Preconditions.checkArgument(
        driveBiasFraction >= 0 && driveBiasFraction <= 1,
        "driveBiasFraction must be in [0, 1], got %s",
        driveBiasFraction);
    Preconditions.checkArgument(pulseNs > 0, "pulseNs must be > 0, got %s", pulseNs);
    Preconditions.checkArgument(
        antiparallelResistanceOhm > parallelResistanceOhm && parallelResistanceOhm > 0,
        "need 0 < parallelResistanceOhm < antiparallelResistanceOhm, got %s and %s",
        parallelResistanceOhm,
        antiparallelResistanceOhm);
    Preconditions.checkArgument(readVoltageV >= 0, "readVoltageV must be >= 0");
    Preconditions.checkArgument(energyPj >= 0, "energyPj must be >= 0, got %s", energyPj);
    Preconditions.checkArgument(latencyNs >= 0, "latencyNs must be >= 0, got %s", latencyNs);
  }

  public DwReluParams withEnergy(double newEnergyPj, double newLatencyNs, boolean physical) {
    return new DwReluParams(
        trackLengthNm,
        trackWidthNm,
        heavyMetalThicknessNm,
        heavyMetalResistivityOhmM,
        mtjStartNm,
        mtjLengthNm,
        mobility,
        depinningCurrentDensity,
        driveBiasFraction,
        pulseNs,
        parallelResistanceOhm,
        antiparallelResistanceOhm,
        readVoltageV,
        newEnergyPj,
        newLatencyNs,
        physical,
        selfReset);
  }

  public DwReluParams withDriveBiasFraction(double bias) {
    return new DwReluParams(
        trackLengthNm,
        trackWidthNm,
        heavyMetalThicknessNm,
        heavyMetalResistivityOhmM,
        mtjStartNm,
        mtjLengthNm,
        mobility,
        depinningCurrentDensity,
        bias,
        pulseNs,
        parallelResistanceOhm,
        antiparallelResistanceOhm,
        readVoltageV,
        energyPj,
        latencyNs,
        physicalEnergy,
        selfReset);
  }

  public DwReluParams withSelfReset(boolean reset) {
    return new DwReluParams(
        trackLengthNm,
        trackWidthNm,
        heavyMetalThicknessNm,
        heavyMetalResistivityOhmM,
        mtjStartNm,
        mtjLengthNm,
        mobility,
        depinningCurrentDensity,
        driveBiasFraction,
        pulseNs,
        parallelResistanceOhm,
        antiparallelResistanceOhm,
        readVoltageV,
        energyPj,
        latencyNs,
        physicalEnergy,
        reset);
  }
}
