package dev.spinsim.cli;

import dev.spinsim.cli.output.RunFolder;
import dev.spinsim.network.classifier.ClassifierWeights;
import dev.spinsim.network.classifier.RealDataset;
import dev.spinsim.network.hwaware.HardwarePresets;
import dev.spinsim.network.model.ModelLoader;
import dev.spinsim.network.model.ModelSpec;
import dev.spinsim.network.model.Network;
import dev.spinsim.network.quality.ClassifierFeatureExtractor;
import dev.spinsim.network.quality.FeatureStatistics;
import dev.spinsim.network.quality.FidEvaluator;
import dev.spinsim.network.quality.GeneratorSource;
import dev.spinsim.network.robustness.CompareRow;
import dev.spinsim.network.robustness.CompareTable;
import dev.spinsim.network.robustness.Knob;
import dev.spinsim.network.robustness.LevelSweep;
import dev.spinsim.network.robustness.RobustnessComparison;
import dev.spinsim.network.weights.SafeTensors;
import dev.spinsim.network.weights.ShippedWeights;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code spinsim compare}: post-training quantisation (the float generator run on the chip) vs
 * hardware-aware trained weights, scored by FID on a preset with device variation and read noise
 * swept one at a time, with the float generator in software as the reference row (and the
 * hardware-aware generator in software through its training-time hardware model).
 */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description = {
      "FID of float-trained weights quantised onto the chip (float-ptq) and of hardware-aware trained"
          + " weights (hw-aware) on a preset, one non-ideality swept at a time around the preset's values,"
          + " plus software rows: the float generator (the reference) and the hardware-aware one through the"
          + " hardware model it was trained with (when its file names it). Writes compare.csv, compare.md"
          + " (a README table) and compare.png (FID vs level, one panel per knob).",
      "Cost: one functional chip simulation per distinct configuration (a knob at the preset's own"
          + " level is simulated once per weight set), about 0.15-0.2 s per image on 2 cores: about 3 minutes"
          + " per chip row at the default 1000 images; the defaults make 12 chip runs (35-40 minutes)."
    })
final class CompareCommand implements Callable<Integer> {
  static {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  /** Weight-set names in compare.csv; {@code float} is the software reference row. */
  static final String PTQ = "float-ptq";

  static final String HW = "hw-aware";
  static final String FLOAT = "float";

  /** The shipped variant whose generator is the default --hw-weights. */
  static final String HW_VARIANT = "hw-paper";

  private static final String MODEL = "fmnist";

  @Option(
      names = "--preset",
      defaultValue = "paper",
      description = "preset swept around (default: ${DEFAULT-VALUE})")
  String preset;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description = "override a preset or mapping key for every chip row")
  List<String> sets = new ArrayList<>();

  @Option(
      names = "--float-weights",
      description = "float-trained generator safetensors (default: the shipped fmnist generator)")
  Path floatWeights;

  @Option(
      names = "--hw-weights",
      description =
          "hardware-aware trained generator safetensors (default: the shipped fmnist-"
              + HW_VARIANT
              + " generator)")
  Path hwWeights;

  @Option(
      names = "--variation",
      paramLabel = "LEVELS",
      defaultValue = "0,0.05,0.1,0.2",
      description =
          "levels of crossbar.synapse.variationSigma, empty to skip (default: ${DEFAULT-VALUE})")
  String variation;

  @Option(
      names = "--read-noise",
      paramLabel = "LEVELS",
      defaultValue = "0,0.01,0.05",
      description =
          "levels of crossbar.synapse.readNoiseSigma, empty to skip (default: ${DEFAULT-VALUE})")
  String readNoise;

  @Option(
      names = "--stuck",
      paramLabel = "LEVELS",
      defaultValue = "",
      description = "levels of crossbar.synapse.stuckFraction (default: not swept)")
  String stuck;

  @Option(
      names = "--write-error",
      paramLabel = "LEVELS",
      defaultValue = "",
      description = "levels of crossbar.synapse.writeErrorProbability (default: not swept)")
  String writeError;

