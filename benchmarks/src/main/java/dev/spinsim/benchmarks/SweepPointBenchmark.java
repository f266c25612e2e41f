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
import dev.spinsim.network.chip.ChipBuilder;
import dev.spinsim.network.mapping.BiasMode;
import dev.spinsim.network.mapping.DenseMapping;
import dev.spinsim.network.mapping.PartialSums;
import dev.spinsim.network.model.ModelLoader;
import dev.spinsim.network.model.ModelSpec;
import dev.spinsim.network.model.Network;
import dev.spinsim.network.generation.Generation;
import dev.spinsim.network.generation.GenerationResult;
import dev.spinsim.network.generation.GenerationSetup;
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
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of one {@code spinsim sweep} point beyond the simulation, fmnist on {@code paper}, 16
 * images (the sweep's point, with no knob changed), in the same run:
 *
 * <ul>
 *   <li>{@code chipBuild}: building the chip alone (range calibration, mapping, programming);
 *   <li>{@code generationRun}: building the chip, simulating cycle by cycle and pricing the
 *       ledger, with the model and weights loaded once (what {@code generate} does in-process);
 *   <li>{@code sweepPoint}: what the sweep does per point: resolve the point's configuration and
 *       hash, load its preset and weights, build, simulate, derive the run's metrics and report,
 *       and append its row to a results.csv.
 * </ul>
 *
 * The per-point overhead beyond the simulation is {@code sweepPoint − (generationRun − chipBuild)}:
 * chip building plus everything the sweep adds. One invocation is one point (single-shot).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 8)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class SweepPointBenchmark {
  static final int IMAGES = 16;

  private GenerationSetup setup;
  private SweepEvaluator evaluator;
  private ResultsFile results;
  private int rows;

  @Setup
  public void setUp() throws IOException {
    ModelSpec spec = ModelLoader.load("fmnist");
    Network g = new Network(spec.generator());
    ShippedWeights.load(g, "fmnist", null);
    PresetDevices d = PresetDevices.of(Presets.load("paper"));
    setup = new GenerationSetup(spec, g, null, d, new DenseMapping(),
        ChipBuilder.optionsFor(d.preset(), BiasMode.DIGITAL, PartialSums.DIGITAL, Map.of()), 1);
    evaluator = new SweepEvaluator(new SweepSettings("fmnist", null, "paper", IMAGES, 1, 0, null), Map.of());
    Path dir = Files.createTempDirectory("spinsim-sweep-bench");
    dir.toFile().deleteOnExit();
    results = ResultsFile.open(dir.resolve("results.csv"), List.of());
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
    PointResult r = evaluator.run(new SweepPoint("0", Map.of()));
    // a new hash per invocation, so every invocation appends (and forces) a row
    PointResult row = new PointResult(r.point(), r.hash() + "-" + rows++, r.status(), r.metrics(), r.reason(),
        r.simulationS(), r.totalS());
    results.append(row);
    return row;
  }
}
