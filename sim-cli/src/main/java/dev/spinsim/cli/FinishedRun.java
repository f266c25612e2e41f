package dev.spinsim.cli;

import dev.spinsim.cli.output.RunFolder;
import dev.spinsim.cli.report.RunWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What a {@code generate} run does after its simulation, when every image is simulated and written:
 * from here on nothing discards the run folder. Each step (closing the streamed files, building the
 * report, writing its files) runs guarded; a step that fails, out of memory or with any exception,
 * is recorded and the run goes on with what does not need it. When one failed, the folder is still
 * moved into place, with the images, whatever report files were written and {@link #NOTE} saying
 * what failed and which report files are missing; the command prints one line saying so and exits
 * with {@link #EXIT_REPORT_INCOMPLETE}.
 */
final class FinishedRun {
  /** Exit code of a run whose images are kept but whose report is incomplete. */
  static final int EXIT_REPORT_INCOMPLETE = 4;

  /** The note a run with an incomplete report carries: what failed and what is missing. */
  static final String NOTE = "report-incomplete.txt";

  /** Heap set aside for writing the note once the heap has run out (let go at the first OOM). */
  private byte[] reserve = new byte[2 << 20];

  /** A step of the report phase. */
  @FunctionalInterface
  interface Step {
    void run() throws Exception;
  }

  /**
   * Called with each step's name before the step runs; null (nothing) but in tests, which make a
   * step fail this way to check that the run is kept.
   */
  static volatile Consumer<String> beforeStep;

  private final RunFolder folder;
  private final int images;
  private final boolean scores;
  private final boolean charts;
  private final List<String> failures = new ArrayList<>();
  private boolean outOfMemory;

  /**
   * @param folder the run folder, not yet committed
   * @param images images simulated and written into it
   * @param scores whether D scored them (a {@code scores.csv} belongs to the report)
   * @param charts whether the report draws its charts ({@code charts/} belongs to it)
   */
  FinishedRun(RunFolder folder, int images, boolean scores, boolean charts) {
    this.folder = folder;
    this.images = images;
    this.scores = scores;
    this.charts = charts;
    folder.keepOnExit(
        NOTE,
        "The run was interrupted (the JVM was stopped, e.g. by Ctrl-C) after all "
            + images
            + " images were simulated and written, while the report was being written: the images"
            + " are complete; report files may be missing or partly written. Re-run with --config "
            + folder.target().resolve("run.yaml")
            + " if run.yaml is here, or with the same command, for the whole report.\n");
  }

  /** Runs {@code step}; a failure of any kind is recorded as {@code what} failed, not thrown. */
  void step(String what, Step step) {
    try {
      Consumer<String> hook = beforeStep;
      if (hook != null) {
        hook.accept(what);
      }
      step.run();
    } catch (Throwable e) {
      failures.add(what + ": " + describe(e));
    }
  }

  /** Whether a step failed. */
  boolean failed() {
    return !failures.isEmpty();
  }

  /** Moves the folder into place and returns it; null when that failed (recorded). */
  Path commit() {
    try {
      return folder.commit();
    } catch (IOException | RuntimeException e) {
      failures.add("moving the run folder into place: " + describe(e));
      return null;
    }
  }

  /** Writes {@code run.yaml} from {@code yaml} unless the report wrote it already. */
  void ensureRunYaml(Supplier<String> yaml) {
    Path file = folder.stagingDir().resolve("run.yaml");
    if (!Files.exists(file)) {
      step(
          "writing run.yaml",
          () -> {
            String text = yaml.get();
            Files.writeString(
                file, text.endsWith("\n") ? text : text + "\n", StandardCharsets.UTF_8);
          });
    }
  }

  /**
   * Keeps the run after a failed step: writes {@link #NOTE}, moves the folder into place (or, when
   * that fails, leaves it where it was built) and returns the one line to print.
   */
  String keep() {
    Path dir = folder.stagingDir();
    String noteLine = ", see " + NOTE;
    try {
      Files.writeString(dir.resolve(NOTE), note(dir), StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException | OutOfMemoryError e) {
      noteLine = " (" + NOTE + " could not be written: " + describe(e) + ")";
    }
    Path kept;
    try {
      kept = folder.commit();
    } catch (IOException | RuntimeException e) {
      kept = folder.keepStaging();
    }
    String line =
        "spinsim: error: the report is incomplete ("
            + String.join("; ", failures)
            + "); all "
            + images
            + " images are kept in "
            + kept
            + noteLine;
    if (outOfMemory) {
      line +=
          "; for the whole report, run it again with more heap: "
              + ErrorHandler.heapAdvice(Runtime.getRuntime().maxMemory())
              + " ./spinsim generate --config "
              + kept.resolve("run.yaml");
    }
    return line.replace('\n', ' ');
  }

  /** The text of {@link #NOTE} for the run being built in {@code dir}. */
  private String note(Path dir) {
    List<String> written = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (String f : RunWriter.reportFiles(scores, charts)) {
      (Files.exists(dir.resolve(f)) ? written : missing).add(f);
    }
    StringBuilder s = new StringBuilder();
    s.append("The report of this run is incomplete.\n\n");
    s.append("All ")
        .append(images)
        .append(" images were simulated and written: ")
        .append(RunWriter.IMAGES_DIR)
        .append("/*.png, images.npy and latents.npy.\n\n");
    s.append("What failed after the simulation:\n");
    for (String f : failures) {
      s.append("  - ").append(f).append('\n');
    }
    s.append("\nReport files written: ")
        .append(written.isEmpty() ? "none" : String.join(", ", written))
        .append('\n');
    s.append("Report files missing: ")
        .append(missing.isEmpty() ? "none" : String.join(", ", missing))
        .append('\n');
    s.append("\nThe same run with its whole report (the same images, byte for byte):\n  ");
    if (outOfMemory) {
      s.append(ErrorHandler.heapAdvice(Runtime.getRuntime().maxMemory())).append(' ');
    }
    s.append("./spinsim generate --config ")
        .append(folder.target().resolve("run.yaml"))
        .append(" --out NEW_FOLDER\n");
    return s.toString();
  }

  /**
   * One line for {@code e}; out of memory anywhere in its causes says so (and frees the reserve).
   */
  private String describe(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof OutOfMemoryError) {
        reserve = null;
        outOfMemory = true;
        return "out of memory (the Java heap of "
            + (Runtime.getRuntime().maxMemory() >> 20)
            + " MiB is full)";
      }
    }
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return message.replace('\n', ' ');
  }
}
