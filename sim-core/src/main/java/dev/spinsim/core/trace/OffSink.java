package dev.spinsim.core.trace;

/** The sink behind {@link TraceSink#off()}. */
enum OffSink implements TraceSink {
  INSTANCE;

  @Override
  public TraceLevel level() {
    return TraceLevel.OFF;
  }

  @Override
  public void record(
      long startPs,
      long endPs,
      String component,
      String action,
      String layer,
      int image,
      int tile,
      long count,
      double energyPj) {
    // tracing is off
  }

  @Override
  public void close() {
    // nothing to release
  }
}
