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
   * The (row, bit cycle) pairs the last {@link #computeVector} drove with a non-zero slice on
   * crossbar {@code crossbar} (index within its copy, {@code rb·colBlocks + cb}): the data-dependent
   * part of the read's {@code ReadCounts}, which both runners record.
   */
  long drivenRowCycles(int crossbar);

  /** Accumulates, adds the bias, activates and writes output pixel {@code vector} downstream. */
  void finishVector(int image, int vector);
}
