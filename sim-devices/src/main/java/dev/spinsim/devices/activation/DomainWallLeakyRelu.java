package dev.spinsim.devices.activation;

import com.google.common.base.Preconditions;

/**
 * Domain-wall Leaky ReLU. The DW rests where two parabolic anisotropy wells meet; a drive x (beyond
 * the pinning dead-zone) settles it at p = x·L₊ on the soft side and p = α·x·L₊ on the stiff side
 * (curvature ratio 1/α), clamped at the track ends. The track MTJ in parallel with a reference MTJ
 * is read and offset/gain-corrected, giving slope 1 for x &gt; 0 and α for x &lt; 0.
 */
public final class DomainWallLeakyRelu implements ActivationUnit {
  /** Registry name. */
  public static final String NAME = "dw-leaky-relu";

  private final DwLeakyReluParams p;
  private final double halfTrackNm;
  private final double gP;
  private final double gAp;
  private final double gRef;
  private final double gRest;
  private final double gFull;
  private long activations;
  private double positionNm;

  public DomainWallLeakyRelu(DwLeakyReluParams params) {
    this.p = Preconditions.checkNotNull(params);
    this.halfTrackNm = p.trackLengthNm() / 2;
    this.gP = 1 / p.parallelResistanceOhm();
    this.gAp = 1 / p.antiparallelResistanceOhm();
    this.gRef = 1 / p.referenceResistanceOhm();
    this.gRest = pairConductanceSiemens(0);
    this.gFull = pairConductanceSiemens(halfTrackNm);
  }

  public DomainWallLeakyRelu() {
    this(DwLeakyReluParams.DEFAULTS);
  }

  public DwLeakyReluParams params() {
    return p;
  }

  public double alpha() {
    return p.alpha();
  }

  /** Equilibrium DW position for a drive, nm from the rest point (negative on the stiff side). */
  public double positionNm(double x) {
    double pin = p.pinningFraction();
    double drive = Math.signum(x) * Math.max(Math.abs(x) - pin, 0) / (1 - pin);
    double pos = drive >= 0 ? drive * halfTrackNm : p.alpha() * drive * halfTrackNm;
    return Math.max(-halfTrackNm, Math.min(halfTrackNm, pos));
  }

  /** Conductance of the parallel MTJ pair with the DW at a position, siemens. */
  public double pairConductanceSiemens(double positionNm) {
    double fraction = (positionNm + halfTrackNm) / p.trackLengthNm();
    return gRef + gAp + (gP - gAp) * fraction;
  }

  private double output(double pos) {
    return (pairConductanceSiemens(pos) - gRest) / (gFull - gRest);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public double transfer(double x) {
    return output(positionNm(x));
  }

  @Override
  public double activate(double x) {
    activations++;
    positionNm = positionNm(x);
    return output(positionNm);
  }

  @Override
  public double energyPjPerActivation() {
    return p.energyPj();
  }

  @Override
  public double latencyNs() {
    return p.latencyNs();
  }

  @Override
  public int levels() {
    return 0;
  }

  /** The anisotropy restores the DW to its rest point; reset forces it there. */
  @Override
  public void reset() {
    positionNm = 0;
  }

  /** Position after the last activation, nm. */
  public double lastPositionNm() {
    return positionNm;
  }

  @Override
  public long activations() {
    return activations;
  }
}
