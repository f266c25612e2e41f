package dev.spinsim.cli.output;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A run folder built in a temporary sibling directory and moved into place in one atomic rename
 * only when everything has been written, so a failed or interrupted run never leaves a partial
 * folder and never touches earlier results.
 *
 * <pre>{@code
 * try (RunFolder folder = RunFolder.begin(target)) {
 *   // stream trace.csv into folder.stagingDir() while simulating, then write the rest
 *   Path done = folder.commit();
 * } // not committed: the staging directory is deleted
 * }</pre>
 */
public final class RunFolder implements AutoCloseable {
  /**
   * The repository the launcher runs from (system property {@code spinsim.home}, set by the {@code
   * spinsim} script), so defaults land in the repository wherever the launcher is called from; the
   * working directory when the property is absent (a bare {@code java -jar}).
   */
  public static final Path HOME = Path.of(System.getProperty("spinsim.home", ""));

  /** Where runs go by default: {@code traces/runs} of {@link #HOME}. */
  public static final Path DEFAULT_RUNS_ROOT = HOME.resolve(Path.of("traces", "runs"));

  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

  private final Path target;
  private final Path staging;
  private Thread onExit;
  private volatile boolean committed;
  private boolean closed;

  private RunFolder(Path target, Path staging) {
    this.target = target;
    this.staging = staging;
    // Ctrl-C during a long run: the JVM runs shutdown hooks, so the half-built folder goes too
    // (until keepOnExit says the simulation has finished).
    this.onExit = new Thread(() -> deleteQuietly(staging), "spinsim-run-folder-cleanup");
    Runtime.getRuntime().addShutdownHook(onExit);
  }

  /**
   * From now on the folder is worth keeping (a finished simulation: its images are never thrown
   * away): if the JVM exits before {@link #commit()} (Ctrl-C during the report), the exit writes
   * {@code noteName} with {@code noteText} into the staging directory and moves it into place
   * instead of deleting it (when the move fails, the staging directory stays where it is).
   */
  public void keepOnExit(String noteName, String noteText) {
    checkState(!closed && !committed, "run folder %s is already finished", target);
    Thread keep = new Thread(() -> keepNow(noteName, noteText), "spinsim-run-folder-keep");
    try {
      Runtime.getRuntime().removeShutdownHook(onExit);
      Runtime.getRuntime().addShutdownHook(keep);
    } catch (IllegalStateException shuttingDown) {
      return; // the cleanup hook is already running
    }
    onExit = keep;
  }

