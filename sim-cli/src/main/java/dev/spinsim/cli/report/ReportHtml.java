package dev.spinsim.cli.report;

import com.google.common.html.HtmlEscapers;
import dev.spinsim.network.run.RunMetrics;
import dev.spinsim.network.run.RunMode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * {@code report.html}: one self-contained page (inline CSS, images as base64 data URIs, no scripts,
 * no external references) that reads offline — the images, the headline figures with the
 * activation-only energy beside the full one, charts and tables of energy, layers, mapping and
 * resources, and the resolved configuration.
 */
public final class ReportHtml {
  static final String ACTIVATION_NOTE =
      "The paper's testing energy counts the activation units only; the full figure adds"
          + " crossbars, converters, buffers, interconnect and leakage.";

  private static final String CSS =
      """
      *{box-sizing:border-box}
      body{margin:0;background:#f5f6f8;color:#222;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",Arial,sans-serif}
      main{max-width:1040px;margin:0 auto;padding:24px 20px 48px}
      h1{font-size:24px;margin:0 0 2px}
      h2{font-size:17px;margin:0 0 10px}
      .sub{color:#5f6670;margin:0 0 4px}
      section{background:#fff;border:1px solid #e2e5e9;border-radius:8px;padding:16px 20px;margin:16px 0}
      .cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(210px,1fr));gap:12px}
      .card{border:1px solid #e2e5e9;border-radius:6px;padding:10px 14px;background:#fcfcfd}
      .card .k{color:#5f6670;font-size:12.5px}
      .card .v{font-size:22px;font-weight:600;font-variant-numeric:tabular-nums}
      .card .c{color:#5f6670;font-size:11.5px}
      .warn{background:#fde2e1;border:1px solid #e0908b;border-radius:6px;padding:8px 12px;margin:10px 0 0;font-size:15px}
      .pair{display:flex;flex-wrap:wrap;gap:18px}
      .pair figure{margin:0}
      .pair figcaption{color:#5f6670;font-size:12.5px}
      .card.full{border-left:4px solid #4e79a7}
      .card.act{border-left:4px solid #f28e2b}
      .explain{color:#5f6670;font-size:12.5px;margin:8px 0 0}
      .note{background:#fff6d6;border:1px solid #ecd27a;border-radius:6px;padding:6px 10px;margin:8px 0 0}
      table{border-collapse:collapse;width:100%;margin-top:6px;font-size:12.5px;font-variant-numeric:tabular-nums}
      th,td{padding:4px 7px;border-bottom:1px solid #eceef1;text-align:right;white-space:nowrap}
      th{background:#f7f8fa;font-weight:600;position:sticky;top:0}
      th.l,td.l{text-align:left}
      tr:hover td{background:#fafbfc}
      .scroll{overflow-x:auto}
      img.chart{display:block;max-width:100%;height:auto;margin:6px 0 14px}
      img.grid{display:block;max-width:100%;height:auto;image-rendering:pixelated;margin:4px 0}
      .scores{display:flex;flex-wrap:wrap;gap:6px;margin:10px 0 0;font-size:12.5px}
      .scores span{background:#f1f3f5;border-radius:4px;padding:2px 6px;font-variant-numeric:tabular-nums}
      dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 14px;margin:0}
      dt{color:#5f6670} dd{margin:0;word-break:break-all}
      pre{background:#f6f7f9;border:1px solid #e2e5e9;border-radius:6px;padding:10px;overflow:auto;font-size:12px;margin:8px 0 0}
      summary{cursor:pointer;color:#3b5f8a}
      footer{color:#8a9099;font-size:12px;text-align:center}
      """;

  private ReportHtml() {}

  /**
   * The page for {@code report}, embedding {@code gridPng} (the image grid) and {@code charts}
   * (file name → PNG, in display order), and listing {@code files} written beside it.
   */
  public static String render(
      RunReport report, byte[] gridPng, Map<String, byte[]> charts, List<String> files) {
    return render(report, gridPng, charts, files, null);
  }

