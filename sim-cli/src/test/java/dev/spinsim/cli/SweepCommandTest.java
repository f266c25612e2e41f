package dev.spinsim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code spinsim sweep} end to end on fmnist with one image per point. */
class SweepCommandTest {
  @TempDir static Path tmp;
  static Path grid;
  static Object[] first;

  /** Rows of a results.csv by point id. */
  static Map<String, Map<String, String>> rows(Path file) throws IOException {
    Map<String, Map<String, String>> out = new TreeMap<>();
    try (Reader r = Files.newBufferedReader(file);
        CSVParser p =
            CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
      for (CSVRecord rec : p) {
        out.put(rec.get("point_id"), rec.toMap());
      }
    }
    return out;
  }

  @BeforeAll
  static void sweepTwoAdcWidths() {
    grid = tmp.resolve("grid");
    first =
        Cli.run(
            "sweep",
            "--set",
            "adc.bits=6,8",
            "--images",
            "1",
            "--parallel",
            "2",
            "--out",
            grid.toString());
  }

  @Test
  void gridGivesOneRowPerPointParetoPlotsReportAndSweepYaml() throws IOException {
    assertEquals(0, first[0], (String) first[1]);
    Map<String, Map<String, String>> rows = rows(grid.resolve("results.csv"));
    // the paper preset has 8-bit ADCs: its base point is grid point 1, not an extra row
    assertEquals(List.of("0", "1"), new ArrayList<>(rows.keySet()));
    assertEquals("6", rows.get("0").get("adc.bits"));
    assertEquals("ok", rows.get("1").get("status"));
    for (String f :
        List.of(
            "pareto.csv",
            "report.html",
            "sweep.yaml",
            "timings.csv",
            "plots/pareto-energy-psnr.png",
            "plots/knob-adc.bits-energy.png")) {
      assertTrue(Files.size(grid.resolve(f)) > 0, f);
    }
    String html = Files.readString(grid.resolve("report.html"));
    assertTrue(
        html.contains("Pareto front")
            && html.contains("data:image/png;base64,")
            && html.contains("(paper)"));
    assertTrue(Files.readString(grid.resolve("sweep.yaml")).contains("adc.bits:"));
  }

  @Test
  void theMappingStrategyIsAKnob() throws IOException {
    Path d = tmp.resolve("strategy");
    Object[] r =
        Cli.run(
            "sweep",
            "--set",
            "mapping.strategy=dense,sub-pixel",
            "--images",
            "1",
            "--out",
            d.toString());
    assertEquals(0, r[0], (String) r[1]);
    Map<String, Map<String, String>> rows = rows(d.resolve("results.csv"));
    assertEquals(2, rows.size());
    Map<String, Double> energy = new TreeMap<>();
    rows.values()
        .forEach(
            row ->
                energy.put(
                    row.get("mapping.strategy"),
                    Double.parseDouble(row.get("energy_pj_per_image"))));
    assertTrue(energy.get("sub-pixel") < energy.get("dense") / 2, energy.toString());
  }

  @Test
  void aRowHoldsTheSummaryThatGenerateWritesForThePoint() throws IOException {
    // the sweep prices a point from its metrics alone, shares programmed crossbars and the float
    // reference between points; generate builds everything itself and writes the whole report
    Path run = tmp.resolve("generate-adc6");
    Object[] g =
        Cli.run("generate", "--set", "adc.bits=6", "--images", "1", "--out", run.toString());
    assertEquals(0, g[0], (String) g[1]);
    Map<String, String> summary;
    try (Reader r = Files.newBufferedReader(run.resolve("summary.csv"));
        CSVParser p =
            CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
      summary = p.getRecords().get(0).toMap();
    }
    Map<String, String> row = rows(grid.resolve("results.csv")).get("0");
    int compared = 0;
    for (Map.Entry<String, String> e : summary.entrySet()) {
      if (row.containsKey(e.getKey())) {
        assertEquals(e.getValue(), row.get(e.getKey()), e.getKey());
        compared++;
      }
    }
    assertTrue(
        compared > 20 && row.containsKey("psnr_db_vs_float"), compared + " columns compared");
  }

