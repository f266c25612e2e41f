package dev.spinsim.cli.sweep;

/** Runs points in this JVM, on the sweep's threads. */
public final class LocalExecutor implements PointExecutor {
  private final PointRunner runner;
  private final int parallel;

  public LocalExecutor(PointRunner runner, int parallel) {
    this.runner = runner;
    this.parallel = parallel > 0 ? parallel : Runtime.getRuntime().availableProcessors();
  }

  @Override
  public String name() {
    return "local";
  }

  @Override
  public int parallelism() {
    return parallel;
  }

  @Override
  public PointResult run(SweepPoint point) {
    return runner.run(point);
  }
}
