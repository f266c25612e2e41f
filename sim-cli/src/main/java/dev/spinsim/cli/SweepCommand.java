package dev.spinsim.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.spinsim.cli.sweep.LocalExecutor;
import dev.spinsim.cli.sweep.Nsga2Search;
import dev.spinsim.cli.sweep.Objective;
import dev.spinsim.cli.sweep.Pareto;
import dev.spinsim.cli.sweep.PointExecutor;
import dev.spinsim.cli.sweep.PointExecutorFactory;
import dev.spinsim.cli.sweep.ResolvedPoint;
import dev.spinsim.cli.sweep.ResultsFile;
import dev.spinsim.cli.sweep.SweepDriver;
import dev.spinsim.cli.sweep.SweepOutputs;
import dev.spinsim.cli.sweep.SweepPoint;
import dev.spinsim.cli.sweep.SweepSettings;
import dev.spinsim.cli.sweep.SweepSpace;
import dev.spinsim.core.config.ConfigLoader;
import dev.spinsim.devices.preset.Presets;
import dev.spinsim.network.model.ModelLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code spinsim sweep}: design-space exploration, many points in one process, resumable. */
@Command(
    name = "sweep",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Evaluate many design points in one process: each point builds its chip and generates images, and its"
          + " summary.csv figures become one row of DIR/results.csv, appended as soon as it finishes.",
      "Re-running the same command on the same --out reuses finished points (resumable after a crash or Ctrl-C).",
      "Writes results.csv, pareto.csv, plots/*.png, report.html, sweep.yaml and timings.csv into --out.",
      "Example: spinsim sweep --set adc.bits=4,6,8 --set crossbar.rows=64,128,256 --images 4 --out D"
    })
final class SweepCommand implements Callable<Integer> {
  @Option(
      names = "--space",
      paramLabel = "FILE.yaml",
      description =
          "the space as YAML: knobs: {KEY: [v1, v2] | {from: A, to: B, step: S | scale: log2} |"
              + " {choices: [...]}}, zip: [{KEY1: [...], KEY2: [...]}], fixed: {KEY: v}")
  Path space;

  @Option(
      names = "--set",
      paramLabel = "KEY=V1,V2,...",
      description =
          "a knob and its values (two or more), or a fixed override (one value); repeatable. Keys: any"
              + " preset key (adc.bits), mapping key (mapping.partialSums), replicate.LAYER, preset")
  List<String> sets = new ArrayList<>();

  @Option(
      names = "--strategy",
      defaultValue = "grid",
      description = "grid, random or nsga2 (default: ${DEFAULT-VALUE})")
  String strategy;

  @Option(
      names = "--points",
      defaultValue = "32",
      description = "random and nsga2: distinct points to evaluate (default: ${DEFAULT-VALUE})")
  int points;

  @Option(
      names = "--generations",
      defaultValue = "100",
      description = "nsga2: most generations (default: ${DEFAULT-VALUE})")
  int generations;

  @Option(
      names = "--population",
      defaultValue = "12",
      description = "nsga2: population size (default: ${DEFAULT-VALUE})")
  int population;

  @Option(
      names = "--model",
      defaultValue = "fmnist",
      description = "fmnist, dcgan64 or a model YAML (default: ${DEFAULT-VALUE})")
  String model;

  @Option(names = "--weights", description = "generator safetensors (default: the shipped weights)")
  Path weights;

  @Option(
      names = "--preset",
      defaultValue = "paper",
      description = "the base preset (default: ${DEFAULT-VALUE})")
  String preset;

  @Option(
      names = "--images",
      defaultValue = "4",
      description = "images per point (default: ${DEFAULT-VALUE})")
  int images;

  @Option(
      names = "--fid-samples",
      defaultValue = "0",
      description =
          "also FID per point from this many images (functional mode) against the training set; the"
              + " training statistics and the float generator's FID are computed once per sweep (default: no FID)")
  int fidSamples;

  @Option(
      names = "--objectives",
      split = ",",
      defaultValue = "energy,latency,area,psnr",
      description =
          "objectives for the Pareto front and NSGA-II: energy, latency, area, power, psnr, rmse, fid,"
              + " throughput, efficiency, activation or a results.csv column (default: ${DEFAULT-VALUE}; those the"
              + " runs do not report are left out)")
  List<String> objectives;

  @Option(
      names = "--parallel",
      defaultValue = "0",
      description = "points at once (default: the cores)")
  int parallel;

