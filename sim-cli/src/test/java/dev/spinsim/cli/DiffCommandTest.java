package dev.spinsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiffCommandTest {
  @TempDir static Path tmp;
  static Path a;
  static Path b;

  @BeforeAll
  static void twoRuns() {
    a = tmp.resolve("a");
    b = tmp.resolve("b");
    assertEquals(0, Cli.run("generate", "--images", "1", "--functional", "--out", a.toString())[0]);
    assertEquals(
        0,
        Cli.run(
            "generate",
            "--images",
            "1",
            "--functional",
            "--set",
            "adc.bits=6",
            "--out",
            b.toString())[0]);
  }

  private static String stdout(String... args) {
    PrintStream out = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      assertEquals(0, Main.execute(args));
    } finally {
      System.setOut(out);
    }
    return buf.toString(StandardCharsets.UTF_8);
  }

  @Test
  void showsTheKeysThatDifferAndTheMetricsWithAbsoluteAndRelativeDifferences() {
    String s = stdout("diff", a.toString(), b.toString());
    assertTrue(s.contains("configuration keys that differ"), s);
    assertTrue(
        s.lines()
            .anyMatch(l -> l.contains("preset.adc.bits") && l.contains("8") && l.contains("6")),
        s);
    assertTrue(
        s.lines().anyMatch(l -> l.strip().startsWith("energy_pj_per_image") && l.contains("%")), s);
    assertTrue(s.contains("energy_pj_per_image by class") && s.contains("adc"), s);
    assertTrue(s.contains("layer energy_pj_per_image"), s);
  }

  @Test
  void csvHasOneRowPerComparedQuantityAndTheAdcEnergyFalls() throws Exception {
    Path f = tmp.resolve("diff.csv");
    stdout("diff", a.toString(), b.toString(), "--csv", f.toString());
    List<String> lines = Files.readAllLines(f);
    assertEquals("section,key,a,b,abs_diff,rel_diff", lines.get(0));
    String adc =
        lines.stream()
            .filter(l -> l.startsWith("energy_pj_per_image by class,adc,"))
            .findFirst()
            .orElseThrow();
    String[] c = adc.split(",");
    assertTrue(Double.parseDouble(c[4]) < 0, adc);
  }

  @Test
  void aFolderWithoutASummaryIsRefusedInOneLine() {
    Object[] r = Cli.run("diff", a.toString(), tmp.toString());
    assertEquals(2, r[0]);
    assertTrue(((String) r[1]).contains("not a run folder"), (String) r[1]);
  }
}
