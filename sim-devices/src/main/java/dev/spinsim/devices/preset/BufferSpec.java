package dev.spinsim.devices.preset;

import dev.spinsim.core.config.OptionalKey;
import dev.spinsim.devices.energy.ComponentClasses;
import dev.spinsim.devices.energy.PerUnitEnergyEstimator;
import dev.spinsim.devices.timing.CircuitTiming;
import dev.spinsim.devices.timing.PhaseTime;
import java.util.Map;

/**
 * A tile buffer: technology ({@code sram} or {@code edram}), size, port width and count, energy per
 * bit read or written, static power. Its access time is derived from size, technology and node
 * ({@link CircuitTiming#bufferAccessNs}) unless {@code accessTimeNs} pins it; its area is size ×
 * {@code areaUm2PerBit} (default by technology, scaled with the node squared) unless {@code
 * areaMm2} pins it.
 *
 * <p>{@code energyPerBitPj} and {@code leakageMw} are the buffer's at {@code referenceSizeBytes};
 * at another size its static power scales with the number of cells (linearly with {@code
 * sizeBytes}) and its energy per bit accessed with the length of the bitlines and wordlines of a
 * square array (the square root of {@code sizeBytes}), as CACTI's models scale them (Muralimanohar,
 * Balasubramonian and Jouppi, CACTI 6.0, HPL-2009-85: leakage per cell; dynamic access energy
 * dominated by bitline and wordline capacitance, proportional to the array's side). Without {@code
 * referenceSizeBytes} the two figures are the buffer's at whatever size it is given.
 */
public record BufferSpec(
    String technology,
    int sizeBytes,
    int widthBits,
    int ports,
    @OptionalKey Double accessTimeNs,
    double energyPerBitPj,
    double leakageMw,
    @OptionalKey Double areaMm2,
    @OptionalKey Double areaUm2PerBit,
    @OptionalKey Integer referenceSizeBytes) {
  /**
   * Area per bit of SRAM at 32 nm, µm², periphery included [derived: ISAAC Table I, the 3 KB tile
   * output register at 0.0032 mm²].
   */
  public static final double SRAM_UM2_PER_BIT_32NM = 0.0032e6 / (3 * 1024 * 8);

  /**
   * Area per bit of eDRAM at 32 nm, µm², periphery included [derived: ISAAC Table I, 64 KB at 0.083
   * mm²].
   */
  public static final double EDRAM_UM2_PER_BIT_32NM = 0.083e6 / (64 * 1024 * 8);

  public BufferSpec {
    if (!"sram".equals(technology) && !"edram".equals(technology)) {
      throw new IllegalArgumentException("technology must be sram or edram, got " + technology);
    }
    if (sizeBytes < 1) {
      throw new IllegalArgumentException("sizeBytes must be >= 1, got " + sizeBytes);
    }
    if (widthBits < 1) {
      throw new IllegalArgumentException("widthBits must be >= 1, got " + widthBits);
    }
    if (ports < 1) {
      throw new IllegalArgumentException("ports must be >= 1, got " + ports);
    }
    if (accessTimeNs != null && !(accessTimeNs > 0 && Double.isFinite(accessTimeNs))) {
      throw new IllegalArgumentException(
          "accessTimeNs must be > 0 (or absent: derived from the size), got " + accessTimeNs);
    }
    if (!(energyPerBitPj >= 0)) {
      throw new IllegalArgumentException("energyPerBitPj must be >= 0, got " + energyPerBitPj);
    }
    if (!(leakageMw >= 0)) {
      throw new IllegalArgumentException("leakageMw must be >= 0, got " + leakageMw);
    }
    if (areaMm2 != null && !(areaMm2 >= 0 && Double.isFinite(areaMm2))) {
      throw new IllegalArgumentException(
          "areaMm2 must be >= 0 (or absent: derived from the size), got " + areaMm2);
    }
    if (areaUm2PerBit != null && !(areaUm2PerBit > 0 && Double.isFinite(areaUm2PerBit))) {
      throw new IllegalArgumentException("areaUm2PerBit must be > 0, got " + areaUm2PerBit);
    }
    if (referenceSizeBytes != null && referenceSizeBytes < 1) {
      throw new IllegalArgumentException(
          "referenceSizeBytes must be >= 1 (or absent: the energy and leakage hold at any size),"
              + " got "
              + referenceSizeBytes);
    }
  }

  /** {@code sizeBytes} over {@code referenceSizeBytes} (1 without a reference). */
  private double sizeRatio() {
    return referenceSizeBytes == null ? 1 : sizeBytes / (double) referenceSizeBytes;
  }

  /**
   * Energy per bit read or written at this size, pJ: {@code energyPerBitPj} × √(sizeBytes /
   * referenceSizeBytes) (class javadoc).
   */
  public double scaledEnergyPerBitPj() {
    return energyPerBitPj * Math.sqrt(sizeRatio());
  }

  /**
   * Static power at this size, mW: {@code leakageMw} × sizeBytes / referenceSizeBytes (class
   * javadoc).
   */
  public double scaledLeakageMw() {
    return leakageMw * sizeRatio();
  }

  /** Access time of one port access at a technology node: pinned or derived. */
  public PhaseTime accessTime(double techNodeNm) {
    return PhaseTime.of(
        accessTimeNs, CircuitTiming.bufferAccessNs(technology, sizeBytes, techNodeNm));
  }

  /** Area of the buffer at a technology node, mm²: pinned or size × area per bit. */
  public double areaMm2(double techNodeNm) {
    if (areaMm2 != null) {
      return areaMm2;
    }
    double perBit =
        areaUm2PerBit != null
            ? areaUm2PerBit
            : ("edram".equals(technology) ? EDRAM_UM2_PER_BIT_32NM : SRAM_UM2_PER_BIT_32NM)
                * (techNodeNm / 32)
                * (techNodeNm / 32);
    return sizeBytes * 8.0 * perBit * 1e-6;
  }

  /** Peak bandwidth, bits per ns, with every port busy and one access taking {@code accessNs}. */
  public double peakBitsPerNs(double accessNs) {
    return ports * (double) widthBits / accessNs;
  }

  /**
   * The buffer as block {@code componentClass}: its energy per bit read or written and its static
   * power at its size ({@link #scaledEnergyPerBitPj}, {@link #scaledLeakageMw}), its area and its
   * access time at {@code techNodeNm}.
   */
  public ChipBlock block(String componentClass, double techNodeNm) {
    double perBitPj = scaledEnergyPerBitPj();
    return new ChipBlock(
        componentClass,
        new PerUnitEnergyEstimator(
            Map.of(ComponentClasses.READ_BIT, perBitPj, ComponentClasses.WRITE_BIT, perBitPj),
            scaledLeakageMw()),
        areaMm2(techNodeNm),
        accessTime(techNodeNm));
  }
}
