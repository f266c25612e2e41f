package dev.spinsim.cli.report;

import com.google.common.collect.ImmutableMap;
import dev.spinsim.cli.output.ImagePng;
import dev.spinsim.network.run.RunMode;
import dev.spinsim.network.tensor.Parallel;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.CategoryStyler;
import org.knowm.xchart.style.Styler;

/**
 * The charts of a run as PNG bytes (XChart, rendered headless at fixed sizes with the JDK's fonts):
 * energy by component class and by class × action, per-layer latency, a layer timeline, per-layer
 * energy split into activation units and the rest, and resource utilisation. Charts whose data are
 * empty are left out.
 */
public final class ReportCharts {
  /** Width of every chart in pixels. */
  public static final int WIDTH = 960;

  /** Height of every chart in pixels. */
  public static final int HEIGHT = 420;

  static final String ENERGY_BY_CLASS = "energy_by_class.png";
  static final String ENERGY_BY_CLASS_ACTION = "energy_by_class_action.png";
  static final String LAYER_LATENCY = "layer_latency.png";
  static final String LAYER_TIMELINE = "layer_timeline.png";
  static final String LAYER_ENERGY = "layer_energy.png";
  static final String RESOURCE_UTILISATION = "resource_utilisation.png";

  private static final Color[] PALETTE = {
    new Color(0x4E79A7), new Color(0xF28E2B), new Color(0x59A14F), new Color(0xE15759),
    new Color(0x76B7B2), new Color(0xEDC948), new Color(0xB07AA1), new Color(0xFF9DA7),
    new Color(0x9C755F), new Color(0xBAB0AC)
  };
  private static final Font BASE = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
  private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 14);
  private static final Color INK = new Color(0x33, 0x33, 0x33);
  private static final Color GRID = new Color(0xE4, 0xE4, 0xE4);

  static {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  /** The throwaway chart of {@link #warmUpInBackground}, once started. */
  private static Thread warmUp;

  private ReportCharts() {}

  /**
   * Starts rendering a small throwaway chart on a daemon thread, so that Java2D, the fonts, XChart
   * and the PNG encoder are loaded and initialised while the run computes on the other core (the
   * first chart of a process costs about 0.3 s more than the next); {@link #render} waits for it.
   * Rendering is deterministic: the charts are the same bytes with or without it.
   */
  public static synchronized void warmUpInBackground() {
    if (warmUp == null) {
      warmUp = new Thread(ReportCharts::renderThrowaway, "chart-warm-up");
      warmUp.setDaemon(true);
      warmUp.start();
    }
  }

  private static void renderThrowaway() {
    try {
      CategoryChart chart = category("warm-up", "energy per image (pJ)");
      chart.addSeries("warm-up", List.of("crossbar 50%", "adc 50%"), List.of(1.0, 2.0));
      png(chart);
    } catch (Throwable e) {
      // a throwaway: whatever failed here fails again, and is reported, in render
    }
  }

  private static void awaitWarmUp() {
    Thread t;
    synchronized (ReportCharts.class) {
      t = warmUp;
    }
    if (t == null) {
      return;
    }
    try {
      t.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * All charts of {@code report}, file name → PNG bytes, in the order the report shows them;
   * rendered on the compute threads (each chart on one thread, so the bytes do not depend on them).
   */
  public static ImmutableMap<String, byte[]> render(RunReport report) {
    Map<String, Supplier<byte[]>> charts = new LinkedHashMap<>();
    charts.put(ENERGY_BY_CLASS, () -> png(energyByClass(report)));
    charts.put(ENERGY_BY_CLASS_ACTION, () -> png(energyByClassAction(report)));
    if (!report.layers().isEmpty()) {
      if (report.identity().mode() == RunMode.CYCLE_ACCURATE) {
        charts.put(LAYER_LATENCY, () -> png(layerLatency(report)));
        charts.put(LAYER_TIMELINE, () -> ImagePng.encode(layerTimeline(report)));
      }
      charts.put(LAYER_ENERGY, () -> png(layerEnergy(report)));
    }
    if (!report.resources().isEmpty()) {
      charts.put(RESOURCE_UTILISATION, () -> png(resourceUtilisation(report)));
    }
    awaitWarmUp();
    List<Supplier<byte[]>> jobs = new ArrayList<>(charts.values());
    byte[][] done = new byte[jobs.size()][];
    Parallel.forRange(
        jobs.size(),
        1,
        1 << 20,
        (from, to) -> {
          for (int i = from; i < to; i++) {
            done[i] = jobs.get(i).get();
          }
        });
    ImmutableMap.Builder<String, byte[]> out = ImmutableMap.builder();
    int i = 0;
    for (String name : charts.keySet()) {
      out.put(name, done[i++]);
    }
    return out.build();
  }

  /** Energy per image by component class, largest first. */
  static CategoryChart energyByClass(RunReport report) {
    Map<String, Double> byClass = EnergyBreakdown.byClass(report);
    Scale scale = Scale.energy(max(byClass.values()));
    CategoryChart chart =
        category("Energy per image by component class", "energy per image (" + scale.unit + ")");
    double total = report.energyPjPerImage();
    List<String> labels = new ArrayList<>();
    for (Map.Entry<String, Double> e : byClass.entrySet()) {
      labels.add(e.getKey() + " " + Numbers.percent(total == 0 ? 0 : e.getValue() / total));
    }
    chart.addSeries("energy", labels, scaled(byClass.values(), scale.divisor));
    chart.getStyler().setLegendVisible(false);
    rotateIfCrowded(chart, byClass.size());
    chart.getStyler().setXAxisLabelRotation(byClass.size() > 5 ? 45 : 0);
    return chart;
  }

  /** Energy per image by component class, stacked by action. */
  static CategoryChart energyByClassAction(RunReport report) {
    Map<String, Double> byClass = EnergyBreakdown.byClass(report);
    Scale scale = Scale.energy(max(byClass.values()));
    CategoryChart chart =
        category(
            "Energy per image by component class and action",
            "energy per image (" + scale.unit + ")");
    chart.getStyler().setStacked(true);
    List<String> classes = new ArrayList<>(byClass.keySet());
    Set<String> actions = new TreeSet<>();
    for (EnergyRow e : report.energy()) {
      actions.add(e.action());
    }
    int n = report.identity().images();
    for (String action : actions) {
      List<Double> values = new ArrayList<>();
      for (String c : classes) {
        double pj = 0;
        for (EnergyRow e : report.energy()) {
          if (e.componentClass().equals(c) && e.action().equals(action)) {
            pj += e.energyPj();
          }
        }
        values.add(pj / n / scale.divisor);
      }
      chart.addSeries(action, classes, values);
    }
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
    rotateIfCrowded(chart, classes.size());
    return chart;
  }

  /** Latency of each layer, one colour per network. */
  static CategoryChart layerLatency(RunReport report) {
    List<String> labels = layerLabels(report);
    double maxNs = 0;
    for (LayerRow l : report.layers()) {
      maxNs = Math.max(maxNs, l.latencyNs());
    }
    Scale scale = Scale.time(maxNs);
    CategoryChart chart = category("Latency per layer", "latency (" + scale.unit + ")");
    chart.getStyler().setOverlapped(true);
    for (String network : networks(report)) {
      List<Double> values = new ArrayList<>();
      for (LayerRow l : report.layers()) {
        values.add(l.network().equals(network) ? l.latencyNs() / scale.divisor : 0.0);
      }
      chart.addSeries(network, labels, values);
    }
    chart.getStyler().setLegendVisible(networks(report).size() > 1);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
    rotateIfCrowded(chart, labels.size());
    return chart;
  }

  /** Each layer's busy window from start to end: how the layers pipeline. */
  static BufferedImage layerTimeline(RunReport report) {
    List<LayerRow> layers = report.layers();
    double maxNs = 0;
    for (LayerRow l : layers) {
      maxNs = Math.max(maxNs, l.endNs());
    }
    Scale scale = Scale.time(maxNs);
    List<String> networkOrder = new ArrayList<>(networks(report));
    double[] start = new double[layers.size()];
    double[] end = new double[layers.size()];
    Color[] colors = new Color[layers.size()];
    for (int i = 0; i < layers.size(); i++) {
      LayerRow l = layers.get(i);
      start[i] = l.startNs() / scale.divisor;
      end[i] = l.endNs() / scale.divisor;
      colors[i] = PALETTE[networkOrder.indexOf(l.network()) % PALETTE.length];
    }
    Color[] legendColors = new Color[networkOrder.size()];
    for (int i = 0; i < legendColors.length; i++) {
      legendColors[i] = PALETTE[i % PALETTE.length];
    }
    return TimelineChart.render(
        "Layer timeline (busy from start to end)",
        "time (" + scale.unit + ")",
        layerLabels(report),
        start,
        end,
        colors,
        networkOrder.size() > 1 ? networkOrder : List.of(),
        legendColors,
        WIDTH,
        BASE,
        TITLE);
  }

  /** Energy per image of each layer: activation units and everything else, stacked. */
  static CategoryChart layerEnergy(RunReport report) {
    List<String> labels = layerLabels(report);
    int n = report.identity().images();
    double maxPj = 0;
    for (LayerRow l : report.layers()) {
      maxPj = Math.max(maxPj, l.energyPj() / n);
    }
    Scale scale = Scale.energy(maxPj);
    CategoryChart chart =
        category("Energy per image per layer", "energy per image (" + scale.unit + ")");
    chart.getStyler().setStacked(true);
    List<Double> activation = new ArrayList<>();
    List<Double> rest = new ArrayList<>();
    for (LayerRow l : report.layers()) {
      activation.add(l.activationEnergyPj() / n / scale.divisor);
      rest.add(Math.max(0, l.energyPj() - l.activationEnergyPj()) / n / scale.divisor);
    }
    chart.addSeries("everything else", labels, rest);
    chart.addSeries("activation units", labels, activation);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
    rotateIfCrowded(chart, labels.size());
    return chart;
  }

  /** Utilisation of each shared resource in percent. */
  static CategoryChart resourceUtilisation(RunReport report) {
    CategoryChart chart =
        category(
            "Resource utilisation (busy time / (units x run time); buffer space: mean held /"
                + " capacity)",
            "utilisation (%)");
    List<String> names = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    for (ResourceRow r : report.resources()) {
      names.add(r.resource());
      values.add(r.utilisation() * 100);
    }
    chart.addSeries("utilisation", names, values);
    chart.getStyler().setLegendVisible(false);
    chart.getStyler().setYAxisMin(0.0);
    chart.getStyler().setYAxisMax(100.0);
    chart.getStyler().setSeriesColors(new Color[] {PALETTE[2]});
    rotateIfCrowded(chart, names.size());
    return chart;
  }

  /** PNG bytes of a chart. */
  static byte[] png(Chart<?, ?> chart) {
    return ImagePng.encode(BitmapEncoder.getBufferedImage(chart));
  }

  /** "G conv1" style labels, unique per layer. */
  static List<String> layerLabels(RunReport report) {
    boolean several = networks(report).size() > 1;
    List<String> labels = new ArrayList<>();
    for (LayerRow l : report.layers()) {
      labels.add(several ? l.network() + " " + l.layer() : l.layer());
    }
    return labels;
  }

  private static Set<String> networks(RunReport report) {
    Set<String> networks = new LinkedHashSet<>();
    for (LayerRow l : report.layers()) {
      networks.add(l.network());
    }
    return networks;
  }

  private static CategoryChart category(String title, String yTitle) {
    CategoryChart chart = new CategoryChart(WIDTH, HEIGHT);
    chart.setTitle(title);
    chart.setYAxisTitle(yTitle);
    chart.setXAxisTitle("");
    CategoryStyler s = chart.getStyler();
    style(s);
    s.setXAxisTitleVisible(false);
    s.setAvailableSpaceFill(0.7);
    s.setYAxisMin(0.0);
    s.setPlotContentSize(0.96);
    return chart;
  }

  private static void style(AxesChartStyler s) {
    s.setChartBackgroundColor(Color.WHITE);
    s.setPlotBackgroundColor(Color.WHITE);
    s.setPlotBorderVisible(false);
    s.setPlotGridLinesColor(GRID);
    s.setPlotGridVerticalLinesVisible(false);
    s.setChartFontColor(INK);
    s.setAxisTickLabelsColor(INK);
    s.setBaseFont(BASE);
    s.setChartTitleFont(TITLE);
    s.setChartTitleBoxVisible(false);
    s.setAxisTitleFont(BASE);
    s.setAxisTickLabelsFont(BASE.deriveFont(11f));
    s.setLegendFont(BASE.deriveFont(11f));
    s.setLegendBorderColor(GRID);
    s.setSeriesColors(PALETTE);
    s.setLocale(Locale.ROOT);
    s.setAntiAlias(true);
    s.setChartPadding(12);
    s.setToolTipsEnabled(false);
  }

  /** Rotates crowded labels; keeps bars of sparse charts from becoming slabs. */
  private static void rotateIfCrowded(CategoryChart chart, int categories) {
    if (categories > 8) {
      chart.getStyler().setXAxisLabelRotation(45);
    }
    chart.getStyler().setAvailableSpaceFill(categories <= 3 ? 0.35 : 0.7);
  }

  private static double max(Iterable<Double> values) {
    double m = 0;
    for (double v : values) {
      m = Math.max(m, v);
    }
    return m;
  }

  private static List<Double> scaled(Iterable<Double> values, double divisor) {
    List<Double> out = new ArrayList<>();
    for (double v : values) {
      out.add(v / divisor);
    }
    return out;
  }

  /** A display unit for an axis: values are divided by {@code divisor} to be in {@code unit}. */
  record Scale(double divisor, String unit) {
    private static final String[] ENERGY = {"fJ", "pJ", "nJ", "µJ", "mJ", "J"};
    private static final String[] TIME = {"ps", "ns", "µs", "ms", "s"};

    static Scale energy(double maxPj) {
      return pick(maxPj, ENERGY, -1);
    }

    static Scale time(double maxNs) {
      return pick(maxNs, TIME, -1);
    }

    /** Picks the unit in which the largest value lies in [1, 1000). */
    private static Scale pick(double max, String[] units, int firstExponent) {
      int group = max <= 0 ? 0 : (int) Math.floor(Math.log10(max) / 3);
      int index = Math.max(0, Math.min(units.length - 1, group - firstExponent));
      return new Scale(Math.pow(1000, index + firstExponent), units[index]);
    }
  }
}
