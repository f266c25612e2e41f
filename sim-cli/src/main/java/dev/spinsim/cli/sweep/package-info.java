/**
 * Design-space exploration ({@code spinsim sweep}): the space of knobs, the search strategies
 * (grid, seeded random, NSGA-II), the executors that run points (local threads; Spark through
 * {@link dev.spinsim.cli.sweep.PointExecutor} providers found by {@link java.util.ServiceLoader}),
 * the append-only results file that makes a sweep resumable, Pareto fronts, plots and the report.
 *
 * <p>May depend on {@code cli.output}, {@code cli.report} (its number formats) and {@code
 * core.config} (the space file read as presets are read); the CLI gives it its point runner (a
 * sweep runs points through an interface of this package), and nothing here depends on Spark.
 */
package dev.spinsim.cli.sweep;
