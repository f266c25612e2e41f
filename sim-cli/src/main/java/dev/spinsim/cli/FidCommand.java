package dev.spinsim.cli;

import dev.spinsim.cli.output.RunFolder;
import dev.spinsim.network.classifier.ClassifierTrainer;
import dev.spinsim.network.classifier.ClassifierWeights;
import dev.spinsim.network.classifier.LabelledImages;
import dev.spinsim.network.classifier.RealDataset;
import dev.spinsim.network.hwaware.HardwareAwareness;
import dev.spinsim.network.image.ImageGrid;
import dev.spinsim.network.model.ModelLoader;
import dev.spinsim.network.model.ModelSpec;
import dev.spinsim.network.model.Network;
import dev.spinsim.network.quality.ChipImageSource;
import dev.spinsim.network.quality.ClassifierFeatureExtractor;
import dev.spinsim.network.quality.FeatureStatistics;
import dev.spinsim.network.quality.FidEvaluator;
import dev.spinsim.network.quality.FidRow;
import dev.spinsim.network.quality.FidTable;
import dev.spinsim.network.quality.GeneratorSource;
import dev.spinsim.network.quality.ImageSource;
import dev.spinsim.network.quality.RealImageSource;
import dev.spinsim.network.run.RunMode;
import dev.spinsim.network.tensor.Tensor;
import dev.spinsim.network.weights.ShippedWeights;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import me.tongfei.progressbar.ProgressBar;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code spinsim fid}: FID of image sources against the model's training set (Fashion-MNIST, or the
 * emoji set for 64×64 colour models) in the feature space of spinsim's classifier for that set —
 * the real test split (the floor), the float generator, and each hardware preset — written as
 * {@code fid.csv}, a bar chart and a side-by-side image grid.
 */
@Command(
    name = "fid",
    mixinStandardHelpOptions = true,
    description = {
      "FID against the model's training set (fmnist: Fashion-MNIST; dcgan64: the emoji set) in the feature space of"
          + " spinsim's classifier for it (not Inception: compare rows of one run, or runs with the same extractor and"
          + " image count). Rows: real-test (the floor, at most the test split's size), float, one per --preset.",
      "Cost for fmnist at the default 10,000 images on 2 cores: about 30 s each for real-test and float, about a minute"
          + " once for the training-set statistics (then cached), and per --preset about 0.08 s per fmnist image and"
          + " 0.33 s per dcgan64 image (functional chip simulation)."
    })
final class FidCommand implements Callable<Integer> {
  static {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  @Option(
      names = "--model",
      defaultValue = "fmnist",
      description =
          "model whose generator is scored: fmnist, dcgan64 or a model file with 28x28x1 or 64x64x3 images (default: ${DEFAULT-VALUE})")
  String model;

  @Option(names = "--preset", description = "hardware preset to score as a source (repeatable)")
  List<String> presets = new ArrayList<>();

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description = "override a preset or mapping key for every --preset (as in spinsim generate)")
  List<String> sets = new ArrayList<>();

