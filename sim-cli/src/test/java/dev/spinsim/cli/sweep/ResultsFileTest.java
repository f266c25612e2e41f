package dev.spinsim.cli.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsFileTest {
  @TempDir Path tmp;

  private static PointResult ok(String id, String hash, double energy) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("energy_pj_per_image", Double.toString(energy));
    m.put("latency_ns_per_image", "10");
    return PointResult.ok(new SweepPoint(id, Map.of("adc.bits", id)), hash, m, 1, 1, 1);
  }

  @Test
  void rowsSurviveReopeningAndTheFirstRowOfAHashWins() {
    Path f = tmp.resolve("results.csv");
    ResultsFile r = ResultsFile.open(f, List.of("adc.bits"));
    r.append(ok("4", "h4", 1.5));
    r.append(ok("6", "h6", 2.5));
    r.append(ok("6", "h6", 9.9));
    ResultsFile again = ResultsFile.open(f, List.of("adc.bits"));
    assertEquals(2, again.rows().size());
    assertEquals("2.5", again.row("h6").get("energy_pj_per_image"));
    assertEquals(List.of("energy_pj_per_image", "latency_ns_per_image"), again.metricColumns());
  }

  @Test
  void anInvalidPointBeforeAnyRunWaitsForTheMetricColumns() throws IOException {
    Path f = tmp.resolve("results.csv");
    ResultsFile r = ResultsFile.open(f, List.of("adc.bits"));
    r.append(
        PointResult.invalid(
            new SweepPoint("0", Map.of("adc.bits", "0")), "h0", "adc.bits: must be >= 1", 0));
    assertFalse(Files.exists(f));
    r.append(ok("4", "h4", 1.5));
    List<String> lines = Files.readAllLines(f);
    assertEquals(
        "point_id,config_hash,status,adc.bits,energy_pj_per_image,latency_ns_per_image,reason",
        lines.get(0));
    assertEquals(3, lines.size());
    assertTrue(lines.get(2).startsWith("0,h0,invalid,0,,,adc.bits: must be >= 1"), lines.get(2));
  }

  @Test
  void aRowCutShortByACrashIsDroppedOnOpening() throws IOException {
    Path f = tmp.resolve("results.csv");
    ResultsFile r = ResultsFile.open(f, List.of("adc.bits"));
    r.append(ok("4", "h4", 1.5));
    Files.writeString(f, "6,h6,ok,6,2.", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    ResultsFile again = ResultsFile.open(f, List.of("adc.bits"));
    assertEquals(1, again.rows().size());
    assertTrue(Files.readString(f).endsWith("\n"));
    again.append(ok("6", "h6", 2.5));
    assertEquals(3, Files.readAllLines(f).size());
    assertEquals(
        "2.5", ResultsFile.open(f, List.of("adc.bits")).row("h6").get("energy_pj_per_image"));
  }

  @Test
  void aFileOfAnotherSpaceIsRefused() {
    Path f = tmp.resolve("results.csv");
    ResultsFile.open(f, List.of("adc.bits")).append(ok("4", "h4", 1.5));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> ResultsFile.open(f, List.of("crossbar.rows")));
    assertTrue(e.getMessage().contains("knob columns are [adc.bits]"), e.getMessage());
  }
}
