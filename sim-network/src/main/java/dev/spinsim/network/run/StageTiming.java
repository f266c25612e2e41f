package dev.spinsim.network.run;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.math.LongMath;
import java.math.RoundingMode;

/**
 * The durations of one crossbar layer's phases, in picoseconds, already rounded to clock edges
 * when the chip was built (never converted inside the event loop).
 *
 * @param inputAccessPs one access of the input buffer's port ({@code inputWidthBits} wide); a
 *     vector fetches only the pixels it reads, the inserted zeros and padding are generated
 * @param inputWidthBits width of the input buffer's port
 * @param readPs one bit cycle: DAC drive, crossbar read and sample-and-hold
 * @param convertPs converting one crossbar's columns on its shared ADC bank
 * @param shiftAddPs shift-and-add of one crossbar's conversions
 * @param accumulatePs digital accumulation of the row blocks' partial sums plus bias
 * @param activatePs activation pulses of one vector's outputs on the layer's activation units
 * @param outputWritePs writing one vector's outputs into the output buffer
 * @param transferRowPs moving one output row over the interconnect to the next layer
 */
public record StageTiming(
    long inputAccessPs,
    int inputWidthBits,
    long readPs,
    long convertPs,
    long shiftAddPs,
    long accumulatePs,
    long activatePs,
    long outputWritePs,
    long transferRowPs) {

  public StageTiming {
    for (long d : new long[] {inputAccessPs, readPs, convertPs, shiftAddPs, accumulatePs,
        activatePs, outputWritePs, transferRowPs}) {
      checkArgument(d >= 0, "phase durations must be >= 0 ps, got %s", d);
    }
    checkArgument(inputWidthBits > 0, "input port width must be positive, got %s", inputWidthBits);
    checkArgument(readPs > 0, "a crossbar read must take time, got %s ps", readPs);
  }

  /** Time to fetch {@code bits} through the input port, ps. */
  public long inputReadPs(long bits) {
    return LongMath.divide(bits, inputWidthBits, RoundingMode.CEILING) * inputAccessPs;
  }
}