  @Option(
      names = {"--images", "--samples"},
      paramLabel = "N",
      defaultValue = "10000",
      description =
          "images per source; the real-test floor uses at most the test split (default: ${DEFAULT-VALUE});"
              + " --samples is the old name")
  int samples;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "seed of the latents and of the test subset (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(
      names = "--out",
      description = "output folder, must not exist (default: traces/runs/<timestamp>-<model>-fid)")
  Path out;

  @Option(
      names = "--weights",
      description = "generator safetensors (default: the shipped weights of the model)")
  Path weights;

  @Option(
      names = "--classifier",
      description = "classifier safetensors (default: the shipped classifier)")
  Path classifier;

  @Option(
      names = "--data",
      description =
          "data folder (fmnist: /usr/share/datasets/fashion-mnist; dcgan64: the emoji PNGs, default package/img/google/64)")
  Path data;

  @Option(
      names = "--labels",
      description =
          "emoji: the emoji.json giving each image's category (default: found beside --data)")
  Path labels;

  @Option(
      names = "--cache",
      defaultValue = "${sys:spinsim.home:-.}/traces/fid-cache",
      description =
          "folder caching the training-set statistics per extractor (default: ${DEFAULT-VALUE})")
  Path cache;

  @Option(
      names = "--no-cache",
      description = "recompute the training-set statistics and do not write them")
  boolean noCache;

  private static final int MAX_SAMPLES = 100_000;
  private static final int GRID_IMAGES = 36;

  @Override
  public Integer call() throws IOException {
    if (samples < 2 || samples > MAX_SAMPLES) {
      throw new IllegalArgumentException(
          "--images must be in [2, " + MAX_SAMPLES + "], got " + samples);
    }
    ModelSpec spec = ModelLoader.load(model);
    RealDataset dataset;
    try {
      dataset = RealDataset.forImage(spec.image());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "--model "
              + model
              + ": FID needs a feature classifier for its images: "
              + e.getMessage());
    }
    if (new LinkedHashSet<>(presets).size() != presets.size()) {
      throw new IllegalArgumentException("--preset given twice: " + presets);
    }
    Path target =
        out != null
            ? out
            : RunFolder.defaultTarget(
                RunFolder.DEFAULT_RUNS_ROOT, LocalDateTime.now(), spec.name(), "fid");
    if (out != null && Files.exists(target)) {
      throw new IllegalArgumentException(
          "--out " + target + " already exists; choose another folder");
    }

    // Sources first, so bad weights or presets fail before the expensive part.
    List<ImageSource> sources = new ArrayList<>();
    LabelledImages test = dataset.test(data, labels);
    sources.add(new RealImageSource("real-test", test.images()));
    sources.add(floatSource(spec));
    for (String preset : presets) {
      sources.add(presetSource(preset));
    }

    ClassifierWeights.Loaded loaded = ClassifierWeights.load(dataset.architecture(), classifier);
    ClassifierFeatureExtractor extractor = new ClassifierFeatureExtractor(loaded.classifier());
    System.out.printf(
        Locale.ROOT,
        "feature extractor %s (%s, weights %s)%n",
        extractor.name(),
        dataset.architecture().featureLayer(),
        loaded.source());
    long t0 = System.nanoTime();
    double accuracy = ClassifierTrainer.accuracy(loaded.classifier(), test, 500);
    System.out.printf(
        Locale.ROOT,
        "classifier test accuracy %.2f %% (%d images, %.0f s)%n",
        100 * accuracy,
        test.size(),
        seconds(t0));
    FeatureStatistics reference =
        trainingStatistics(dataset, extractor, data, labels, cache, noCache);

    FidEvaluator evaluator = new FidEvaluator(extractor, reference, "real-train");
    List<FidRow> rows = new ArrayList<>();
    List<Tensor> shown = new ArrayList<>();
    for (ImageSource source : sources) {
      int n =
          source instanceof RealImageSource real ? Math.min(samples, real.available()) : samples;
      FidEvaluator.Scored s = evaluator.score(source, n, seed);
      rows.add(s.row());
      shown.add(s.images().slice(0, Math.min(GRID_IMAGES, n)));
      System.out.printf(
          Locale.ROOT,
          "  %-12s FID %9.4f  (%d samples, %.0f s)%n",
          s.row().source(),
          s.row().fid(),
          n,
          s.row().seconds());
    }

    String csv = FidTable.csv(rows, seed, accuracy, reference.count());
    Path done =
        RunFolder.write(
            out == null,
            target,
            dir -> {
              Files.writeString(dir.resolve("fid.csv"), csv, StandardCharsets.UTF_8);
              BitmapEncoder.saveBitmap(
                  chart(rows, extractor.name(), dataset.title(), samples),
                  dir.resolve("fid.png").toString(),
                  BitmapEncoder.BitmapFormat.PNG);
              ImageIO.write(sideBySide(rows, shown), "png", dir.resolve("samples.png").toFile());
            });
    System.out.println("wrote fid.csv, fid.png, samples.png to " + done);
    return 0;
  }

  private ImageSource floatSource(ModelSpec spec) {
    Network g =
        ShippedWeights.build(
                spec.generator(),
                HardwareAwareness.NONE,
                spec.name(),
                ShippedWeights.FLOAT,
                weights)
            .network();
    return new GeneratorSource("float", g, spec.latent());
  }

  /**
   * The simulated chip as a source: {@code spec}'s generator (the same weights as {@code float}) on
   * {@code preset} with the {@code --set} overrides, run functional-only (the same values as
   * cycle-accurate, without events), on the same latents as {@code float}.
   */
  private ImageSource presetSource(String preset) {
    RunInputs in = new RunInputs(model, weights, null, false, preset, sets, Map.of(), seed);
    String overrides = in.overridesLabel();
    return chipSource(
        overrides.isEmpty() ? in.preset.name() : in.preset.name() + " [" + overrides + "]", in);
  }

  /**
   * {@code in}'s generator on its preset as a source named {@code name}, with a progress bar on
   * stderr.
   */
  static ImageSource chipSource(String name, RunInputs in) {
    return new ImageSource() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Tensor generate(int n, long latentSeed) {
        try (ProgressBar bar = ProgressBars.images("generate on " + name, n)) {
          return new ChipImageSource(name, in::setup, RunMode.FUNCTIONAL, i -> bar.step())
              .generate(n, latentSeed);
        }
      }
    };
  }

  /**
   * Statistics of {@code dataset}'s training split in {@code extractor}'s features: read from
   * {@code cache} (one file per data set and extractor) when present, else computed and cached
   * unless {@code noCache}.
   */
  static FeatureStatistics trainingStatistics(
      RealDataset dataset,
      ClassifierFeatureExtractor extractor,
      Path data,
      Path labels,
      Path cache,
      boolean noCache) {
    Path file =
        cache.resolve(
            dataset.id() + "-train-" + extractor.name().replace('@', '-') + ".safetensors");
    String description = extractor.name() + " features of the " + dataset.title() + " training set";
    if (!noCache && Files.isRegularFile(file)) {
      FeatureStatistics s = FeatureStatistics.load(file, description);
      System.out.printf(
          Locale.ROOT, "training-set statistics from %s (%d images)%n", file, s.count());
      return s;
    }
    long t0 = System.nanoTime();
    Tensor train = dataset.train(data, labels, 0).images();
    FeatureStatistics s = FidEvaluator.statistics(extractor, train);
    System.out.printf(
        Locale.ROOT,
        "training-set statistics computed (%d images, %.0f s)%s%n",
        train.n(),
        seconds(t0),
        noCache ? "" : ", cached in " + file);
    if (!noCache) {
      s.save(file, description);
    }
    return s;
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }

  /** Bars of FID per source, values printed on the bars. */
  static CategoryChart chart(List<FidRow> rows, String extractor, String dataset, int samples) {
    CategoryChart chart =
        new CategoryChartBuilder()
            .width(720)
            .height(420)
            .title(
                String.format(
                    Locale.ROOT, "FID vs %s train (%d samples per source)", dataset, samples))
            .xAxisTitle("source")
            .yAxisTitle("FID in " + extractor + " features")
            .build();
    List<String> names = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    for (FidRow r : rows) {
      names.add(r.source());
      values.add(r.fid());
    }
    chart.addSeries("FID", names, values);
    chart.getStyler().setLegendVisible(false);
    chart.getStyler().setLabelsVisible(true);
    chart.getStyler().setDecimalPattern("0.00");
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setPlotGridVerticalLinesVisible(false);
    chart.getStyler().setSeriesColors(new Color[] {new Color(0x4E79A7)});
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
    return chart;
  }

  /** Each source's first images as a 6-column grid, side by side, captioned with name and FID. */
  static BufferedImage sideBySide(List<FidRow> rows, List<Tensor> images) {
    List<BufferedImage> grids = new ArrayList<>();
    int width = 0, height = 0;
    for (Tensor t : images) {
      BufferedImage g = ImageGrid.render(t, 6, 2);
      grids.add(g);
      width += g.getWidth() + 16;
      height = Math.max(height, g.getHeight());
    }
    int caption = 40;
    BufferedImage out =
        new BufferedImage(width + 16, height + caption + 16, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    try {
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, out.getWidth(), out.getHeight());
      g.setColor(new Color(0x33, 0x33, 0x33));
      int x = 16;
      for (int i = 0; i < grids.size(); i++) {
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(rows.get(i).source(), x, 18);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawString(String.format(Locale.ROOT, "FID %.2f", rows.get(i).fid()), x, 34);
        g.drawImage(grids.get(i), x, caption, null);
        x += grids.get(i).getWidth() + 16;
      }
    } finally {
      g.dispose();
    }
    return out;
  }
}
