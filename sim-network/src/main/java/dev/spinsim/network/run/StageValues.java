package dev.spinsim.network.run;

/**
 * The numbers one crossbar layer produces. The event-driven runner and the functional runner call
 * the same two methods, so both give the same images; only the bookkeeping of time differs.
 * Implementations key any randomness on (image, vector), never on call order.
 */
public interface StageValues {
  /** Reads the crossbars for output pixel {@code vector} of {@code image} (pre-activation sums). */
  void computeVector(int image, int vector);

  /**
   * The (row, bit cycle) pairs driven with a non-zero slice on crossbar {@code crossbar} (index
   * within its copy, {@code rb·colBlocks + cb}) by every vector of image slot {@code slot} computed
   * since the batch began: the data-dependent part of the reads' {@code ReadCounts}, which both
   * runners record.
   */
  long drivenRowCycles(int slot, int crossbar);

  /** Accumulates, adds the bias, activates and writes output pixel {@code vector} downstream. */
  void finishVector(int image, int vector);

  /** What the layer's values went through so far: ADC clipping and zero codes, saturation. */
  default StageStats stats() {
    return StageStats.NONE;
  }

  /**
   * Computes and finishes every one of the {@code vectors} output pixels of image slots {@code
   * [from, to)}: a whole batch through this stage, the way the functional runner and the value pass
   * of the cycle-accurate runner call it. The result is the same as calling {@link #computeVector}
   * and {@link #finishVector} for each (image, vector).
   */
  default void computeImages(int from, int to, int vectors) {
    for (int i = from; i < to; i++) {
      for (int v = 0; v < vectors; v++) {
        computeVector(i, v);
        finishVector(i, v);
      }
    }
  }

  /**
   * Starts a new batch: image slot {@code i} is now image {@code firstImage + i} of the run (what
   * randomness is keyed on), so a long run streamed through a few slots gives the images one long
   * run would; the slots' row-drive counts start again from zero.
   */
  void beginBatch(int firstImage);
}