  @Test
  void widerAdcsCostEnergyAndGiveImagesCloserToTheFloatNetwork() throws IOException {
    Map<String, Map<String, String>> rows = rows(grid.resolve("results.csv"));
    double e6 = Double.parseDouble(rows.get("0").get("energy_pj_per_image"));
    double e8 = Double.parseDouble(rows.get("1").get("energy_pj_per_image"));
    double p6 = Double.parseDouble(rows.get("0").get("psnr_db_vs_float"));
    double p8 = Double.parseDouble(rows.get("1").get("psnr_db_vs_float"));
    assertTrue(e8 > e6, e8 + " vs " + e6);
    assertTrue(p8 > p6, p8 + " vs " + p6);
  }

  @Test
  void reRunningReusesEveryFinishedPointAndChangesNoRow() throws IOException {
    byte[] before = Files.readAllBytes(grid.resolve("results.csv"));
    Object[] again =
        Cli.run("sweep", "--set", "adc.bits=6,8", "--images", "1", "--out", grid.toString());
    assertEquals(0, again[0], (String) again[1]);
    assertTrue(((String) again[1]).contains("reusing 2 finished point(s)"), (String) again[1]);
    assertArrayEquals(before, Files.readAllBytes(grid.resolve("results.csv")));
  }

  @Test
  void aFolderHoldingASweepWithOtherSettingsIsRefusedAndLeftAsItWas() throws IOException {
    byte[] rows = Files.readAllBytes(grid.resolve("results.csv"));
    byte[] yaml = Files.readAllBytes(grid.resolve("sweep.yaml"));
    Object[] r =
        Cli.run("sweep", "--set", "adc.bits=6,8", "--images", "2", "--out", grid.toString());
    assertEquals(2, r[0], (String) r[1]);
    String err = (String) r[1];
    assertTrue(err.contains("sweep.yaml") && err.contains("images: 1, this one has 2"), err);
    assertEquals(1, err.strip().lines().count(), err);
    assertArrayEquals(rows, Files.readAllBytes(grid.resolve("results.csv")));
    assertArrayEquals(yaml, Files.readAllBytes(grid.resolve("sweep.yaml")));
    Object[] seed =
        Cli.run(
            "sweep",
            "--set",
            "adc.bits=6,8",
            "--images",
            "1",
            "--seed",
            "7",
            "--out",
            grid.toString());
    assertEquals(2, seed[0], (String) seed[1]);
    assertTrue(((String) seed[1]).contains("seed: "), (String) seed[1]);
  }

  @Test
  void rowsDoNotDependOnHowManyPointsRunAtOnce() throws IOException {
    Path serial = tmp.resolve("serial");
    Object[] r =
        Cli.run(
            "sweep",
            "--set",
            "adc.bits=6,8",
            "--images",
            "1",
            "--parallel",
            "1",
            "--out",
            serial.toString());
    assertEquals(0, r[0], (String) r[1]);
    assertEquals(rows(grid.resolve("results.csv")), rows(serial.resolve("results.csv")));
  }

  @Test
  void aPointThePresetRefusesIsRecordedWithItsReasonAndTheSweepGoesOn() throws IOException {
    Path d = tmp.resolve("invalid");
    Object[] r = Cli.run("sweep", "--set", "adc.bits=1,8", "--images", "1", "--out", d.toString());
    assertEquals(0, r[0], (String) r[1]);
    Map<String, Map<String, String>> rows = rows(d.resolve("results.csv"));
    assertEquals("invalid", rows.get("0").get("status"));
    assertTrue(rows.get("0").get("reason").contains("adc.bits"), rows.get("0").get("reason"));
    assertEquals("", rows.get("0").get("energy_pj_per_image"));
    assertEquals("ok", rows.get("1").get("status"));
    assertTrue(Files.readString(d.resolve("report.html")).contains("Invalid and failed points"));
  }

  @Test
  void anUnknownKeyFailsInOneLineBeforeAnyFolderIsMade() {
    Path d = tmp.resolve("unknown");
    Object[] r = Cli.run("sweep", "--set", "adc.bitz=4,6", "--out", d.toString());
    assertEquals(2, r[0]);
    String err = (String) r[1];
    assertTrue(err.contains("adc.bitz: unknown key"), err);
    assertEquals(1, err.strip().lines().count(), err);
    assertFalse(Files.exists(d));
  }

