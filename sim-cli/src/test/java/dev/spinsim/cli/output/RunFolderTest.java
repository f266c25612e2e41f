package dev.spinsim.cli.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFolderTest {
  private static List<String> entries(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void folderAppearsOnlyAfterAllContentsAreWritten(@TempDir Path root) throws IOException {
    Path target = root.resolve("runs").resolve("r1");
    Path done =
        RunFolder.write(
            target,
            dir -> {
              Files.writeString(dir.resolve("a.txt"), "a");
              assertFalse(Files.exists(target), "target must not exist while writing");
              Files.createDirectory(dir.resolve("images"));
              Files.writeString(dir.resolve("images").resolve("000.png"), "x");
            });
    assertEquals(target.toAbsolutePath().normalize(), done);
    assertEquals("a", Files.readString(target.resolve("a.txt")));
    assertTrue(Files.exists(target.resolve("images").resolve("000.png")));
    assertEquals(List.of("r1"), entries(root.resolve("runs")), "no staging directory left");
  }

  @Test
  void failureLeavesNothingBehind(@TempDir Path root) throws IOException {
    Path target = root.resolve("r1");
    IOException e =
        assertThrows(
            IOException.class,
            () ->
                RunFolder.write(
                    target,
                    dir -> {
                      Files.createDirectory(dir.resolve("images"));
                      Files.writeString(dir.resolve("images").resolve("000.png"), "x");
                      throw new IOException("disk full");
                    }));
    assertEquals("disk full", e.getMessage());
    assertEquals(List.of(), entries(root));
  }

  @Test
  void runtimeFailureLeavesNothingBehind(@TempDir Path root) throws IOException {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            RunFolder.write(
                root.resolve("r1"),
                dir -> {
                  Files.writeString(dir.resolve("half.csv"), "a,b");
                  throw new IllegalArgumentException("bad report");
                }));
    assertEquals(List.of(), entries(root));
  }

  @Test
  void existingFolderIsNeitherOverwrittenNorTouched(@TempDir Path root) throws IOException {
    Path target = root.resolve("r1");
    Files.createDirectories(target);
    Files.writeString(target.resolve("summary.csv"), "earlier");
    FileAlreadyExistsException e =
        assertThrows(
            FileAlreadyExistsException.class,
            () ->
                RunFolder.write(
                    target, dir -> Files.writeString(dir.resolve("summary.csv"), "new")));
    assertTrue(e.getMessage().contains("already exists"), e.getMessage());
    assertEquals("earlier", Files.readString(target.resolve("summary.csv")));
    assertEquals(List.of("r1"), entries(root));
  }

  @Test
  void uncommittedFolderIsDeletedOnClose(@TempDir Path root) throws IOException {
    Path staging;
    try (RunFolder folder = RunFolder.begin(root.resolve("r1"))) {
      staging = folder.stagingDir();
      assertTrue(staging.getFileName().toString().startsWith(".tmp-r1-"));
      Files.writeString(staging.resolve("trace.csv"), "t");
    }
    assertFalse(Files.exists(staging));
    assertEquals(List.of(), entries(root));
  }

  @Test
  void targetThatAppearsDuringTheRunIsNotReplaced(@TempDir Path root) throws IOException {
    Path target = root.resolve("r1");
    try (RunFolder folder = RunFolder.begin(target)) {
      Files.createDirectory(target);
      assertThrows(FileAlreadyExistsException.class, folder::commit);
    }
    assertEquals(List.of("r1"), entries(root));
    assertEquals(List.of(), entries(target));
  }

  @Test
  void defaultNameIsTimestampModelPreset() {
    LocalDateTime t = LocalDateTime.of(2025, 3, 4, 5, 6, 7);
    assertEquals("20250304-050607-fmnist-paper", RunFolder.defaultName(t, "fmnist", "paper"));
    assertEquals(
        "20250304-050607-my_net-corner",
        RunFolder.defaultName(t, "/home/u/my net.yaml", "presets/corner.yml"));
    assertEquals(
        Path.of("traces", "runs", "20250304-050607-fmnist-paper"),
        RunFolder.defaultTarget(RunFolder.DEFAULT_RUNS_ROOT, t, "fmnist", "paper"));
  }

  @Test
  void aFinishedSimulationIsMovedIntoPlaceWithItsNoteWhenTheJvmExitsBeforeTheCommit(
      @TempDir Path root) throws IOException {
    Path target = root.resolve("runs").resolve("r");
    RunFolder folder = RunFolder.begin(target);
    Files.writeString(folder.stagingDir().resolve("images.npy"), "images");
    folder.keepOnExit("report-incomplete.txt", "interrupted\n");
    folder.keepNow("report-incomplete.txt", "interrupted\n"); // what the exit hook runs
    assertEquals(List.of("images.npy", "report-incomplete.txt"), entries(target));
    assertEquals(List.of("r"), entries(root.resolve("runs")), "no staging directory left");
    folder.close();
    assertTrue(Files.exists(target.resolve("images.npy")), "closing does not delete it");
  }

  @Test
  void theExitKeepsNothingOnceTheFolderWasCommitted(@TempDir Path root) throws IOException {
    Path target = root.resolve("r");
    try (RunFolder folder = RunFolder.begin(target)) {
      Files.writeString(folder.stagingDir().resolve("a.txt"), "a");
      folder.keepOnExit("note.txt", "n");
      folder.commit();
      folder.keepNow("note.txt", "n");
    }
    assertEquals(List.of("a.txt"), entries(target));
  }

  @Test
  void twoRunsWithOneDefaultNameTakeTwoNamesAndLeaveNoStaging(@TempDir Path root) throws Exception {
    Path name = root.resolve("20261130-143000_fmnist_paper");
    // both start before either finishes, as two generates started in the same second
    try (RunFolder a = RunFolder.beginUnique(name);
        RunFolder b = RunFolder.beginUnique(name)) {
      assertEquals(name.toAbsolutePath(), a.target());
      assertEquals(root.resolve("20261130-143000_fmnist_paper-2").toAbsolutePath(), b.target());
      Files.writeString(b.stagingDir().resolve("x"), "b");
      Files.writeString(a.stagingDir().resolve("x"), "a");
      assertEquals(b.target(), b.commit());
      assertEquals(a.target(), a.commit());
    }
    // a later one skips the finished names
    Path third = RunFolder.write(true, name, dir -> Files.writeString(dir.resolve("x"), "c"));
    assertEquals(root.resolve("20261130-143000_fmnist_paper-3").toAbsolutePath(), third);
    assertEquals("a", Files.readString(name.resolve("x")));
    try (Stream<Path> s = Files.list(root)) {
      assertEquals(
          List.of(),
          s.filter(p -> p.getFileName().toString().startsWith(".tmp")).toList(),
          "no staging left");
    }
    // an explicit name that exists is still refused
    assertThrows(
        FileAlreadyExistsException.class,
        () -> RunFolder.write(false, name, dir -> Files.writeString(dir.resolve("x"), "d")));
    assertEquals("a", Files.readString(name.resolve("x")));
  }

  @Test
  void concurrentDefaultNamesAreAllDistinct(@TempDir Path root) throws Exception {
    Path name = root.resolve("run");
    int n = 8;
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(n);
    try {
      java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
      List<java.util.concurrent.Future<Path>> done = new java.util.ArrayList<>();
      for (int i = 0; i < n; i++) {
        done.add(
            pool.submit(
                () -> {
                  go.await();
                  return RunFolder.write(
                      true, name, dir -> Files.writeString(dir.resolve("x"), "x"));
                }));
      }
      go.countDown();
      java.util.Set<Path> paths = new java.util.HashSet<>();
      for (var f : done) {
        paths.add(f.get());
      }
      assertEquals(n, paths.size());
    } finally {
      pool.shutdown();
    }
    try (Stream<Path> s = Files.list(root)) {
      assertEquals(n, s.count(), "only the run folders");
    }
  }
}
