package dev.spinsim.cli;

import dev.spinsim.cli.output.ImagePng;
import dev.spinsim.cli.output.RunFolder;
import dev.spinsim.cli.report.ReportCharts;
import dev.spinsim.cli.report.RunReport;
import dev.spinsim.cli.report.RunWriter;
import dev.spinsim.cli.report.TerminalSummary;
import dev.spinsim.core.trace.CsvTraceSink;
import dev.spinsim.core.trace.TraceLevel;
import dev.spinsim.core.trace.TraceSink;
import dev.spinsim.network.chip.ChipBuildCache;
import dev.spinsim.network.generation.Generation;
import dev.spinsim.network.generation.GenerationResult;
import dev.spinsim.network.model.Shape;
import dev.spinsim.network.run.PhaseTimes;
import dev.spinsim.network.run.RunMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code spinsim generate}: simulate image generation on the chip (the main job). */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Generate images on the simulated spintronic chip, cycle by cycle, and write a run folder"
          + " (images, summary.csv, layers.csv, energy.csv, mapping.csv, run.yaml, report.html).",
      "With no options: the fmnist generator with its shipped weights on the 'paper' preset,"
          + " 16 images."
    })
final class GenerateCommand implements Callable<Integer> {
  @Option(
      names = "--model",
      description =
          "fmnist, dcgan64 or a model YAML file (default: the shipped model that the"
              + " --weights file fits, fmnist without one)")
  String model;

  @Option(names = "--weights", description = "generator safetensors (default: the shipped weights)")
  Path weights;

  @Option(
      names = "--discriminator-weights",
      description = "discriminator safetensors (default: the shipped weights)")
  Path discriminatorWeights;

