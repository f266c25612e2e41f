package dev.spinsim.spark;

import dev.spinsim.cli.SweepEvaluator;
import dev.spinsim.cli.sweep.PointResult;
import dev.spinsim.cli.sweep.SweepPoint;
import dev.spinsim.cli.sweep.SweepSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.api.java.function.Function;

/**
 * The Spark task of one point: what the local executor does, on whichever executor JVM Spark picks.
 * Serializable (settings, fixed overrides); the evaluator, with its once-per-sweep data (FID
 * reference statistics), is made once per executor JVM and sweep.
 */
final class PointTask implements Function<SweepPoint, PointResult> {
  private static final long serialVersionUID = 1L;
  private static final Map<List<Object>, SweepEvaluator> EVALUATORS = new ConcurrentHashMap<>();

  private final SweepSettings settings;
  private final LinkedHashMap<String, String> fixed;

  PointTask(SweepSettings settings, Map<String, String> fixed) {
    this.settings = settings;
    this.fixed = new LinkedHashMap<>(fixed);
  }

  @Override
  public PointResult call(SweepPoint point) {
    SweepEvaluator e =
        EVALUATORS.computeIfAbsent(
            List.of(settings, fixed), k -> new SweepEvaluator(settings, fixed));
    return e.run(point);
  }
}
