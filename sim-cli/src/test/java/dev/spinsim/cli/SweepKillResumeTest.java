package dev.spinsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep process killed with SIGKILL in the middle loses no finished point and leaves no half row;
 * running the same command again reuses every finished point and runs each other point once.
 */
class SweepKillResumeTest {
  @TempDir Path tmp;

  private static final String[] SWEEP = {
    "sweep", "--set", "adc.bits=5,6,7,8", "--images", "1", "--parallel", "1"
  };

  @Test
  void killedSweepResumesWithOneRowPerPointAndNoPointRunTwice() throws Exception {
    Path out = tmp.resolve("sweep");
    Path results = out.resolve("results.csv");
    List<String> cmd = new ArrayList<>();
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    cmd.add("--add-modules=jdk.incubator.vector");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(Main.class.getName());
    cmd.addAll(List.of(SWEEP));
    cmd.add("--out");
    cmd.add(out.toString());
    Process p =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(tmp.resolve("killed.log").toFile())
            .start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
    while (dataRows(results) < 2 && p.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    p.destroyForcibly(); // SIGKILL: no shutdown hook runs
    p.waitFor(30, TimeUnit.SECONDS);
    String log = Files.readString(tmp.resolve("killed.log"));
    int before = dataRows(results);
    assertTrue(before >= 2 && before < 4, "killed after " + before + " rows; log: " + log);
    String text = Files.readString(results, StandardCharsets.UTF_8);
    assertTrue(text.endsWith("\n"), "a half row was left: " + text);

    Object[] again = Cli.run(appendOut(out));
    assertEquals(0, again[0], (String) again[1]);
    assertTrue(
        ((String) again[1]).contains("reusing " + before + " finished point(s)"),
        (String) again[1]);
    Map<String, Map<String, String>> rows = SweepCommandTest.rows(results);
    assertEquals(List.of("0", "1", "2", "3"), new ArrayList<>(rows.keySet()));
    assertEquals(4, dataRows(results), "one row per point");
    // timings.csv gets one line per point run: none was run twice
    Map<String, Integer> runs = new HashMap<>();
    List<String> lines = Files.readAllLines(out.resolve("timings.csv"));
    for (String l : lines.subList(1, lines.size())) {
      runs.merge(l.split(",")[0], 1, Integer::sum);
    }
    for (Map.Entry<String, Integer> e : runs.entrySet()) {
      assertEquals(1, e.getValue(), "point " + e.getKey() + " ran more than once");
    }
    for (Map<String, String> r : rows.values()) {
      assertEquals("ok", r.get("status"));
    }
  }

  private static String[] appendOut(Path out) {
    List<String> a = new ArrayList<>(List.of(SWEEP));
    a.add("--out");
    a.add(out.toString());
    return a.toArray(String[]::new);
  }

  private static int dataRows(Path results) throws IOException {
    if (!Files.exists(results)) {
      return 0;
    }
    String s = Files.readString(results, StandardCharsets.UTF_8);
    int lines = (int) s.chars().filter(c -> c == '\n').count();
    return Math.max(0, lines - 1);
  }
}
