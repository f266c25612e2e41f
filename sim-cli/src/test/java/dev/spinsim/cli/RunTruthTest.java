package dev.spinsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run tells the truth about itself: honest labels, empty cells for what was not measured. */
class RunTruthTest {
  @TempDir Path tmp;

  static Map<String, String> summary(Path run) throws IOException {
    List<CSVRecord> rows =
        CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(new StringReader(Files.readString(run.resolve("summary.csv"))))
            .getRecords();
    assertEquals(1, rows.size());
    return rows.get(0).toMap();
  }

  @Test
  void cmosCornersReportNoDomainWallEnergyAndTheirDigitalReluUnderItsOwnClass() throws IOException {
    for (String preset : List.of("isaac", "neurosim")) {
      Path run = tmp.resolve(preset);
      // 4-bit inputs keep the test fast; the labels do not depend on them
      Object[] r =
          Cli.run(
              "generate",
              "--preset",
              preset,
              "--images",
              "1",
              "--functional",
              "--set",
              "crossbar.inputBits=4",
              "--out",
              run.toString());
      assertEquals(0, r[0], (String) r[1]);
      Map<String, String> s = summary(run);
      assertEquals("0", s.get("dw_activation_energy_pj_per_image"), preset);
      assertTrue(Double.parseDouble(s.get("activation_energy_pj_per_image")) > 0, preset);
      String energy = Files.readString(run.resolve("energy.csv"));
      assertTrue(energy.contains("\ndigital_relu,activate,"), preset + ": " + energy);
      assertTrue(!energy.contains("\ndw_relu,"), preset);
      assertTrue(
          Files.readString(run.resolve("report.html")).contains("no domain-wall activation units"),
          preset);
    }
  }

  @Test
  void thePaperChipCountsItsDomainWallUnitsAndTheCmosOutputUnitApart() throws IOException {
    Path run = tmp.resolve("paper");
    assertEquals(
        0, Cli.run("generate", "--images", "1", "--functional", "--out", run.toString())[0]);
    Map<String, String> s = summary(run);
    double dw = Double.parseDouble(s.get("dw_activation_energy_pj_per_image"));
    double all = Double.parseDouble(s.get("activation_energy_pj_per_image"));
    // G: 7·7·128 + 14·14·64 DW ReLU outputs at 9.16 fJ; the tanh output layer at 0.217 pJ
    assertEquals(9.16e-3 * (7 * 7 * 128 + 14 * 14 * 64), dw, 1e-3);
    assertEquals(dw + 0.217 * 28 * 28, all, 1e-2);
    String energy = Files.readString(run.resolve("energy.csv"));
    assertTrue(energy.contains("\ndw_relu,activate,"), energy);
    assertTrue(energy.contains("\ndigital_tanh,activate,"), energy);
  }

  /** Runs the command line and returns [exit code, stdout + stderr]. */
  static Object[] runCapturingOut(String... args) {
    java.io.PrintStream out = System.out;
    java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
    System.setOut(new java.io.PrintStream(buf, true, java.nio.charset.StandardCharsets.UTF_8));
    try {
      Object[] r = Cli.run(args);
      return new Object[] {r[0], buf.toString(java.nio.charset.StandardCharsets.UTF_8) + r[1]};
    } finally {
      System.setOut(out);
    }
  }

  @Test
  void aFourBitAdcDestroysTheImagesAndTheRunSaysWhereAndWhy() throws IOException {
    Path good = tmp.resolve("good");
    Path bad = tmp.resolve("bad");
    Object[] g =
        runCapturingOut("generate", "--images", "2", "--functional", "--out", good.toString());
    Object[] b =
        runCapturingOut(
            "generate",
            "--images",
            "2",
            "--functional",
            "--set",
            "adc.bits=4",
            "--out",
            bad.toString());
    assertEquals(0, b[0], (String) b[1]);
    assertTrue(!((String) g[1]).contains("warning:"), (String) g[1]);
    String text = (String) b[1];
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^warning: .*$").matcher(text);
    assertTrue(m.find(), text);
    String warning = m.group();
    assertTrue(warning.contains("G.main."), warning);
    assertTrue(warning.contains("read code 0") && warning.contains("adc.bits"), warning);
    double goodPsnr = Double.parseDouble(summary(good).get("psnr_db_vs_float"));
    double badPsnr = Double.parseDouble(summary(bad).get("psnr_db_vs_float"));
    assertTrue(goodPsnr > 20 && badPsnr < goodPsnr - 10, goodPsnr + " vs " + badPsnr);
    String html = Files.readString(bad.resolve("report.html"));
    assertTrue(html.contains("class=\"warn\""), "banner");
    assertTrue(html.contains("float network (same latents)"), "float | chip panel");
    String layers = Files.readString(bad.resolve("layers.csv"));
    assertTrue(
        layers
            .lines()
            .findFirst()
            .orElseThrow()
            .contains(",adc_clip_fraction,adc_zero_code_fraction,activation_saturation_fraction,"),
        layers);
    List<String> images = Files.readAllLines(bad.resolve("images.csv"));
    assertEquals(3, images.size());
    assertEquals("image,psnr_db_vs_float,rmse_vs_float,d_score", images.get(0));
  }

  @Test
  void theIdealChipMatchesTheFloatNetwork() throws IOException {
    Path run = tmp.resolve("ideal");
    assertEquals(
        0,
        Cli.run(
            "generate",
            "--preset",
            "ideal",
            "--images",
            "1",
            "--functional",
            "--out",
            run.toString())[0]);
    assertTrue(Double.parseDouble(summary(run).get("psnr_db_vs_float")) > 80);
  }