  @Option(
      names = "--preset",
      defaultValue = "paper",
      description =
          "paper, isaac, neurosim, ideal or a preset YAML file (default: ${DEFAULT-VALUE})")
  String preset;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description =
          "override a preset key (crossbar.rows=256), a mapping key"
              + " (mapping.partialSums=analog, mapping.biasMode=bias-row) or a model key"
              + " (model.generator[1].eps=1e-3); repeatable")
  List<String> sets = new ArrayList<>();

  @Option(
      names = "--replicate",
      paramLabel = "LAYER=COPIES",
      description = "replicate a layer's crossbars for throughput, e.g. G.main.3=2; repeatable")
  Map<String, Integer> replicate = new LinkedHashMap<>();

  @Option(
      names = "--images",
      defaultValue = "16",
      description = "images to generate (default: ${DEFAULT-VALUE})")
  int images;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "seed of latents, device variation and read noise (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(
      names = "--out",
      description =
          "run folder (default: traces/runs/<timestamp>-<model>-<preset>" + "[-<overrides>])")
  Path out;

  @Option(
      names = "--name",
      description =
          "name of the run folder under traces/runs (instead of the" + " timestamped default)")
  String name;

  @Option(
      names = "--config",
      paramLabel = "RUN/run.yaml",
      description =
          "run again exactly as a finished run's run.yaml recorded it (same images, byte for"
              + " byte); of the other options, only the run folder's may be given with it")
  Path config;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--trace",
      defaultValue = "off",
      description = "trace.csv level: off, layer or op (default: ${DEFAULT-VALUE})")
  String trace;

  @Option(
      names = "--discriminator",
      description =
          "also run D on each generated image on the same chip (the paper's testing pass)")
  boolean discriminator;

  @Option(
      names = "--functional",
      description = "same values and counts without events or time (for comparison)")
  boolean functional;

  @Option(
      names = "--charts",
      description =
          "draw the report's charts even for a run of fewer than "
              + CHARTS_MIN_IMAGES
              + " images (which leaves them out, and says so, to finish sooner)")
  boolean charts;

  /**
   * Runs of fewer images leave the charts out unless {@code --charts} asks for them: drawing them
   * (Java2D, fonts, PNG) takes longer than simulating a few images (about 0.45 s of CPU of a
   * 1-image run's 3 s, on this project's 2-core machine under load); the report and the file list
   * say so where the charts would be, and every figure stays in the tables and CSV files.
   */
  static final int CHARTS_MIN_IMAGES = 8;

  @Option(
      names = "--verbose",
      description = "print where the run's wall time went, phase by phase, on stderr")
  boolean verbose;

  @Override
  public Integer call() throws Exception {
    long callNanos = System.nanoTime();
    long callCpuNanos = verbose ? processCpuNanos() : 0;
    RunInputs in;
    if (config != null) {
      for (String option :
          List.of(
              "--model",
              "--weights",
              "--discriminator-weights",
              "--preset",
              "--set",
              "--replicate",
              "--images",
              "--seed",
              "--trace",
              "--discriminator",
              "--functional")) {
        if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
          throw new IllegalArgumentException(
              "--config "
                  + config
                  + " sets the whole run; drop "
                  + option
                  + " (only --out or --name may go with it)");
        }
      }
      RunReplay r = RunReplay.read(config);
      images = r.images();
      seed = r.seed();
      trace = r.trace();
      functional = r.functional();
      discriminator = r.discriminator();
      in =
          new RunInputs(
              r.model(),
              r.generatorWeights(),
              r.variant(),
              r.discriminatorWeights(),
              r.discriminator(),
              r.preset(),
              r.overrides(),
              r.replication(),
              r.seed());
    } else {
      in = null;
    }
    boolean drawCharts = charts || images >= CHARTS_MIN_IMAGES;
    if (drawCharts) {
      // the report's charts come last; their one-off set-up runs on the other core meanwhile
      ReportCharts.warmUpInBackground();
    }
    String chartsNotDrawn =
        drawCharts
            ? null
            : "a run of fewer than "
                + CHARTS_MIN_IMAGES
                + " images leaves them out to finish sooner (every figure is in the tables and CSV"
                + " files); --charts draws them";
    PhaseTimes phases =
        verbose ? new PhaseTimes(GenerateCommand::processCpuNanos) : new PhaseTimes();
    if (images <= 0) {
      throw new IllegalArgumentException("--images must be a positive integer, got " + images);
    }
    if (out != null && name != null) {
      throw new IllegalArgumentException("--out and --name both name the run folder; give one");
    }
    if (name != null
        && (name.isBlank()
            || !name.equals(name.strip())
            || name.contains("/")
            || name.contains("\\")
            || name.startsWith("."))) {
      throw new IllegalArgumentException(
          "--name must be a plain folder name (no '/', not starting with"
              + " '.'), got '"
              + name
              + "'");
    }
    TraceLevel level = traceLevel(trace);
    if (in == null) {
      in =
          new RunInputs(
              model, weights, discriminatorWeights, discriminator, preset, sets, replicate, seed);
    }
    String presetLabel = in.preset.name();
    String overrides = in.overridesLabel();
    Path target =
        out != null
            ? out
            : name != null
                ? RunFolder.DEFAULT_RUNS_ROOT.resolve(name)
                : RunFolder.DEFAULT_RUNS_ROOT.resolve(
                    RunFolder.defaultName(
                        LocalDateTime.now(), in.model.name(), presetLabel, overrides));
    // a default name is made unique when the run starts (-2, -3, …: two runs in one second)
    boolean defaultName = out == null && name == null;
    if (!defaultName && Files.exists(target)) {
      throw new IllegalArgumentException(
          (out != null ? "--out " : "run folder ")
              + target
              + ": already exists; choose a new folder");
    }
    phases.mark("inputs (model, weights, preset)");
    RunMode mode = functional ? RunMode.FUNCTIONAL : RunMode.CYCLE_ACCURATE;
    // run.yaml depends on the inputs alone: written (Jackson's YAML writer, then its reader for the
    // report's check, both cold in a short run) on the second core while the chip is built and
    // the images are simulated; the report takes the text
    Supplier<String> runYaml = runYamlInBackground(in, presetLabel, seed, images, mode, trace);
    useChipCacheDirectory();
    try (RunFolder folder = defaultName ? RunFolder.beginUnique(target) : RunFolder.begin(target)) {
      Path staging = folder.stagingDir();
      GenerationResult result;
      long wallStart = System.nanoTime();
      Shape img = in.model.image();
      TraceSink sink = null;
      RunImageWriter written = null;
      // until every image is simulated and written, a failure discards the run folder (bad input
      // never leaves one); from then on nothing discards it (FinishedRun)
      try (ProgressBar bar =
          ProgressBars.images(
              "generate "
                  + in.model.name()
                  + " on "
                  + presetLabel
                  + (overrides.isEmpty() ? "" : " [" + overrides + "]"),
              images)) {
        sink =
            level == TraceLevel.OFF
                ? TraceSink.off()
                : new CsvTraceSink(staging.resolve("trace.csv"), level);
        written =
            new RunImageWriter(
                staging,
                images,
                img.channels(),
                img.height(),
                img.width(),
                in.model.latent(),
                discriminator);
        result =
            Generation.stream(in.setup(seed), images, mode, sink, written, i -> bar.step(), phases);
      } catch (Throwable t) {
        closeAfterFailure(t, written, sink);
        throw t;
      }
      TraceSink traceSink = sink;
      RunImageWriter writer = written;
      FinishedRun finished = new FinishedRun(folder, writer.written(), discriminator, drawCharts);
      // the streamed files' headers and tails: the images are all there, so a failure now keeps
      // the folder and says which file is unfinished
      finished.step("closing images.npy and latents.npy", writer::close);
      if (level != TraceLevel.OFF) {
        finished.step("closing trace.csv", traceSink::close);
      }
      // the report needs the chip's counts, not its arrays: let most of the heap go first
      result.chip().releaseValues();
      double wallS = (System.nanoTime() - wallStart) / 1e9;
      Map<String, String> details = new LinkedHashMap<>();
      details.put("simulation wall time", String.format(Locale.ROOT, "%.2f s", wallS));
      if (level != TraceLevel.OFF) {
        details.put("trace", "trace.csv (" + trace + ")");
      }
      RunInputs inputs = in;
      RunReport[] report = new RunReport[1];
      finished.step(
          "building the report",
          () ->
              report[0] =
                  GenerationReport.build(
                      inputs,
                      result,
                      presetLabel,
                      seed,
                      trace,
                      details,
                      writer.preview(),
                      writer.previewLatents(),
                      writer.previewReference(),
                      writer.quality(),
                      writer.outsideUnitRange(),
                      runYaml));
      if (report[0] != null) {
        finished.step(
            "writing the report files",
            () -> RunWriter.writeContents(report[0], staging, true, chartsNotDrawn));
      }
      String[] summary = new String[1];
      if (report[0] != null) {
        finished.step(
            "summarising the run",
            () -> summary[0] = TerminalSummary.render(report[0], folder.target()));
      }
      Path done = finished.failed() ? null : finished.commit();
      if (done == null) {
        report[0] = null;
        // run.yaml above all, so that the run can be made again (--config) without its report
        finished.ensureRunYaml(
            () -> GenerationReport.runYaml(inputs, presetLabel, seed, images, mode, trace));
        System.err.println(finished.keep());
        if (verbose) {
          printPhases(callNanos, callCpuNanos, phases);
        }
        return FinishedRun.EXIT_REPORT_INCOMPLETE;
      }
      phases.mark("report (tables, charts, report.html)");
      System.out.print(summary[0]);
    }
    if (verbose) {
      printPhases(callNanos, callCpuNanos, phases);
    }
    return 0;
  }

  /**
   * {@link GenerationReport#runYaml} of these arguments, computed on a daemon thread started now
   * (and checked as the report will check it, which sets up the YAML reader; the thread then warms
   * up the PNG encoder, {@link ImagePng#warmUp}): the supplier waits for the text and throws what
   * computing it threw.
   */
  static Supplier<String> runYamlInBackground(
      RunInputs in, String presetLabel, long seed, int images, RunMode mode, String trace) {
    CompletableFuture<String> text = new CompletableFuture<>();
    Thread t =
        new Thread(
            () -> {
              String yaml;
              try {
                yaml = GenerationReport.runYaml(in, presetLabel, seed, images, mode, trace);
              } catch (Throwable e) {
                text.completeExceptionally(e);
                return;
              }
              text.complete(yaml);
              try {
                RunReport.checkRunYaml(yaml);
              } catch (RuntimeException invalid) {
                // the report's own check says so
              }
              try {
                // the image files come next on the main thread: AWT and the PNG encoder set up
                ImagePng.warmUp();
              } catch (Throwable e) {
                // a throwaway: whatever failed here fails again, and is reported, in the run
              }
            },
            "spinsim-run-yaml");
    t.setDaemon(true);
    t.start();
    return () -> {
      try {
        return text.join();
      } catch (java.util.concurrent.CompletionException e) {
        if (e.getCause() instanceof RuntimeException re) {
          throw re;
        }
        if (e.getCause() instanceof Error err) {
          throw err;
        }
        throw e;
      }
    };
  }

  /** Closes what a failed simulation had open, keeping {@code failure} the error to report. */
  private static void closeAfterFailure(Throwable failure, AutoCloseable... open) {
    for (AutoCloseable c : open) {
      if (c == null) {
        continue;
      }
      try {
        c.close();
      } catch (Throwable e) {
        failure.addSuppressed(e);
      }
    }
  }

  /**
   * System property naming the directory where chip builds are kept across processes (the {@code
   * spinsim} launcher passes one per build of the jar); unset: every run builds its chip.
   */
  static final String CHIP_CACHE_PROPERTY = "spinsim.chipCache";

  /** Points the chip-build cache's on-disk store at {@link #CHIP_CACHE_PROPERTY}'s directory. */
  private static void useChipCacheDirectory() {
    String dir = System.getProperty(CHIP_CACHE_PROPERTY, "");
    ChipBuildCache.shared().setDirectory(dir.isBlank() ? null : Path.of(dir));
  }

  /**
   * The phases' wall and CPU times on stderr: the launcher and JVM start to main (when the OS tells
   * it), the command line, then the run's phases. The CPU time is the whole process's (every
   * thread: the JIT compilers' and the collector's too); the JVM start and the command line share
   * one figure.
   */
  private static void printPhases(long callNanos, long callCpuNanos, PhaseTimes phases) {
    Map<String, Long> ns = new LinkedHashMap<>();
    Map<String, Long> cpu = new LinkedHashMap<>();
    long sinceStartNs = sinceProcessStartNs();
    if (sinceStartNs >= 0) {
      long sinceMainNs = System.nanoTime() - Main.mainEnteredNanos;
      ns.put("launcher and JVM start to main (±10 ms)", Math.max(0, sinceStartNs - sinceMainNs));
    }
    ns.put("command line (picocli)", callNanos - Main.mainEnteredNanos);
    cpu.put("command line (picocli)", callCpuNanos);
    ns.putAll(phases.nanos());
    cpu.putAll(phases.cpuNanos());
    long total = 0;
    long totalCpu = 0;
    for (long v : ns.values()) {
      total += v;
    }
    for (long v : cpu.values()) {
      totalCpu += v;
    }
    System.err.printf(Locale.ROOT, "%-54s %10s %10s%n", "phase times:", "wall", "CPU");
    for (Map.Entry<String, Long> e : ns.entrySet()) {
      Long c = cpu.get(e.getKey());
      System.err.printf(
          Locale.ROOT,
          "  %-52s %8.3f s %s%n",
          e.getKey(),
          e.getValue() / 1e9,
          e.getKey().startsWith("launcher")
              ? "  (CPU with the command line)"
              : c == null ? "" : String.format(Locale.ROOT, "%8.3f s", c / 1e9));
    }
    System.err.printf(
        Locale.ROOT, "  %-52s %8.3f s %8.3f s%n", "total", total / 1e9, totalCpu / 1e9);
    Path store = ChipBuildCache.shared().directory();
    if (store != null) {
      ChipBuildCache.StoreCounts c = ChipBuildCache.shared().storeCounts();
      System.err.printf(
          Locale.ROOT,
          "chip-build cache %s: %d entries read, %d built and saved, %d files ignored%n",
          store,
          c.hits(),
          c.misses() + c.rejected(),
          c.rejected());
    }
  }

  /** CPU time of this process so far in ns (all threads), or 0 when the JVM does not say. */
  static long processCpuNanos() {
    java.lang.management.OperatingSystemMXBean os =
        java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun
        ? Math.max(0, sun.getProcessCpuTime())
        : 0;
  }

  /**
   * Nanoseconds since this process started (the launcher's, which execs the JVM), or -1 when the OS
   * does not say: on Linux from the process's start in clock ticks ({@code /proc/self/stat} field
   * 22, 100 per second) against the time since boot ({@code /proc/uptime}, 10 ms), both counted
   * from boot; elsewhere from {@link ProcessHandle.Info#startInstant()} (on Linux that one is off
   * by up to a second: it adds the boot time, which the kernel gives in whole seconds).
   */
  static long sinceProcessStartNs() {
    try {
      String stat = Files.readString(Path.of("/proc/self/stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      long startTicks = Long.parseLong(fields[22 - 3]);
      String uptime = Files.readString(Path.of("/proc/uptime"));
      double upS = Double.parseDouble(uptime.substring(0, uptime.indexOf(' ')));
      return Math.max(0, Math.round((upS - startTicks / 100.0) * 1e9));
    } catch (java.io.IOException | RuntimeException notLinux) {
      return ProcessHandle.current()
          .info()
          .startInstant()
          .map(start -> java.time.Duration.between(start, java.time.Instant.now()).toNanos())
          .orElse(-1L);
    }
  }

  static TraceLevel traceLevel(String s) {
    return switch (s.toLowerCase(Locale.ROOT)) {
      case "off" -> TraceLevel.OFF;
      case "layer" -> TraceLevel.LAYER;
      case "op" -> TraceLevel.OP;
      default -> throw new IllegalArgumentException("--trace must be off, layer or op, got " + s);
    };
  }
}
