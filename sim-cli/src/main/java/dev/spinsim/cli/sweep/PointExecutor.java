package dev.spinsim.cli.sweep;

/**
 * Where points run: {@code local} (threads of this JVM) or a provider found through {@link
 * PointExecutorFactory} (e.g. {@code spark}). {@link #run} blocks until the point is done and is
 * called from up to {@link #parallelism()} threads at once; the sweep appends each result as it
 * comes back, so rows never depend on which executor made them.
 */
public interface PointExecutor extends AutoCloseable {
  /** The name given to {@code --executor}. */
  String name();

  /** How many points may run at once. */
  int parallelism();

  /** Runs one point to its result. */
  PointResult run(SweepPoint point) throws Exception;

  @Override
  default void close() {}
}
