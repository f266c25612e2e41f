/**
 * Design-space exploration ({@code spinsim sweep}): the space of knobs, the search strategies
 * (grid, seeded random, NSGA-II), the executors that run points (local threads; Spark through
 * {@link dev.spinsim.cli.sweep.PointExecutor} providers found by {@link java.util.ServiceLoader}),
 * the append-only results file that makes a sweep resumable, Pareto fronts, plots and the report.
 * Depends on the CLI's point runner and report writers; nothing here depends on Spark.
 */
package dev.spinsim.cli.sweep;