  /**
   * As above; a non-null {@code chartsNotDrawn} says why the charts were not drawn, and the page
   * says it where each chart would be (a picture is never left out silently).
   */
  public static String render(
      RunReport report,
      byte[] gridPng,
      Map<String, byte[]> charts,
      List<String> files,
      String chartsNotDrawn) {
    RunIdentity id = report.identity();
    RunMetrics s = report.metrics();
    String variant = s.overrides().isEmpty() ? "" : " [" + s.overrides() + "]";
    StringBuilder h = new StringBuilder(64 * 1024 + gridPng.length * 2);
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>spinsim run: ")
        .append(esc(id.model()))
        .append(" on ")
        .append(esc(id.preset() + variant))
        .append("</title>\n<style>\n")
        .append(CSS)
        .append("</style>\n</head>\n<body>\n<main>\n");

    h.append("<h1>spinsim generate: ")
        .append(esc(id.model()))
        .append(" on the ")
        .append(esc(id.preset()))
        .append(" preset")
        .append(esc(variant))
        .append("</h1>\n<p class=\"sub\">")
        .append(id.images())
        .append(id.images() == 1 ? " image" : " images")
        .append(" &middot; seed ")
        .append(id.seed())
        .append(" &middot; ")
        .append(esc(id.mode().label()))
        .append(" simulation</p>\n");
    for (String warning : report.warnings()) {
      h.append("<p class=\"warn\"><strong>Warning:</strong> ")
          .append(esc(warning))
          .append("</p>\n");
    }
    for (String note : id.notes()) {
      h.append("<p class=\"note\">").append(esc(note)).append("</p>\n");
    }

    // headline figures
    h.append("<section>\n<h2>Per image</h2>\n<div class=\"cards\">\n");
    boolean timed = id.mode() == RunMode.CYCLE_ACCURATE;
    Map<String, String> comments = TerminalSummary.comments(report);
    for (RunMetrics.Column c : RunMetrics.COLUMNS) {
      if (!c.headline()) {
        continue;
      }
      Object v = c.value(s);
      String cls =
          c.name().startsWith("energy_") ? "full" : c.name().contains("activation") ? "act" : "";
      if (v == null) {
        if (comments.containsKey(c.name() + "?")) {
          card(h, cls, c.label(), "n/a", comments.get(c.name() + "?"));
        }
        continue;
      }
      card(
          h,
          cls,
          c.label(),
          TerminalSummary.human(c, v, false),
          comments.getOrDefault(c.name(), ""));
    }
    h.append("</div>\n<p class=\"explain\">").append(esc(ACTIVATION_NOTE)).append("</p>\n");
    h.append("<p class=\"explain\">")
        .append(
            timed
                ? "Run time for all images: " + Numbers.time(s.makespanNs(), false) + "; t"
                : "Functional mode: values only, no timing was simulated and leakage is left out; t")
        .append("otal energy for all images: ")
        .append(Numbers.energy(s.energyPj(), false))
        .append(".</p>\n</section>\n");

    // images
    h.append("<section>\n<h2>Generated images</h2>\n");
    ImageBatch reference = report.floatImages();
    if (reference != null) {
      byte[] floatPng =
          dev.spinsim.cli.output.ImagePng.encode(
              dev.spinsim.cli.output.ImagePng.grid(
                  reference.pixelsUnsafe(),
                  reference.count(),
                  reference.channels(),
                  reference.height(),
                  reference.width()));
      h.append(
              "<div class=\"pair\"><figure><img class=\"grid\" alt=\"the float network's images\" src=\"")
          .append(dataUri(floatPng))
          .append("\"><figcaption>float network (same latents)</figcaption></figure>\n")
          .append("<figure><img class=\"grid\" alt=\"the chip's images\" src=\"")
          .append(dataUri(gridPng))
          .append("\"><figcaption>chip");
      if (!Double.isNaN(s.psnrDbVsFloat())) {
        h.append(": PSNR ")
            .append(
                esc(
                    TerminalSummary.human(
                        RunMetrics.column("psnr_db_vs_float"), s.psnrDbVsFloat(), false)))
            .append(" vs float");
      }
      h.append("</figcaption></figure></div>\n<p class=\"explain\">");
    } else {
      h.append("<img class=\"grid\" alt=\"grid of the ")
          .append(id.images())
          .append(" generated images\" src=\"")
          .append(dataUri(gridPng))
          .append("\">\n<p class=\"explain\">");
    }
    h.append(report.images().height())
        .append("&times;")
        .append(report.images().width())
        .append(report.images().channels() == 1 ? " grayscale" : " RGB")
        .append(", row by row from image 0; single images in <code>images/</code>, values in")
        .append(" <code>images.npy</code>, latents in <code>latents.npy</code>.</p>\n");
    if (!report.discriminatorScores().isEmpty()) {
      List<Double> scores = report.discriminatorScores();
      int shown = Math.min(scores.size(), report.images().count());
      h.append(
          shown < scores.size()
              ? "<p class=\"explain\">Discriminator score of the first "
                  + shown
                  + " images (all in <code>images.csv</code>):</p>\n<div class=\"scores\">"
              : "<p class=\"explain\">Discriminator score per image:</p>\n<div class=\"scores\">");
      for (int i = 0; i < shown; i++) {
        h.append("<span>#")
            .append(i)
            .append(" ")
            .append(Numbers.fourDigits(scores.get(i)))
            .append("</span>");
      }
      h.append("</div>\n");
    }
    h.append("</section>\n");

    // energy
    h.append("<section>\n<h2>Where the energy goes</h2>\n");
    chart(
        h,
        charts,
        chartsNotDrawn,
        ReportCharts.ENERGY_BY_CLASS,
        "energy per image by component class");
    chart(
        h,
        charts,
        chartsNotDrawn,
        ReportCharts.ENERGY_BY_CLASS_ACTION,
        "energy per image by class and action");
    h.append("<details><summary>Energy table (component class &times; action)</summary>\n")
        .append("<div class=\"scroll\"><table>\n<tr><th class=\"l\">component class</th>")
        .append("<th class=\"l\">action</th><th>energy / image</th><th>share</th></tr>\n");
    for (String componentClass : EnergyBreakdown.byClass(report).keySet()) {
      List<EnergyRow> rows = new ArrayList<>();
      for (EnergyRow e : report.energy()) {
        if (e.componentClass().equals(componentClass)) {
          rows.add(e);
        }
      }
      rows.sort((a, b) -> Double.compare(b.energyPj(), a.energyPj()));
      for (EnergyRow e : rows) {
        h.append("<tr><td class=\"l\">")
            .append(esc(e.componentClass()))
            .append("</td><td class=\"l\">")
            .append(esc(e.action()))
            .append("</td><td>")
            .append(Numbers.energy(e.energyPj() / id.images(), false))
            .append("</td><td>")
            .append(Numbers.percent(s.energyPj() == 0 ? 0 : e.energyPj() / s.energyPj()))
            .append("</td></tr>\n");
      }
    }
    h.append("</table></div></details>\n</section>\n");

    // area: the area reference table on the chip's components, by class and by layer
    if (!report.area().isEmpty()) {
      areaSection(h, report);
    }

    // layers
    if (!report.layers().isEmpty()) {
      h.append("<section>\n<h2>Layers</h2>\n");
      chart(h, charts, chartsNotDrawn, ReportCharts.LAYER_LATENCY, "latency per layer");
      chart(h, charts, chartsNotDrawn, ReportCharts.LAYER_TIMELINE, "layer timeline");
      chart(h, charts, chartsNotDrawn, ReportCharts.LAYER_ENERGY, "energy per image per layer");
      layerTable(h, report);
      h.append("</section>\n");
    }

    // mapping
    if (!report.mapping().isEmpty()) {
      h.append("<section>\n<h2>Mapping onto crossbars</h2>\n<div class=\"scroll\"><table>\n")
          .append(
              "<tr><th class=\"l\">network</th><th class=\"l\">layer</th><th class=\"l\">kind</th>")
          .append(
              "<th class=\"l\">strategy</th><th>phases</th><th>matrix</th><th>crossbars</th><th>cell use</th><th>replication</th>")
          .append("<th>vectors / image</th><th>MACs / image</th><th>zero MACs</th></tr>\n");
      for (MappingRow m : report.mapping()) {
        h.append("<tr><td class=\"l\">")
            .append(esc(m.network()))
            .append("</td><td class=\"l\">")
            .append(esc(m.layer()))
            .append("</td><td class=\"l\">")
            .append(esc(m.kind()))
            .append("</td><td class=\"l\">")
            .append(esc(m.strategy()))
            .append("</td><td>")
            .append(m.phases())
            .append("</td><td>")
            .append(m.matrixRows())
            .append(" &times; ")
            .append(m.matrixCols())
            .append("</td><td>")
            .append(m.crossbars())
            .append("</td><td>")
            .append(Numbers.percent(m.cellUtilisation()))
            .append("</td><td>")
            .append(m.replication())
            .append("</td><td>")
            .append(Numbers.count(m.inputVectorsPerImage()))
            .append("</td><td>")
            .append(Numbers.count(m.macsPerImage()))
            .append("</td><td>")
            .append(Numbers.percent(m.zeroFraction()))
            .append("</td></tr>\n");
      }
      h.append(
              "</table></div>\n<p class=\"explain\">Matrix: im2col rows (k&sup2;&middot;C<sub>in</sub>;")
          .append(" under sub-pixel the phases' sub-kernel rows, stacked)")
          .append(" &times; output channels. Zero MACs: share of crossbar work spent on zeros —")
          .append(" those inserted when a transposed convolution is rewritten as a convolution")
          .append(" (none under sub-pixel) and the padding at the borders.</p>\n")
          .append("</section>\n");
    }

    // resources
    if (!report.resources().isEmpty()) {
      h.append("<section>\n<h2>Shared resources</h2>\n");
      chart(h, charts, chartsNotDrawn, ReportCharts.RESOURCE_UTILISATION, "resource utilisation");
      h.append("<div class=\"scroll\"><table>\n<tr><th class=\"l\">resource</th>")
          .append("<th class=\"l\">class</th><th>units</th><th>requests</th>")
          .append("<th>busy per unit</th><th>utilisation</th><th>mean wait / request</th>")
          .append("<th>longest wait</th><th>peak queue</th>")
          .append("<th>held: mean / peak / capacity</th></tr>\n");
      for (ResourceRow r : report.resources()) {
        h.append("<tr><td class=\"l\">")
            .append(esc(r.resource()))
            .append("</td><td class=\"l\">")
            .append(esc(r.resourceClass()))
            .append("</td><td>")
            .append(r.units())
            .append("</td><td>")
            .append(Numbers.count(r.requests()))
            .append("</td><td>")
            .append(r.holdsData() ? "&mdash;" : Numbers.time(r.busyNsPerUnit(), false))
            .append("</td><td>")
            .append(Numbers.percent(r.utilisation()))
            .append("</td><td>")
            .append(Numbers.time(r.meanWaitNsPerRequest(), false))
            .append("</td><td>")
            .append(Numbers.time(r.maxWaitNs(), false))
            .append("</td><td>")
            .append(r.peakQueue())
            .append("</td><td>")
            .append(
                r.holdsData()
                    ? Numbers.si(r.meanBytes(), 0, "B", false)
                        + " / "
                        + Numbers.si(r.peakBytes(), 0, "B", false)
                        + " / "
                        + Numbers.si(r.capacityBytes(), 0, "B", false)
                    : "")
            .append("</td></tr>\n");
      }
      h.append("</table></div>\n<p class=\"explain\">Per kind of resource of a layer: busy per")
          .append(" unit is the time one unit worked, on average over its units; utilisation is")
          .append(" that over the run time; a request waits when every unit is taken. A buffer's")
          .append(" space (its tiles' buffers pooled) has no busy time: its utilisation is the")
          .append(" time-averaged occupancy over the capacity, and its waits are producers")
          .append(" waiting for room.</p>\n")
          .append("</section>\n");
    }

    // configuration and files
    h.append("<section>\n<h2>Configuration</h2>\n<dl>\n");
    definition(h, "model", id.model());
    definition(h, "preset", id.preset());
    definition(h, "images", Integer.toString(id.images()));
    definition(h, "seed", Long.toString(id.seed()));
    definition(h, "simulation", id.mode().label());
    for (Map.Entry<String, String> e : id.details().entrySet()) {
      definition(h, e.getKey(), e.getValue());
    }
    h.append("</dl>\n<details><summary>Resolved configuration (run.yaml)</summary>\n<pre>")
        .append(esc(report.runYaml()))
        .append("</pre></details>\n");
    if (!files.isEmpty()) {
      h.append("<details><summary>Files in this folder</summary>\n<pre>");
      for (String f : files) {
        h.append(esc(f)).append('\n');
      }
      h.append("</pre></details>\n");
    }
    h.append("</section>\n<footer>Written by spinsim. Energies are per image unless stated;")
        .append(" the CSV files hold run totals and per-image columns.</footer>\n")
        .append("</main>\n</body>\n</html>\n");
    return h.toString();
  }