  @Option(
      names = {"--images", "--samples"},
      paramLabel = "N",
      defaultValue = "1000",
      description = "images per row (default: ${DEFAULT-VALUE}); --samples is the old name")
  int samples;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "seed of the latents and of the chip's devices (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(
      names = "--out",
      description =
          "output folder, must not exist (default: traces/runs/<timestamp>-compare-fmnist-<preset>)")
  Path out;

  @Option(
      names = "--classifier",
      description = "classifier safetensors for the features (default: the shipped classifier)")
  Path classifier;

  @Option(
      names = "--data",
      description = "Fashion-MNIST folder (default: /usr/share/datasets/fashion-mnist)")
  Path data;

  @Option(
      names = "--cache",
      defaultValue = "${sys:spinsim.home:-.}/traces/fid-cache",
      description = "folder caching the training-set statistics (default: ${DEFAULT-VALUE})")
  Path cache;

  @Option(
      names = "--no-cache",
      description = "recompute the training-set statistics and do not write them")
  boolean noCache;

  @Override
  public Integer call() throws IOException {
    if (samples < 2) {
      throw new IllegalArgumentException(
          "--images must be >= 2 (FID needs a covariance), got " + samples);
    }
    List<LevelSweep> sweeps = sweeps();
    Path target =
        out != null
            ? out
            : RunFolder.defaultTarget(
                RunFolder.DEFAULT_RUNS_ROOT, LocalDateTime.now(), "compare-" + MODEL, preset);
    if (out != null && Files.exists(target)) {
      throw new IllegalArgumentException(
          "--out " + target + " already exists; choose another folder");
    }
    ModelSpec spec = ModelLoader.load(MODEL);
    requireWeights(
        "--float-weights", floatWeights, ShippedWeights.set(MODEL, ShippedWeights.FLOAT));
    requireWeights("--hw-weights", hwWeights, ShippedWeights.set(MODEL, HW_VARIANT));

    // Everything that can be wrong is checked here, before the first image: weights, preset,
    // levels.
    RunInputs floatIn = inputs(PTQ, List.of());
    RunInputs hwIn = inputs(HW, List.of());
    RobustnessComparison comparison =
        new RobustnessComparison(preset, RunInputs.presetSets(sets), List.of(PTQ, HW), sweeps);
    System.out.printf(
        Locale.ROOT, "%s: %s%n%s: %s%n", PTQ, floatIn.generatorWeights, HW, hwIn.generatorWeights);
    System.out.printf(
        Locale.ROOT,
        "%d chip rows, %d chip runs of %d images on preset %s%n",
        comparison.points().size(),
        comparison.distinctRuns(),
        samples,
        comparison.base().name());

    ClassifierWeights.Loaded loaded = ClassifierWeights.load(classifier);
    ClassifierFeatureExtractor extractor = new ClassifierFeatureExtractor(loaded.classifier());
    FeatureStatistics reference =
        FidCommand.trainingStatistics(
            RealDataset.FASHION_MNIST, extractor, data, null, cache, noCache);
    FidEvaluator evaluator = new FidEvaluator(extractor, reference, "real-train");

    List<CompareRow> rows =
        comparison.run(
            evaluator,
            references(spec, floatIn),
            (weights, knobOverride) -> {
              RunInputs in = inputs(weights, List.of(knobOverride));
              return FidCommand.chipSource(
                  weights + " " + knobOverride.substring(knobOverride.lastIndexOf('.') + 1), in);
            },
            samples,
            seed,
            (row, reused) ->
                System.out.printf(
                    Locale.ROOT,
                    "  %-9s %-15s %-10s %-7s FID %9.4f  (%s)%n",
                    row.weights(),
                    row.preset(),
                    row.knob(),
                    row.isReference() ? "" : Knob.format(row.level()),
                    row.fid(),
                    reused
                        ? "same configuration as an earlier row"
                        : String.format(Locale.ROOT, "%.0f s", row.seconds())));

    String csv = CompareTable.csv(rows);
    String md =
        CompareTable.markdown(rows, columns()) + "\n" + provenance(floatIn, hwIn) + HW_MODEL_NOTE;
    BufferedImage plot = plot(rows, sweeps, comparison.base().name());
    Path done =
        RunFolder.write(
            out == null,
            target,
            dir -> {
              Files.writeString(dir.resolve("compare.csv"), csv, StandardCharsets.UTF_8);
              Files.writeString(dir.resolve("compare.md"), md, StandardCharsets.UTF_8);
              ImageIO.write(plot, "png", dir.resolve("compare.png").toFile());
            });
    System.out.println("wrote compare.csv, compare.md, compare.png to " + done);
    return 0;
  }

  /**
   * The software rows: the float generator (the base of fid_relative_to_float) and, when the
   * hardware-aware file names the preset it was trained against (safetensors metadata {@code
   * hardware}), the hardware-aware generator run through that training-time hardware model.
   */
  private List<RobustnessComparison.Reference> references(ModelSpec spec, RunInputs floatIn) {
    List<RobustnessComparison.Reference> refs = new ArrayList<>();
    refs.add(
        new RobustnessComparison.Reference(
            FLOAT,
            RobustnessComparison.SOFTWARE,
            new GeneratorSource(FLOAT, floatIn.generator, spec.latent())));
    String trainedOn = metadata(hwWeights, HW_VARIANT).get("hardware");
    if (trainedOn == null || trainedOn.equals(ShippedWeights.FLOAT)) {
      System.out.println(
          "note: the "
              + HW
              + " weights name no hardware preset they were trained against (metadata "
              + "'hardware' is "
              + (trainedOn == null ? "missing" : "'float'")
              + "): no "
              + HW
              + " software row");
      return refs;
    }
    Network g =
        ShippedWeights.build(
                spec.generator(), HardwarePresets.resolve(trainedOn), MODEL, HW_VARIANT, hwWeights)
            .network();
    refs.add(
        new RobustnessComparison.Reference(
            HW,
            RobustnessComparison.SOFTWARE + ":" + trainedOn,
            new GeneratorSource(HW, g, spec.latent())));
    return refs;
  }

  static final String HW_MODEL_NOTE =
      "`software:<preset>`: the hardware-aware weights run in software through the "
          + "hardware model they were trained with (quantised weights, domain-wall activation curves; no variation or noise).\n";

  /**
   * The safetensors metadata of a generator file, or of the shipped variant when {@code file} is
   * null.
   */
  private static Map<String, String> metadata(Path file, String variant) {
    return file != null
        ? SafeTensors.read(file).metadata()
        : SafeTensors.readResource(
                ShippedWeights.resource(ShippedWeights.set(MODEL, variant), "generator"))
            .metadata();
  }

  /** The swept knobs in output order, from the level options (an empty option skips its knob). */
  private List<LevelSweep> sweeps() {
    List<LevelSweep> out = new ArrayList<>();
    String[][] options = {
      {"--variation", variation},
      {"--read-noise", readNoise},
      {"--stuck", stuck},
      {"--write-error", writeError}
    };
    for (int i = 0; i < options.length; i++) {
      if (!options[i][1].isBlank()) {
        out.add(LevelSweep.parse(Knob.ALL.get(i), options[i][0], options[i][1]));
      }
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException(
          "nothing to sweep: give levels to at least one of --variation, --read-noise, "
              + "--stuck, --write-error");
    }
    return out;
  }

  private static void requireWeights(String option, Path file, String shippedSet) {
    if (file == null && !ShippedWeights.available(shippedSet, "generator")) {
      throw new IllegalArgumentException(
          option
              + ": no generator shipped as "
              + ShippedWeights.resource(shippedSet, "generator")
              + " yet; pass "
              + option
              + " FILE.safetensors");
    }
    if (file != null && !Files.isRegularFile(file)) {
      throw new IllegalArgumentException(
          option + " " + file + ": no such file (expected a generator .safetensors)");
    }
  }

  /** The run inputs of a weight set with the user's --set overrides and then {@code extra}. */
  private RunInputs inputs(String weights, List<String> extra) {
    List<String> all = new ArrayList<>(sets);
    all.addAll(extra);
    boolean hw = HW.equals(weights);
    return new RunInputs(
        MODEL,
        hw ? hwWeights : floatWeights,
        hw ? HW_VARIANT : ShippedWeights.FLOAT,
        null,
        false,
        preset,
        all,
        Map.of(),
        seed);
  }

  private static String epoch(Map<String, String> metadata) {
    return metadata.containsKey("epoch") ? " (epoch " + metadata.get("epoch") + ")" : "";
  }

  static Map<String, String> columns() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(PTQ, "float weights on chip (PTQ)");
    m.put(HW, "hardware-aware weights on chip");
    return m;
  }

  private String provenance(RunInputs floatIn, RunInputs hwIn) {
    StringBuilder sb = new StringBuilder();
    sb.append("Weights: ")
        .append(PTQ)
        .append(" = `")
        .append(floatIn.generatorWeights)
        .append('`')
        .append(epoch(metadata(floatWeights, ShippedWeights.FLOAT)))
        .append(", ")
        .append(HW)
        .append(" = `")
        .append(hwIn.generatorWeights)
        .append('`')
        .append(epoch(metadata(hwWeights, HW_VARIANT)))
        .append('.');
    if (!sets.isEmpty()) {
      sb.append(" Preset overrides: `").append(String.join(" ", sets)).append("`.");
    }
    return sb.append('\n').toString();
  }

  /**
   * One line chart per knob (FID vs level, a line per weight set, the software reference dashed),
   * side by side.
   */
  static BufferedImage plot(List<CompareRow> rows, List<LevelSweep> sweeps, String presetName) {
    List<CompareRow> references = new ArrayList<>();
    for (CompareRow r : rows) {
      if (r.isReference()) {
        references.add(r);
      }
    }
    List<BufferedImage> panels = new ArrayList<>();
    Color[] colours = {new Color(0xE1, 0x57, 0x59), new Color(0x4E, 0x79, 0xA7)};
    for (LevelSweep sweep : sweeps) {
      XYChart chart =
          new XYChartBuilder()
              .width(640)
              .height(440)
              .title(
                  String.format(
                      Locale.ROOT,
                      "%s on %s (%d samples)",
                      sweep.knob().name(),
                      presetName,
                      rows.get(0).samples()))
              .xAxisTitle(sweep.knob().presetKey())
              .yAxisTitle("FID (lower is better)")
              .build();
      int c = 0;
      for (Map.Entry<String, String> col : columns().entrySet()) {
        List<Double> x = new ArrayList<>(), y = new ArrayList<>();
        for (CompareRow r : rows) {
          if (r.weights().equals(col.getKey()) && r.knob().equals(sweep.knob().name())) {
            x.add(r.level());
            y.add(r.fid());
          }
        }
        if (!x.isEmpty()) {
          XYSeries s = chart.addSeries(col.getValue(), x, y);
          s.setMarker(SeriesMarkers.CIRCLE);
          s.setLineColor(colours[c % colours.length]);
          s.setMarkerColor(colours[c % colours.length]);
        }
        c++;
      }
      double lo = sweep.levels().stream().mapToDouble(Double::doubleValue).min().orElse(0);
      double hi = sweep.levels().stream().mapToDouble(Double::doubleValue).max().orElse(1);
      for (CompareRow ref : references) {
        boolean hw = ref.weights().equals(HW);
        XYSeries s =
            chart.addSeries(
                hw ? "hardware-aware, " + ref.preset() : "float, " + ref.preset(),
                List.of(lo, hi),
                List.of(ref.fid(), ref.fid()));
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(hw ? colours[1] : Color.GRAY);
        s.setLineStyle(
            new BasicStroke(
                1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
      }
      chart.getStyler().setChartBackgroundColor(Color.WHITE);
      chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
      chart.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
      chart.getStyler().setXAxisDecimalPattern("0.0##");
      chart.getStyler().setYAxisMin(0.0);
      panels.add(BitmapEncoder.getBufferedImage(chart));
    }
    int width = 0, height = 0;
    for (BufferedImage p : panels) {
      width += p.getWidth();
      height = Math.max(height, p.getHeight());
    }
    BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, width, height);
      int x = 0;
      for (BufferedImage p : panels) {
        g.drawImage(p, x, 0, null);
        x += p.getWidth();
      }
    } finally {
      g.dispose();
    }
    return out;
  }
}
