package dev.spinsim.benchmarks;

import dev.spinsim.core.trace.TraceSink;
import dev.spinsim.devices.preset.PresetDevices;
import dev.spinsim.devices.preset.Presets;
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
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Simulated images per second of {@code spinsim generate} for fmnist on the paper preset:
 * cycle-accurate (every phase an event, resources contended) against functional-only (the same
 * values and counts in a loop), in the same run. Each invocation builds the chip (range
 * calibration, crossbar programming) and generates {@link #IMAGES} images, as the command does.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
@Fork(
    value = 1,
    jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class GenerateBenchmark {
  static final int IMAGES = 4;

  @Param({"paper"})
  public String preset;

  private GenerationSetup setup;

  @Setup
  public void setUp() {
    ModelSpec spec = ModelLoader.load("fmnist");
    Network g = new Network(spec.generator());
    if (ShippedWeights.available("fmnist", "generator")) {
      ShippedWeights.load(g, "fmnist", null);
    } else {
      g.initDcgan(new SplittableRandom(1));
    }
    PresetDevices d = PresetDevices.of(Presets.load(preset));
    setup =
        new GenerationSetup(
            spec,
            g,
            null,
            d,
            new DenseMapping(),
            ChipBuilder.optionsFor(d.preset(), BiasMode.DIGITAL, PartialSums.DIGITAL, Map.of()),
            1);
  }

  @Benchmark
  @OperationsPerInvocation(IMAGES)
  public GenerationResult cycleAccurate() {
    return Generation.run(setup, IMAGES, RunMode.CYCLE_ACCURATE, TraceSink.off(), i -> {});
  }

  @Benchmark
  @OperationsPerInvocation(IMAGES)
  public GenerationResult functionalOnly() {
    return Generation.run(setup, IMAGES, RunMode.FUNCTIONAL, TraceSink.off(), i -> {});
  }
}
