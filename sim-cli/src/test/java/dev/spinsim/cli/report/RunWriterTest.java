package dev.spinsim.cli.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spinsim.cli.output.ImagePng;
import dev.spinsim.cli.output.NpyArray;
import dev.spinsim.cli.output.NpyReader;
import dev.spinsim.cli.output.RunFolder;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunWriterTest {
  private static List<String> files(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile)
          .map(p -> dir.relativize(p).toString())
          .sorted()
          .toList();
    }
  }

  @Test
  void runFolderHasEveryFileTheIssueNames(@TempDir Path root) throws IOException {
    Path run = RunWriter.write(SampleReports.fmnist(true), root.resolve("run"));
    List<String> files = files(run);
    for (String f :
        List.of(
            "images.png",
            "images/000.png",
            "images/015.png",
            "images.npy",
            "latents.npy",
            "summary.csv",
            "layers.csv",
            "energy.csv",
            "mapping.csv",
            "resources.csv",
            "scores.csv",
            "run.yaml",
            "report.html")) {
      assertTrue(files.contains(f), f + " missing from " + files);
    }
    assertEquals(16, files.stream().filter(f -> f.startsWith("images/")).count());
  }

  @Test
  void imagesNpyHoldsTheExactPixelsAndShape(@TempDir Path root) throws IOException {
    RunReport report = SampleReports.fmnist(false);
    Path run = RunWriter.write(report, root.resolve("run"));
    NpyArray images = NpyReader.read(run.resolve("images.npy"));
    assertArrayEquals(new int[] {16, 1, 28, 28}, images.shape());
    assertArrayEquals(report.images().pixels(), images.data());
    NpyArray latents = NpyReader.read(run.resolve("latents.npy"));
    assertEquals(report.latents(), latents);
  }

  @Test
  void gridPngHasTheDocumentedSize(@TempDir Path root) throws IOException {
    Path run = RunWriter.write(SampleReports.rgbFunctional(9), root.resolve("run"));
    BufferedImage grid = ImageIO.read(run.resolve("images.png").toFile());
    int cell = 64 * ImagePng.gridScale(64, 64);
    assertEquals(3 * cell + 4 * ImagePng.GRID_BORDER_PX, grid.getWidth());
    assertEquals(3 * cell + 4 * ImagePng.GRID_BORDER_PX, grid.getHeight());
    BufferedImage single = ImageIO.read(run.resolve("images/008.png").toFile());
    assertEquals(64, single.getWidth());
  }

  @Test
  void sameReportWrittenTwiceGivesByteIdenticalFiles(@TempDir Path root) throws IOException {
    Path a = RunWriter.write(SampleReports.fmnist(true), root.resolve("a"));
    Path b = RunWriter.write(SampleReports.fmnist(true), root.resolve("b"));
    List<String> files = files(a);
    assertEquals(files, files(b));
    for (String f : files) {
      assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f);
    }
  }

  @Test
  void reportHtmlEmbedsImagesAndChartsAsDataUrisAndReferencesNothingOutside(@TempDir Path root)
      throws IOException {
    Path run = RunWriter.write(SampleReports.fmnist(true), root.resolve("run"));
    String html = Files.readString(run.resolve("report.html"));
    assertFalse(html.contains("http://"), "no http references");
    assertFalse(html.contains("https://"), "no https references");
    assertFalse(html.toLowerCase().contains("<script"), "no scripts");
    assertFalse(html.toLowerCase().contains("<link"), "no external stylesheets");
    Matcher src = Pattern.compile("src=\"([^\"]*)\"").matcher(html);
    int images = 0;
    while (src.find()) {
      assertTrue(src.group(1).startsWith("data:image/png;base64,"), src.group(1));
      images++;
    }
    // grid + 6 charts
    assertEquals(1 + 6, images);
    String gridUri =
        "data:image/png;base64,"
            + java.util.Base64.getEncoder()
                .encodeToString(Files.readAllBytes(run.resolve("images.png")));
    assertTrue(html.contains(gridUri), "the grid is embedded");
    try (Stream<Path> charts = Files.list(run.resolve(RunWriter.CHARTS_DIR))) {
      for (Path chart : charts.toList()) {
        String uri =
            "data:image/png;base64,"
                + java.util.Base64.getEncoder().encodeToString(Files.readAllBytes(chart));
        assertTrue(html.contains(uri), chart + " is embedded");
      }
    }
    assertTrue(html.contains(ReportHtml.esc(ReportHtml.ACTIVATION_NOTE)));
    assertTrue(html.contains("activation units / image"));
    assertTrue(html.contains("domain-wall units / image"));
  }

  @Test
  void chartsAreFixedSizePngs(@TempDir Path root) throws IOException {
    Path run = RunWriter.write(SampleReports.fmnist(true), root.resolve("run"));
    BufferedImage chart =
        ImageIO.read(
            run.resolve(RunWriter.CHARTS_DIR).resolve(ReportCharts.ENERGY_BY_CLASS).toFile());
    assertEquals(ReportCharts.WIDTH, chart.getWidth());
    assertEquals(ReportCharts.HEIGHT, chart.getHeight());
  }

  @Test
  void functionalRunWithoutLayersStillGetsACompleteReport(@TempDir Path root) throws IOException {
    Path run = RunWriter.write(SampleReports.rgbFunctional(4), root.resolve("run"));
    String html = Files.readString(run.resolve("report.html"));
    assertTrue(html.contains("random weights"));
    assertFalse(Files.exists(run.resolve("scores.csv")));
    assertEquals(
        List.of("charts/energy_by_class.png", "charts/energy_by_class_action.png"),
        files(run).stream().filter(f -> f.startsWith("charts/")).toList());
  }

  @Test
  void writingOntoAnExistingRunFailsAndKeepsIt(@TempDir Path root) throws IOException {
    Path first = RunWriter.write(SampleReports.fmnist(false), root.resolve("run"));
    byte[] summary = Files.readAllBytes(first.resolve("summary.csv"));
    assertThrows(
        java.nio.file.FileAlreadyExistsException.class,
        () -> RunWriter.write(SampleReports.fmnist(true), root.resolve("run")));
    assertArrayEquals(summary, Files.readAllBytes(first.resolve("summary.csv")));
    try (Stream<Path> s = Files.list(root)) {
      assertEquals(1, s.count(), "no staging directory left");
    }
  }

  @Test
  void traceStreamedIntoTheStagingDirectoryIsListedAndKept(@TempDir Path root) throws IOException {
    Path done;
    try (RunFolder folder = RunFolder.begin(root.resolve("run"))) {
      Files.writeString(folder.stagingDir().resolve("trace.csv"), "time_ps,event\n");
      RunWriter.writeContents(SampleReports.fmnist(false), folder.stagingDir());
      done = folder.commit();
    }
    assertTrue(Files.readString(done.resolve("report.html")).contains("trace.csv"));
    assertTrue(Files.exists(done.resolve("trace.csv")));
  }
}
