package dev.spinsim.cli;

import dev.spinsim.devices.preset.Preset;
import dev.spinsim.devices.preset.Presets;
import dev.spinsim.network.hwaware.HardwareAwareness;
import dev.spinsim.network.model.ModelLoader;
import dev.spinsim.network.model.ModelSpec;
import dev.spinsim.network.model.NetworkSpec;
import dev.spinsim.network.weights.ShippedWeights;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The shipped inputs a {@code generate} loads first — its model, its preset and its generator's
 * shipped weights — loaded on a second thread from the moment the process starts, while the main
 * thread builds and parses the command line (picocli: about a tenth of a second of a one-image run,
 * on a machine with a second core to spare): the run then finds them loaded. Each is loaded by the
 * same call as without it and handed out once, to the first request for exactly what it loaded (the
 * same name, no overrides; for the weights the same network spec, shipped float weights); any other
 * request, or one whose prefetch failed, loads as before (so a failure is reported by the run's own
 * loading, as without prefetching). Only a command line of {@code generate} with shipped names and
 * none of {@code --config}, {@code --set}, {@code --weights}, {@code --discriminator-weights}, help
 * or version is prefetched; the command line is only glanced at here (picocli parses it).
 */
final class Prefetch {
  private static volatile Prefetch current;

  private final String model;
  private final String preset;
  private final Slot<ModelSpec> modelSpec = new Slot<>();
  private final Slot<Preset> presetValue = new Slot<>();
  private final Slot<ShippedWeights.Loaded> weights = new Slot<>();

  /** The generator spec the weights are loaded for (set before the model completes). */
  private volatile NetworkSpec weightsSpec;

  /** Whether the model has shipped float weights for its generator. */
  private final boolean shipped;

  /** The generator's weights file as the second thread read it. */
  private final CompletableFuture<ShippedWeights.Read> readWeights = new CompletableFuture<>();

  private static final String GENERATOR = "generator";

  private Prefetch(String model, String preset) {
    this.model = model;
    this.preset = preset;
    this.shipped = ShippedWeights.available(model, GENERATOR);
  }

  /** One prefetched value: handed out at most once. */
  private static final class Slot<T> {
    final CompletableFuture<T> value = new CompletableFuture<>();
    final AtomicBoolean taken = new AtomicBoolean();

    /** The value when it loaded and was not taken yet (waiting for it), else null. */
    T take() {
      if (taken.getAndSet(true)) {
        return null;
      }
      try {
        return value.join();
      } catch (RuntimeException failed) {
        return null;
      }
    }
  }

  /**
   * Starts prefetching for {@code args} on a daemon thread when they are a {@code generate} of
   * shipped inputs (see the class comment); replaces any earlier prefetch. Returns whether it
   * started.
   */
  static boolean start(String... args) {
    String[] names = shippedNames(args);
    if (names == null) {
      current = null;
      return false;
    }
    Prefetch p = new Prefetch(names[0], names[1]);
    current = p;
    new Loader(p, false).start();
    new Loader(p, true).start();
    return true;
  }

  /**
   * {@code {model, preset}} of a {@code generate} command line with shipped names and nothing that
   * changes what they load, else null.
   */
  static String[] shippedNames(String... args) {
    if (args.length == 0 || !args[0].equals("generate")) {
      return null;
    }
    String model = "fmnist";
    String preset = "paper";
    for (int i = 1; i < args.length; i++) {
      String a = args[i];
      String option = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
      switch (option) {
        case "--config",
            "--set",
            "--weights",
            "--discriminator-weights",
            "-h",
            "--help",
            "-V",
            "--version" -> {
          return null;
        }
        case "--model", "--preset" -> {
          String value = a.contains("=") ? a.substring(a.indexOf('=') + 1) : null;
          if (value == null) {
            if (i + 1 >= args.length) {
              return null;
            }
            value = args[++i];
          }
          if (option.equals("--model")) {
            model = value;
          } else {
            preset = value;
          }
        }
        default -> {
          // an option picocli reads without these loads
        }
      }
    }
    return ModelLoader.SHIPPED.contains(model) && Presets.NAMES.contains(preset)
        ? new String[] {model, preset}
        : null;
  }

