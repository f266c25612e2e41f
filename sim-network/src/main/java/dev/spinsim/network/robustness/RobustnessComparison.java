package dev.spinsim.network.robustness;

import static com.google.common.base.Preconditions.checkArgument;

import dev.spinsim.devices.preset.Preset;
import dev.spinsim.devices.preset.PresetDevices;
import dev.spinsim.devices.preset.Presets;
import dev.spinsim.network.quality.FidEvaluator;
import dev.spinsim.network.quality.FidRow;
import dev.spinsim.network.quality.ImageSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Scores weight sets on a preset with one knob swept at a time around the preset's values, plus the
 * float generator in software as the reference. Every configuration is resolved (and so validated)
 * when the comparison is built, before any image is generated; configurations that resolve to the
 * same preset (e.g. each knob at the preset's own level) are simulated once.
 */
public final class RobustnessComparison {
  /**
   * Makes the chip image source of a weight set on the preset with {@code knobOverride} applied
   * last.
   */
  @FunctionalInterface
  public interface ChipSources {
    ImageSource source(String weights, String knobOverride);
  }

  /**
   * Told about each row when it is scored; {@code reused} when an equal configuration was scored
   * before.
   */
  @FunctionalInterface
  public interface Listener {
    void scored(CompareRow row, boolean reused);
  }

  /**
   * One configuration to score: a weight set with {@code knob} at {@code level}, resolved to {@code
   * preset}.
   */
  public record Point(String weights, Knob knob, double level, Preset preset, boolean atPreset) {}

  private final Preset base;
  private final List<String> weightSets;

  /** The preset's name with the user's overrides, as rows and tables show it. */
  private final String baseLabel;

  private final List<Point> points = new ArrayList<>();

  /**
   * {@code presetName} and {@code baseOverrides} (the user's preset {@code --set}s) give the preset
   * the knobs are swept around; {@code weightSets} name the weight sets in output order.
   */
  public RobustnessComparison(
      String presetName,
      List<String> baseOverrides,
      List<String> weightSets,
      List<LevelSweep> sweeps) {
    checkArgument(!weightSets.isEmpty(), "at least one weight set is needed");
    checkArgument(
        new LinkedHashSet<>(weightSets).size() == weightSets.size(),
        "weight set named twice: %s",
        weightSets);
    checkArgument(!sweeps.isEmpty(), "at least one knob must be swept");
    this.base = Presets.load(presetName, baseOverrides);
    this.baseLabel =
        baseOverrides.isEmpty()
            ? base.name()
            : base.name() + " [" + String.join(",", baseOverrides) + "]";
    this.weightSets = List.copyOf(weightSets);
    List<Point> template = new ArrayList<>();
    LinkedHashSet<String> knobs = new LinkedHashSet<>();
    for (LevelSweep sweep : sweeps) {
      checkArgument(knobs.add(sweep.knob().name()), "knob %s swept twice", sweep.knob().name());
      for (double level : sweep.levels()) {
        List<String> overrides = new ArrayList<>(baseOverrides);
        overrides.add(sweep.knob().override(level));
        Preset p;
        try {
          p = Presets.load(presetName, overrides);
          PresetDevices.of(p); // device parameters are validated when resolved
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(
              sweep.knob().name()
                  + " level "
                  + Knob.format(level)
                  + " on preset "
                  + presetName
                  + ": "
                  + e.getMessage(),
              e);
        }
        template.add(new Point(null, sweep.knob(), level, p, p.equals(base)));
      }
    }
    for (String w : this.weightSets) {
      for (Point t : template) {
        points.add(new Point(w, t.knob(), t.level(), t.preset(), t.atPreset()));
      }
    }
  }

  /** The configurations in output order: weight set, then knob, then level. */
  public List<Point> points() {
    return List.copyOf(points);
  }

  /** How many chip runs {@link #run} makes: the points minus those equal to an earlier one. */
  public int distinctRuns() {
    LinkedHashSet<List<Object>> distinct = new LinkedHashSet<>();
    for (Point p : points) {
      distinct.add(List.of(p.weights(), p.preset()));
    }
    return distinct.size();
  }

  /** The preset swept around, with the user's overrides. */
  public Preset base() {
    return base;
  }

  /**
   * A software row scored before the chip rows: {@code weights} run by {@code source}, labelled
   * {@code preset} (e.g. {@code software}) in the preset column.
   */
  public record Reference(String weights, String preset, ImageSource source) {}

  /**
   * The reference rows (the first is the float generator in software, the base of {@code
   * fid_relative_to_float}) and then one row per point, each source drawing {@code samples} images
   * with {@code seed}.
   */
  public List<CompareRow> run(
      FidEvaluator evaluator,
      List<Reference> references,
      ChipSources chips,
      int samples,
      long seed,
      Listener listener) {
    checkArgument(samples >= 2, "samples must be >= 2 (FID needs a covariance), got %s", samples);
    checkArgument(!references.isEmpty(), "the float reference is needed");
    List<CompareRow> rows = new ArrayList<>();
    double floatFid = Double.NaN;
    for (Reference ref : references) {
      FidRow r = evaluator.score(ref.source(), samples, seed).row();
      if (Double.isNaN(floatFid)) {
        floatFid = r.fid();
      }
      CompareRow row =
          new CompareRow(
              ref.weights(),
              ref.preset(),
              CompareRow.NO_KNOB,
              Double.NaN,
              false,
              samples,
              seed,
              r.fid(),
              relative(r.fid(), floatFid),
              r.extractor(),
              r.seconds());
      rows.add(row);
      listener.scored(row, false);
    }
    Map<List<Object>, Double> scored =
        new HashMap<>(); // lookup only; output order comes from points
    for (Point p : points) {
      List<Object> key = List.of(p.weights(), p.preset());
      Double known = scored.get(key);
      double fid;
      double seconds = 0;
      if (known != null) {
        fid = known;
      } else {
        FidRow r =
            evaluator
                .score(chips.source(p.weights(), p.knob().override(p.level())), samples, seed)
                .row();
        fid = r.fid();
        seconds = r.seconds();
        scored.put(key, fid);
      }
      CompareRow row =
          new CompareRow(
              p.weights(),
              baseLabel,
              p.knob().name(),
              p.level(),
              p.atPreset(),
              samples,
              seed,
              fid,
              relative(fid, floatFid),
              evaluator.extractor().name(),
              seconds);
      rows.add(row);
      listener.scored(row, known != null);
    }
    return rows;
  }

  /** The preset column of the float reference row. */
  public static final String SOFTWARE = "software";

  private static double relative(double fid, double floatFid) {
    return floatFid > 0 ? fid / floatFid : Double.NaN;
  }
}