  @Option(
      names = "--executor",
      defaultValue = "local",
      description = "local or spark (default: ${DEFAULT-VALUE})")
  String executor;

  @Option(
      names = "--spark-master",
      description = "Spark master URL (default: local[*], Spark embedded)")
  String sparkMaster;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description =
          "seed of latents and device noise (every point), random sampling and NSGA-II (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(
      names = "--resume",
      description =
          "require --out to hold an earlier sweep and continue it"
              + " (re-running on an existing --out resumes too)")
  boolean resume;

  @Option(
      names = "--keep-runs",
      description = "keep each point's full run folder in DIR/runs/<point>-<hash>")
  boolean keepRuns;

  @Option(names = "--out", required = true, description = "the sweep folder (created, or resumed)")
  Path out;

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @Override
  public Integer call() throws Exception {
    // ---- validate everything before the folder is touched
    String strat = strategy.toLowerCase(Locale.ROOT);
    if (!Set.of("grid", "random", "nsga2").contains(strat)) {
      throw new IllegalArgumentException(
          "--strategy must be grid, random or nsga2, got " + strategy);
    }
    if (points < 1) {
      throw new IllegalArgumentException("--points must be a positive integer, got " + points);
    }
    if (population < 4 || population % 2 != 0) {
      throw new IllegalArgumentException(
          "--population must be an even integer >= 4, got " + population);
    }
    if (generations < 1) {
      throw new IllegalArgumentException(
          "--generations must be a positive integer, got " + generations);
    }
    if (parallel < 0) {
      throw new IllegalArgumentException("--parallel must be >= 0 (0: the cores), got " + parallel);
    }
    if (space != null && !Files.isRegularFile(space)) {
      throw new IllegalArgumentException("--space " + space + ": no such file");
    }
    SweepSpace sp = SweepSpace.of(space, sets);
    List<Objective> objs = Objective.parse(objectives);
    if (objs.isEmpty()) {
      throw new IllegalArgumentException("--objectives: give at least one objective");
    }
    Path dir = out.toAbsolutePath().normalize();
    SweepSettings settings =
        new SweepSettings(
            model,
            weights == null ? null : weights.toAbsolutePath().toString(),
            preset,
            images,
            seed,
            fidSamples,
            keepRuns ? dir.resolve("runs").toString() : null);
    ModelLoader.load(model); // a bad --model fails before the folder is made
    SweepEvaluator evaluator = new SweepEvaluator(settings, sp.fixed());
    ResolvedPoint baseResolved = evaluator.resolve(new SweepPoint(SweepPoint.BASE_ID, Map.of()));
    if (!baseResolved.valid()) {
      String blamed = blameSpaceFile(baseResolved.error(), space, sets);
      throw new IllegalArgumentException(
          blamed.equals(baseResolved.error())
              ? "the base configuration is invalid: " + blamed
              : blamed);
    }
    checkKeys(sp, evaluator, space, sets);
    Path results = dir.resolve("results.csv");
    boolean existing = Files.exists(results);
    if (resume && !existing) {
      throw new IllegalArgumentException(
          "--resume: " + results + " does not exist; nothing to resume");
    }
    if (!existing && Files.isDirectory(dir)) {
      try (var s = Files.list(dir)) {
        if (s.anyMatch(p -> !p.getFileName().toString().equals("sweep.yaml"))) {
          throw new IllegalArgumentException(
              "--out " + out + " exists and is not a sweep folder; choose a new folder");
        }
      }
    } else if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new IllegalArgumentException("--out " + out + " is a file; choose a folder");
    }
    if (existing) {
      refuseOtherSweep(dir.resolve("sweep.yaml"), settings);
    }
    ResultsFile file = ResultsFile.open(results, sp.knobs());
    PointExecutor exec = executor(settings, sp.fixed(), evaluator);

    // ---- the folder
    Files.createDirectories(dir);
    String sweepYaml = sweepYaml(sp, settings, strat, objs, exec);
    SweepOutputs.atomicWrite(dir.resolve("sweep.yaml"), sweepYaml.getBytes(StandardCharsets.UTF_8));
    SweepPoint base = basePoint(sp, settings.preset());
    if (fidSamples > 0) {
      System.err.printf(
          Locale.ROOT,
          "spinsim: float generator FID at %d samples: %.4f (computed once for the sweep)%n",
          fidSamples,
          evaluator.floatFid());
    }

    List<SweepPoint> planned = new ArrayList<>();
    planned.add(base);
    if (strat.equals("grid")) {
      planned.addAll(sp.all());
    } else if (strat.equals("random")) {
      planned.addAll(randomPoints(sp, points, seed));
    }
    int reusable = 0;
    Set<String> plannedHashes = new LinkedHashSet<>();
    List<SweepPoint> distinct = new ArrayList<>();
    for (SweepPoint p : planned) {
      String h = evaluator.resolve(p).hash();
      if (plannedHashes.add(h)) {
        distinct.add(p);
        if (file.has(h)) {
          reusable++;
        }
      }
    }
    planned = distinct;
    long total = strat.equals("nsga2") ? points + 1 : plannedHashes.size();
    System.err.printf(
        Locale.ROOT,
        "spinsim sweep: %s over %d knob(s), %s points in the space, %d to evaluate on %s x%d;"
            + " %s%n",
        strat,
        sp.knobs().size(),
        sp.size(),
        total,
        exec.name(),
        exec.parallelism(),
        existing
            ? String.format(Locale.ROOT, "reusing %d finished point(s) from %s", reusable, results)
            : "a new sweep in " + dir);

    SweepDriver driver = new SweepDriver(file, evaluator, exec, objs, dir.resolve("timings.csv"));
    Thread hook =
        new Thread(
            () -> {
              System.err.println(
                  "\nspinsim sweep: stopping: finishing the points in flight; re-run the same command to resume");
              driver.stop();
              driver.close();
            },
            "spinsim-sweep-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    List<SweepPoint> evaluated = new ArrayList<>(planned);
    int generationsRun = 0;
    List<String> screenedOut = List.of();
    long start = System.nanoTime();
    try (ProgressBar bar = ProgressBars.points("sweep " + strat, total)) {
      driver.progress(
          m -> {
            synchronized (bar) {
              bar.step();
              bar.setExtraMessage(" " + m);
            }
          });
      if (strat.equals("nsga2")) {
        driver.runAll(List.of(base));
        Nsga2Search.Outcome o =
            Nsga2Search.run(
                sp,
                driver,
                boundObjectives(objs, file),
                List.of(base),
                points,
                population,
                generations,
                seed);
        evaluated.addAll(o.points());
        generationsRun = o.generations();
        screenedOut = o.screenedOut();
      } else {
        driver.runAll(planned);
      }
    }
    double wallS = (System.nanoTime() - start) / 1e9;
    if (driver.stopping()) {
      return 130;
    }
    driver.close();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      return 130;
    }

    // ---- outputs from this sweep's rows
    Set<String> hashes = new LinkedHashSet<>();
    for (SweepPoint p : evaluated) {
      hashes.add(evaluator.resolve(p).hash());
    }
    List<Map<String, String>> rows = new ArrayList<>();
    for (String h : hashes) {
      Map<String, String> r = file.row(h);
      if (r != null) {
        rows.add(r);
      }
    }
    List<String> notes = new ArrayList<>();
    List<SweepOutputs.Bound> bound = new ArrayList<>();
    for (Objective o : objs) {
      String c = o.column(file.metricColumns());
      if (c == null) {
        notes.add(
            "objective "
                + o.name()
                + " left out: the runs report no column for it (looked for "
                + o.candidates()
                + ")");
      } else {
        bound.add(new SweepOutputs.Bound(o, c));
      }
    }
    if (!file.droppedColumns().isEmpty()) {
      notes.add(
          "columns the runs report that results.csv (started earlier) has no place for: "
              + file.droppedColumns());
    }
    if (strat.equals("nsga2")) {
      notes.add(
          "NSGA-II: "
              + (hashes.size() - 1)
              + " distinct points evaluated in "
              + generationsRun
              + " generations (population "
              + population
              + ", budget "
              + points
              + ")");
      if (!screenedOut.isEmpty()) {
        notes.add(
            "NSGA-II: screened out as moving no objective (one-knob pairs within 0.1 % of every"
                + " objective's span; points differing only in them count as one): "
                + String.join(", ", screenedOut));
      }
    }
    String areaNote =
        unweighedAreaNote(rows, bound, file.metricColumns(), evaluator.resolve(base).hash());
    if (areaNote != null) {
      notes.add(areaNote);
    }
    if (fidSamples > 0) {
      notes.add(
          String.format(
              Locale.ROOT,
              "FID from %d samples per point; the float generator's FID at the same"
                  + " count is %.4f",
              fidSamples,
              evaluator.floatFid()));
    }
    List<String> header = new ArrayList<>(ResultsFile.LEAD);
    header.addAll(sp.knobs());
    header.addAll(file.metricColumns());
    header.add(ResultsFile.REASON);
    String baseHash = evaluator.resolve(base).hash();
    List<String> plots = List.of();
    if (!bound.isEmpty()) {
      plots =
          SweepOutputs.write(
              new SweepOutputs.Inputs(
                  dir,
                  "spinsim sweep: "
                      + settings.model()
                      + " on "
                      + settings.preset()
                      + " ("
                      + strat
                      + ")",
                  header,
                  rows,
                  sp.dimensions(),
                  bound,
                  baseHash,
                  settings.preset(),
                  sweepYaml,
                  SweepOutputs.readTimings(dir.resolve("timings.csv")),
                  notes));
    }
    for (String n : notes) {
      System.err.println("spinsim: note: " + n);
    }
    long ok = rows.stream().filter(r -> "ok".equals(r.get("status"))).count();
    System.out.printf(
        Locale.ROOT,
        "sweep: %d points (%d ok, %d invalid or failed): %d ran now, %d reused; %.1f s%n",
        rows.size(),
        ok,
        rows.size() - ok,
        driver.ran(),
        driver.reused(),
        wallS);
    if (!bound.isEmpty()) {
      System.out.printf(
          Locale.ROOT,
          "Pareto front of %s: %d points (pareto.csv); %d plots%n",
          bound.stream().map(b -> b.objective().name()).toList(),
          SweepOutputs.frontRows(rows, bound).size(),
          plots.size());
    }
    System.out.println(
        "written to " + dir + " (results.csv, pareto.csv, plots/, report.html, sweep.yaml)");
    return 0;
  }

  private List<Objective> boundObjectives(List<Objective> objs, ResultsFile file) {
    // NSGA-II optimises the objectives the runs report: the base point has run, so the columns are
    // known
    List<Objective> out = new ArrayList<>();
    for (Objective o : objs) {
      if (o.column(file.metricColumns()) != null) {
        out.add(o);
      }
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException(
          "--objectives: none of "
              + objs.stream().map(Objective::name).toList()
              + " is a column of the runs ("
              + file.metricColumns()
              + ")");
    }
    return out;
  }

  /**
   * Refuses knob keys the configuration does not have (every value of a knob gives "unknown key").
   */
  private static void checkKeys(
      SweepSpace sp, SweepEvaluator evaluator, Path spaceFile, List<String> sets) {
    for (SweepSpace.Dimension d : sp.dimensions()) {
      for (List<String> level : d.levels()) {
        Map<String, String> knobs = new LinkedHashMap<>();
        for (int k = 0; k < d.keys().size(); k++) {
          knobs.put(d.keys().get(k), level.get(k));
        }
        ResolvedPoint r = evaluator.resolve(new SweepPoint("check", knobs));
        if (!r.valid() && r.error().contains("unknown key")) {
          throw new IllegalArgumentException(blameSpaceFile(r.error(), spaceFile, sets));
        }
        if (!r.valid() && r.error().startsWith(SweepEvaluator.REPLICATE_PREFIX)) {
          // a layer name that matches no layer: refused before any point runs
          throw new IllegalArgumentException(
              spaceFile == null ? r.error() : spaceFile + ": " + r.error());
        }
      }
    }
  }

  /**
   * When area is not among the objectives, a front can buy its energy or quality with silicon (an
   * unshared ADC per column costs several times the base chip's area): a note giving the largest
   * area of a front point against the base point's, when it is over 1.5× (null otherwise, or when
   * the runs report no area).
   */
  static String unweighedAreaNote(
      List<Map<String, String>> rows,
      List<SweepOutputs.Bound> bound,
      List<String> columns,
      String baseHash) {
    Objective area = Objective.of("area");
    String areaColumn = area.column(columns);
    if (areaColumn == null || bound.isEmpty()) {
      return null;
    }
    for (SweepOutputs.Bound b : bound) {
      if (b.column().equals(areaColumn)) {
        return null;
      }
    }
    List<double[]> costs = new ArrayList<>();
    List<Map<String, String>> ok = new ArrayList<>();
    double baseArea = Double.NaN;
    for (Map<String, String> r : rows) {
      if (!"ok".equals(r.get("status"))) {
        continue;
      }
      double[] c = new double[bound.size()];
      boolean finite = true;
      for (int i = 0; i < c.length; i++) {
        c[i] = bound.get(i).objective().cost(r, bound.get(i).column());
        finite &= Double.isFinite(c[i]);
      }
      if (finite) {
        costs.add(c);
        ok.add(r);
      }
      if (r.get("config_hash").equals(baseHash)) {
        baseArea = area.cost(r, areaColumn);
      }
    }
    if (!(baseArea > 0) || ok.isEmpty()) {
      return null;
    }
    double worst = 0;
    for (int f : Pareto.front(costs)) {
      worst = Math.max(worst, area.cost(ok.get(f), areaColumn));
    }
    if (worst <= 1.5 * baseArea) {
      return null;
    }
    return String.format(
        Locale.ROOT,
        "area is not an objective: a front point's chip is %.1fx the base chip's area (%.3g mm2"
            + " against %.3g mm2); add area to --objectives to weigh it",
        worst / baseArea,
        worst,
        baseArea);
  }

  /**
   * A point's configuration error names the override as {@code --set KEY=VALUE: …}; when KEY came
   * from the space file rather than from {@code --set}, the error names the file and the key
   * instead ({@code grid.yaml: bogus.key: …}). Other errors are returned as they are.
   */
  static String blameSpaceFile(String error, Path spaceFile, List<String> sets) {
    if (spaceFile == null || !error.startsWith("--set ")) {
      return error;
    }
    int eq = error.indexOf('=');
    int colon = error.indexOf(": ");
    if (eq < 0 || colon < eq) {
      return error;
    }
    String key = error.substring("--set ".length(), eq).strip();
    for (String s : sets) {
      if (s.strip().startsWith(key + "=")) {
        return error; // it was a --set after all
      }
    }
    String rest = error.substring(colon + 2);
    // the loader's reason usually names the key already ("adc.bitz: unknown key")
    return spaceFile + ": " + (rest.startsWith(key + ":") ? rest : key + ": " + rest);
  }

  private PointExecutor executor(
      SweepSettings settings, Map<String, String> fixed, SweepEvaluator evaluator) {
    String name = executor.toLowerCase(Locale.ROOT);
    if (name.equals("local")) {
      if (sparkMaster != null) {
        throw new IllegalArgumentException("--spark-master needs --executor spark");
      }
      return new LocalExecutor(evaluator, parallel);
    }
    List<String> known = new ArrayList<>(List.of("local"));
    for (PointExecutorFactory f : ServiceLoader.load(PointExecutorFactory.class)) {
      known.add(f.name());
      if (f.name().equals(name)) {
        return f.create(settings, fixed, parallel, sparkMaster);
      }
    }
    if (name.equals("spark")) {
      throw new IllegalArgumentException(
          "--executor spark: the Spark executor is not on the class path; run"
              + " through ./spinsim (which adds sim-spark/target/spinsim-spark.jar and its libraries) after"
              + " mvn -B -DskipTests package -pl sim-spark -am");
    }
    throw new IllegalArgumentException("--executor must be one of " + known + ", got " + executor);
  }

  /**
   * {@code count} distinct points drawn from the space with the seed (all of them when the space is
   * smaller).
   */
  static List<SweepPoint> randomPoints(SweepSpace sp, int count, long seed) {
    long size = sp.size();
    List<SweepPoint> out = new ArrayList<>();
    if (count >= size) {
      return sp.all();
    }
    SplittableRandom rng = new SplittableRandom(seed);
    Set<Long> ids = new LinkedHashSet<>();
    while (ids.size() < count) {
      ids.add(rng.nextLong(size));
    }
    for (long id : ids) {
      out.add(sp.point(id));
    }
    return out;
  }

  /**
   * The base preset as a point: each knob at the preset's own value. When those values are levels
   * of the space, it is that grid point (same id); else an extra point with id {@code base}.
   */
  static SweepPoint basePoint(SweepSpace sp, String presetName) throws Exception {
    JsonNode presetTree = YAML.readTree(ConfigLoader.toYaml(Presets.load(presetName, List.of())));
    JsonNode mappingTree =
        YAML.readTree(ConfigLoader.toYaml(RunInputs.mappingConfig(List.of(), Map.of())));
    Map<String, String> values = new LinkedHashMap<>();
    for (String k : sp.knobs()) {
      String v;
      if (k.equals(SweepEvaluator.PRESET_KEY)) {
        v = presetName;
      } else if (k.startsWith(SweepEvaluator.REPLICATE_PREFIX)) {
        v = "1";
      } else if (k.startsWith("mapping.")) {
        v = lookup(mappingTree, k.substring("mapping.".length()));
      } else {
        v = lookup(presetTree, k);
      }
      values.put(k, sp.fixed().containsKey(k) ? sp.fixed().get(k) : v);
    }
    int[] levels = new int[sp.dimensions().size()];
    for (int d = 0; d < levels.length; d++) {
      SweepSpace.Dimension dim = sp.dimensions().get(d);
      levels[d] = -1;
      for (int i = 0; i < dim.size() && levels[d] < 0; i++) {
        boolean all = true;
        for (int k = 0; k < dim.keys().size(); k++) {
          all &= sameValue(dim.levels().get(i).get(k), values.get(dim.keys().get(k)));
        }
        if (all) {
          levels[d] = i;
        }
      }
      if (levels[d] < 0) {
        return new SweepPoint(SweepPoint.BASE_ID, values);
      }
    }
    return sp.point(levels);
  }

  private static boolean sameValue(String a, String b) {
    if (a.equals(b)) {
      return true;
    }
    try {
      return Double.parseDouble(a) == Double.parseDouble(b);
    } catch (NumberFormatException | NullPointerException e) {
      return false;
    }
  }

  private static String lookup(JsonNode tree, String key) {
    JsonNode n = tree;
    for (String seg : key.split("\\.")) {
      n = n == null ? null : n.get(seg);
    }
    return n == null || !n.isValueNode() ? "" : n.asText();
  }

  /**
   * Refuses to add to a sweep folder whose sweep.yaml records other run settings (model, weights,
   * preset, images per point, seed, FID samples): its rows were measured under those, results.csv
   * has no column telling them apart, and the fronts and comparisons would silently mix two sweeps.
   * Another strategy, budget or space over the same settings is allowed (rows are keyed by each
   * point's configuration, and a grid can extend a search). Throws with a one-line message naming
   * the file, the setting, both values and what to do.
   */
  private static void refuseOtherSweep(Path sweepYaml, SweepSettings s) throws java.io.IOException {
    if (!Files.exists(sweepYaml)) {
      return;
    }
    JsonNode before;
    try {
      before = YAML.readTree(sweepYaml.toFile());
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException(
          sweepYaml
              + ": cannot be read as YAML ("
              + e.getMessage().lines().findFirst().orElse("")
              + "); it records the settings of the sweep in this folder: restore it or choose a new --out");
    }
    for (Map.Entry<String, Object> e : runSettings(s).entrySet()) {
      JsonNode was = before == null ? null : before.get(e.getKey());
      String then = was == null || was.isNull() ? null : was.asText();
      String value = String.valueOf(e.getValue());
      if (then != null && !then.equals(value)) {
        throw new IllegalArgumentException(
            sweepYaml
                + ": this folder holds a sweep with "
                + e.getKey()
                + ": "
                + then
                + ", this one has "
                + value
                + "; their rows would mix in results.csv: use the same settings to resume, or a new --out");
      }
    }
  }

  /**
   * The settings every point of a sweep is measured under, as sweep.yaml records them first (the
   * ones {@link #refuseOtherSweep} compares).
   */
  private static Map<String, Object> runSettings(SweepSettings s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("model", s.model());
    m.put("weights", s.weights() == null ? "shipped" : s.weights());
    m.put("preset", s.preset());
    m.put("images", s.images());
    m.put("seed", s.seed());
    m.put("fidSamples", s.fidSamples());
    return m;
  }

  private String sweepYaml(
      SweepSpace sp, SweepSettings s, String strat, List<Objective> objs, PointExecutor exec) {
    Map<String, Object> m = runSettings(s);
    m.put("strategy", strat);
    if (!strat.equals("grid")) {
      m.put("points", points);
    }
    if (strat.equals("nsga2")) {
      m.put("population", population);
      // the limit (--generations); how many ran is in report.html's notes
      m.put("maxGenerations", generations);
    }
    m.put("objectives", objs.stream().map(Objective::label).toList());
    m.put("executor", exec.name());
    m.put("parallel", exec.parallelism());
    if (sparkMaster != null) {
      m.put("sparkMaster", sparkMaster);
    }
    m.put("keepRuns", keepRuns);
    m.put("space", sp.describe());
    return ConfigLoader.toYaml(m);
  }
}
