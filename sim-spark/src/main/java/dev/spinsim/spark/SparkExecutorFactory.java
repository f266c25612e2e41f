package dev.spinsim.spark;

import dev.spinsim.cli.sweep.PointExecutor;
import dev.spinsim.cli.sweep.PointExecutorFactory;
import dev.spinsim.cli.sweep.SweepSettings;
import java.util.Map;

/**
 * {@code --executor spark}: found by {@link java.util.ServiceLoader} when this module is on the
 * class path.
 */
public final class SparkExecutorFactory implements PointExecutorFactory {
  @Override
  public String name() {
    return "spark";
  }

  @Override
  public PointExecutor create(
      SweepSettings settings, Map<String, String> fixed, int parallel, String master) {
    return SparkPointExecutor.start(settings, fixed, parallel, master);
  }
}
