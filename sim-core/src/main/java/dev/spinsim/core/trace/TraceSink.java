package dev.spinsim.core.trace;

/**
 * Where trace rows go. Callers check {@link #enabled} before building a row, so a disabled trace
 * costs one comparison; one row is one timed piece of work on one component.
 */
public interface TraceSink extends AutoCloseable {
  /** The most detailed level this sink records. */
  TraceLevel level();

  /** True if rows of the given detail ({@code LAYER} or {@code OP}) are recorded. */
  default boolean enabled(TraceLevel detail) {
    return level().includes(detail);
  }

  /**
   * Writes one row; times in ps, energy in pJ; {@code image} is the index of the image the work
   * belongs to and {@code tile} the crossbar tile, each -1 when not applicable.
   */
  void record(
      long startPs,
      long endPs,
      String component,
      String action,
      String layer,
      int image,
      int tile,
      long count,
      double energyPj);

  /** Flushes and releases the sink. */
  @Override
  void close();

  /** A sink that records nothing. */
  static TraceSink off() {
    return OffSink.INSTANCE;
  }
}