  /**
   * The first thread: the model, then the generator's network from the weights the second thread
   * read (no lambdas here: their first call sites cost a cold process a bootstrap each).
   */
  private void run() {
    ModelSpec m = null;
    try {
      m = ModelLoader.load(model, List.of());
      if (m.generator().role().equals(GENERATOR) && shipped) {
        // before the model completes: the run asks for the weights only after the model
        weightsSpec = m.generator();
      }
      modelSpec.value.complete(m);
    } catch (Throwable t) {
      modelSpec.value.completeExceptionally(t);
    }
    if (weightsSpec == null) {
      weights.value.complete(null);
      return;
    }
    try {
      ShippedWeights.Read read = readWeights.join();
      weights.value.complete(ShippedWeights.build(m.generator(), HardwareAwareness.NONE, read));
    } catch (Throwable t) {
      weights.value.completeExceptionally(t);
    }
  }

  /**
   * The second thread, beside the first: the preset, then the generator's shipped weights file read
   * and checked (it does not need the model).
   */
  private void runSecond() {
    try {
      presetValue.value.complete(Presets.load(preset, List.of()));
    } catch (Throwable t) {
      presetValue.value.completeExceptionally(t);
    }
    if (!shipped) {
      readWeights.complete(null);
      return;
    }
    try {
      readWeights.complete(
          ShippedWeights.read(GENERATOR, model, ShippedWeights.FLOAT, (Path) null));
    } catch (Throwable t) {
      readWeights.completeExceptionally(t);
    }
  }

  /** A prefetching thread (a class of its own: a method reference would cost a bootstrap). */
  private static final class Loader extends Thread {
    private final Prefetch prefetch;
    private final boolean second;

    Loader(Prefetch prefetch, boolean second) {
      super(second ? "spinsim-prefetch-2" : "spinsim-prefetch");
      this.prefetch = prefetch;
      this.second = second;
      setDaemon(true);
    }

    @Override
    public void run() {
      if (second) {
        prefetch.runSecond();
      } else {
        prefetch.run();
      }
    }
  }

  /** Whether every value of the current prefetch was handed out (for tests). */
  static boolean allTaken() {
    Prefetch p = current;
    return p != null
        && p.modelSpec.taken.get()
        && p.presetValue.taken.get()
        && p.weights.taken.get();
  }

  /** The model {@code name} with {@code overrides}: prefetched when it was, else loaded. */
  static ModelSpec model(String name, List<String> overrides) {
    Prefetch p = current;
    if (p != null && overrides.isEmpty() && p.model.equals(name)) {
      ModelSpec m = p.modelSpec.take();
      if (m != null) {
        return m;
      }
    }
    return ModelLoader.load(name, overrides);
  }

  /** The preset {@code name} with {@code overrides}: prefetched when it was, else loaded. */
  static Preset preset(String name, List<String> overrides) {
    Prefetch p = current;
    if (p != null && overrides.isEmpty() && p.preset.equals(name)) {
      Preset v = p.presetValue.take();
      if (v != null) {
        return v;
      }
    }
    return Presets.load(name, overrides);
  }

  /**
   * The network of {@code spec} with {@code model}'s weights as {@link ShippedWeights#build} loads
   * them (no hardware awareness): prefetched when exactly these were, else loaded.
   */
  static ShippedWeights.Loaded weights(NetworkSpec spec, String model, String variant, Path file) {
    Prefetch p = current;
    if (p != null
        && file == null
        && ShippedWeights.FLOAT.equals(variant)
        && p.model.equals(model)
        && spec.equals(p.weightsSpec)) {
      ShippedWeights.Loaded l = p.weights.take();
      if (l != null) {
        return l;
      }
    }
    return ShippedWeights.build(spec, HardwareAwareness.NONE, model, variant, file);
  }
}