  private static void areaSection(StringBuilder h, RunReport report) {
    Map<String, double[]> byClass = new java.util.TreeMap<>();
    Map<String, double[]> byLayer = new java.util.LinkedHashMap<>();
    for (AreaRow a : report.area()) {
      double[] c = byClass.computeIfAbsent(a.componentClass(), k -> new double[3]);
      c[0] += a.units();
      c[1] = a.mm2PerUnit();
      c[2] += a.areaMm2();
      double[] l = byLayer.computeIfAbsent(a.layer(), k -> new double[2]);
      l[0] = a.tiles();
      l[1] += a.areaMm2();
    }
    double total = report.metrics().areaMm2();
    h.append(
            "<section>\n<h2>Area</h2>\n<div class=\"scroll\"><table>\n<tr><th class=\"l\">component class</th>")
        .append("<th>units</th><th>mm&sup2; / unit</th><th>mm&sup2;</th><th>share</th></tr>\n");
    byClass.entrySet().stream()
        .sorted((a, b) -> Double.compare(b.getValue()[2], a.getValue()[2]))
        .forEach(
            e ->
                h.append("<tr><td class=\"l\">")
                    .append(esc(e.getKey()))
                    .append("</td><td>")
                    .append(Numbers.count(Math.round(e.getValue()[0])))
                    .append("</td><td>")
                    .append(Numbers.fourDigits(e.getValue()[1]))
                    .append("</td><td>")
                    .append(Numbers.fourDigits(e.getValue()[2]))
                    .append("</td><td>")
                    .append(Numbers.percent(total == 0 ? 0 : e.getValue()[2] / total))
                    .append("</td></tr>\n"));
    h.append(
            "</table></div>\n<div class=\"scroll\"><table>\n<tr><th class=\"l\">layer</th><th>tiles</th>")
        .append("<th>mm&sup2;</th><th>mm&sup2; / tile</th></tr>\n");
    byLayer.forEach(
        (layer, v) ->
            h.append("<tr><td class=\"l\">")
                .append(esc(layer))
                .append("</td><td>")
                .append((long) v[0])
                .append("</td><td>")
                .append(Numbers.fourDigits(v[1]))
                .append("</td><td>")
                .append(Numbers.fourDigits(v[0] == 0 ? 0 : v[1] / v[0]))
                .append("</td></tr>\n"));
    h.append(
            "</table></div>\n<p class=\"explain\">Area of the components the mapping uses: units &times;")
        .append(
            " the preset's area per unit (an array from its cells, a buffer from its size); the")
        .append(" rows are in <code>area.csv</code>. Average power ")
        .append(
            Double.isNaN(report.metrics().powerMw())
                ? "n/a"
                : Numbers.fourDigits(report.metrics().powerMw()))
        .append(" mW; busiest tile ")
        .append(
            Double.isNaN(report.metrics().peakTilePowerMw())
                ? "n/a"
                : Numbers.fourDigits(report.metrics().peakTilePowerMw()))
        .append(" mW.</p>\n</section>\n");
  }

