package dev.spinsim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spinsim.cli.output.NpyReader;
import dev.spinsim.cli.report.RunWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failure after the simulation (closing the streamed files, the report, its files) never throws
 * the simulated images away: the run folder is kept with them and a note, one line says so, and the
 * exit code is {@link FinishedRun#EXIT_REPORT_INCOMPLETE}.
 */
class FinishedRunTest {
  @TempDir Path tmp;

  @AfterEach
  void noFault() {
    FinishedRun.beforeStep = null;
  }

  /** Makes the post-simulation step {@code step} fail with {@code failure}. */
  private static void failAt(String step, Error failure) {
    FinishedRun.beforeStep =
        what -> {
          if (what.equals(step)) {
            throw failure;
          }
        };
  }

  private static void failAt(String step, RuntimeException failure) {
    FinishedRun.beforeStep =
        what -> {
          if (what.equals(step)) {
            throw failure;
          }
        };
  }

  /** The folder holds every image (PNGs and a whole images.npy) and latents.npy. */
  private static void assertImagesKept(Path run, int images) throws IOException {
    for (int i = 0; i < images; i++) {
      assertTrue(Files.size(run.resolve(String.format("images/%03d.png", i))) > 0, "image " + i);
    }
    assertArrayEquals(
        new int[] {images, 1, 28, 28}, NpyReader.read(run.resolve("images.npy")).shape());
    assertEquals(images, NpyReader.read(run.resolve("latents.npy")).shape()[0]);
  }

  /** What the command wrote to stderr besides its progress bar. */
  private static List<String> errorLines(Object[] result) {
    return ((String) result[1]).lines().filter(l -> !l.isBlank() && !l.contains(" img (")).toList();
  }

  private void assertNoStagingLeft() throws IOException {
    try (Stream<Path> s = Files.list(tmp)) {
      assertFalse(s.anyMatch(p -> p.getFileName().toString().startsWith(".tmp-")));
    }
  }

  @Test
  void runningOutOfMemoryForTheReportKeepsTheImagesAndSaysSoInOneLine() throws IOException {
    Path run = tmp.resolve("oom");
    failAt("building the report", new OutOfMemoryError("Java heap space"));
    Object[] r = Cli.run("generate", "--images", "3", "--out", run.toString());
    List<String> lines = errorLines(r);
    String err = lines.get(0);

    assertEquals(FinishedRun.EXIT_REPORT_INCOMPLETE, r[0]);
    assertEquals(1, lines.size(), lines.toString());
    assertTrue(err.startsWith("spinsim: error: the report is incomplete"), err);
    assertTrue(err.contains("building the report: out of memory"), err);
    assertTrue(err.contains("all 3 images are kept in " + run.toAbsolutePath()), err);
    assertTrue(err.contains("SPINSIM_JAVA_OPTS=-Xmx"), err);
    assertFalse(err.contains("\tat "), err);
    assertImagesKept(run, 3);
    assertNoStagingLeft();
    // the run can be made again from what was kept, to the same images
    assertTrue(Files.exists(run.resolve("run.yaml")));
    String note = Files.readString(run.resolve(FinishedRun.NOTE));
    assertTrue(note.contains("building the report: out of memory"), note);
    assertTrue(note.contains("Report files written: run.yaml"), note);
    assertTrue(note.contains("missing: images.png, summary.csv"), note);
    assertFalse(Files.exists(run.resolve("report.html")));
    FinishedRun.beforeStep = null;
    Path again = tmp.resolve("again");
    assertEquals(
        0,
        Cli.run(
            "generate", "--config", run.resolve("run.yaml").toString(), "--out", again.toString())[
            0]);
    assertArrayEquals(
        Files.readAllBytes(run.resolve("images.npy")),
        Files.readAllBytes(again.resolve("images.npy")));
  }

  @Test
  void aFailureWritingTheReportKeepsTheFilesItWrote() throws IOException {
    Path run = tmp.resolve("late");
    failAt("summarising the run", new IllegalStateException("terminal gone"));
    Object[] r = Cli.run("generate", "--images", "2", "--out", run.toString());
    List<String> lines = errorLines(r);
    String err = lines.get(0);

    assertEquals(FinishedRun.EXIT_REPORT_INCOMPLETE, r[0]);
    assertEquals(1, lines.size(), lines.toString());
    assertTrue(err.contains("summarising the run: terminal gone"), err);
    assertFalse(err.contains("-Xmx"), err);
    assertImagesKept(run, 2);
    for (String f : RunWriter.reportFiles(false, false)) {
      assertTrue(Files.exists(run.resolve(f)), f);
    }
    assertTrue(Files.readString(run.resolve(FinishedRun.NOTE)).contains("missing: none"));
    assertNoStagingLeft();
  }

  @Test
  void aFailureClosingTheStreamedFilesKeepsThePngsAndTheReport() throws IOException {
    Path run = tmp.resolve("npy");
    failAt("closing images.npy and latents.npy", new IllegalStateException("disk full"));
    Object[] r = Cli.run("generate", "--images", "2", "--out", run.toString());

    assertEquals(FinishedRun.EXIT_REPORT_INCOMPLETE, r[0]);
    assertTrue(((String) r[1]).contains("closing images.npy and latents.npy: disk full"));
    assertTrue(Files.size(run.resolve("images/001.png")) > 0);
    assertTrue(Files.exists(run.resolve("report.html")));
  }

  @Test
  void badInputStillLeavesNoFolder() throws IOException {
    failAt("building the report", new OutOfMemoryError("never reached"));
    Path run = tmp.resolve("bad");
    Object[] r =
        Cli.run("generate", "--images", "2", "--set", "adc.bits=0", "--out", run.toString());
    assertEquals(2, r[0]);
    assertEquals(1, errorLines(r).size(), (String) r[1]);
    assertFalse(Files.exists(run));
    try (Stream<Path> s = Files.list(tmp)) {
      assertEquals(List.of(), s.toList());
    }
  }
}
