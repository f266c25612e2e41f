package dev.spinsim.cli;

import com.google.common.hash.Hashing;
import dev.spinsim.cli.report.RunWriter;
import dev.spinsim.cli.sweep.PointResult;
import dev.spinsim.cli.sweep.PointRunner;
import dev.spinsim.cli.sweep.ResolvedPoint;
import dev.spinsim.cli.sweep.SweepPoint;
import dev.spinsim.cli.sweep.SweepSettings;
import dev.spinsim.core.config.ConfigLoader;
import dev.spinsim.core.trace.TraceSink;
import dev.spinsim.devices.preset.Preset;
import dev.spinsim.devices.preset.Presets;
import dev.spinsim.network.chip.ChipBuildCache;
import dev.spinsim.network.chip.ChipBuilder;
import dev.spinsim.network.chip.NetworkPlanner;
import dev.spinsim.network.classifier.ClassifierWeights;
import dev.spinsim.network.classifier.RealDataset;
import dev.spinsim.network.generation.Generation;
import dev.spinsim.network.generation.GenerationResult;
import dev.spinsim.network.mapping.MappingConfig;
import dev.spinsim.network.model.ModelLoader;
import dev.spinsim.network.model.ModelSpec;
import dev.spinsim.network.model.Network;
import dev.spinsim.network.model.Shape;
import dev.spinsim.network.quality.ChipImageSource;
import dev.spinsim.network.quality.ClassifierFeatureExtractor;
import dev.spinsim.network.quality.FeatureStatistics;
import dev.spinsim.network.quality.FidEvaluator;
import dev.spinsim.network.quality.GeneratorSource;
import dev.spinsim.network.run.ImageQuality;
import dev.spinsim.network.run.PhaseTimes;
import dev.spinsim.network.run.RunMetrics;
import dev.spinsim.network.run.RunMode;
import dev.spinsim.network.tensor.Tensor;
import dev.spinsim.network.weights.ShippedWeights;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds and runs one sweep point in-process, the way {@code spinsim generate} would run it with
 * the point's knobs as {@code --set} overrides, and returns the point's {@code summary.csv} columns
 * (which include PSNR/RMSE against the float network) and FID when asked. Thread-safe: points share
 * only read-only data (the FID reference statistics and the float reference images, made once per
 * evaluator; programmed crossbars and range calibrations, through the {@link ChipBuildCache}, keyed
 * by exactly what they are computed from). A point's result depends only on the settings and its
 * knob values, never on the thread or the order it ran in.
 *
 * <p>Knob keys: any preset key ({@code adc.bits}), any mapping key ({@code mapping.partialSums}),
 * {@code replicate.LAYER} (copies of a layer's crossbars) and {@code preset} (the preset name).
 */
public final class SweepEvaluator implements PointRunner {
  /** Knob key that chooses the preset. */
  public static final String PRESET_KEY = "preset";

  /** Knob key prefix that sets a layer's replication ({@code replicate.G.main.6}). */
  public static final String REPLICATE_PREFIX = "replicate.";

  /** Summary columns that are the same for every point of a sweep and stay out of results.csv. */
  static final List<String> IDENTITY_COLUMNS =
      List.of("model", "preset", "overrides", "mode", "images", "seed");

  private final SweepSettings settings;
  private final Map<String, String> fixed;
  private final Object lock = new Object();
  private final boolean share;
  private final Map<String, float[]> floatReferences =
      new java.util.concurrent.ConcurrentHashMap<>();
  private FidReference fid;

  private record FidReference(
      ClassifierFeatureExtractor extractor, FeatureStatistics train, double floatFid) {}

  /**
   * An evaluator of points of a sweep with {@code settings} and the {@code fixed} overrides; its
   * points share what does not change between them (the {@link ChipBuildCache}, which this turns
   * on, and the float reference images).
   */
  public SweepEvaluator(SweepSettings settings, Map<String, String> fixed) {
    this(settings, fixed, true);
  }

  /**
   * As above; with {@code share} false every point computes everything itself (the chip-build cache
   * is left as it is), as a separate {@code generate} would: the benchmark's baseline.
   */
  public SweepEvaluator(SweepSettings settings, Map<String, String> fixed, boolean share) {
    this.settings = settings;
    this.fixed = Map.copyOf(fixed);
    this.share = share;
    if (share) {
      ChipBuildCache.shared().setEnabled(true);
    }
  }

  public SweepSettings settings() {
    return settings;
  }

  /** A point resolved to its configuration: the {@code --set} list, preset, mapping and hash. */
  record Resolved(
      SweepPoint point,
      String presetName,
      List<String> sets,
      Map<String, Integer> replication,
      String configYaml,
      String hash,
      String error) {
    public boolean valid() {
      return error == null;
    }
  }

  /**
   * Resolves {@code point} (cheap: preset and mapping only, no weights, no chip): its hash is the
   * SHA-256 of the resolved configuration (model, weights, images, seed, FID samples, the whole
   * preset and mapping), so two spellings of one configuration share a row. A point the preset
   * refuses is returned with its one-line reason and a hash of its knob values.
   */
  @Override
  public ResolvedPoint resolve(SweepPoint point) {
    Resolved r = resolveFully(point);
    return new ResolvedPoint(point, r.hash(), r.error());
  }

  @Override
  public PointResult run(SweepPoint point) {
    return evaluate(resolveFully(point));
  }

  Resolved resolveFully(SweepPoint point) {
    String presetName = settings.preset();
    List<String> sets = new ArrayList<>();
    Map<String, Integer> replication = new LinkedHashMap<>();
    Map<String, String> all = new LinkedHashMap<>(fixed);
    all.putAll(point.knobs());
    try {
      for (Map.Entry<String, String> e : all.entrySet()) {
        String k = e.getKey();
        if (k.equals(PRESET_KEY)) {
          presetName = e.getValue();
        } else if (k.startsWith(REPLICATE_PREFIX)) {
          int copies;
          try {
            copies = Integer.parseInt(e.getValue());
          } catch (NumberFormatException nfe) {
            throw new IllegalArgumentException(
                k + "=" + e.getValue() + ": expected a whole number of copies");
          }
          replication.put(k.substring(REPLICATE_PREFIX.length()), copies);
        } else {
          sets.add(k + "=" + e.getValue());
        }
      }
      if (!replication.isEmpty()) {
        // a layer name matching no generator layer is refused, not ignored (main.6 is G.main.6)
        List<NetworkPlanner.MatrixLayer> layers = RunInputs.generatorLayers(settings.model(), sets);
        Map<String, Integer> named = new LinkedHashMap<>();
        replication.forEach(
            (name, copies) ->
                named.put(RunInputs.layerNamed(REPLICATE_PREFIX, name, layers), copies));
        replication = named;
      }
      Preset preset = Presets.load(presetName, RunInputs.presetSets(sets));
      MappingConfig mapping = RunInputs.mappingConfig(sets, replication);
      ChipBuilder.optionsFor(
          preset, mapping.biasModeValue(), mapping.partialSumsValue(), mapping.replication());
      Map<String, Object> config = new LinkedHashMap<>();
      config.put("model", settings.model());
      config.put("weights", settings.weights() == null ? "shipped" : settings.weights());
      config.put("images", settings.images());
      config.put("seed", settings.seed());
      config.put("fidSamples", settings.fidSamples());
      config.put("mapping", mapping);
      config.put("preset", preset);
      String yaml = ConfigLoader.toYaml(config);
      return new Resolved(point, presetName, sets, replication, yaml, hash(yaml), null);
    } catch (RuntimeException e) {
      String reason = oneLine(e);
      String key =
          "invalid\n"
              + settings.model()
              + "\n"
              + settings.preset()
              + "\n"
              + settings.images()
              + "\n"
              + settings.seed()
              + "\n"
              + all;
      return new Resolved(point, presetName, sets, replication, null, hash(key), reason);
    }
  }

  static String hash(String text) {
    return Hashing.sha256().hashString(text, StandardCharsets.UTF_8).toString().substring(0, 16);
  }

  private static String oneLine(Throwable e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return m.replace('\r', ' ').replace('\n', ' ').strip();
  }

  /** Builds the point's chip, runs it and returns its row (never throws for a bad point). */
  PointResult evaluate(Resolved r) {
    long start = System.nanoTime();
    if (!r.valid()) {
      return PointResult.invalid(r.point(), r.hash(), r.error(), seconds(start));
    }
    RunInputs in;
    try {
      in =
          new RunInputs(
              settings.model(),
              settings.weights() == null ? null : Path.of(settings.weights()),
              null,
              false,
              r.presetName(),
              r.sets(),
              r.replication(),
              settings.seed());
    } catch (RuntimeException e) {
      return PointResult.invalid(r.point(), r.hash(), oneLine(e), seconds(start));
    }
    GenerationResult result;
    PhaseTimes phases = new PhaseTimes();
    try {
      result =
          Generation.run(
              in.setup(settings.seed()),
              settings.images(),
              RunMode.CYCLE_ACCURATE,
              TraceSink.off(),
              i -> {},
              phases);
    } catch (IllegalArgumentException | IllegalStateException e) {
      // the chip builder refuses what the preset loader could not see (e.g. a layer that does not
      // fit)
      return PointResult.invalid(r.point(), r.hash(), oneLine(e), seconds(start));
    } catch (RuntimeException | OutOfMemoryError e) {
      return PointResult.failed(r.point(), r.hash(), oneLine(e), seconds(start));
    }
    double generationS = seconds(start);
    // the simulation itself (values, events, pricing): not the inputs, not the chip build
    double simulationS =
        phases.nanos().entrySet().stream()
                .filter(e -> e.getKey().startsWith("simulation"))
                .mapToLong(Map.Entry::getValue)
                .sum()
            / 1e9;
    // the row needs the run's metrics only; the whole report (layers, area, charts' data) is
    // built when the run folder is kept
    Shape img = in.model.image();
    ImageQuality quality =
        ImageQuality.compare(
            result.images(), floatImages(result), img.channels() * img.height() * img.width());
    RunMetrics runMetrics = result.metrics(in.preset.name(), in.overridesLabel(), quality);
    Map<String, String> metrics = new LinkedHashMap<>();
    runMetrics
        .cellsByName()
        .forEach(
            (k, v) -> {
              if (!IDENTITY_COLUMNS.contains(k)) {
                metrics.put(k, v);
              }
            });
    if (settings.fidSamples() > 0) {
      metrics.put("fid", format(fid(in)));
    }
    if (settings.keepRunsDir() != null) {
      Path target = Path.of(settings.keepRunsDir()).resolve(runFolderName(r.point(), r.hash()));
      if (!Files.exists(target)) {
        try {
          RunWriter.write(
              GenerationReport.build(
                  in, result, in.preset.name(), settings.seed(), "off", Map.of()),
              target);
        } catch (IOException e) {
          throw new UncheckedIOException(
              "cannot keep the run folder " + target + ": " + e.getMessage(), e);
        }
      }
    }
    return PointResult.ok(r.point(), r.hash(), metrics, generationS, simulationS, seconds(start));
  }

  /** Folder name of a kept run: {@code <point id>-<hash>}. */
  public static String runFolderName(SweepPoint p, String hash) {
    return p.id() + "-" + hash;
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }

  static String format(double v) {
    if (!Double.isFinite(v)) {
      return Double.isNaN(v) ? "nan" : v > 0 ? "inf" : "-inf";
    }
    return new java.math.BigDecimal(v)
        .round(new java.math.MathContext(6))
        .stripTrailingZeros()
        .toPlainString();
  }

  /**
   * The float network's images of the sweep's latents (the PSNR reference), computed once per sweep
   * for each generator (by its {@link Network#fingerprint() fingerprint}: a {@code model.*} knob
   * that changes the network gets its own): every point's latents are the same.
   */
  private float[] floatImages(GenerationResult result) {
    String key = share ? result.setup().generator().fingerprint() : null;
    if (key == null) {
      return result.floatImages();
    }
    return floatReferences.computeIfAbsent(key, k -> result.floatImages());
  }

  /** FID of {@code fidSamples} chip images (functional mode) against the training set. */
  private double fid(RunInputs in) {
    FidReference ref = fidReference();
    Tensor images =
        new ChipImageSource("point", in::setup, RunMode.FUNCTIONAL, i -> {})
            .generate(settings.fidSamples(), settings.seed());
    return dev.spinsim.network.quality.FidCalculator.fid(
        FidEvaluator.statistics(ref.extractor(), images), ref.train());
  }

  /**
   * The FID reference, made once per sweep: the classifier, the training-set statistics (cached on
   * disk as {@code spinsim fid} caches them) and the float generator's FID at the same sample
   * count.
   */
  public double floatFid() {
    return fidReference().floatFid();
  }

  private FidReference fidReference() {
    synchronized (lock) {
      if (fid == null) {
        ModelSpec spec = ModelLoader.load(settings.model());
        RealDataset dataset = RealDataset.forImage(spec.image());
        ClassifierWeights.Loaded loaded = ClassifierWeights.load(dataset.architecture(), null);
        ClassifierFeatureExtractor extractor = new ClassifierFeatureExtractor(loaded.classifier());
        FeatureStatistics train =
            FidCommand.trainingStatistics(
                dataset,
                extractor,
                null,
                null,
                dev.spinsim.cli.output.RunFolder.HOME.resolve("traces").resolve("fid-cache"),
                false);
        Network g = new Network(spec.generator());
        ShippedWeights.load(
            g, spec.name(), settings.weights() == null ? null : Path.of(settings.weights()));
        Tensor floatImages =
            new GeneratorSource("float", g, spec.latent())
                .generate(settings.fidSamples(), settings.seed());
        double floatFid =
            dev.spinsim.network.quality.FidCalculator.fid(
                FidEvaluator.statistics(extractor, floatImages), train);
        fid = new FidReference(extractor, train, floatFid);
      }
      return fid;
    }
  }
}
