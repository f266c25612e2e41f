package dev.spinsim.benchmarks;

import dev.spinsim.cli.SweepEvaluator;
import dev.spinsim.cli.sweep.PointResult;
import dev.spinsim.cli.sweep.ResultsFile;
import dev.spinsim.cli.sweep.SweepPoint;
import dev.spinsim.cli.sweep.SweepSettings;
import dev.spinsim.core.trace.TraceSink;
import dev.spinsim.devices.preset.PresetDevices;
import dev.spinsim.devices.preset.Presets;
import dev.spinsim.network.chip.Chip;
import dev.spinsim.network.chip.ChipBuildCache;
import dev.spinsim.network.chip.ChipBuilder;
import dev.spinsim.network.generation.Generation;
import dev.spinsim.network.generation.GenerationResult;
import dev.spinsim.network.generation.GenerationSetup;
import dev.spinsim.network.mapping.BiasMode;
import dev.spinsim.network.mapping.DenseMapping;
import dev.spinsim.network.mapping.PartialSums;
import dev.spinsim.network.model.ModelLoader;
import dev.spinsim.network.model.ModelSpec;
import dev.spinsim.network.model.Network;
import dev.spinsim.network.run.RunMode;
import dev.spinsim.network.weights.ShippedWeights;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of one {@code spinsim sweep} point beyond the simulation, fmnist on {@code paper}, 16
 * images (the sweep's point, with no knob changed), in the same run:
 *
 * <ul>
 *   <li>{@code chipBuild}: building the chip alone (range calibration, mapping, programming);
 *   <li>{@code generationRun}: building the chip, simulating cycle by cycle and pricing the ledger,
 *       with the model and weights loaded once (what {@code generate} does in-process);
 *   <li>{@code sweepPoint}: what the sweep does per point: resolve the point's configuration and
 *       hash, load its preset and weights, build, simulate, derive the run's metrics, and append
 *       its row to a results.csv.
 * </ul>
 *
 * Each with {@code sharing=none} (every point programs its crossbars, calibrates its ranges and
 * computes its float reference images itself: {@link ChipBuildCache} off, a new evaluator per
 * point) and {@code sharing=sweep} (what a sweep shares between points whose crossbars did not
 * change: the cache on, one evaluator). The per-point overhead beyond the simulation is {@code
 * sweepPoint − (generationRun − chipBuild)} at the same {@code sharing}: chip building plus
 * everything the sweep adds; on a loaded machine that difference of two noisy scores is noise
 * itself, so {@code sweepPoint} also prints the overhead as each point timed it (its whole time and
 * row append minus its simulation). One invocation is one point (single-shot).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 8)
@Fork(
    value = 1,
    jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class SweepPointBenchmark {
  static final int IMAGES = 16;

  /**
   * {@code none}: nothing shared between points; {@code sweep}: the chip-build cache and one
   * evaluator.
   */
  @Param({"none", "sweep"})
  public String sharing;

  private GenerationSetup setup;
  private SweepSettings settings;
  private SweepEvaluator evaluator;
  private ResultsFile results;
  private int rows;
  private final List<Double> overheadMs = new java.util.ArrayList<>();
  private final List<Double> iterationsOverheadMs = new java.util.ArrayList<>();

  @Setup
  public void setUp() throws IOException {
    ModelSpec spec = ModelLoader.load("fmnist");
    Network g = new Network(spec.generator());
    ShippedWeights.load(g, "fmnist", null);
    PresetDevices d = PresetDevices.of(Presets.load("paper"));
    setup =
        new GenerationSetup(
            spec,
            g,
            null,
            d,
            new DenseMapping(),
            ChipBuilder.optionsFor(d.preset(), BiasMode.DIGITAL, PartialSums.DIGITAL, Map.of()),
            1);
    settings = new SweepSettings("fmnist", null, "paper", IMAGES, 1, 0, null);
    evaluator = new SweepEvaluator(settings, Map.of());
    ChipBuildCache.shared().setEnabled(sharing.equals("sweep"));
    Path dir = Files.createTempDirectory("spinsim-sweep-bench");
    dir.toFile().deleteOnExit();
    results = ResultsFile.open(dir.resolve("results.csv"), List.of());
  }

  @TearDown
  public void tearDown() {
    ChipBuildCache.shared().setEnabled(false);
  }

  @Benchmark
  public Chip chipBuild() {
    return Generation.buildChip(setup, IMAGES);
  }

  @Benchmark
  public GenerationResult generationRun() {
    return Generation.run(setup, IMAGES, RunMode.CYCLE_ACCURATE, TraceSink.off(), i -> {});
  }

  @Benchmark
  public PointResult sweepPoint() {
    SweepEvaluator e =
        sharing.equals("sweep") ? evaluator : new SweepEvaluator(settings, Map.of(), false);
    PointResult r = e.run(new SweepPoint("0", Map.of()));
    // a new hash per invocation, so every invocation appends (and forces) a row
    PointResult row =
        new PointResult(
            r.point(),
            r.hash() + "-" + rows++,
            r.status(),
            r.metrics(),
            r.reason(),
            r.generationS(),
            r.simulationS(),
            r.totalS());
    long t0 = System.nanoTime();
    results.append(row);
    overheadMs.add((r.totalS() - r.simulationS()) * 1e3 + (System.nanoTime() - t0) / 1e6);
    return row;
  }

  /** Keeps the overheads of an iteration's {@code sweepPoint} invocations. */
  @TearDown(Level.Iteration)
  public void overhead() {
    iterationsOverheadMs.addAll(overheadMs);
    overheadMs.clear();
  }

  /**
   * Prints the overhead of the last measured {@code sweepPoint} invocations as each point timed it:
   * its whole time and its row's append minus its simulation (values, events, pricing), so the load
   * of a shared machine, which stretches both, cancels point by point.
   */
  @TearDown(Level.Trial)
  public void report() {
    int n = iterationsOverheadMs.size();
    if (n == 0) {
      return;
    }
    // the measured iterations come last, after the warm-up ones
    List<Double> m = iterationsOverheadMs.subList(Math.max(0, n - 8), n);
    double mean = m.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    double sd =
        Math.sqrt(
            m.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / Math.max(1, m.size() - 1));
    System.out.printf(
        java.util.Locale.ROOT,
        "%nsweep point overhead beyond the simulation (sharing=%s): %.1f ± %.1f ms"
            + " (mean ± sd of the last %d points)%n",
        sharing,
        mean,
        sd,
        m.size());
  }
}
