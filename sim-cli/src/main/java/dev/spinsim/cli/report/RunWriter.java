package dev.spinsim.cli.report;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.spinsim.cli.output.ImagePng;
import dev.spinsim.cli.output.NpyWriter;
import dev.spinsim.cli.output.RunFolder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a {@link RunReport} as a run folder: images (grid, single PNGs, {@code .npy}), the CSV
 * tables, {@code run.yaml}, the charts and {@code report.html}. {@link #write} builds the folder
 * beside its target and moves it into place only when complete.
 */
public final class RunWriter {
  /** Sub-directory of the single images. */
  public static final String IMAGES_DIR = "images";

  /** Sub-directory of the chart PNGs (also embedded in report.html). */
  public static final String CHARTS_DIR = "charts";

  private RunWriter() {}

  /**
   * The files {@link #writeContents(RunReport, Path, boolean)} writes beside the images, in the
   * order it writes them ({@code scores.csv} when D scored the images): what a run whose report
   * failed part-way lists as written or missing.
   */
  public static List<String> reportFiles(boolean scores) {
    return reportFiles(scores, true);
  }

  /** As {@link #reportFiles(boolean)}, {@code charts/} only when the charts are drawn. */
  public static List<String> reportFiles(boolean scores, boolean charts) {
    List<String> files = new ArrayList<>();
    files.addAll(
        List.of(
            "images.png",
            "summary.csv",
            "layers.csv",
            "energy.csv",
            "area.csv",
            "mapping.csv",
            "resources.csv",
            "images.csv"));
    if (scores) {
      files.add("scores.csv");
    }
    files.add("run.yaml");
    if (charts) {
      files.add(CHARTS_DIR);
    }
    files.add("report.html");
    return files;
  }

  /**
   * Writes the complete run folder at {@code target} atomically and returns its absolute path;
   * fails if {@code target} exists, and leaves nothing behind on failure.
   */
  public static Path write(RunReport report, Path target) throws IOException {
    return RunFolder.write(target, dir -> writeContents(report, dir));
  }

  /**
   * Writes every file of the run into the existing directory {@code dir} (for use with {@link
   * RunFolder#begin} when other files, such as a streamed {@code trace.csv}, go there too).
   */
  public static void writeContents(RunReport report, Path dir) throws IOException {
    writeContents(report, dir, false);
  }

  /**
   * As {@link #writeContents(RunReport, Path)}; with {@code imagesStreamed} the single PNGs, {@code
   * images.npy} and {@code latents.npy} were written while the run went (all of its images) and the
   * report holds only the first ones, which make the grid.
   */
  public static void writeContents(RunReport report, Path dir, boolean imagesStreamed)
      throws IOException {
    writeContents(report, dir, imagesStreamed, null);
  }

  /**
   * As {@link #writeContents(RunReport, Path, boolean)}; a non-null {@code chartsNotDrawn} leaves
   * the charts out (no {@code charts/}) and says why, in the file list and where each chart would
   * be in {@code report.html}.
   */
  public static void writeContents(
      RunReport report, Path dir, boolean imagesStreamed, String chartsNotDrawn)
      throws IOException {
    ImageBatch images = report.images();
    List<String> files = new ArrayList<>();
    int total = report.identity().images();

    byte[] grid =
        ImagePng.encode(
            ImagePng.grid(
                images.pixelsUnsafe(),
                images.count(),
                images.channels(),
                images.height(),
                images.width()));
    Files.write(dir.resolve("images.png"), grid);
    files.add(
        images.count() < total
            ? "images.png          the first " + images.count() + " images in a grid"
            : "images.png          the images in a grid");

    int digits = Math.max(3, Integer.toString(total - 1).length());
    if (imagesStreamed) {
      files.add(IMAGES_DIR + "/" + "0".repeat(digits) + ".png ...   one PNG per image");
      files.add("images.npy          float32 N x C x H x W, the values as computed");
      files.add("latents.npy         the latent vectors z used");
    } else {
      writeImages(report, dir, files);
    }
    writeTables(report, dir, files, grid, chartsNotDrawn);
  }

  private static void writeImages(RunReport report, Path dir, List<String> files)
      throws IOException {
    ImageBatch images = report.images();
    Path single = Files.createDirectory(dir.resolve(IMAGES_DIR));
    int digits = Math.max(3, Integer.toString(images.count() - 1).length());
    for (int n = 0; n < images.count(); n++) {
      Files.write(
          single.resolve(String.format(Locale.ROOT, "%0" + digits + "d.png", n)),
          ImagePng.encode(
              ImagePng.image(
                  images.pixelsUnsafe(), n, images.channels(), images.height(), images.width())));
    }
    files.add(IMAGES_DIR + "/" + "0".repeat(digits) + ".png ...   one PNG per image");
    NpyWriter.write(dir.resolve("images.npy"), images.shape(), images.pixelsUnsafe());
    files.add("images.npy          float32 N x C x H x W, the values as computed");
    NpyWriter.write(dir.resolve("latents.npy"), report.latents());
    files.add("latents.npy         the latent vectors z used");
  }

  private static void writeTables(
      RunReport report, Path dir, List<String> files, byte[] grid, String chartsNotDrawn)
      throws IOException {
    ReportTables.write(dir.resolve("summary.csv"), ReportTables.summaryCsv(report));
    files.add("summary.csv         headline figures, one row");
    ReportTables.write(dir.resolve("layers.csv"), ReportTables.layersCsv(report));
    files.add("layers.csv          per layer time, energy and operation counts");
    ReportTables.write(dir.resolve("energy.csv"), ReportTables.energyCsv(report));
    files.add("energy.csv          component class x action -> pJ (sums to the total)");
    ReportTables.write(dir.resolve("area.csv"), ReportTables.areaCsv(report));
    files.add("area.csv            layer x component class -> mm2 (sums to the chip's area)");
    ReportTables.write(dir.resolve("mapping.csv"), ReportTables.mappingCsv(report));
    files.add("mapping.csv         how each layer sits on the crossbars");
    ReportTables.write(dir.resolve("resources.csv"), ReportTables.resourcesCsv(report));
    files.add("resources.csv       utilisation of shared resources");
    ReportTables.write(dir.resolve("images.csv"), ReportTables.imagesCsv(report));
    files.add("images.csv          per image: PSNR and RMSE against float, D's score");
    if (!report.discriminatorScores().isEmpty()) {
      ReportTables.write(dir.resolve("scores.csv"), ReportTables.scoresCsv(report));
      files.add("scores.csv          discriminator score per image");
    }
    String yaml = report.runYaml().endsWith("\n") ? report.runYaml() : report.runYaml() + "\n";
    Files.writeString(dir.resolve("run.yaml"), yaml, StandardCharsets.UTF_8);
    files.add("run.yaml            the fully resolved configuration");

    ImmutableMap<String, byte[]> charts;
    if (chartsNotDrawn == null) {
      charts = ReportCharts.render(report);
      Path chartDir = Files.createDirectory(dir.resolve(CHARTS_DIR));
      for (Map.Entry<String, byte[]> chart : charts.entrySet()) {
        Files.write(chartDir.resolve(chart.getKey()), chart.getValue());
      }
      files.add(CHARTS_DIR + "/*.png        the charts of this report");
    } else {
      charts = ImmutableMap.of();
      files.add(CHARTS_DIR + "/             not drawn: " + chartsNotDrawn);
    }
    if (Files.exists(dir.resolve("trace.csv"))) {
      files.add("trace.csv           the event trace");
    }
    files.add("report.html         this page");
    Files.writeString(
        dir.resolve("report.html"),
        ReportHtml.render(report, grid, charts, ImmutableList.copyOf(files), chartsNotDrawn),
        StandardCharsets.UTF_8);
  }
}
