package dev.spinsim.devices.timing;

import com.google.common.base.Preconditions;

/**
 * Phase-time formulas of the readout circuits, each with its source: the timing estimators beside
 * the energy estimators ({@code ConverterEnergy}). They run once, when a chip is built, and the
 * results are rounded to clock edges there; never inside the simulation loop. Times are in ns,
 * resistances in Ω, capacitances in fF, conductances in S.
 */
public final class CircuitTiming {
  private CircuitTiming() {}

  /**
   * Resolution an ideal (0-bit) ADC is settled for [assumed: the paper preset's 8 bits, so that an
   * ideal read takes as long as the paper's].
   */
  public static final int IDEAL_SETTLE_BITS = 8;

  /**
   * Settling time of a first-order RC node to within ½ LSB of a {@code bits}-bit converter's full
   * scale: e^(−t/τ) = 2^−(bits+1), so t = τ·(bits + 1)·ln 2 (the usual single-pole settling rule,
   * e.g. Razavi, <i>Principles of Data Conversion System Design</i>, ch. 3). An ideal converter
   * (bits 0) settles to {@link #IDEAL_SETTLE_BITS}.
   */
  public static double settlingNs(double tauNs, int bits) {
    Preconditions.checkArgument(tauNs >= 0, "tau must be >= 0 ns, got %s", tauNs);
    Preconditions.checkArgument(bits >= 0, "bits must be >= 0, got %s", bits);
    int b = bits == 0 ? IDEAL_SETTLE_BITS : bits;
    return tauNs * (b + 1) * Math.log(2);
  }

  /**
   * Time constant of a crossbar bit line, ns: the worst case is one driven cell at the lowest
   * conductance charging the whole column, through its own resistance 1/G_min and the wire from the
   * far corner of the array ((rows + columns) cell pitches of {@code wireOhm}, the path the IR-drop
   * model uses), into the column's capacitance rows·(C_cell + C_wire): τ = (1/G_min + (rows +
   * columns)·R_wire)·rows·(C_cell + C_wire). Elmore-delay form of the bit-line RC model of NeuroSim
   * (Chen, Peng, Yu, TCAD 2018) and MNSIM (Xia et al., TCAD 2018), taken at the slowest cell.
   */
  public static double bitLineTauNs(
      int rows,
      int columns,
      double minConductanceSiemens,
      double wireOhm,
      double cellCapacitanceFf,
      double wireCapacitanceFf) {
    Preconditions.checkArgument(
        rows >= 1 && columns >= 1, "array must be at least 1 x 1, got %s x %s", rows, columns);
    Preconditions.checkArgument(
        minConductanceSiemens > 0,
        "lowest conductance must be > 0 S, got %s",
        minConductanceSiemens);
    double resistanceOhm = 1 / minConductanceSiemens + (rows + columns) * wireOhm;
    double capacitanceFf = rows * (cellCapacitanceFf + wireCapacitanceFf);
    return resistanceOhm * capacitanceFf * 1e-6; // Ω·fF = 1e-15 s = 1e-6 ns
  }

  /**
   * Array read time, ns: the bit line settled to ½ LSB of the ADC ({@link #settlingNs} of {@link
   * #bitLineTauNs}), never below {@code floorNs} (the sense circuit's own decision time).
   */
  public static double arrayReadNs(double bitLineTauNs, int adcBits, double floorNs) {
    return Math.max(floorNs, settlingNs(bitLineTauNs, adcBits));
  }

  /**
   * Row-driver (DAC) settling time, ns: the driver's output resistance plus the word line's wire
   * (columns pitches) charging the row's columns·(C_cell + C_wire), settled to ½ LSB of the DAC: τ
   * = (R_driver + columns·R_wire)·columns·(C_cell + C_wire), t = τ·(bits + 1)·ln 2. An ideal DAC
   * (bits 0) takes no time.
   */
  public static double dacDriveNs(
      int dacBits,
      double driverOhm,
      int columns,
      double wireOhm,
      double cellCapacitanceFf,
      double wireCapacitanceFf) {
    if (dacBits == 0) {
      return 0;
    }
    double tauNs =
        (driverOhm + columns * wireOhm) * columns * (cellCapacitanceFf + wireCapacitanceFf) * 1e-6;
    return settlingNs(tauNs, dacBits);
  }

  /**
   * Sample-and-hold acquisition time, ns: the hold capacitor charged through the sampling switch,
   * settled to ½ LSB of the ADC: τ = R_switch·C_hold, t = τ·(bits + 1)·ln 2 (Razavi, ch. 3).
   */
  public static double sampleHoldNs(double switchOhm, double holdCapacitanceFf, int adcBits) {
    return settlingNs(switchOhm * holdCapacitanceFf * 1e-6, adcBits);
  }

  /**
   * Conversion time of a converter that takes {@code cycles} cycles of its own clock plus {@code
   * overheadCycles} (sampling, reset), ns: (cycles + overhead)·1000 / f_MHz. A SAR ADC takes one
   * comparison per bit (ISAAC, Shafiee et al. ISCA 2016; NeuroSim's (bits + 1) ns at 1 GHz), a
   * flash ADC one, a ramp (single-slope) ADC 2^bits.
   */
  public static double conversionNs(long cycles, int overheadCycles, double clockMhz) {
    Preconditions.checkArgument(clockMhz > 0, "converter clock must be > 0 MHz, got %s", clockMhz);
    Preconditions.checkArgument(cycles >= 0 && overheadCycles >= 0, "cycles must be >= 0");
    return (cycles + overheadCycles) * 1000.0 / clockMhz;
  }

  /**
   * Reference access time of a buffer technology at {@link #bufferReferenceBytes}, ns [assumed].
   */
  public static final double BUFFER_REFERENCE_NS = 1.0;

  /** Access time floor: decoder plus sense amplifier [assumed: 0.1 ns at 32 nm]. */
  public static final double BUFFER_FLOOR_NS = 0.1;

  /**
   * Capacity at which a buffer of a technology takes {@link #BUFFER_REFERENCE_NS} at 32 nm: SRAM 32
   * KB, eDRAM 64 KB (the presets' assumed 1 ns accesses; ISAAC's 64 KB eDRAM).
   */
  public static int bufferReferenceBytes(String technology) {
    return switch (technology) {
      case "sram" -> 32 * 1024;
      case "edram" -> 64 * 1024;
      default ->
          throw new IllegalArgumentException("technology must be sram or edram, got " + technology);
    };
  }

  /**
   * Buffer access time, ns: word and bit lines grow with the side of a square array, so access time
   * scales as √capacity (the trend CACTI reports for a fixed node, Thoziyoor et al., HPL-2008-20)
   * and linearly with the node: t = max(floor, t_ref·√(bytes / ref bytes)·node / 32 nm).
   */
  public static double bufferAccessNs(String technology, int sizeBytes, double techNodeNm) {
    Preconditions.checkArgument(sizeBytes >= 1, "buffer size must be >= 1 byte, got %s", sizeBytes);
    double t =
        BUFFER_REFERENCE_NS
            * Math.sqrt(sizeBytes / (double) bufferReferenceBytes(technology))
            * techNodeNm
            / 32;
    return Math.max(BUFFER_FLOOR_NS * techNodeNm / 32, t);
  }

  /** One cycle of a clock, ns. */
  public static double cycleNs(double clockMhz) {
    return 1000.0 / clockMhz;
  }
}
