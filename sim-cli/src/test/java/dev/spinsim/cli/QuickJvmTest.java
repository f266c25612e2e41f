package dev.spinsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A short run (8 images: the crossbar reads of the Vector-API JVM take its kernels) as the launcher
 * starts it ("quick": C1 only, no Vector API module, so every kernel takes its scalar loops) writes
 * the same files, byte for byte, as the same run in a JVM with the Vector API and C2 (this test
 * JVM); only report.html's wall-time line may differ.
 */
class QuickJvmTest {
  @TempDir Path tmp;

  @Test
  void quickJvmWritesTheSameRunFolder() throws Exception {
    String[] run = {"generate", "--images", "8", "--seed", "3", "--functional"};
    Path full = tmp.resolve("full");
    List<String> args = new ArrayList<>(List.of(run));
    args.addAll(List.of("--out", full.toString()));
    Object[] inProcess = Cli.run(args.toArray(String[]::new));
    assertEquals(0, inProcess[0], (String) inProcess[1]);

    Path quick = tmp.resolve("quick");
    List<String> cmd = new ArrayList<>();
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    cmd.add("-XX:TieredStopAtLevel=1");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(Main.class.getName());
    cmd.addAll(List.of(run));
    cmd.addAll(List.of("--out", quick.toString()));
    Process p =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(tmp.resolve("quick.log").toFile())
            .start();
    assertTrue(p.waitFor(240, TimeUnit.SECONDS), "quick run did not finish");
    String log = Files.readString(tmp.resolve("quick.log"));
    assertEquals(0, p.exitValue(), log);
    assertTrue(!log.contains("jdk.incubator.vector"), "the child JVM had the Vector API: " + log);

    List<Path> files;
    try (Stream<Path> s = Files.walk(full)) {
      files = s.filter(Files::isRegularFile).map(full::relativize).sorted().toList();
    }
    try (Stream<Path> s = Files.walk(quick)) {
      assertEquals(files, s.filter(Files::isRegularFile).map(quick::relativize).sorted().toList());
    }
    assertTrue(files.contains(Path.of("images.npy")), files.toString());
    for (Path f : files) {
      if (f.toString().equals("report.html")) {
        assertEquals(
            withoutWallTime(Files.readString(full.resolve(f))),
            withoutWallTime(Files.readString(quick.resolve(f))));
      } else {
        assertEquals(-1L, Files.mismatch(full.resolve(f), quick.resolve(f)), f + " differs");
      }
    }
  }

  private static String withoutWallTime(String html) {
    return html.replaceAll("<dt>simulation wall time</dt><dd>[^<]*</dd>", "");
  }
}
