package dev.spinsim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {
  @TempDir Path tmp;

  private static Object[] run(String... args) {
    return Cli.run(args);
  }

  private boolean leftovers() throws IOException {
    try (Stream<Path> s = Files.list(tmp)) {
      return s.anyMatch(
          p ->
              !p.getFileName().toString().equals("bad.yaml")
                  && !p.getFileName().toString().equals("corrupt.safetensors"));
    }
  }

  @Test
  void sameSeedGivesByteIdenticalOutputs() throws IOException {
    Path a = tmp.resolve("a");
    Path b = tmp.resolve("b");
    assertEquals(0, run("generate", "--images", "2", "--seed", "5", "--out", a.toString())[0]);
    assertEquals(0, run("generate", "--images", "2", "--seed", "5", "--out", b.toString())[0]);
    for (String f :
        List.of(
            "images.npy",
            "latents.npy",
            "energy.csv",
            "layers.csv",
            "mapping.csv",
            "summary.csv",
            "images.png")) {
      assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f);
    }
    for (String f : List.of("report.html", "run.yaml", "resources.csv", "images/001.png")) {
      assertTrue(Files.size(a.resolve(f)) > 0, f);
    }
  }

  /** Every file of a run folder by relative path (report.html without its wall time). */
  private static java.util.Map<String, String> contents(Path dir) throws IOException {
    java.util.Map<String, String> m = new java.util.TreeMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path f : s.filter(Files::isRegularFile).toList()) {
        String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
        if (f.getFileName().toString().equals("report.html")) {
          text = text.replaceAll("<dt>simulation wall time</dt><dd>[^<]*</dd>", "");
        }
        m.put(dir.relativize(f).toString(), text);
      }
    }
    return m;
  }

  @Test
  void theChipCacheOnDiskChangesNoOutput() throws IOException {
    Path store = tmp.resolve("chip-cache");
    assertEquals(0, generateOne("plain"));
    System.setProperty(GenerateCommand.CHIP_CACHE_PROPERTY, store.toString());
    try {
      // the first run builds and saves the chip, the second reads it
      assertEquals(0, generateOne("saved"));
      assertTrue(Files.list(store).count() > 1, "entries saved");
      assertEquals(0, generateOne("read"));
      assertTrue(
          dev.spinsim.network.chip.ChipBuildCache.shared().storeCounts().hits() > 1,
          "entries read");
    } finally {
      System.clearProperty(GenerateCommand.CHIP_CACHE_PROPERTY);
      dev.spinsim.network.chip.ChipBuildCache.shared().setDirectory(null);
    }
    java.util.Map<String, String> plain = contents(tmp.resolve("plain"));
    assertTrue(
        plain.containsKey("charts/layer_timeline.png") && plain.containsKey("images/000.png"));
    for (String run : List.of("saved", "read")) {
      java.util.Map<String, String> other = contents(tmp.resolve(run));
      assertEquals(plain.keySet(), other.keySet(), run);
      for (String f : plain.keySet()) {
        assertTrue(plain.get(f).equals(other.get(f)), run + ": " + f + " differs");
      }
    }
  }

  private int generateOne(String out) {
    return (int)
        run(
            "generate",
            "--images",
            "1",
            "--seed",
            "3",
            "--charts",
            "--out",
            tmp.resolve(out).toString())[0];
  }

  @Test
  void aShortRunLeavesTheChartsOutAndSaysSoUnlessAskedFor() throws IOException {
    Path lean = tmp.resolve("lean");
    Path full = tmp.resolve("full");
    Path eight = tmp.resolve("eight");
    assertEquals(0, run("generate", "--images", "1", "--out", lean.toString())[0]);
    assertEquals(0, run("generate", "--images", "1", "--charts", "--out", full.toString())[0]);
    assertEquals(
        0,
        run(
            "generate",
            "--functional",
            "--images",
            "" + GenerateCommand.CHARTS_MIN_IMAGES,
            "--out",
            eight.toString())[0]);

    assertFalse(Files.exists(lean.resolve("charts")));
    String html = Files.readString(lean.resolve("report.html"));
    assertTrue(html.contains("charts/             not drawn: a run of fewer than 8 images"), html);
    assertTrue(html.contains("Chart not drawn (layer timeline)"));
    assertFalse(html.contains("<img class=\"chart\""));
    assertTrue(Files.size(full.resolve("charts/layer_timeline.png")) > 0);
    assertFalse(Files.readString(full.resolve("report.html")).contains("not drawn"));
    assertTrue(Files.size(eight.resolve("charts/energy_by_class.png")) > 0);
    // the same run otherwise: images, tables and run.yaml
    for (String f : List.of("images.npy", "summary.csv", "layers.csv", "energy.csv", "run.yaml")) {
      assertArrayEquals(
          Files.readAllBytes(lean.resolve(f)), Files.readAllBytes(full.resolve(f)), f);
    }
  }

  @Test
  void differentSeedsGiveDifferentImages() throws IOException {
    Path a = tmp.resolve("a");
    Path b = tmp.resolve("b");
    run("generate", "--images", "1", "--seed", "1", "--functional", "--out", a.toString());
    run("generate", "--images", "1", "--seed", "2", "--functional", "--out", b.toString());
    assertFalse(
        java.util.Arrays.equals(
            Files.readAllBytes(a.resolve("images.npy")),
            Files.readAllBytes(b.resolve("images.npy"))));
  }

  @Test
  void runYamlRecordsEachPhaseTimeAsDerivedOrPinned() throws IOException {
    Path a = tmp.resolve("pinned");
    assertEquals(
        0,
        run(
            "generate",
            "--images",
            "1",
            "--functional",
            "--set",
            "crossbar.readTimeNs=7",
            "--out",
            a.toString())[0]);
    String yaml = Files.readString(a.resolve("run.yaml"));
    assertTrue(yaml.contains("arrayRead:\n    ns: 7.0\n    source: pinned"), yaml);
    assertTrue(yaml.contains("conversion:\n    ns: 0.8333333333333334\n    source: derived"), yaml);
  }

  @Test
  void discriminatorRunReportsTheGeneratorDiscriminatorSplit() throws IOException {
    Path a = tmp.resolve("gd");
    assertEquals(
        0,
        run(
            "generate",
            "--images",
            "1",
            "--discriminator",
            "--trace",
            "layer",
            "--out",
            a.toString())[0]);
    String header = Files.readAllLines(a.resolve("summary.csv")).get(0);
    assertTrue(header.contains("g_energy_pj_per_image") || header.contains("g_"), header);
    assertTrue(Files.readString(a.resolve("layers.csv")).contains("D,main.2"));
    assertTrue(Files.size(a.resolve("trace.csv")) > 0);
  }

  @Test
  void dcgan64MakesColourImagesFromItsShippedEmojiWeights() throws IOException {
    Path a = tmp.resolve("rgb");
    Object[] r =
        run(
            "generate",
            "--model",
            "dcgan64",
            "--preset",
            "ideal",
            "--images",
            "1",
            "--functional",
            "--out",
            a.toString());
    assertEquals(0, r[0], (String) r[1]);
    assertFalse(((String) r[1]).contains("random weights"), (String) r[1]);
    assertTrue(
        Files.readString(a.resolve("run.yaml")).contains("weights/dcgan64/generator.safetensors"));
    java.awt.image.BufferedImage img =
        javax.imageio.ImageIO.read(a.resolve("images/000.png").toFile());
    assertEquals(64, img.getWidth());
    long coloured = 0;
    for (int y = 0; y < 64; y++) {
      for (int x = 0; x < 64; x++) {
        int rgb = img.getRGB(x, y);
        int red = (rgb >> 16) & 0xff, blue = rgb & 0xff;
        if (Math.abs(red - blue) > 24) {
          coloured++;
        }
      }
    }
    assertTrue(coloured > 64, coloured + " coloured pixels");
  }

  private void assertRefused(String expectedInMessage, String... args) throws IOException {
    Object[] r = run(args);
    assertNotEquals(0, r[0], String.join(" ", args));
    String err = ((String) r[1]).strip();
    assertTrue(err.contains(expectedInMessage), err);
    assertEquals(1, err.lines().filter(l -> l.startsWith("spinsim: error")).count(), err);
    assertFalse(leftovers(), "no run folder may be left behind");
  }

  @Test
  void badInputIsRefusedWithOneLineAndNoRunFolder() throws IOException {
    String out = tmp.resolve("run").toString();
    assertRefused("unknown preset 'nope'", "generate", "--preset", "nope", "--out", out);
    assertRefused("model", "generate", "--model", "nope", "--out", out);
    assertRefused("crossbar.rows", "generate", "--set", "crossbar.rows=0", "--out", out);
    assertRefused("--images", "generate", "--images", "-3", "--out", out);
    Path bad = tmp.resolve("bad.yaml");
    Files.writeString(bad, "name: x\ncrossbar: [unclosed\n");
    assertRefused("bad.yaml", "generate", "--preset", bad.toString(), "--out", out);
    assertRefused(
        "missing.safetensors",
        "generate",
        "--weights",
        tmp.resolve("missing.safetensors").toString(),
        "--out",
        out);
    Path corrupt = tmp.resolve("corrupt.safetensors");
    Files.write(corrupt, new byte[] {1, 2, 3});
    assertRefused("corrupt.safetensors", "generate", "--weights", corrupt.toString(), "--out", out);
    assertRefused("mapping", "generate", "--set", "mapping.partialSums=sideways", "--out", out);
    assertRefused(
        "dense or sub-pixel", "generate", "--set", "mapping.strategy=sparse", "--out", out);
  }

  /** The value of {@code column} in the CSV row whose first cells are {@code key}. */
  private static String cell(Path csv, String column, String... key) throws IOException {
    List<String> lines = Files.readAllLines(csv);
    List<String> header = List.of(lines.get(0).split(","));
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",");
      boolean match = true;
      for (int i = 0; i < key.length; i++) {
        match &= cells[i].equals(key[i]);
      }
      if (match) {
        return cells[header.indexOf(column)];
      }
    }
    throw new AssertionError("no row " + List.of(key) + " in " + csv);
  }

  @Test
  void subPixelStrategyIsNamedInTheReportAndCostsLessEnergyAndTime() throws IOException {
    Path dense = tmp.resolve("dense");
    Path sub = tmp.resolve("sub");
    assertEquals(0, run("generate", "--images", "1", "--out", dense.toString())[0]);
    Object[] r =
        run(
            "generate",
            "--images",
            "1",
            "--set",
            "mapping.strategy=sub-pixel",
            "--out",
            sub.toString());
    assertEquals(0, r[0], (String) r[1]);
    assertEquals("sub-pixel", cell(sub.resolve("layers.csv"), "strategy", "G", "main.3"));
    assertEquals("dense", cell(dense.resolve("layers.csv"), "strategy", "G", "main.3"));
    assertEquals("4", cell(sub.resolve("mapping.csv"), "phases", "G", "main.3"));
    for (String layer : List.of("main.0", "main.3", "main.6")) {
      assertEquals(
          "0", cell(sub.resolve("mapping.csv"), "inserted_zero_macs_per_image", "G", layer));
    }
    assertNotEquals(
        "0", cell(dense.resolve("mapping.csv"), "inserted_zero_macs_per_image", "G", "main.3"));
    assertTrue(Files.readString(sub.resolve("run.yaml")).contains("sub-pixel"));
    for (String column : List.of("energy_pj_per_image", "latency_ns_per_image")) {
      double d = Double.parseDouble(cell(dense.resolve("summary.csv"), column));
      double s = Double.parseDouble(cell(sub.resolve("summary.csv"), column));
      assertTrue(s < d / 2, column + ": sub-pixel " + s + " vs dense " + d);
    }
  }

  @Test
  void mapPrintsOneRowPerMatrixLayer() {
    PrintStream stdout = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      assertEquals(0, Main.execute("map", "--model", "fmnist", "--preset", "paper"));
    } finally {
      System.setOut(stdout);
    }
    String text = buf.toString(StandardCharsets.UTF_8);
    assertEquals(
        6, text.lines().filter(l -> l.startsWith("G ") || l.startsWith("D ")).count(), text);
    assertTrue(text.contains("4900"), text);
    assertTrue(
        text.lines().anyMatch(l -> l.matches("total: 168 crossbars, 23 tiles, [0-9.]+ mm2")), text);
    buf.reset();
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      assertEquals(
          0,
          Main.execute(
              "map",
              "--model",
              "fmnist",
              "--preset",
              "paper",
              "--set",
              "mapping.strategy=sub-pixel"));
    } finally {
      System.setOut(stdout);
    }
    text = buf.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("sub-pixel strategy"), text);
    // G.main.0 (1x1 -> 7x7) is one 100 x 6272 matrix read once per image
    assertTrue(
        text.lines()
            .anyMatch(l -> l.startsWith("G ") && l.contains(" 100 ") && l.contains(" 6272 ")),
        text);
  }

  @Test
  void summaryReportsAreaPowerAndEfficiencyAndTheAreaTableAddsUp() throws IOException {
    Path a = tmp.resolve("area");
    assertEquals(0, run("generate", "--images", "1", "--out", a.toString())[0]);
    List<String> summary = Files.readAllLines(a.resolve("summary.csv"));
    List<String> header = List.of(summary.get(0).split(","));
    String[] row = summary.get(1).split(",", -1);
    for (String c : List.of("area_mm2", "power_mw", "tops_per_w", "images_per_s_per_mm2")) {
      assertTrue(Double.parseDouble(row[header.indexOf(c)]) > 0, c);
    }
    double area = Double.parseDouble(row[header.indexOf("area_mm2")]);
    double sum = 0;
    List<String> lines = Files.readAllLines(a.resolve("area.csv"));
    int col = List.of(lines.get(0).split(",")).indexOf("area_mm2");
    for (String line : lines.subList(1, lines.size())) {
      sum += Double.parseDouble(line.split(",")[col]);
    }
    assertEquals(area, sum, 1e-5 * area);
    assertTrue(Files.readString(a.resolve("report.html")).contains("<h2>Area</h2>"));
  }
}
