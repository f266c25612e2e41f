package dev.spinsim.spark;

import dev.spinsim.cli.sweep.PointExecutor;
import dev.spinsim.cli.sweep.PointResult;
import dev.spinsim.cli.sweep.SweepPoint;
import dev.spinsim.cli.sweep.SweepSettings;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Runs sweep points as Spark jobs: each point is a one-task job whose task builds the point's chip
 * and simulates it on an executor (a {@link PointTask}), so results come back, and are appended to
 * results.csv, one point at a time as they finish. The sweep submits up to {@link #parallelism()}
 * jobs at once from its threads; Spark schedules their tasks on its executors.
 *
 * <p>The master is {@code --spark-master}, else the one {@code spark-submit} set ({@code
 * spark.master}), else {@code local[*]}: Spark embedded in this JVM, nothing to install. Spark
 * binds to the loopback address and runs without its web UI when embedded.
 */
final class SparkPointExecutor implements PointExecutor {
  private final JavaSparkContext jsc;
  private final boolean owned;
  private final PointTask task;
  private final int parallel;

  private SparkPointExecutor(JavaSparkContext jsc, boolean owned, PointTask task, int parallel) {
    this.jsc = jsc;
    this.owned = owned;
    this.task = task;
    this.parallel = parallel;
  }

  static SparkPointExecutor start(
      SweepSettings settings, Map<String, String> fixed, int parallel, String master) {
    SparkConf conf = new SparkConf().setAppName("spinsim sweep");
    String m = master != null ? master : conf.get("spark.master", "local[*]");
    conf.setMaster(m);
    if (m.startsWith("local")) {
      conf.setIfMissing("spark.ui.enabled", "false");
      conf.setIfMissing("spark.driver.host", "127.0.0.1");
      conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
    }
    SparkContext sc = SparkContext.getOrCreate(conf);
    sc.setLogLevel("WARN");
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(sc);
    int k = parallel > 0 ? parallel : Math.max(1, jsc.defaultParallelism());
    return new SparkPointExecutor(jsc, true, new PointTask(settings, fixed), k);
  }

  @Override
  public String name() {
    return "spark";
  }

  @Override
  public int parallelism() {
    return parallel;
  }

  @Override
  public PointResult run(SweepPoint point) {
    List<PointResult> r = jsc.parallelize(List.of(point), 1).map(task).collect();
    return r.get(0);
  }

  /** The master URL in use. */
  String master() {
    return jsc.master();
  }

  @Override
  public void close() {
    if (owned) {
      jsc.stop();
    }
  }
}
