package dev.spinsim.cli.sweep;

import java.util.Map;

/**
 * A service ({@link java.util.ServiceLoader}) that makes a {@link PointExecutor} by name; the Spark
 * executor lives in module {@code sim-spark} and is found this way only when its jar is on the
 * class path, so the plain CLI never loads Spark.
 */
public interface PointExecutorFactory {
  /** The {@code --executor} name this factory answers to. */
  String name();

  /**
   * Makes an executor for points of a sweep with {@code settings} and the {@code fixed} overrides;
   * {@code parallel} is {@code --parallel} (0: the executor's default), {@code master} the {@code
   * --spark-master} URL (null: the executor's default).
   */
  PointExecutor create(
      SweepSettings settings, Map<String, String> fixed, int parallel, String master);
}