  /**
   * What the exit does after {@link #keepOnExit}: the note, then the move into place; a no-op once
   * committed or kept. Package-private for tests (a shutdown hook cannot be triggered in one).
   */
  void keepNow(String noteName, String noteText) {
    if (committed) {
      return;
    }
    try {
      Files.writeString(
          staging.resolve(noteName), noteText, java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException ignored) {
      // keep the folder even without its note
    }
    try {
      if (!Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        committed = true;
      }
    } catch (IOException | RuntimeException ignored) {
      // the staging directory stays, with the images in it
    }
  }

  /** Writes the contents of a run into a directory. */
  @FunctionalInterface
  public interface Contents {
    /** Writes files into {@code dir}, which exists and is empty. */
    void writeInto(Path dir) throws IOException;
  }

  /**
   * The default folder name {@code <timestamp>-<model>-<preset>}, e.g. {@code
   * 20250101-120000-fmnist-paper}; a model or preset given as a file path contributes its file name
   * without extension, and characters unsafe in file names become {@code _}.
   */
  public static String defaultName(LocalDateTime timestamp, String model, String preset) {
    return TIMESTAMP.format(timestamp) + "-" + slug(model) + "-" + slug(preset);
  }

  /** Longest readable overrides suffix of a folder name; longer ones become a hash. */
  public static final int MAX_READABLE_SUFFIX = 40;

  /**
   * {@link #defaultName(LocalDateTime, String, String)} followed by the overrides when there are
   * any ({@code adc.bits=4,crossbar.rows=256} → {@code -adc.bits-4_crossbar.rows-256}), so runs
   * with different overrides are told apart by name; beyond {@link #MAX_READABLE_SUFFIX} characters
   * the suffix is {@code -o} and 8 hex digits of the overrides' SHA-256 (the header, report and
   * summary.csv carry the readable form).
   */
  public static String defaultName(
      LocalDateTime timestamp, String model, String preset, String overrides) {
    String base = defaultName(timestamp, model, preset);
    if (overrides == null || overrides.isBlank()) {
      return base;
    }
    return base + "-" + overridesSuffix(overrides);
  }

  /**
   * The folder-name form of an overrides label (see {@link #defaultName(LocalDateTime, String,
   * String, String)}).
   */
  public static String overridesSuffix(String overrides) {
    String readable =
        overrides
            .strip()
            .replace('=', '-')
            .replace(',', '_')
            .replace(':', '-')
            .replaceAll("[^A-Za-z0-9._-]", "_");
    if (readable.length() <= MAX_READABLE_SUFFIX) {
      return readable;
    }
    try {
      byte[] h =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(overrides.strip().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return "o" + java.util.HexFormat.of().formatHex(h, 0, 4);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code runsRoot/defaultName(...)}. */
  public static Path defaultTarget(
      Path runsRoot, LocalDateTime timestamp, String model, String preset) {
    return runsRoot.resolve(defaultName(timestamp, model, preset));
  }

  /**
   * Starts a run folder at {@code target}: fails at once if {@code target} already exists, creates
   * its parent directories and an empty staging directory {@code .tmp-<name>-<random>} beside it.
   */
  public static RunFolder begin(Path target) throws IOException {
    checkArgument(target != null, "run folder path is required");
    Path absolute = target.toAbsolutePath().normalize();
    Path parent = absolute.getParent();
    checkArgument(parent != null, "run folder %s has no parent directory", target);
    refuseExisting(absolute, target);
    Files.createDirectories(parent);
    SplittableRandom random = new SplittableRandom(System.nanoTime() ^ absolute.hashCode());
    for (int attempt = 0; ; attempt++) {
      String suffix = Long.toUnsignedString(random.nextLong() & 0xFFFF_FFFFFFL, 36);
      Path staging = parent.resolve(".tmp-" + absolute.getFileName() + "-" + suffix);
      try {
        Files.createDirectory(staging);
        return new RunFolder(absolute, staging);
      } catch (FileAlreadyExistsException e) {
        if (attempt > 100) {
          throw e;
        }
      }
    }
  }

  /**
   * Starts a run folder at the first free one of {@code target}, {@code target-2}, {@code
   * target-3}, … (a default name, which two runs started in the same second share): the name is
   * taken atomically by creating its staging directory {@code .tmp-<name>} (no random part), which
   * only that run renames into place, so two runs never pick one name and neither fails to commit.
   * {@link #target()} is the name taken.
   */
  public static RunFolder beginUnique(Path target) throws IOException {
    checkArgument(target != null, "run folder path is required");
    Path absolute = target.toAbsolutePath().normalize();
    Path parent = absolute.getParent();
    checkArgument(parent != null, "run folder %s has no parent directory", target);
    Files.createDirectories(parent);
    String name = absolute.getFileName().toString();
    for (int n = 1; ; n++) {
      String candidate = n == 1 ? name : name + "-" + n;
      Path staging = parent.resolve(".tmp-" + candidate);
      try {
        Files.createDirectory(staging);
      } catch (FileAlreadyExistsException e) {
        continue; // another run is writing this name
      }
      Path taken = parent.resolve(candidate);
      if (Files.exists(taken, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        Files.delete(staging); // a finished run has this name
        continue;
      }
      return new RunFolder(taken, staging);
    }
  }

  /**
   * As {@link #write}; when {@code defaultName}, at the first free name from {@code target} ({@link
   * #beginUnique}) instead of refusing an existing one.
   */
  public static Path write(boolean defaultName, Path target, Contents contents) throws IOException {
    if (!defaultName) {
      return write(target, contents);
    }
    try (RunFolder folder = beginUnique(target)) {
      contents.writeInto(folder.stagingDir());
      return folder.commit();
    }
  }

  /**
   * Builds a complete run folder at {@code target} with {@code contents}: on success the folder
   * appears all at once and its path is returned; on any failure nothing is left behind.
   */
  public static Path write(Path target, Contents contents) throws IOException {
    try (RunFolder folder = begin(target)) {
      contents.writeInto(folder.stagingDir());
      return folder.commit();
    }
  }

  /** The directory being filled; it becomes the run folder on {@link #commit()}. */
  public Path stagingDir() {
    checkState(!closed && !committed, "run folder %s is already finished", target);
    return staging;
  }

  /** The final path of the run folder (absolute). */
  public Path target() {
    return target;
  }

  /**
   * Moves the staging directory to the target in one atomic rename and returns the target. Fails
   * (and leaves the staging directory for {@link #close()} to delete) if the target appeared in the
   * meantime or the file system cannot rename atomically.
   */
  public Path commit() throws IOException {
    checkState(!closed && !committed, "run folder %s is already finished", target);
    refuseExisting(target, target);
    try {
      Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException(
          "cannot move the run into place atomically at " + target + ": " + e.getMessage(), e);
    }
    committed = true;
    return target;
  }

  /**
   * Keeps the staging directory where it is (for a finished simulation that could not be moved into
   * place: its images are never thrown away) and returns its path; {@link #close()} then leaves it.
   */
  public Path keepStaging() {
    checkState(!closed && !committed, "run folder %s is already finished", target);
    committed = true;
    return staging;
  }

  /** Deletes the staging directory unless the folder was committed or kept. */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      Runtime.getRuntime().removeShutdownHook(onExit);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or will run; deleting twice is harmless
    }
    if (!committed) {
      deleteRecursively(staging);
    }
  }

  private static void deleteQuietly(Path dir) {
    try {
      deleteRecursively(dir);
    } catch (IOException | RuntimeException ignored) {
      // best effort while the JVM exits
    }
  }

  private static void refuseExisting(Path absolute, Path asGiven) throws IOException {
    if (Files.exists(absolute, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      throw new FileAlreadyExistsException(
          asGiven.toString(),
          null,
          "run folder " + asGiven + " already exists; refusing to overwrite it");
    }
  }

  static String slug(String name) {
    checkArgument(name != null && !name.isBlank(), "model and preset names must not be blank");
    String base = name.strip();
    int slash = Math.max(base.lastIndexOf('/'), base.lastIndexOf('\\'));
    if (slash >= 0) {
      base = base.substring(slash + 1);
    }
    String lower = base.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
      base = base.substring(0, base.lastIndexOf('.'));
    }
    String safe = base.replaceAll("[^A-Za-z0-9._-]", "_");
    return safe.isEmpty() || safe.chars().allMatch(c -> c == '.') ? "_" : safe;
  }

  static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.walkFileTree(
        dir,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
            if (e != null) {
              throw e;
            }
            Files.delete(d);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