  @Test
  void anUnknownKeyInTheSpaceFileNamesTheFileNotASet() throws IOException {
    Path space = tmp.resolve("space-unknown.yaml");
    Files.writeString(space, "knobs:\n  adc.bits: [4, 8]\n  bogus.key: [1, 2]\n");
    Path d = tmp.resolve("unknown-in-file");
    Object[] r = Cli.run("sweep", "--space", space.toString(), "--out", d.toString());
    assertEquals(2, r[0]);
    String err = ((String) r[1]).strip();
    assertTrue(err.startsWith("spinsim: error: " + space + ": bogus.key: bogus: unknown key"), err);
    assertFalse(err.contains("--set"), err);
    assertEquals(1, err.lines().count(), err);
    assertFalse(Files.exists(d));
    // a --set stays blamed as a --set
    assertEquals(
        "--set adc.bitz=4: adc.bitz: unknown key",
        SweepCommand.blameSpaceFile(
            "--set adc.bitz=4: adc.bitz: unknown key", space, List.of("adc.bitz=4,6")));
  }

  @Test
  void aFrontThatBuysItsEnergyWithAreaSaysSoWhenAreaIsNoObjective() {
    var energy =
        new dev.spinsim.cli.sweep.SweepOutputs.Bound(
            dev.spinsim.cli.sweep.Objective.of("energy"), "energy_pj_per_image");
    List<String> columns = List.of("energy_pj_per_image", "area_mm2");
    List<Map<String, String>> rows =
        List.of(
            Map.of(
                "status",
                "ok",
                "config_hash",
                "base",
                "energy_pj_per_image",
                "10",
                "area_mm2",
                "2.0"),
            Map.of(
                "status",
                "ok",
                "config_hash",
                "big",
                "energy_pj_per_image",
                "5",
                "area_mm2",
                "8.0"),
            Map.of(
                "status",
                "ok",
                "config_hash",
                "worse",
                "energy_pj_per_image",
                "20",
                "area_mm2",
                "50.0"));
    String note = SweepCommand.unweighedAreaNote(rows, List.of(energy), columns, "base");
    assertTrue(note != null && note.contains("4.0x the base chip's area"), note);
    // the dominated 50 mm2 point is not on the front; with area an objective, no note
    var area =
        new dev.spinsim.cli.sweep.SweepOutputs.Bound(
            dev.spinsim.cli.sweep.Objective.of("area"), "area_mm2");
    assertEquals(
        null, SweepCommand.unweighedAreaNote(rows, List.of(energy, area), columns, "base"));
    // within 1.5x: no note
    List<Map<String, String>> close =
        List.of(
            rows.get(0),
            Map.of(
                "status", "ok", "config_hash", "b", "energy_pj_per_image", "5", "area_mm2", "2.9"));
    assertEquals(null, SweepCommand.unweighedAreaNote(close, List.of(energy), columns, "base"));
  }

  @Test
  void nsga2EvaluatesAtMostItsBudgetOfDistinctPointsAndWritesAFront() throws IOException {
    Path d = tmp.resolve("nsga2");
    Object[] r =
        Cli.run(
            "sweep",
            "--strategy",
            "nsga2",
            "--set",
            "adc.bits=5,6,7,8",
            "--set",
            "crossbar.rows=64,128",
            "--points",
            "3",
            "--population",
            "4",
            "--generations",
            "3",
            "--objectives",
            "energy,psnr",
            "--images",
            "1",
            "--out",
            d.toString());
    assertEquals(0, r[0], (String) r[1]);
    Map<String, Map<String, String>> rows = rows(d.resolve("results.csv"));
    // the budget of 3 distinct points, plus the base preset's point (adc.bits=8, 128 rows) unless
    // NSGA-II drew it
    assertTrue(rows.size() >= 3 && rows.size() <= 4, rows.keySet().toString());
    assertTrue(Files.readAllLines(d.resolve("pareto.csv")).size() >= 2);
    assertTrue(Files.readString(d.resolve("report.html")).contains("NSGA-II: "));
  }

  @Test
  void randomSamplingDrawsDistinctPointsFromTheSeed() {
    dev.spinsim.cli.sweep.SweepSpace s =
        dev.spinsim.cli.sweep.SweepSpace.of(
            null, List.of("adc.bits=4,5,6,7,8", "crossbar.rows=32,64,128,256"));
    List<dev.spinsim.cli.sweep.SweepPoint> a = SweepCommand.randomPoints(s, 6, 3);
    assertEquals(a, SweepCommand.randomPoints(s, 6, 3));
    assertEquals(6, a.stream().map(dev.spinsim.cli.sweep.SweepPoint::id).distinct().count());
    assertFalse(a.equals(SweepCommand.randomPoints(s, 6, 4)));
  }
}
