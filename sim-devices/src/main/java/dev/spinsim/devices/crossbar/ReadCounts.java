package dev.spinsim.devices.crossbar;

import com.google.common.base.Preconditions;
import com.google.common.math.IntMath;
import java.math.RoundingMode;

/**
 * The actions of one read of a crossbar, or of a column stack of crossbars whose column currents
 * are summed before one conversion: the one closed form of a read that every runner records slices
 * of. Conversions, samples and shift-adds depend only on the shape of the read; the row drives and
 * cell reads depend on the data, through the number of (row, bit cycle) pairs that are actually
 * driven ({@link #withDrivenRowCycles}): a row held at 0 V in a bit cycle draws no cell current
 * (V²·G·t = 0) and its 1-bit driver does not switch, so it costs neither a DAC conversion nor cell
 * reads. {@link #of} gives the most a read can cost, every row driven in every bit cycle (what a
 * tile kept fully busy does).
 *
 * @param bitCycles array reads per input vector: ceil(inputBits / dacBits) × passes
 * @param rows rows of the read (all crossbars of a stack)
 * @param physicalColumns physical columns read per row (pairs plus reference column)
 * @param weightColumns weight columns converted per bit cycle
 * @param drivenRowCycles (row, bit cycle) pairs driven with a non-zero slice; at most rows ×
 *     bitCycles
 * @param cellReads physical cells read: drivenRowCycles × physicalColumns
 * @param dacConversions row drives: drivenRowCycles
 * @param sampleHolds S+H samples: weightColumns × bitCycles
 * @param adcConversions conversions: weightColumns × bitCycles
 * @param shiftAdds shift-and-add operations: weightColumns × bitCycles
 * @param adcs ADCs serving the read: ceil(weightColumns / columnsPerAdc)
 * @param conversionsPerAdcPerCycle conversions each ADC does one after another per cycle
 * @param weightMacs logical multiply–accumulates: rows × weightColumns
 */
public record ReadCounts(
    long bitCycles,
    int rows,
    int physicalColumns,
    int weightColumns,
    long drivenRowCycles,
    long cellReads,
    long dacConversions,
    long sampleHolds,
    long adcConversions,
    long shiftAdds,
    int adcs,
    int conversionsPerAdcPerCycle,
    long weightMacs) {

  public ReadCounts {
    Preconditions.checkArgument(
        drivenRowCycles >= 0 && drivenRowCycles <= rows * bitCycles,
        "driven row cycles must be in [0, %s], got %s",
        rows * bitCycles,
        drivenRowCycles);
    Preconditions.checkArgument(
        cellReads == drivenRowCycles * physicalColumns && dacConversions == drivenRowCycles,
        "cell reads and DAC conversions must follow the driven row cycles");
  }

  /**
   * The closed form with every row driven in every bit cycle: the most a read of this shape costs.
   */
  public static ReadCounts of(
      int rows,
      int weightColumns,
      int physicalColumns,
      int inputBits,
      int dacBits,
      InputEncoding encoding,
      int columnsPerAdc) {
    return ofCycles(
        rows,
        weightColumns,
        physicalColumns,
        (long) cyclesPerPass(inputBits, dacBits) * encoding.passes(),
        columnsPerAdc);
  }

  /** As {@link #of} for a read of {@code cycles} bit cycles (passes included). */
  public static ReadCounts ofCycles(
      int rows, int weightColumns, int physicalColumns, long cycles, int columnsPerAdc) {
    Preconditions.checkArgument(
        rows >= 1 && weightColumns >= 1 && physicalColumns >= weightColumns,
        "bad read shape %s x %s (%s physical)",
        rows,
        weightColumns,
        physicalColumns);
    Preconditions.checkArgument(
        columnsPerAdc >= 1, "columnsPerAdc must be >= 1, got %s", columnsPerAdc);
    Preconditions.checkArgument(cycles >= 1, "bit cycles must be >= 1, got %s", cycles);
    long driven = rows * cycles;
    return new ReadCounts(
        cycles,
        rows,
        physicalColumns,
        weightColumns,
        driven,
        driven * physicalColumns,
        driven,
        weightColumns * cycles,
        weightColumns * cycles,
        weightColumns * cycles,
        IntMath.divide(weightColumns, columnsPerAdc, RoundingMode.CEILING),
        Math.min(columnsPerAdc, weightColumns),
        (long) rows * weightColumns);
  }

  /** The same read with {@code driven} (row, bit cycle) pairs driven: its data-dependent counts. */
  public ReadCounts withDrivenRowCycles(long driven) {
    return new ReadCounts(
        bitCycles,
        rows,
        physicalColumns,
        weightColumns,
        driven,
        cellReads(driven),
        driven,
        sampleHolds,
        adcConversions,
        shiftAdds,
        adcs,
        conversionsPerAdcPerCycle,
        weightMacs);
  }

  /**
   * Cells read when {@code driven} (row, bit cycle) pairs are driven: each reads every physical
   * column.
   */
  public long cellReads(long driven) {
    return driven * physicalColumns;
  }

  /**
   * (row, bit cycle) pairs a read offers: rows × bitCycles (the denominator of the driven-row
   * fraction).
   */
  public long rowCycles() {
    return rows * bitCycles;
  }

  /** Conversions (and S+H samples, and shift-adds) of one bit cycle: one per weight column. */
  public int conversionsPerCycle() {
    return weightColumns;
  }

  /** Bit cycles of one pass: 1 for analog inputs, else ceil(inputBits / effective DAC bits). */
  public static int cyclesPerPass(int inputBits, int dacBits) {
    if (inputBits == 0) {
      return 1;
    }
    int d = effectiveDacBits(inputBits, dacBits);
    return IntMath.divide(inputBits, d, RoundingMode.CEILING);
  }

  /** Bits applied per cycle: the DAC's, at most the input's; an ideal DAC takes all input bits. */
  public static int effectiveDacBits(int inputBits, int dacBits) {
    return dacBits == 0 ? inputBits : Math.min(dacBits, inputBits);
  }
}