  private static void layerTable(StringBuilder h, RunReport report) {
    List<String> counts = new ArrayList<>();
    for (String c : ReportTables.countColumns(report.layers())) {
      for (LayerRow l : report.layers()) {
        if (l.counts().containsKey(c)) {
          counts.add(c);
          break;
        }
      }
    }
    int n = report.identity().images();
    h.append(
            "<details><summary>Layer table (counts are per image; ADC clip: conversions beyond full")
        .append(
            " scale; zero code: a signal read as 0; saturation: activations at a rail)</summary>\n")
        .append("<div class=\"scroll\"><table>\n<tr><th class=\"l\">network</th>")
        .append("<th class=\"l\">layer</th><th class=\"l\">kind</th><th>start</th><th>end</th>")
        .append("<th>latency</th><th>energy / image</th><th>activation / image</th>");
    List<String> fractions = new ArrayList<>();
    for (String c : ReportTables.fractionColumns(report.layers())) {
      for (LayerRow l : report.layers()) {
        if (l.fractions().containsKey(c)) {
          fractions.add(c);
          break;
        }
      }
    }
    for (String c : fractions) {
      h.append("<th>").append(esc(c.replace('_', ' '))).append("</th>");
    }
    for (String c : counts) {
      h.append("<th>").append(esc(c.replace('_', ' '))).append("</th>");
    }
    h.append("</tr>\n");
    for (LayerRow l : report.layers()) {
      h.append("<tr><td class=\"l\">")
          .append(esc(l.network()))
          .append("</td><td class=\"l\">")
          .append(esc(l.layer()))
          .append("</td><td class=\"l\">")
          .append(esc(l.kind()))
          .append("</td><td>")
          .append(timeOrNa(l.startNs()))
          .append("</td><td>")
          .append(timeOrNa(l.endNs()))
          .append("</td><td>")
          .append(timeOrNa(l.latencyNs()))
          .append("</td><td>")
          .append(Numbers.energy(l.energyPj() / n, false))
          .append("</td><td>")
          .append(Numbers.energy(l.activationEnergyPj() / n, false))
          .append("</td>");
      for (String c : fractions) {
        Double v = l.fractions().get(c);
        h.append("<td>").append(v == null ? "&ndash;" : Numbers.percent(v)).append("</td>");
      }
      for (String c : counts) {
        Long v = l.counts().get(c);
        h.append("<td>").append(v == null ? "&ndash;" : perImage(v, n)).append("</td>");
      }
      h.append("</tr>\n");
    }
    h.append("</table></div></details>\n");
  }

