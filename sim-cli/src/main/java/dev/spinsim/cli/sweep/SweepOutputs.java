package dev.spinsim.cli.sweep;

import com.google.common.html.HtmlEscapers;
import com.google.common.math.IntMath;
import dev.spinsim.cli.output.ImagePng;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The files a sweep writes from its rows: {@code pareto.csv} (the non-dominated ok points for the
 * objectives), the plots in {@code plots/} (XChart PNGs: Pareto fronts for each pair of objectives
 * with the base preset's point marked, each knob against each objective, a heat map of each
 * objective over the first two knobs) and {@code report.html} (self-contained: plots inline, the
 * Pareto table with links to kept runs, the space, invalid points and time per point). Each file is
 * written beside its target and renamed into place.
 */
public final class SweepOutputs {
  static {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  private static final CSVFormat FORMAT =
      CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();
  private static final int W = 720;
  private static final int H = 460;
  private static final Color ALL = new Color(0xBAB0AC);
  private static final Color FRONT = new Color(0x4E79A7);
  private static final Color BASE = new Color(0xE15759);
  private static final Color[] PALETTE = {
    FRONT,
    new Color(0xF28E2B),
    new Color(0x59A14F),
    BASE,
    new Color(0x76B7B2),
    new Color(0xEDC948),
    new Color(0xB07AA1),
    new Color(0x9C755F)
  };

  /** An objective bound to its column. */
  public record Bound(Objective objective, String column) {}

  /** What a sweep's outputs are made from. */
  public record Inputs(
      Path dir,
      String title,
      List<String> header,
      List<Map<String, String>> rows,
      List<SweepSpace.Dimension> dimensions,
      List<Bound> objectives,
      String baseHash,
      String baseLabel,
      String sweepYaml,
      Map<String, double[]> timings,
      List<String> notes) {}

  private SweepOutputs() {}

  /**
   * The indices (into {@code rows}) of the ok rows on the Pareto front, sorted by the first
   * objective.
   */
  public static List<Integer> frontRows(List<Map<String, String>> rows, List<Bound> objectives) {
    List<double[]> costs = new ArrayList<>();
    for (Map<String, String> r : rows) {
      costs.add(costs(r, objectives));
    }
    List<Integer> front = Pareto.front(costs);
    List<Integer> out = new ArrayList<>(front);
    out.sort(
        Comparator.<Integer>comparingDouble(i -> costs.get(i)[0])
            .thenComparing(i -> rows.get(i).get("point_id")));
    return out;
  }

  /** The cost vector of a row (NaN everywhere when it is not ok). */
  public static double[] costs(Map<String, String> row, List<Bound> objectives) {
    double[] c = new double[objectives.size()];
    boolean ok = "ok".equals(row.get("status"));
    for (int i = 0; i < c.length; i++) {
      c[i] = ok ? objectives.get(i).objective().cost(row, objectives.get(i).column()) : Double.NaN;
    }
    return c;
  }

  /** Writes pareto.csv, plots/ and report.html; returns the plot file names written. */
  public static List<String> write(Inputs in) throws IOException {
    List<Integer> front = frontRows(in.rows(), in.objectives());
    StringWriter csv = new StringWriter();
    try (CSVPrinter p = new CSVPrinter(csv, FORMAT)) {
      p.printRecord(in.header());
      for (int i : front) {
        Map<String, String> r = in.rows().get(i);
        List<String> v = new ArrayList<>();
        for (String h : in.header()) {
          v.add(r.getOrDefault(h, ""));
        }
        p.printRecord(v);
      }
    }
    atomicWrite(in.dir().resolve("pareto.csv"), csv.toString().getBytes(StandardCharsets.UTF_8));

    Map<String, byte[]> plots = plots(in, front);
    Path plotDir = Files.createDirectories(in.dir().resolve("plots"));
    for (Map.Entry<String, byte[]> e : plots.entrySet()) {
      atomicWrite(plotDir.resolve(e.getKey()), e.getValue());
    }
    atomicWrite(
        in.dir().resolve("report.html"), html(in, front, plots).getBytes(StandardCharsets.UTF_8));
    return List.copyOf(plots.keySet());
  }

  /** Writes {@code bytes} beside {@code file} and renames it into place. */
  public static void atomicWrite(Path file, byte[] bytes) throws IOException {
    Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
    Files.write(tmp, bytes);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  // ------------------------------------------------------------------ plots

  static Map<String, byte[]> plots(Inputs in, List<Integer> front) {
    Map<String, byte[]> out = new LinkedHashMap<>();
    List<Bound> obj = in.objectives();
    for (int a = 0; a < obj.size(); a++) {
      for (int b = a + 1; b < obj.size(); b++) {
        out.put(
            "pareto-"
                + obj.get(a).objective().name()
                + "-"
                + obj.get(b).objective().name()
                + ".png",
            png(paretoChart(in, front, obj.get(a), obj.get(b))));
      }
    }
    for (SweepSpace.Dimension d : in.dimensions()) {
      for (Bound o : obj) {
        out.put(
            "knob-" + slug(String.join("+", d.keys())) + "-" + o.objective().name() + ".png",
            png(knobChart(in, d, o)));
      }
    }
    if (in.dimensions().size() >= 2) {
      SweepSpace.Dimension x = in.dimensions().get(0);
      SweepSpace.Dimension y = in.dimensions().get(1);
      List<BufferedImage> maps = new ArrayList<>();
      for (Bound o : obj) {
        BufferedImage h = heatMap(in, x, y, o);
        if (h != null) {
          maps.add(h);
          out.put("heatmap-" + o.objective().name() + ".png", ImagePng.encode(h));
        }
      }
      if (maps.size() > 1) {
        out.put("heatmaps.png", ImagePng.encode(tile(maps, 2)));
      }
    }
    return out;
  }

  static String slug(String s) {
    return s.replaceAll("[^A-Za-z0-9._+-]", "_");
  }

  private static byte[] png(Chart<?, ?> chart) {
    return ImagePng.encode(BitmapEncoder.getBufferedImage(chart));
  }

  private static double value(Map<String, String> row, Bound b) {
    double c = b.objective().cost(row, b.column());
    return b.objective().maximise() ? -c : c;
  }

  private static String axis(Bound b) {
    return b.column() + (b.objective().maximise() ? " (higher is better)" : " (lower is better)");
  }

  /**
   * How an objective is drawn on an axis: values times {@code factor}, titled {@code title}. A
   * column in pJ or ns is drawn in the SI prefix of J or s that keeps the largest value of the
   * sweep under 1000 (so a 20 µJ energy reads 20, not 2E7); other columns as they are.
   */
  record Display(double factor, String title) {}

  private static final String[] PREFIXES = {"p", "n", "µ", "m", ""};

  static Display display(Inputs in, Bound b) {
    String col = b.column();
    int exponent; // the column's unit as a power of ten of the SI unit
    String unit;
    if (col.contains("_pj")) {
      exponent = -12;
      unit = "J";
    } else if (col.contains("_ns")) {
      exponent = -9;
      unit = "s";
    } else {
      return new Display(1, axis(b));
    }
    double big = 0;
    for (Map<String, String> r : in.rows()) {
      double v = Math.abs(value(r, b));
      if (Double.isFinite(v)) {
        big = Math.max(big, v);
      }
    }
    int group = 0; // powers of 1000 above the column's unit
    while (group < PREFIXES.length - 1 - (exponent == -9 ? 1 : 0)
        && big / Math.pow(1000, group) >= 1000) {
      group++;
    }
    int prefix = (exponent + 12) / 3 + group;
    String better = b.objective().maximise() ? "higher is better" : "lower is better";
    return new Display(
        Math.pow(1000, -group), col + " (" + PREFIXES[prefix] + unit + "; " + better + ")");
  }

  /** Legend below the plot, in one row: it never covers a point. */
  private static void legendBelow(Styler s) {
    s.setLegendPosition(Styler.LegendPosition.OutsideS);
    s.setLegendLayout(Styler.LegendLayout.Horizontal);
  }

  private static XYChart xy(String title, String x, String y) {
    XYChart c = new XYChart(W, H);
    c.setTitle(title);
    c.setXAxisTitle(x);
    c.setYAxisTitle(y);
    Styler s = c.getStyler();
    fonts(c.getStyler());
    s.setChartBackgroundColor(Color.WHITE);
    s.setLegendPosition(Styler.LegendPosition.InsideNE);
    c.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    c.getStyler().setMarkerSize(9);
    return c;
  }

  /** Every font set explicitly (the heat map's legend has none by default). */
  private static void fonts(org.knowm.xchart.style.AxesChartStyler s) {
    Font base = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    s.setBaseFont(base);
    s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
    s.setLegendFont(base.deriveFont(11f));
    s.setAxisTitleFont(base);
    s.setAxisTickLabelsFont(base.deriveFont(11f));
    s.setAnnotationTextFont(base.deriveFont(11f));
  }

  static XYChart paretoChart(Inputs in, List<Integer> front, Bound a, Bound b) {
    Display da = display(in, a);
    Display db = display(in, b);
    XYChart c =
        xy(
            "Pareto front: " + a.objective().name() + " vs " + b.objective().name(),
            da.title(),
            db.title());
    legendBelow(c.getStyler());
    List<Double> ax = new ArrayList<>(),
        ay = new ArrayList<>(),
        fx = new ArrayList<>(),
        fy = new ArrayList<>();
    List<Double> bx = new ArrayList<>(), by = new ArrayList<>();
    for (int i = 0; i < in.rows().size(); i++) {
      Map<String, String> r = in.rows().get(i);
      double x = value(r, a) * da.factor(), y = value(r, b) * db.factor();
      if (!Double.isFinite(x) || !Double.isFinite(y)) {
        continue;
      }
      if (front.contains(i)) {
        fx.add(x);
        fy.add(y);
      } else {
        ax.add(x);
        ay.add(y);
      }
      if (r.get("config_hash").equals(in.baseHash())) {
        bx.add(x);
        by.add(y);
      }
    }
    if (!ax.isEmpty()) {
      XYSeries s = c.addSeries("dominated points", ax, ay);
      s.setMarkerColor(ALL);
      s.setMarker(SeriesMarkers.CIRCLE);
    }
    if (!fx.isEmpty()) {
      XYSeries s = c.addSeries("Pareto front (all objectives)", fx, fy);
      s.setMarkerColor(FRONT);
      s.setMarker(SeriesMarkers.CIRCLE);
    }
    if (!bx.isEmpty()) {
      XYSeries s = c.addSeries(in.baseLabel(), bx, by);
      s.setMarkerColor(BASE);
      s.setMarker(SeriesMarkers.DIAMOND);
    }
    if (ax.isEmpty() && fx.isEmpty()) {
      c.addSeries("no ok points", new double[] {0}, new double[] {0});
    }
    return c;
  }

  /**
   * Each value of a knob against one objective: every point, and the best at each value joined by a
   * line. Numeric knobs are plotted at their values (log scale when they span 8× or more), others
   * as categories (best and worst per value).
   */
  static Chart<?, ?> knobChart(Inputs in, SweepSpace.Dimension d, Bound o) {
    String name = String.join(" + ", d.keys());
    Display shown = display(in, o);
    double[] xv = new double[d.size()];
    boolean numeric = true;
    for (int i = 0; i < d.size() && numeric; i++) {
      try {
        xv[i] = Double.parseDouble(d.levels().get(i).get(0));
      } catch (NumberFormatException e) {
        numeric = false;
      }
    }
    List<List<Double>> perLevel = new ArrayList<>();
    for (int i = 0; i < d.size(); i++) {
      perLevel.add(new ArrayList<>());
    }
    for (Map<String, String> r : in.rows()) {
      int level = levelOf(d, r);
      double y = value(r, o) * shown.factor();
      if (level >= 0 && Double.isFinite(y)) {
        perLevel.get(level).add(y);
      }
    }
    double[] best = new double[d.size()];
    double[] worst = new double[d.size()];
    for (int i = 0; i < d.size(); i++) {
      best[i] = Double.NaN;
      worst[i] = Double.NaN;
      for (double y : perLevel.get(i)) {
        boolean better =
            Double.isNaN(best[i]) || (o.objective().maximise() ? y > best[i] : y < best[i]);
        boolean worse =
            Double.isNaN(worst[i]) || (o.objective().maximise() ? y < worst[i] : y > worst[i]);
        best[i] = better ? y : best[i];
        worst[i] = worse ? y : worst[i];
      }
    }
    if (!numeric) {
      org.knowm.xchart.CategoryChart c = new org.knowm.xchart.CategoryChart(W, H);
      c.setTitle(o.objective().name() + " vs " + name);
      c.setXAxisTitle(name);
      c.setYAxisTitle(shown.title());
      fonts(c.getStyler());
      c.getStyler().setChartBackgroundColor(Color.WHITE);
      legendBelow(c.getStyler());
      List<String> labels = new ArrayList<>();
      List<Double> b = new ArrayList<>(), w = new ArrayList<>();
      for (int i = 0; i < d.size(); i++) {
        if (!Double.isNaN(best[i])) {
          labels.add(String.join("/", d.levels().get(i)));
          b.add(best[i]);
          w.add(worst[i]);
        }
      }
      if (labels.isEmpty()) {
        c.addSeries("no ok points", List.of("-"), List.of(0.0));
        return c;
      }
      c.addSeries("best at this value", labels, b).setFillColor(FRONT);
      c.addSeries("worst at this value", labels, w).setFillColor(ALL);
      return c;
    }
    XYChart c = xy(o.objective().name() + " vs " + name, name, shown.title());
    legendBelow(c.getStyler());
    double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
    for (double v : xv) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    if (min > 0 && max / min >= 8) {
      c.getStyler().setXAxisLogarithmic(true);
    }
    List<Double> xs = new ArrayList<>(),
        ys = new ArrayList<>(),
        bx = new ArrayList<>(),
        by = new ArrayList<>();
    for (int i = 0; i < d.size(); i++) {
      for (double y : perLevel.get(i)) {
        xs.add(xv[i]);
        ys.add(y);
      }
      if (!Double.isNaN(best[i])) {
        bx.add(xv[i]);
        by.add(best[i]);
      }
    }
    if (xs.isEmpty()) {
      c.addSeries("no ok points", new double[] {1}, new double[] {0});
      return c;
    }
    XYSeries all = c.addSeries("every point", xs, ys);
    all.setMarkerColor(ALL);
    XYSeries b = c.addSeries("best at this value", bx, by);
    b.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    b.setLineColor(FRONT);
    b.setMarkerColor(FRONT);
    b.setMarker(SeriesMarkers.CIRCLE);
    return c;
  }

  private static int levelOf(SweepSpace.Dimension d, Map<String, String> row) {
    outer:
    for (int i = 0; i < d.size(); i++) {
      List<String> l = d.levels().get(i);
      for (int k = 0; k < d.keys().size(); k++) {
        if (!l.get(k).equals(row.get(d.keys().get(k)))) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /**
   * A heat map (drawn with Java2D: XChart 3.8's heat map cannot render a legend without a font and
   * draws nothing with it) of the best value of an objective for each pair of levels of two knobs
   * (other knobs free): darker is better, each cell labelled with its value; null when no point
   * ran.
   */
  static BufferedImage heatMap(Inputs in, SweepSpace.Dimension x, SweepSpace.Dimension y, Bound o) {
    double[][] best = new double[x.size()][y.size()];
    for (double[] r : best) {
      java.util.Arrays.fill(r, Double.NaN);
    }
    double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
    for (Map<String, String> r : in.rows()) {
      int i = levelOf(x, r), j = levelOf(y, r);
      double v = value(r, o);
      if (i < 0 || j < 0 || !Double.isFinite(v)) {
        continue;
      }
      double cost = o.objective().maximise() ? -v : v;
      double bc = o.objective().maximise() ? -best[i][j] : best[i][j];
      if (Double.isNaN(best[i][j]) || cost < bc) {
        best[i][j] = v;
      }
    }
    for (double[] r : best) {
      for (double v : r) {
        if (!Double.isNaN(v)) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
    }
    if (lo > hi) {
      return null;
    }
    int left = 110, top = 50, bottom = 60, right = 20;
    int cw = Math.max(60, (W - left - right) / x.size());
    int ch = Math.max(28, Math.min(70, (H - top - bottom) / y.size()));
    int width = left + cw * x.size() + right;
    int height = top + ch * y.size() + bottom;
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, width, height);
      g.setColor(new Color(0x33, 0x33, 0x33));
      g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
      // one power of 1000 for the whole map, so cells read as short numbers
      double big = Math.max(Math.abs(lo), Math.abs(hi));
      int exp3 = big >= 1e4 ? (int) Math.floor(Math.log10(big) / 3) * 3 : 0;
      double scale = Math.pow(10, exp3);
      g.drawString(
          o.objective().name()
              + ": "
              + o.column()
              + (exp3 == 0 ? "" : " (x 1e" + exp3 + ")")
              + ", best over other knobs; darker is better",
          10,
          22);
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
      FontMetrics fm = g.getFontMetrics();
      for (int i = 0; i < x.size(); i++) {
        for (int j = 0; j < y.size(); j++) {
          int px = left + i * cw;
          int py = top + (y.size() - 1 - j) * ch;
          double v = best[i][j];
          if (Double.isNaN(v)) {
            g.setColor(new Color(0xEE, 0xEE, 0xEE));
            g.fillRect(px, py, cw - 2, ch - 2);
            continue;
          }
          double t = hi == lo ? 1 : (v - lo) / (hi - lo);
          double good = o.objective().maximise() ? t : 1 - t;
          Color c = blend(new Color(0xF7FBFF), new Color(0x08519C), good);
          g.setColor(c);
          g.fillRect(px, py, cw - 2, ch - 2);
          g.setColor(good > 0.55 ? Color.WHITE : new Color(0x33, 0x33, 0x33));
          String label = String.format(Locale.ROOT, "%.4g", v / scale);
          g.drawString(
              label,
              px + (cw - 2 - fm.stringWidth(label)) / 2,
              py + (ch - 2 + fm.getAscent()) / 2 - 2);
        }
      }
      g.setColor(new Color(0x33, 0x33, 0x33));
      for (int i = 0; i < x.size(); i++) {
        String l = String.join("/", x.levels().get(i));
        g.drawString(l, left + i * cw + (cw - 2 - fm.stringWidth(l)) / 2, top + y.size() * ch + 16);
      }
      for (int j = 0; j < y.size(); j++) {
        String l = String.join("/", y.levels().get(j));
        g.drawString(
            l,
            left - 8 - fm.stringWidth(l),
            top + (y.size() - 1 - j) * ch + (ch - 2 + fm.getAscent()) / 2 - 2);
      }
      String xt = String.join(" + ", x.keys());
      g.drawString(xt, left + (cw * x.size() - fm.stringWidth(xt)) / 2, top + y.size() * ch + 40);
      String yt = String.join(" + ", y.keys());
      g.drawString(yt, 8, top - 8);
    } finally {
      g.dispose();
    }
    return img;
  }

  /** Images side by side, {@code columns} per row, on white. */
  static BufferedImage tile(List<BufferedImage> images, int columns) {
    int w = 0, h = 0;
    for (BufferedImage i : images) {
      w = Math.max(w, i.getWidth());
      h = Math.max(h, i.getHeight());
    }
    int rows = IntMath.divide(images.size(), columns, RoundingMode.CEILING);
    int cols = Math.min(columns, images.size());
    BufferedImage out = new BufferedImage(w * cols, h * rows, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, out.getWidth(), out.getHeight());
      for (int i = 0; i < images.size(); i++) {
        g.drawImage(images.get(i), (i % columns) * w, (i / columns) * h, null);
      }
    } finally {
      g.dispose();
    }
    return out;
  }

  private static Color blend(Color a, Color b, double t) {
    t = Math.max(0, Math.min(1, t));
    return new Color(
        (int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * t),
        (int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * t),
        (int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * t));
  }

  private static double significant(double v) {
    if (v == 0 || !Double.isFinite(v)) {
      return v;
    }
    return new java.math.BigDecimal(v).round(new java.math.MathContext(4)).doubleValue();
  }

  // ------------------------------------------------------------------ report.html

  static String esc(String s) {
    return HtmlEscapers.htmlEscaper().escape(s == null ? "" : s);
  }

  static String html(Inputs in, List<Integer> front, Map<String, byte[]> plots) {
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
        .append(esc(in.title()))
        .append("</title>\n<style>\n")
        .append(
            "body{font-family:sans-serif;color:#333;margin:0;background:#fafafa}main{max-width:1500px;margin:auto;padding:1em 2em}")
        .append(
            "table{border-collapse:collapse;font-size:13px;margin:.5em 0}td,th{border:1px solid #ddd;padding:3px 7px;text-align:right}")
        .append("th{background:#f0f0f0}td.l,th.l{text-align:left}tr.base td{background:#fde8e8}")
        .append(
            ".plots img{max-width:48%;margin:.3em;border:1px solid #eee;background:#fff}pre{background:#fff;border:1px solid #ddd;padding:.6em}")
        .append("\n</style>\n</head>\n<body>\n<main>\n");
    h.append("<h1>").append(esc(in.title())).append("</h1>\n");
    long ok = in.rows().stream().filter(r -> "ok".equals(r.get("status"))).count();
    long invalid = in.rows().stream().filter(r -> "invalid".equals(r.get("status"))).count();
    long failed = in.rows().stream().filter(r -> "failed".equals(r.get("status"))).count();
    h.append("<p>")
        .append(in.rows().size())
        .append(" points: ")
        .append(ok)
        .append(" ran, ")
        .append(invalid)
        .append(" invalid, ")
        .append(failed)
        .append(" failed. Objectives: ");
    List<String> names = new ArrayList<>();
    for (Bound b : in.objectives()) {
      names.add(b.objective().label() + " = <code>" + esc(b.column()) + "</code>");
    }
    h.append(String.join(", ", names))
        .append(". The point marked <b>")
        .append(esc(in.baseLabel()))
        .append("</b> is the base preset with no knob changed.</p>\n");
    for (String n : in.notes()) {
      h.append("<p><i>").append(esc(n)).append("</i></p>\n");
    }

    h.append("<h2>Pareto front (").append(front.size()).append(" points)</h2>\n");
    table(h, in, front, true);

    h.append("<h2>Plots</h2>\n<div class=\"plots\">\n");
    for (Map.Entry<String, byte[]> e : plots.entrySet()) {
      h.append("<img alt=\"")
          .append(esc(e.getKey()))
          .append("\" title=\"plots/")
          .append(esc(e.getKey()))
          .append("\" src=\"data:image/png;base64,")
          .append(Base64.getEncoder().encodeToString(e.getValue()))
          .append("\">\n");
    }
    h.append("</div>\n");

    List<Integer> bad = new ArrayList<>();
    for (int i = 0; i < in.rows().size(); i++) {
      if (!"ok".equals(in.rows().get(i).get("status"))) {
        bad.add(i);
      }
    }
    if (!bad.isEmpty()) {
      h.append(
              "<h2>Invalid and failed points</h2>\n<table><tr><th class=\"l\">point</th><th class=\"l\">knobs</th>")
          .append("<th class=\"l\">status</th><th class=\"l\">reason</th></tr>\n");
      for (int i : bad) {
        Map<String, String> r = in.rows().get(i);
        h.append("<tr><td class=\"l\">")
            .append(esc(r.get("point_id")))
            .append("</td><td class=\"l\">")
            .append(esc(knobText(in, r)))
            .append("</td><td class=\"l\">")
            .append(esc(r.get("status")))
            .append("</td><td class=\"l\">")
            .append(esc(r.get(ResultsFile.REASON)))
            .append("</td></tr>\n");
      }
      h.append("</table>\n");
    }

    h.append("<h2>Time per point</h2>\n");
    if (in.timings().isEmpty()) {
      h.append("<p>No point ran in this invocation of the sweep's folder (all reused).</p>\n");
    } else {
      double[] sim = in.timings().values().stream().mapToDouble(t -> t[0]).sorted().toArray();
      double[] tot = in.timings().values().stream().mapToDouble(t -> t[1]).sorted().toArray();
      h.append(
          String.format(
              Locale.ROOT,
              "<p>%d points timed (timings.csv): wall time per point median %.2f s"
                  + " (min %.2f, max %.2f); building the chip, simulating and pricing median %.2f s; the sweep's own"
                  + " work per point (metrics, report, row) median %.3f s. Chip building alone is measured by"
                  + " SweepPointBenchmark.</p>%n",
              tot.length,
              median(tot),
              tot[0],
              tot[tot.length - 1],
              median(sim),
              medianOverhead(in.timings())));
    }

    h.append("<h2>All points</h2>\n");
    List<Integer> all = new ArrayList<>();
    for (int i = 0; i < in.rows().size(); i++) {
      all.add(i);
    }
    all.sort(Comparator.comparing(i -> idOrder(in.rows().get(i).get("point_id"))));
    table(h, in, all, false);

    h.append("<h2>The sweep (sweep.yaml)</h2>\n<pre>")
        .append(esc(in.sweepYaml()))
        .append("</pre>\n");
    h.append("</main>\n</body>\n</html>\n");
    return h.toString();
  }

  private static long idOrder(String id) {
    try {
      return Long.parseLong(id);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static double median(double[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static double medianOverhead(Map<String, double[]> t) {
    return median(t.values().stream().mapToDouble(v -> v[1] - v[0]).sorted().toArray());
  }

  private static String knobText(Inputs in, Map<String, String> r) {
    List<String> parts = new ArrayList<>();
    for (SweepSpace.Dimension d : in.dimensions()) {
      for (String k : d.keys()) {
        parts.add(k + "=" + r.getOrDefault(k, ""));
      }
    }
    return String.join(" ", parts);
  }

  private static void table(StringBuilder h, Inputs in, List<Integer> which, boolean links) {
    List<String> knobs = new ArrayList<>();
    for (SweepSpace.Dimension d : in.dimensions()) {
      knobs.addAll(d.keys());
    }
    h.append("<table><tr><th class=\"l\">point</th>");
    for (String k : knobs) {
      h.append("<th>").append(esc(k)).append("</th>");
    }
    for (Bound b : in.objectives()) {
      h.append("<th>").append(esc(b.column())).append("</th>");
    }
    h.append("<th class=\"l\">status</th>");
    if (links) {
      h.append("<th class=\"l\">run</th>");
    }
    h.append("</tr>\n");
    for (int i : which) {
      Map<String, String> r = in.rows().get(i);
      boolean base = r.get("config_hash").equals(in.baseHash());
      h.append(base ? "<tr class=\"base\">" : "<tr>")
          .append("<td class=\"l\">")
          .append(esc(r.get("point_id")))
          .append(base ? " (" + esc(in.baseLabel()) + ")" : "")
          .append("</td>");
      for (String k : knobs) {
        h.append("<td>").append(esc(r.getOrDefault(k, ""))).append("</td>");
      }
      for (Bound b : in.objectives()) {
        h.append("<td>").append(esc(shortNumber(r.getOrDefault(b.column(), "")))).append("</td>");
      }
      h.append("<td class=\"l\">").append(esc(r.get("status"))).append("</td>");
      if (links) {
        String folder = "runs/" + r.get("point_id") + "-" + r.get("config_hash");
        h.append("<td class=\"l\">");
        if (Files.isDirectory(in.dir().resolve(folder))) {
          h.append("<a href=\"")
              .append(esc(folder))
              .append("/report.html\">")
              .append(esc(folder))
              .append("</a>");
        }
        h.append("</td>");
      }
      h.append("</tr>\n");
    }
    h.append("</table>\n");
  }

  static String shortNumber(String v) {
    try {
      double d = Double.parseDouble(v);
      if (d == Math.rint(d) && Math.abs(d) < 1e7) {
        return Long.toString((long) d);
      }
      return String.format(Locale.ROOT, "%.5g", d);
    } catch (NumberFormatException e) {
      return v;
    }
  }

  /** Reads timings.csv: hash → {generation s, total s} (the last line of a hash wins). */
  public static Map<String, double[]> readTimings(Path file) {
    Map<String, double[]> t = new LinkedHashMap<>();
    if (!Files.exists(file)) {
      return t;
    }
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      for (int i = 1; i < lines.size(); i++) {
        String[] f = lines.get(i).split(",");
        if ((f.length == 6 || f.length == 7) && "ok".equals(f[3])) {
          t.put(f[0], new double[] {Double.parseDouble(f[4]), Double.parseDouble(f[5])});
        }
      }
    } catch (IOException | NumberFormatException e) {
      throw new UncheckedIOException(
          new IOException("cannot read " + file + ": " + e.getMessage(), e));
    }
    return t;
  }
}
