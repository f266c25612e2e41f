package dev.spinsim.benchmarks;

import dev.spinsim.core.trace.TraceSink;
import dev.spinsim.devices.preset.PresetDevices;
import dev.spinsim.devices.preset.Presets;
import dev.spinsim.network.chip.ChipBuilder;
import dev.spinsim.network.generation.Generation;
import dev.spinsim.network.generation.GenerationSetup;
import dev.spinsim.network.mapping.BiasMode;
import dev.spinsim.network.mapping.DenseMapping;
import dev.spinsim.network.mapping.PartialSums;
import dev.spinsim.network.model.ModelLoader;
import dev.spinsim.network.model.ModelSpec;
import dev.spinsim.network.model.Network;
import dev.spinsim.network.run.RunMode;
import dev.spinsim.network.weights.ShippedWeights;
import java.util.Locale;
import java.util.Map;

/**
 * Simulated images per second of a whole generation run, in process, the way {@code spinsim
 * generate} runs it (chip built once — range calibration, programming — then {@code images}
 * images), after one warm-up run of the same size: the spinsim side of {@code benchmarks/speed.sh},
 * which sets it beside PyTorch's float forward pass measured in the same run.
 *
 * <p>Usage: {@code SpeedBenchmark MODEL PRESET functional|cycle-accurate IMAGES}; prints one line
 * {@code images_per_s MODEL PRESET MODE VALUE}.
 */
public final class SpeedBenchmark {
  private SpeedBenchmark() {}

  public static void main(String[] args) {
    if (args.length != 4) {
      System.err.println("usage: SpeedBenchmark MODEL PRESET functional|cycle-accurate IMAGES");
      System.exit(2);
    }
    String model = args[0];
    String preset = args[1];
    RunMode mode =
        switch (args[2]) {
          case "functional" -> RunMode.FUNCTIONAL;
          case "cycle-accurate" -> RunMode.CYCLE_ACCURATE;
          default ->
              throw new IllegalArgumentException(
                  "mode must be functional or cycle-accurate, got " + args[2]);
        };
    int images = Integer.parseInt(args[3]);
    GenerationSetup setup = setup(model, preset);
    // warm-up: a run of the same size, so the JIT has compiled the same paths as fully as
    // PyTorch's warm-up of three batches (768 fmnist images) lets its kernels settle; an 8-image
    // warm-up left the timed run compiling (512 images: 95-154 images/s against 158)
    run(setup, images, mode);
    long t0 = System.nanoTime();
    run(setup, images, mode);
    double s = (System.nanoTime() - t0) / 1e9;
    System.out.printf(
        Locale.ROOT, "images_per_s %s %s %s %.3f%n", model, preset, args[2], images / s);
  }

  static GenerationSetup setup(String model, String preset) {
    ModelSpec spec = ModelLoader.load(model);
    Network g = new Network(spec.generator());
    ShippedWeights.load(g, model, null);
    PresetDevices d = PresetDevices.of(Presets.load(preset));
    return new GenerationSetup(
        spec,
        g,
        null,
        d,
        new DenseMapping(),
        ChipBuilder.optionsFor(d.preset(), BiasMode.DIGITAL, PartialSums.DIGITAL, Map.of()),
        1);
  }

  static void run(GenerationSetup setup, int images, RunMode mode) {
    Generation.run(setup, images, mode, TraceSink.off(), i -> {});
  }
}
