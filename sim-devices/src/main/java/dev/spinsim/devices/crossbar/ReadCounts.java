package dev.spinsim.devices.crossbar;

import com.google.common.base.Preconditions;

/**
 * The actions of one crossbar read, in closed form from the shape of the read (they do not depend
 * on the data), so a runner can schedule and price them without looking inside the read.
 *
 * @param bitCycles array reads per input vector: ceil(inputBits / dacBits) × passes
 * @param cellReads physical cells read: rows × physicalColumns × bitCycles
 * @param dacConversions row drives: rows × bitCycles
 * @param sampleHolds S+H samples: weightColumns × bitCycles
 * @param adcConversions conversions: weightColumns × bitCycles
 * @param shiftAdds shift-and-add operations: weightColumns × bitCycles
 * @param adcs ADCs serving the array: ceil(weightColumns / columnsPerAdc)
 * @param conversionsPerAdcPerCycle conversions each ADC does one after another per cycle
 * @param weightMacs logical multiply–accumulates: rows × weightColumns
 */
public record ReadCounts(
    long bitCycles, long cellReads, long dacConversions, long sampleHolds, long adcConversions, long shiftAdds,
    int adcs, int conversionsPerAdcPerCycle, long weightMacs) {

  /** The closed form. */
  public static ReadCounts of(int rows, int weightColumns, int physicalColumns, int inputBits, int dacBits,
      InputEncoding encoding, int columnsPerAdc) {
    Preconditions.checkArgument(rows >= 1 && weightColumns >= 1 && physicalColumns >= weightColumns,
        "bad read shape %s x %s (%s physical)", rows, weightColumns, physicalColumns);
    long cycles = (long) cyclesPerPass(inputBits, dacBits) * encoding.passes();
    return new ReadCounts(cycles, (long) rows * physicalColumns * cycles, rows * cycles, weightColumns * cycles,
        weightColumns * cycles, weightColumns * cycles, (weightColumns + columnsPerAdc - 1) / columnsPerAdc,
        Math.min(columnsPerAdc, weightColumns), (long) rows * weightColumns);
  }

  /** Bit cycles of one pass: 1 for analog inputs, else ceil(inputBits / effective DAC bits). */
  public static int cyclesPerPass(int inputBits, int dacBits) {
    if (inputBits == 0) {
      return 1;
    }
    int d = effectiveDacBits(inputBits, dacBits);
    return (inputBits + d - 1) / d;
  }

  /** Bits applied per cycle: the DAC's, at most the input's; an ideal DAC takes all input bits. */
  public static int effectiveDacBits(int inputBits, int dacBits) {
    return dacBits == 0 ? inputBits : Math.min(dacBits, inputBits);
  }
}
