package dev.spinsim.network.run;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The headline figures of one generation run, derived once (in the spirit of Caffeine's {@code
 * CacheStats}: an immutable value whose accessors derive rates and ratios from counts): latency,
 * throughput, energies (total, dynamic, leakage, activation-role units, domain-wall units alone,
 * the G/D split), the discriminator's mean score, image quality against the float network, and the
 * chip's size. Energies are run totals in pJ; {@code …PerImage} accessors divide by the image
 * count.
 *
 * <p>A figure that was not measured is {@link Double#NaN} (a functional run has no latency, a run
 * without D has no D columns) and its cell in {@link #COLUMNS} is empty, never 0, so tables from
 * different runs line up column for column and a script cannot mistake "not measured" for zero.
 * {@link #COLUMNS} is the one list the CSV, terminal and HTML writers iterate (and a sweep makes
 * its rows from): a new metric is one accessor plus one {@link Column}.
 */
public final class RunMetrics {
  /** How a column's value reads, for people (the CSV cell is always a plain number or text). */
  public enum Kind {
    /** Free text. */
    TEXT,
    /** An integer count. */
    COUNT,
    /** A time in ns. */
    TIME_NS,
    /** A rate per second. */
    RATE_PER_S,
    /** An energy in pJ. */
    ENERGY_PJ,
    /** A ratio in dB. */
    DB,
    /** A plain number. */
    NUMBER
  }

  /**
   * One column of the metrics table: its CSV name (lower_snake_case, unit in the name), a label for
   * people, how it reads, the significant digits kept in the CSV (0 = exact), whether the terminal
   * and the report's cards show it, and how it is read from a {@link RunMetrics} (null or NaN: not
   * measured, an empty cell).
   */
  public record Column(
      String name,
      String label,
      Kind kind,
      int digits,
      boolean headline,
      Function<RunMetrics, Object> getter) {
    /** Validates. */
    public Column {
      checkArgument(
          name.matches("[a-z][a-z0-9_]*"), "column name '%s' must be lower_snake_case", name);
      checkArgument(
          digits >= 0 && digits <= 17,
          "column %s: digits must be in [0, 17], got %s",
          name,
          digits);
      Objects.requireNonNull(getter, "getter");
    }

    /**
     * The raw value of this column for {@code m}: a String, Long, Integer or Double; null if
     * absent.
     */
    public Object value(RunMetrics m) {
      Object v = getter.apply(m);
      if (v instanceof Double d && d.isNaN()) {
        return null;
      }
      return v;
    }

    /**
     * The CSV cell: empty when not measured, numbers rounded to {@link #digits()} significant
     * digits.
     */
    public String cell(RunMetrics m) {
      Object v = value(m);
      if (v == null) {
        return "";
      }
      if (v instanceof Double d) {
        return number(d, digits);
      }
      return v.toString();
    }
  }

  /** The G or D part of a run with both networks on the chip. */
  public record NetworkPart(
      double latencyNsPerImage,
      double energyPj,
      double activationEnergyPj,
      double dwActivationEnergyPj) {}

  private final String model;
  private final String preset;
  private final String overrides;
  private final RunMode mode;
  private final int images;
  private final long seed;
  private final double latencyNsPerImage;
  private final double meanLatencyNs;
  private final double makespanNs;
  private final double energyPj;
  private final double dynamicEnergyPj;
  private final double leakageEnergyPj;
  private final double activationEnergyPj;
  private final double dwActivationEnergyPj;
  private final NetworkPart generator;
  private final NetworkPart discriminator;
  private final double discriminatorScoreMean;
  private final double psnrDbVsFloat;
  private final double rmseVsFloat;
  private final int tiles;
  private final int crossbars;
  private final long events;
  private final double areaMm2;
  private final double peakTilePowerMw;
  private final long macsPerImage;
  private final long programSteps;
  private final double programmingEnergyPj;
  private final long pixelsOutsideUnitRange;

  private RunMetrics(Builder b) {
    checkArgument(b.model != null && !b.model.isBlank(), "model must be given");
    checkArgument(b.preset != null && !b.preset.isBlank(), "preset must be given");
    checkArgument(b.mode != null, "mode must be given");
    checkArgument(b.images > 0, "images must be positive, got %s", b.images);
    nonNegativeOrNaN(b.latencyNsPerImage, "latencyNsPerImage");
    nonNegativeOrNaN(b.meanLatencyNs, "meanLatencyNs");
    nonNegativeOrNaN(b.makespanNs, "makespanNs");
    nonNegative(b.energyPj, "energyPj");
    nonNegative(b.dynamicEnergyPj, "dynamicEnergyPj");
    nonNegativeOrNaN(b.leakageEnergyPj, "leakageEnergyPj");
    nonNegative(b.activationEnergyPj, "activationEnergyPj");
    nonNegative(b.dwActivationEnergyPj, "dwActivationEnergyPj");
    checkArgument(
        b.activationEnergyPj <= b.energyPj * (1 + 1e-6) + 1e-9,
        "activation energy %s pJ exceeds the total energy %s pJ",
        b.activationEnergyPj,
        b.energyPj);
    checkArgument(
        b.dwActivationEnergyPj <= b.activationEnergyPj * (1 + 1e-6) + 1e-9,
        "domain-wall activation energy %s pJ exceeds the activation-role energy %s pJ",
        b.dwActivationEnergyPj,
        b.activationEnergyPj);
    checkArgument(
        (b.generator == null) == (b.discriminator == null),
        "the G/D split needs both parts or neither");
    if (b.generator != null) {
      checkArgument(
          agree(b.generator.energyPj() + b.discriminator.energyPj(), b.energyPj),
          "G and D energies sum to %s pJ but the run total is %s pJ",
          b.generator.energyPj() + b.discriminator.energyPj(),
          b.energyPj);
      checkArgument(
          agree(
              b.generator.activationEnergyPj() + b.discriminator.activationEnergyPj(),
              b.activationEnergyPj),
          "G and D activation energies do not sum to the run's");
    }
    this.model = b.model;
    this.preset = b.preset;
    this.overrides = b.overrides == null ? "" : b.overrides;
    this.mode = b.mode;
    this.images = b.images;
    this.seed = b.seed;
    this.latencyNsPerImage = b.latencyNsPerImage;
    this.meanLatencyNs = b.meanLatencyNs;
    this.makespanNs = b.makespanNs;
    this.energyPj = b.energyPj;
    this.dynamicEnergyPj = b.dynamicEnergyPj;
    this.leakageEnergyPj = b.leakageEnergyPj;
    this.activationEnergyPj = b.activationEnergyPj;
    this.dwActivationEnergyPj = b.dwActivationEnergyPj;
    this.generator = b.generator;
    this.discriminator = b.discriminator;
    this.discriminatorScoreMean = b.discriminatorScoreMean;
    this.psnrDbVsFloat = b.psnrDbVsFloat;
    this.rmseVsFloat = b.rmseVsFloat;
    this.tiles = b.tiles;
    this.crossbars = b.crossbars;
    this.events = b.events;
    nonNegativeOrNaN(b.areaMm2, "areaMm2");
    nonNegativeOrNaN(b.peakTilePowerMw, "peakTilePowerMw");
    checkArgument(b.macsPerImage >= 0, "MACs per image must be >= 0, got %s", b.macsPerImage);
    this.areaMm2 = b.areaMm2;
    this.peakTilePowerMw = b.peakTilePowerMw;
    this.macsPerImage = b.macsPerImage;
    checkArgument(b.programSteps >= 0, "program steps must be >= 0, got %s", b.programSteps);
    nonNegative(b.programmingEnergyPj, "programmingEnergyPj");
    this.programSteps = b.programSteps;
    this.programmingEnergyPj = b.programmingEnergyPj;
    checkArgument(
        b.pixelsOutsideUnitRange >= 0,
        "pixelsOutsideUnitRange must be >= 0, got %s",
        b.pixelsOutsideUnitRange);
    this.pixelsOutsideUnitRange = b.pixelsOutsideUnitRange;
  }

  /**
   * The columns of {@code summary.csv}, in order; the same in every run. Units are in the names;
   * energies per image unless the name says otherwise.
   */
  public static final List<Column> COLUMNS =
      ImmutableList.of(
          new Column("model", "model", Kind.TEXT, 0, false, RunMetrics::model),
          new Column("preset", "preset", Kind.TEXT, 0, false, RunMetrics::preset),
          new Column("overrides", "overrides", Kind.TEXT, 0, false, RunMetrics::overrides),
          new Column(
              "mode",
              "simulation",
              Kind.TEXT,
              0,
              false,
              m -> m.mode().name().toLowerCase(Locale.ROOT).replace('_', '-')),
          new Column("images", "images", Kind.COUNT, 0, false, RunMetrics::images),
          new Column("seed", "seed", Kind.COUNT, 0, false, RunMetrics::seed),
          new Column(
              "latency_ns_per_image",
              "latency / image",
              Kind.TIME_NS,
              6,
              true,
              RunMetrics::latencyNsPerImage),
          new Column(
              "mean_latency_ns_with_queueing",
              "mean latency with queueing",
              Kind.TIME_NS,
              6,
              false,
              RunMetrics::meanLatencyNs),
          new Column(
              "throughput_images_per_s",
              "throughput (images/s)",
              Kind.RATE_PER_S,
              6,
              true,
              RunMetrics::throughputImagesPerS),
          new Column(
              "makespan_ns",
              "run time, all images",
              Kind.TIME_NS,
              6,
              false,
              RunMetrics::makespanNs),
          new Column(
              "energy_pj_per_image",
              "energy / image",
              Kind.ENERGY_PJ,
              6,
              true,
              RunMetrics::energyPjPerImage),
          new Column(
              "dynamic_energy_pj_per_image",
              "dynamic energy / image",
              Kind.ENERGY_PJ,
              6,
              false,
              m -> m.dynamicEnergyPj() / m.images()),
          new Column(
              "leakage_energy_pj_per_image",
              "leakage energy / image",
              Kind.ENERGY_PJ,
              6,
              false,
              m -> m.leakageEnergyPj() / m.images()),
          new Column(
              "activation_energy_pj_per_image",
              "activation units / image",
              Kind.ENERGY_PJ,
              6,
              true,
              RunMetrics::activationEnergyPjPerImage),
          new Column(
              "dw_activation_energy_pj_per_image",
              "domain-wall units / image",
              Kind.ENERGY_PJ,
              6,
              true,
              RunMetrics::dwActivationEnergyPjPerImage),
          new Column(
              "energy_pj", "energy, all images", Kind.ENERGY_PJ, 6, false, RunMetrics::energyPj),
          new Column(
              "activation_energy_pj",
              "activation units, all images",
              Kind.ENERGY_PJ,
              6,
              false,
              RunMetrics::activationEnergyPj),
          new Column(
              "g_latency_ns_per_image",
              "G latency / image",
              Kind.TIME_NS,
              6,
              false,
              m -> part(m.generator, NetworkPart::latencyNsPerImage, 1)),
          new Column(
              "g_energy_pj_per_image",
              "G energy / image",
              Kind.ENERGY_PJ,
              6,
              true,
              m -> part(m.generator, NetworkPart::energyPj, m.images)),
          new Column(
              "g_activation_energy_pj_per_image",
              "G activation units / image",
              Kind.ENERGY_PJ,
              6,
              false,
              m -> part(m.generator, NetworkPart::activationEnergyPj, m.images)),
          new Column(
              "d_latency_ns_per_image",
              "D latency / image",
              Kind.TIME_NS,
              6,
              false,
              m -> part(m.discriminator, NetworkPart::latencyNsPerImage, 1)),
          new Column(
              "d_energy_pj_per_image",
              "D energy / image",
              Kind.ENERGY_PJ,
              6,
              true,
              m -> part(m.discriminator, NetworkPart::energyPj, m.images)),
          new Column(
              "d_activation_energy_pj_per_image",
              "D activation units / image",
              Kind.ENERGY_PJ,
              6,
              false,
              m -> part(m.discriminator, NetworkPart::activationEnergyPj, m.images)),
          new Column(
              "d_score_mean",
              "D score (mean)",
              Kind.NUMBER,
              4,
              true,
              RunMetrics::discriminatorScoreMean),
          new Column(
              "psnr_db_vs_float", "PSNR vs float", Kind.DB, 4, true, RunMetrics::psnrDbVsFloat),
          new Column(
              "rmse_vs_float", "RMSE vs float", Kind.NUMBER, 4, true, RunMetrics::rmseVsFloat),
          new Column("area_mm2", "chip area (mm2)", Kind.NUMBER, 6, true, RunMetrics::areaMm2),
          new Column("power_mw", "average power (mW)", Kind.NUMBER, 6, true, RunMetrics::powerMw),
          new Column(
              "peak_tile_power_mw",
              "peak tile power (mW)",
              Kind.NUMBER,
              6,
              false,
              RunMetrics::peakTilePowerMw),
          new Column(
              "tops_per_w", "efficiency (TOPS/W)", Kind.NUMBER, 6, true, RunMetrics::topsPerW),
          new Column(
              "images_per_s_per_mm2",
              "images/s/mm2",
              Kind.NUMBER,
              6,
              true,
              RunMetrics::imagesPerSPerMm2),
          new Column(
              "macs_per_image",
              "MACs / image (no inserted zeros)",
              Kind.COUNT,
              0,
              false,
              RunMetrics::macsPerImage),
          new Column(
              "program_steps",
              "weight programming, level steps (once)",
              Kind.COUNT,
              0,
              false,
              RunMetrics::programSteps),
          new Column(
              "programming_energy_pj",
              "weight programming energy (once)",
              Kind.ENERGY_PJ,
              6,
              false,
              RunMetrics::programmingEnergyPj),
          new Column("tiles", "tiles", Kind.COUNT, 0, false, RunMetrics::tiles),
          new Column("crossbars", "crossbars", Kind.COUNT, 0, false, RunMetrics::crossbars),
          new Column(
              "events",
              "events",
              Kind.COUNT,
              0,
              false,
              m -> m.mode == RunMode.FUNCTIONAL ? null : m.events),
          new Column(
              "pixels_outside_unit_range",
              "pixels outside [-1, 1]",
              Kind.COUNT,
              0,
              false,
              RunMetrics::pixelsOutsideUnitRange));

  /** Column name → value (null when not measured), in {@link #COLUMNS} order: a sweep's row. */
  public Map<String, Object> values() {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Column c : COLUMNS) {
      out.put(c.name(), c.value(this));
    }
    return out;
  }

  /**
   * Column name → CSV cell, in {@link #COLUMNS} order: {@code summary.csv} as a map, a sweep's row.
   */
  public Map<String, String> cellsByName() {
    Map<String, String> out = new LinkedHashMap<>();
    for (Column c : COLUMNS) {
      out.put(c.name(), c.cell(this));
    }
    return out;
  }

  /** The CSV cells in {@link #COLUMNS} order. */
  public List<String> cells() {
    List<String> out = new ArrayList<>(COLUMNS.size());
    for (Column c : COLUMNS) {
      out.add(c.cell(this));
    }
    return out;
  }

  /** The column called {@code name}; an unknown name is an error listing the columns. */
  public static Column column(String name) {
    for (Column c : COLUMNS) {
      if (c.name().equals(name)) {
        return c;
      }
    }
    throw new IllegalArgumentException(
        "no metric column '" + name + "', expected one of " + columnNames());
  }

  /** The names of {@link #COLUMNS}. */
  public static List<String> columnNames() {
    List<String> out = new ArrayList<>(COLUMNS.size());
    for (Column c : COLUMNS) {
      out.add(c.name());
    }
    return out;
  }

  private static Object part(
      NetworkPart p, java.util.function.ToDoubleFunction<NetworkPart> f, int divisor) {
    return p == null ? null : f.applyAsDouble(p) / divisor;
  }

  public String model() {
    return model;
  }

  public String preset() {
    return preset;
  }

  /**
   * The {@code --set}/{@code --replicate} overrides in readable form ({@code adc.bits=4}), or
   * empty.
   */
  public String overrides() {
    return overrides;
  }

  public RunMode mode() {
    return mode;
  }

  /** True when time was simulated (latency, throughput and leakage are measured). */
  public boolean timed() {
    return mode == RunMode.CYCLE_ACCURATE;
  }

  public int images() {
    return images;
  }

  public long seed() {
    return seed;
  }

  /** Latency of the first image through an empty pipeline, ns (NaN when functional). */
  public double latencyNsPerImage() {
    return latencyNsPerImage;
  }

  /**
   * Mean latency over the images, queueing behind earlier images included, ns (NaN when
   * functional).
   */
  public double meanLatencyNs() {
    return meanLatencyNs;
  }

  /** From the first image's start to the last image's end, ns (NaN when functional). */
  public double makespanNs() {
    return makespanNs;
  }

  /** Images per second with the images pipelined: images / makespan (NaN when functional). */
  public double throughputImagesPerS() {
    return timed() && makespanNs > 0 ? images / (makespanNs * 1e-9) : Double.NaN;
  }

  /** Total energy of the run, pJ (without leakage when functional: no time was simulated). */
  public double energyPj() {
    return energyPj;
  }

  public double energyPjPerImage() {
    return energyPj / images;
  }

  /** Energy of the recorded actions, pJ. */
  public double dynamicEnergyPj() {
    return dynamicEnergyPj;
  }

  /** Static power × simulated time, pJ (NaN when functional: no time was simulated). */
  public double leakageEnergyPj() {
    return leakageEnergyPj;
  }

  /** Energy of every unit with the activation role (DW, digital, tanh, sigmoid), pJ. */
  public double activationEnergyPj() {
    return activationEnergyPj;
  }

  public double activationEnergyPjPerImage() {
    return activationEnergyPj / images;
  }

  /** Energy of the domain-wall activation units alone (the paper's testing energy), pJ. */
  public double dwActivationEnergyPj() {
    return dwActivationEnergyPj;
  }

  public double dwActivationEnergyPjPerImage() {
    return dwActivationEnergyPj / images;
  }

  /** The generator's part when D ran too, else null. */
  public NetworkPart generator() {
    return generator;
  }

  /** The discriminator's part, or null when D did not run. */
  public NetworkPart discriminator() {
    return discriminator;
  }

  /** Mean of D's scores over the images (NaN when D did not run). */
  public double discriminatorScoreMean() {
    return discriminatorScoreMean;
  }

  /** Mean PSNR of the chip's images against the float network's, dB (NaN when not compared). */
  public double psnrDbVsFloat() {
    return psnrDbVsFloat;
  }

  /** Mean RMSE of the chip's images against the float network's, pixels in [−1, 1]. */
  public double rmseVsFloat() {
    return rmseVsFloat;
  }

  public int tiles() {
    return tiles;
  }

  public int crossbars() {
    return crossbars;
  }

  /**
   * Area of the hardware the mapping uses, mm²: every registered component's units × its unit area
   * (the preset's area table), so it sums per class, per tile and per layer.
   */
  public double areaMm2() {
    return areaMm2;
  }

  /** Average power: energy / simulated time, mW (= pJ/ns; NaN when functional). */
  public double powerMw() {
    return timed() && makespanNs > 0 ? energyPj / makespanNs : Double.NaN;
  }

  /**
   * Power of the busiest tile: a layer's energy spread over its tiles and its active time (first
   * vector in to last row out), the largest over the layers, mW (NaN when functional).
   */
  public double peakTilePowerMw() {
    return peakTilePowerMw;
  }

  /** Useful multiply–accumulates per image: inserted zeros and padding not counted. */
  public long macsPerImage() {
    return macsPerImage;
  }

  /**
   * Efficiency counting the useful MACs only (one MAC = 2 operations): TOPS/W = ops / J / 1e12, and
   * with energy in pJ that is 2·MACs / energy_pJ.
   */
  public double topsPerW() {
    return energyPj > 0 && macsPerImage > 0 ? 2.0 * macsPerImage * images / energyPj : Double.NaN;
  }

  /** Throughput per unit area, images/s/mm² (NaN when functional). */
  public double imagesPerSPerMm2() {
    return areaMm2 > 0 ? throughputImagesPerS() / areaMm2 : Double.NaN;
  }

  /** Level steps of every programmed cell: the one-time writing of the weights. */
  public long programSteps() {
    return programSteps;
  }

  /** Energy of writing the weights once, pJ (not part of {@link #energyPj()}: no image pays it). */
  public double programmingEnergyPj() {
    return programmingEnergyPj;
  }

  /** Events the engine processed (0 when functional). */
  public long events() {
    return events;
  }

  /**
   * Generated pixel values outside [−1, 1] (NaN counted too): none behind a Tanh; a generator
   * ending in a linear layer overshoots, and the PNGs clip what is counted here.
   */
  public long pixelsOutsideUnitRange() {
    return pixelsOutsideUnitRange;
  }

  /** A builder with every figure unmeasured (NaN) and no G/D split. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * {@code x} rounded to {@code digits} significant digits (0 = exact shortest form), plain
   * notation from 1e-4 to 1e15, scientific outside; {@code inf}/{@code -inf} for infinities.
   */
  public static String number(double x, int digits) {
    if (Double.isNaN(x)) {
      return "";
    }
    if (Double.isInfinite(x)) {
      return x > 0 ? "inf" : "-inf";
    }
    if (x == 0) {
      return "0";
    }
    BigDecimal d = new BigDecimal(Double.toString(x));
    if (digits > 0) {
      d = d.round(new MathContext(digits, RoundingMode.HALF_EVEN));
    }
    d = d.stripTrailingZeros();
    double abs = Math.abs(x);
    if (abs >= 1e-4 && abs < 1e15) {
      String s = d.toPlainString();
      return s;
    }
    return d.toString();
  }

  private static boolean agree(double a, double b) {
    return Math.abs(a - b) <= 1e-6 * Math.max(Math.abs(a), Math.abs(b)) + 1e-9;
  }

  private static void nonNegative(double v, String what) {
    checkArgument(
        Double.isFinite(v) && v >= 0, "%s must be a finite non-negative number, got %s", what, v);
  }

  private static void nonNegativeOrNaN(double v, String what) {
    checkArgument(
        Double.isNaN(v) || (Double.isFinite(v) && v >= 0),
        "%s must be a finite non-negative number or NaN (not measured), got %s",
        what,
        v);
  }

  /** Collects the figures; {@link #build()} validates them together. */
  public static final class Builder {
    private String model;
    private String preset;
    private String overrides = "";
    private RunMode mode;
    private int images;
    private long seed;
    private double latencyNsPerImage = Double.NaN;
    private double meanLatencyNs = Double.NaN;
    private double makespanNs = Double.NaN;
    private double energyPj;
    private double dynamicEnergyPj;
    private double leakageEnergyPj = Double.NaN;
    private double activationEnergyPj;
    private double dwActivationEnergyPj;
    private NetworkPart generator;
    private NetworkPart discriminator;
    private double discriminatorScoreMean = Double.NaN;
    private double psnrDbVsFloat = Double.NaN;
    private double rmseVsFloat = Double.NaN;
    private int tiles;
    private int crossbars;
    private long events;
    private double areaMm2 = Double.NaN;
    private double peakTilePowerMw = Double.NaN;
    private long macsPerImage;
    private long programSteps;
    private double programmingEnergyPj;
    private long pixelsOutsideUnitRange;

    private Builder() {}

    /** The one-time programming of the weights: level steps and their energy (pJ). */
    public Builder programming(long steps, double energyPj) {
      this.programSteps = steps;
      this.programmingEnergyPj = energyPj;
      return this;
    }

    /**
     * The chip's area (mm²), its busiest tile's power (mW, NaN when functional) and useful MACs per
     * image.
     */
    public Builder areaAndPower(double areaMm2, double peakTilePowerMw, long macsPerImage) {
      this.areaMm2 = areaMm2;
      this.peakTilePowerMw = peakTilePowerMw;
      this.macsPerImage = macsPerImage;
      return this;
    }

    /** What was run. */
    public Builder identity(
        String model, String preset, String overrides, RunMode mode, int images, long seed) {
      this.model = model;
      this.preset = preset;
      this.overrides = overrides;
      this.mode = mode;
      this.images = images;
      this.seed = seed;
      return this;
    }

    /** Timing in ns (leave unset for a functional run). */
    public Builder timing(double latencyNsPerImage, double meanLatencyNs, double makespanNs) {
      this.latencyNsPerImage = latencyNsPerImage;
      this.meanLatencyNs = meanLatencyNs;
      this.makespanNs = makespanNs;
      return this;
    }

    /** Run totals in pJ; {@code leakagePj} NaN when no time was simulated. */
    public Builder energy(
        double totalPj,
        double dynamicPj,
        double leakagePj,
        double activationPj,
        double dwActivationPj) {
      this.energyPj = totalPj;
      this.dynamicEnergyPj = dynamicPj;
      this.leakageEnergyPj = leakagePj;
      this.activationEnergyPj = activationPj;
      this.dwActivationEnergyPj = dwActivationPj;
      return this;
    }

    /** The G/D split of a run with D on the chip. */
    public Builder networks(NetworkPart generator, NetworkPart discriminator) {
      this.generator = generator;
      this.discriminator = discriminator;
      return this;
    }

    /** Mean of D's scores. */
    public Builder discriminatorScoreMean(double mean) {
      this.discriminatorScoreMean = mean;
      return this;
    }

    /** Image quality against the float network. */
    public Builder quality(ImageQuality q) {
      this.psnrDbVsFloat = q == null ? Double.NaN : q.meanPsnrDb();
      this.rmseVsFloat = q == null ? Double.NaN : q.meanRmse();
      return this;
    }

    /** The chip's size and the engine's work. */
    public Builder chip(int tiles, int crossbars, long events) {
      this.tiles = tiles;
      this.crossbars = crossbars;
      this.events = events;
      return this;
    }

    /** How many generated pixel values lie outside [−1, 1]. */
    public Builder pixelsOutsideUnitRange(long count) {
      this.pixelsOutsideUnitRange = count;
      return this;
    }

    /** Validates and builds. */
    public RunMetrics build() {
      return new RunMetrics(this);
    }
  }
}
