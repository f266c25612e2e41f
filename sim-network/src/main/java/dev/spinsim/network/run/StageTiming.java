package dev.spinsim.network.run;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.math.LongMath;
import java.math.RoundingMode;

/**
 * The durations of one crossbar layer's phases, in picoseconds, already rounded to clock edges when
 * the chip was built (never converted inside the event loop).
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
 * @param outputAccessPs one access of the output buffer's port ({@code outputWidthBits} wide)
 * @param outputWidthBits width of the output buffer's port
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
    long transferRowPs,
    long outputAccessPs,
    int outputWidthBits) {

  public StageTiming {
    for (long d :
        new long[] {
          inputAccessPs,
          readPs,
          convertPs,
          shiftAddPs,
          accumulatePs,
          activatePs,
          outputWritePs,
          transferRowPs,
          outputAccessPs
        }) {
      checkArgument(d >= 0, "phase durations must be >= 0 ps, got %s", d);
    }
    checkArgument(inputWidthBits > 0, "input port width must be positive, got %s", inputWidthBits);
    checkArgument(
        outputWidthBits > 0, "output port width must be positive, got %s", outputWidthBits);
    checkArgument(readPs > 0, "a crossbar read must take time, got %s ps", readPs);
  }

  /** Time to fetch {@code bits} through the input port, ps. */
  public long inputReadPs(long bits) {
    return LongMath.divide(bits, inputWidthBits, RoundingMode.CEILING) * inputAccessPs;
  }

  /** Time to write {@code bits} (an arriving input row) through the input port, ps. */
  public long inputWritePs(long bits) {
    return inputReadPs(bits);
  }

  /** Time to read {@code bits} (an output row leaving) through the output port, ps. */
  public long outputReadPs(long bits) {
    return (bits + outputWidthBits - 1) / outputWidthBits * outputAccessPs;
  }
}