  @Test
  void aFunctionalRunLeavesWhatItDidNotMeasureEmpty() throws IOException {
    Path run = tmp.resolve("f");
    assertEquals(
        0, Cli.run("generate", "--images", "1", "--functional", "--out", run.toString())[0]);
    Map<String, String> s = summary(run);
    for (String c :
        List.of(
            "latency_ns_per_image",
            "throughput_images_per_s",
            "makespan_ns",
            "leakage_energy_pj_per_image",
            "events",
            "g_energy_pj_per_image",
            "d_score_mean")) {
      assertEquals("", s.get(c), c);
    }
    assertTrue(Files.readString(run.resolve("report.html")).contains("leaves out leakage"));
  }

  private static Map<String, CSVRecord> spaceRows(Path run) throws IOException {
    Map<String, CSVRecord> m = new java.util.TreeMap<>();
    for (CSVRecord r :
        CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(new StringReader(Files.readString(run.resolve("resources.csv"))))
            .getRecords()) {
      if (r.get("class").endsWith("-space")) {
        m.put(r.get("resource"), r);
      }
    }
    return m;
  }

  /**
   * A buffer's space is a pooled credit counter: no busy time per unit (the column was once the
   * summed waits, longer than the run), and its utilisation the time-averaged occupancy over the
   * capacity (it was once the peak, 100 % for any buffer that ever filled), so a bigger buffer is
   * less utilised.
   */
  @Test
  void bufferSpaceRowsReportTimeAveragedOccupancyNotBusyTime() throws IOException {
    Map<Integer, Map<String, CSVRecord>> bySize = new java.util.TreeMap<>();
    for (int bytes : new int[] {4096, 65536}) {
      Path run = tmp.resolve("out" + bytes);
      Object[] r =
          Cli.run(
              "generate",
              "--images",
              "2",
              "--set",
              "tile.outputBuffer.sizeBytes=" + bytes,
              "--out",
              run.toString());
      assertEquals(0, r[0], () -> String.valueOf(r[1]));
      Map<String, CSVRecord> rows = spaceRows(run);
      assertTrue(rows.size() >= 2, rows::toString);
      for (CSVRecord row : rows.values()) {
        assertEquals("", row.get("busy_ns_per_unit"), row::toString);
        double util = Double.parseDouble(row.get("utilisation"));
        double mean = Double.parseDouble(row.get("mean_bytes"));
        long peak = Long.parseLong(row.get("peak_bytes"));
        long capacity = Long.parseLong(row.get("capacity_bytes"));
        assertTrue(mean <= peak && peak <= capacity, row::toString);
        assertEquals(mean / capacity, util, 1e-3, row::toString);
      }
      bySize.put(bytes, rows);
    }
    String out = "G.main.3 output-buffer-space";
    double small = Double.parseDouble(bySize.get(4096).get(out).get("utilisation"));
    double large = Double.parseDouble(bySize.get(65536).get(out).get("utilisation"));
    assertTrue(large < small, () -> large + " >= " + small);
    assertTrue(small < 1, () -> "a buffer's space is not full all run long: " + small);
  }

  private static Map<String, Double> energyByAction(Path run) throws IOException {
    Map<String, Double> m = new java.util.TreeMap<>();
    for (CSVRecord r :
        CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(new StringReader(Files.readString(run.resolve("energy.csv"))))
            .getRecords()) {
      m.put(
          r.get("component_class") + "/" + r.get("action"), Double.parseDouble(r.get("energy_pj")));
    }
    return m;
  }

  /**
   * Every bit that enters or leaves a buffer is charged: an input row is written into its input
   * buffer once (they once took port time for free), and every vector written into the output
   * buffer is read out of it; both run modes charge the same.
   */
  @Test
  void bufferWritesOfArrivingRowsAndReadOutsAreCharged() throws IOException {
    Map<String, Map<String, Double>> byMode = new java.util.TreeMap<>();
    for (String mode : List.of("cycle-accurate", "functional")) {
      Path run = tmp.resolve("buffers-" + mode);
      List<String> args =
          new java.util.ArrayList<>(List.of("generate", "--images", "2", "--out", run.toString()));
      if (mode.equals("functional")) {
        args.add("--functional");
      }
      Object[] r = Cli.run(args.toArray(String[]::new));
      assertEquals(0, r[0], () -> String.valueOf(r[1]));
      Map<String, Double> e = energyByAction(run);
      assertTrue(e.getOrDefault("input_buffer/write_bit", 0.0) > 0, e::toString);
      assertTrue(e.getOrDefault("output_buffer/read_bit", 0.0) > 0, e::toString);
      assertEquals(e.get("output_buffer/write_bit"), e.get("output_buffer/read_bit"), 1e-6);
      byMode.put(mode, e);
    }
    for (String k : List.of("input_buffer/write_bit", "output_buffer/read_bit")) {
      assertEquals(byMode.get("cycle-accurate").get(k), byMode.get("functional").get(k), 1e-6, k);
    }
  }

  /**
   * The degradation warning's "no cause found" says what it judged: the thresholds, and that the
   * output layer is not judged (isaac's output tanh saturates on most pixels, which the old line's
   * "no layer … saturates" contradicted), and points at the weights' levels.
   */
  @Test
  void theDegradationWarningSaysWhatItJudged() throws IOException {
    Object[] r =
        Cli.run(
            "generate",
            "--preset",
            "isaac",
            "--images",
            "1",
            "--functional",
            "--out",
            tmp.resolve("isaac-warning").toString());
    assertEquals(0, r[0], () -> String.valueOf(r[1]));
    String err = Files.readString(tmp.resolve("isaac-warning").resolve("report.html"));
    assertTrue(err.contains("images badly degraded"), err);
    assertTrue(err.contains("the output layer is not judged"), err);
    assertTrue(err.contains("crossbar.synapse.levels"), err);
  }
}