  private static String timeOrNa(double ns) {
    return Double.isNaN(ns) ? "n/a" : Numbers.time(ns, false);
  }

  private static String perImage(long total, int images) {
    return total % images == 0
        ? Numbers.count(total / images)
        : Numbers.fourDigits((double) total / images);
  }

  private static String throughput(double imagesPerS) {
    return Numbers.si(imagesPerS, 0, "", false).strip();
  }

  private static String networkName(String network) {
    return switch (network) {
      case "G" -> "G (generator)";
      case "D" -> "D (discriminator)";
      default -> network;
    };
  }

  private static void card(StringBuilder h, String cls, String key, String value, String comment) {
    h.append("<div class=\"card")
        .append(cls.isEmpty() ? "" : " " + cls)
        .append("\"><div class=\"k\">")
        .append(esc(key))
        .append("</div><div class=\"v\">")
        .append(esc(value))
        .append("</div>");
    if (!comment.isEmpty()) {
      h.append("<div class=\"c\">").append(esc(comment)).append("</div>");
    }
    h.append("</div>\n");
  }

  private static void chart(
      StringBuilder h, Map<String, byte[]> charts, String notDrawn, String name, String alt) {
    byte[] png = charts.get(name);
    if (png == null && notDrawn != null) {
      h.append("<p class=\"note\">Chart not drawn (")
          .append(esc(alt))
          .append("): ")
          .append(esc(notDrawn))
          .append("</p>\n");
    } else if (png != null) {
      h.append("<img class=\"chart\" alt=\"")
          .append(esc(alt))
          .append("\" src=\"")
          .append(dataUri(png))
          .append("\">\n");
    }
  }

  private static void definition(StringBuilder h, String key, String value) {
    h.append("<dt>").append(esc(key)).append("</dt><dd>").append(esc(value)).append("</dd>\n");
  }

  static String dataUri(byte[] png) {
    return "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
  }

  /** HTML-escaped text (Guava's escaper: {@code < > & " '}). */
  static String esc(String text) {
    return HtmlEscapers.htmlEscaper().escape(text);
  }
}
