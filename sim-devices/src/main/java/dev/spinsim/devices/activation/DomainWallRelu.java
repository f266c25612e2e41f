package dev.spinsim.devices.activation;

import com.google.common.base.Preconditions;

/**
 * Domain-wall ReLU: the drive current moves the DW by Δx = μ·max(J − J_th, 0)·t, clamped at the
 * track end; an MTJ over the track reads G(x) = G_AP + (G_P − G_AP)·overlap(x)/L_MTJ, normalised to
 * [0, 1]. The drive is scaled so that x = 1 carries the DW across the whole MTJ; with the standing
 * bias at the depinning threshold the curve is max(0, x) saturating at 1.
 */
public final class DomainWallRelu implements ActivationUnit {
  /** Registry name. */
  public static final String NAME = "dw-relu";

  private final DwReluParams p;

  /** DW travel per unit normalised drive above threshold, nm. */
  private final double nmPerUnitDrive;

  /** Depinning offset of the drive in normalised units (after the standing bias). */
  private final double thresholdOffset;

  private final double gP;
  private final double gAp;
  private double positionNm;
  private long activations;

  public DomainWallRelu(DwReluParams params) {
    this.p = Preconditions.checkNotNull(params);
    this.nmPerUnitDrive = p.mtjStartNm() + p.mtjLengthNm();
    double velocityPerDrive = nmPerUnitDrive * 1e-9 / (p.pulseNs() * 1e-9); // m/s at x = 1
    double fullScaleAboveThreshold = velocityPerDrive / p.mobility(); // A/m²
    this.thresholdOffset =
        (1 - p.driveBiasFraction()) * p.depinningCurrentDensity() / fullScaleAboveThreshold;
    this.gP = 1 / p.parallelResistanceOhm();
    this.gAp = 1 / p.antiparallelResistanceOhm();
  }

  public DomainWallRelu() {
    this(DwReluParams.DEFAULTS);
  }

  public DwReluParams params() {
    return p;
  }

  /** Drive current density for a normalised input, A/m² (bias included). */
  public double driveCurrentDensity(double x) {
    double fullScaleAboveThreshold = nmPerUnitDrive * 1e-9 / (p.pulseNs() * 1e-9) / p.mobility();
    return p.driveBiasFraction() * p.depinningCurrentDensity() + x * fullScaleAboveThreshold;
  }

  /**
   * DW displacement from its pinning site after one pulse of input x, nm (clamped to the track).
   */
  public double displacementNm(double x) {
    double d = (x - thresholdOffset) * nmPerUnitDrive;
    return Math.max(0, Math.min(p.trackLengthNm(), d));
  }

  /** MTJ conductance with the DW at a position, siemens. */
  public double mtjConductanceSiemens(double positionNm) {
    double overlap = Math.max(0, Math.min(p.mtjLengthNm(), positionNm - p.mtjStartNm()));
    return gAp + (gP - gAp) * overlap / p.mtjLengthNm();
  }

  private double output(double positionNm) {
    return (mtjConductanceSiemens(positionNm) - gAp) / (gP - gAp);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public double transfer(double x) {
    return output(displacementNm(x));
  }

  /** The wall has crossed the whole MTJ: the output is 1 and stays there for any larger input. */
  @Override
  public boolean saturates(double x) {
    return displacementNm(x) >= p.mtjStartNm() + p.mtjLengthNm();
  }

  @Override
  public double activate(double x) {
    activations++;
    double pos = Math.max(0, Math.min(p.trackLengthNm(), positionNm + displacementNm(x)));
    double y = output(pos);
    positionNm = p.selfReset() ? 0 : pos;
    return y;
  }

  /** Current DW position, nm from the pinning site. */
  public double positionNm() {
    return positionNm;
  }

  @Override
  public double energyPjPerActivation() {
    return p.physicalEnergy() ? physicalEnergyPj(1.0) : p.energyPj();
  }

  @Override
  public double energyPj(double x) {
    return p.physicalEnergy() ? physicalEnergyPj(x) : p.energyPj();
  }

  /**
   * The physical energy model: Joule heating of the SOT heavy metal I²·R·t_pulse plus the MTJ read
   * V²·G·t_pulse, in pJ. It omits the drive circuit, so it is a lower bound on the published
   * figure.
   */
  public double physicalEnergyPj(double x) {
    double j = Math.abs(driveCurrentDensity(x));
    double area = p.trackWidthNm() * 1e-9 * p.heavyMetalThicknessNm() * 1e-9;
    double current = j * area;
    double resistance = p.heavyMetalResistivityOhmM() * p.trackLengthNm() * 1e-9 / area;
    double joule = current * current * resistance * p.pulseNs() * 1e-9;
    double read =
        p.readVoltageV()
            * p.readVoltageV()
            * mtjConductanceSiemens(displacementNm(x))
            * p.pulseNs()
            * 1e-9;
    return (joule + read) * 1e12;
  }

  @Override
  public double latencyNs() {
    return p.latencyNs();
  }

  @Override
  public int levels() {
    return 0;
  }

  @Override
  public void reset() {
    positionNm = 0;
  }

  @Override
  public long activations() {
    return activations;
  }
}
