package dev.spinsim.devices.crossbar;

/**
 * Phase times of one crossbar read, in ns, for a runner to schedule: per bit cycle the DAC drive,
 * the array read, the S+H acquisition (it tracks the bit line during the read, so it adds only
 * where it is slower), the serial conversions of one shared ADC and the shift-and-add; and the
 * number of cycles.
 */
public record ReadTiming(
    double dacNs,
    double arrayReadNs,
    double sampleHoldNs,
    double conversionNs,
    double shiftAddNs,
    long bitCycles) {

  /** The analog front of one bit cycle: DAC drive, then the read with the S+H tracking it. */
  public double frontNs() {
    return dacNs + Math.max(arrayReadNs, sampleHoldNs);
  }

  /** All phases back to back, cycle after cycle. */
  public double sequentialNs() {
    return bitCycles * (frontNs() + conversionNs + shiftAddNs);
  }

  /**
   * ISAAC-style pipeline: the conversions of cycle k overlap the array read of cycle k + 1, so the
   * slower of the two stages sets the pace.
   */
  public double pipelinedNs() {
    double front = frontNs();
    return front + bitCycles * Math.max(front, conversionNs) + shiftAddNs;
  }
}
