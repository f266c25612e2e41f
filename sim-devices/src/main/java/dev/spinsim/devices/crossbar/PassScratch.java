package dev.spinsim.devices.crossbar;

/**
 * Scratch arrays of {@link Crossbar#readConvertPass}: for the driven bit cycles of one pass, their
 * column values and noise variances, the counters of their keyed Gaussian pairs, the samples and
 * the per-lane codes. Sized for {@code cycles × stride} lanes, which bounds both the wide layout
 * (one row of {@code stride} columns per cycle) and the narrow one (the used columns of every cycle
 * packed one after another). One per crossbar (view), so one per thread.
 */
final class PassScratch {
  int[] active = new int[0];
  float[] refs = new float[0];
  float[] values = new float[0];
  float[] variance = new float[0];
  float[] laneRefs = new float[0];
  int[] counters = new int[0];
  float[] radius = new float[0];
  float[] cos = new float[0];
  float[] sin = new float[0];
  int[] shifts = new int[0];
  int[] codes = new int[0];

  /** Per lane of {@link VectorReadKernel#readConvertCodes}: its cycle's slice shift and mask. */
  final int[] laneShift = new int[Crossbar.PAD];

  final int[] laneMask = new int[Crossbar.PAD];
  int laneCycles = -1;
  int laneSliceBits = -1;

  /** Clipped and lost-signal counts, one vector each (up to 16 lanes). */
  final int[] counts = new int[2 * Crossbar.PAD];

  void ensure(int cycles, int stride) {
    if (active.length < cycles) {
      active = new int[cycles];
      refs = new float[cycles];
    }
    int n = cycles * stride;
    if (values.length < n) {
      values = new float[n];
      variance = new float[n];
      laneRefs = new float[n];
      counters = new int[n];
      radius = new float[n];
      cos = new float[n];
      sin = new float[n];
      shifts = new int[n];
      codes = new int[n];
    }
  }
}
