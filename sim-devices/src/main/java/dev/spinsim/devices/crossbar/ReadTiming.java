package dev.spinsim.devices.crossbar;

/**
 * Phase times of one crossbar read, in ns, for a runner to schedule: per bit cycle the DAC drive,
 * the array read, the S+H acquisition, the serial conversions of one shared ADC and the
 * shift-and-add; and the number of cycles.
 */
public record ReadTiming(
    double dacNs, double arrayReadNs, double sampleHoldNs, double conversionNs, double shiftAddNs, long bitCycles) {

  /** All phases back to back, cycle after cycle. */
  public double sequentialNs() {
    return bitCycles * (dacNs + arrayReadNs + sampleHoldNs + conversionNs + shiftAddNs);
  }

  /**
   * ISAAC-style pipeline: the conversions of cycle k overlap the array read of cycle k + 1, so
   * the slower of the two stages sets the pace.
   */
  public double pipelinedNs() {
    double front = dacNs + arrayReadNs + sampleHoldNs;
    return front + bitCycles * Math.max(front, conversionNs) + shiftAddNs;
  }
}
