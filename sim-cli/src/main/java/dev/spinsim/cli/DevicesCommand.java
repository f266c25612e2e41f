package dev.spinsim.cli;

import dev.spinsim.devices.activation.ActivationUnit;
import dev.spinsim.devices.activation.ActivationUnitSpec;
import dev.spinsim.devices.converter.Adc;
import dev.spinsim.devices.converter.Dac;
import dev.spinsim.devices.crossbar.ReadCounts;
import dev.spinsim.devices.preset.Preset;
import dev.spinsim.devices.preset.PresetDevices;
import dev.spinsim.devices.preset.Presets;
import dev.spinsim.devices.preset.TileBudget;
import dev.spinsim.devices.registry.DeviceRegistry;
import dev.spinsim.devices.synapse.SynapseDevice;
import java.awt.Color;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code spinsim devices}: lists the devices of a preset with their energy, latency and levels, or
 * writes a device's transfer curve as CSV plus a PNG plot beside it.
 */
@Command(
    name = "devices",
    mixinStandardHelpOptions = true,
    description = {
      "Show the devices of a preset (energy, latency, levels), or write a transfer curve.",
      "Curves: dw-relu, dw-leaky-relu (--alpha), digital-tanh, digital-sigmoid, synapse, adc."
    })
final class DevicesCommand implements Callable<Integer> {
  static final List<String> CURVES =
      List.of(
          "adc",
          "digital-leaky-relu",
          "digital-relu",
          "digital-sigmoid",
          "digital-tanh",
          "dw-leaky-relu",
          "dw-relu",
          "synapse");

  @Option(
      names = "--preset",
      defaultValue = "paper",
      description = "paper|isaac|neurosim|ideal|FILE.yaml (default: ${DEFAULT-VALUE})")
  String preset;

  @Option(names = "--set", description = "override a preset value, key.path=value (repeatable)")
  List<String> overrides = new ArrayList<>();

  @Option(
      names = "--curve",
      description = "write this device's transfer curve: ${COMPLETION-CANDIDATES}",
      completionCandidates = CurveNames.class)
  String curve;

  @Option(names = "--alpha", description = "negative slope of a Leaky ReLU curve, in [0, 1]")
  Double alpha;

  @Option(
      names = "--out",
      defaultValue = ".",
      description = "folder for <curve>.csv and <curve>.png (default: the current folder)")
  Path out;

  @Option(
      names = "--csv",
      paramLabel = "FILE",
      description = "the curve's table instead, at this path; the PNG goes beside it")
  Path csvFile;

  @Option(
      names = "--points",
      defaultValue = "401",
      description = "points of an activation/ADC curve (default: ${DEFAULT-VALUE})")
  int points;

  static final class CurveNames extends ArrayList<String> {
    CurveNames() {
      super(CURVES);
    }
  }

  @Override
  public Integer call() throws IOException {
    if (alpha != null && !(alpha >= 0 && alpha <= 1)) {
      throw new IllegalArgumentException("--alpha: expected a number in [0, 1], got " + alpha);
    }
    if (points < 2 || points > 1_000_000) {
      throw new IllegalArgumentException(
          "--points: expected an integer in [2, 1000000], got " + points);
    }
    Preset p = Presets.load(preset, overrides);
    PresetDevices d = PresetDevices.of(p);
    if (curve == null) {
      if (alpha != null) {
        throw new IllegalArgumentException(
            "--alpha: only applies with --curve dw-leaky-relu or digital-leaky-relu");
      }
      printDevices(d, System.out);
      return 0;
    }
    writeCurve(d);
    return 0;
  }

  private static String num(double v) {
    return String.format(Locale.ROOT, "%.4g", v);
  }

  /** A phase time with its source: {@code 10 ns} derived, {@code 10 ns*} pinned by the preset. */
  private static String time(dev.spinsim.devices.timing.PhaseTime t) {
    return num(t.ns()) + " ns" + (t.pinned() ? "*" : "");
  }

  private void printDevices(PresetDevices d, PrintStream o) {
    Preset p = d.preset();
    o.printf(Locale.ROOT, "preset %s: %s%n", p.name(), p.description());
    o.printf(Locale.ROOT, "clock %s MHz, %s nm%n%n", num(p.clockMhz()), num(p.techNodeNm()));
    String fmt = "%-12s %-20s %-28s %-16s %s%n";
    o.printf(Locale.ROOT, fmt, "role", "device", "energy", "latency", "levels");
    SynapseDevice s = d.synapse();
    String levels = s.levels() == 0 ? "continuous" : s.levels() + " states";
    String step = s.levels() == 0 ? "0 pJ/step" : num(s.programEnergyPj(0, 1) * 1e3) + " fJ/step";
    o.printf(
        Locale.ROOT,
        fmt,
        "synapse",
        s.name(),
        step,
        num(s.levels() == 0 ? 0 : s.programTimePs(0, 1) / 1e3) + " ns/step",
        levels
            + ", G "
            + num(s.minConductanceSiemens() * 1e6)
            + ".."
            + num(s.maxConductanceSiemens() * 1e6)
            + " uS");
    Dac dac = d.dac();
    o.printf(
        Locale.ROOT,
        fmt,
        "dac",
        dac.name(),
        num(dac.energyPjPerConversion()) + " pJ/conv",
        time(d.timing().dacDrive()),
        dac.bits() == 0 ? "ideal" : dac.bits() + " bit");
    Adc adc = d.adc();
    o.printf(
        Locale.ROOT,
        fmt,
        "adc",
        adc.name(),
        num(adc.energyPjPerConversion()) + " pJ/conv",
        time(d.timing().conversion()),
        adc.bits() == 0 ? "ideal" : adc.bits() + " bit");
    for (String f : List.of("relu", "leaky-relu", "tanh", "sigmoid")) {
      ActivationUnit a = d.activation(f);
      o.printf(
          Locale.ROOT,
          fmt,
          f,
          a.name(),
          num(a.energyPjPerActivation() * 1e3) + " fJ/act",
          num(a.latencyNs()) + " ns",
          a.levels() == 0 ? "analog" : a.levels() + " levels");
    }
    o.printf(
        Locale.ROOT,
        fmt,
        "sample-hold",
        "s+h",
        num(p.sampleHold().energyPj()) + " pJ/sample",
        time(d.timing().sampleHold()),
        "-");
    o.printf(
        Locale.ROOT,
        fmt,
        "shift-add",
        "shift-add",
        num(p.shiftAdd().energyPj()) + " pJ/op",
        time(d.timing().shiftAdd()),
        "-");
    o.printf(
        Locale.ROOT,
        fmt,
        "array-read",
        "crossbar",
        "-",
        time(d.timing().arrayRead()),
        p.crossbar().rows() + " rows");
    o.printf(
        Locale.ROOT,
        fmt,
        "input-buf",
        p.tile().inputBuffer().technology(),
        "-",
        time(d.timing().inputBufferAccess()),
        p.tile().inputBuffer().sizeBytes() + " B");
    o.printf(
        Locale.ROOT,
        fmt,
        "output-buf",
        p.tile().outputBuffer().technology(),
        "-",
        time(d.timing().outputBufferAccess()),
        p.tile().outputBuffer().sizeBytes() + " B");

    var xb = d.crossbar(0);
    int cols = xb.weightCapacity();
    ReadCounts c =
        ReadCounts.of(
            xb.rows(),
            cols,
            xb.mapping().physicalColumns(cols),
            p.crossbar().inputBits(),
            dac.bits(),
            p.crossbar().encoding(),
            p.adc().columnsPerAdc());
    o.printf(
        Locale.ROOT,
        "%ncrossbar %dx%d (%s, %d weight columns), one full read: %d bit cycles, %d cell reads,"
            + " %d DAC conversions, %d ADC conversions on %d ADCs%n",
        xb.rows(),
        xb.physicalColumns(),
        xb.mapping().name(),
        cols,
        c.bitCycles(),
        c.cellReads(),
        c.dacConversions(),
        c.adcConversions(),
        c.adcs());
    TileBudget b = TileBudget.fullyBusy(p);
    o.printf(
        Locale.ROOT,
        "tile kept fully busy: %s mW, %s mm^2 (bit-cycle period %s ns)%n",
        num(b.powerMw()),
        num(b.areaMm2()),
        num(b.periodNs()));
    StringBuilder sb = new StringBuilder("  power by class (mW):");
    b.powerMwByClass().forEach((k, v) -> sb.append(' ').append(k).append('=').append(num(v)));
    o.println(sb);
  }

  private void writeCurve(PresetDevices d) throws IOException {
    if (!CURVES.contains(curve) && !DeviceRegistry.defaults().activationNames().contains(curve)) {
      throw new IllegalArgumentException(
          "--curve: unknown device '" + curve + "', expected one of " + CURVES);
    }
    boolean leaky = curve.contains("leaky");
    if (alpha != null && !leaky) {
      throw new IllegalArgumentException(
          "--alpha: only applies with --curve dw-leaky-relu or digital-leaky-relu");
    }
    Path table = csvFile;
    if (table == null
        && out.getFileName() != null
        && out.getFileName().toString().endsWith(".csv")) {
      System.err.println(
          "spinsim: note: --out is a folder in every command and --csv FILE the table; "
              + out
              + " is taken as --csv (the old meaning)");
      table = out;
    }
    if (table == null) {
      Files.createDirectories(out);
      table = out.resolve(curve + ".csv");
    }
    Path parent = table.toAbsolutePath().getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      throw new IllegalArgumentException("--csv: directory " + parent + " does not exist");
    }
    Curve c = curve(curve, d, alpha, points);
    try (Writer w = Files.newBufferedWriter(table, StandardCharsets.UTF_8);
        CSVPrinter csv =
            new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').build())) {
      csv.printRecord(c.xName(), c.yName());
      for (double[] r : c.xy()) {
        csv.printRecord(Double.toString(r[0]), Double.toString(r[1]));
      }
    }
    XYChart chart = chart(c, curve.equals("synapse"));
    String file = table.getFileName().toString();
    String base = file.contains(".") ? file.substring(0, file.lastIndexOf('.')) : file;
    Path png = table.resolveSibling(base + ".png");
    BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
    System.out.printf(Locale.ROOT, "wrote %s (%d points) and %s%n", table, c.xy().size(), png);
  }

  /**
   * A sampled transfer curve: its CSV column names, its axis titles (each with its unit), the plot
   * title, whether it is a quantiser (drawn as steps) and the points {x, y}.
   */
  record Curve(
      String xName,
      String yName,
      String xTitle,
      String yTitle,
      String title,
      boolean quantised,
      List<double[]> xy) {}

  /** The transfer curve of device {@code name} of a preset; {@code alpha} only for a Leaky ReLU. */
  static Curve curve(String name, PresetDevices d, Double alpha, int points) {
    boolean leaky = name.contains("leaky");
    List<double[]> xy = new ArrayList<>();
    String xName;
    String yName;
    String xTitle;
    String yTitle;
    boolean quantised;
    String title;
    if (name.equals("synapse")) {
      SynapseDevice s = d.synapse();
      if (s.levels() == 0) {
        throw new IllegalArgumentException(
            "--curve synapse: the preset's synapse "
                + s.name()
                + " is continuous, it has no levels");
      }
      for (int l = 0; l < s.levels(); l++) {
        xy.add(new double[] {l, s.conductanceSiemens(l) * 1e6});
      }
      xName = "level";
      yName = "conductance_us";
      quantised = false;
      xTitle = "programmed level (index)";
      yTitle = "conductance (µS)";
      title = s.name() + " conductance levels";
    } else if (name.equals("adc")) {
      Adc adc = d.adc();
      // at least 8 points per code step so the staircase is drawn, not a ramp
      int n = adc.bits() == 0 ? points : Math.max(points, 8 * (2 << Math.min(adc.bits(), 16)) + 1);
      for (int k = 0; k < n; k++) {
        double x = -1.25 + 2.5 * k / (n - 1);
        xy.add(new double[] {x, adc.convert(x, 1.0)});
      }
      xName = "input_over_full_scale";
      yName = "output_over_full_scale";
      quantised = adc.bits() > 0;
      xTitle = "input (fraction of the ADC's full scale)";
      yTitle = "output code × LSB (fraction of full scale)";
      title = adc.name() + " " + (adc.bits() == 0 ? "ideal" : adc.bits() + "-bit") + " transfer";
    } else {
      Double a =
          alpha != null ? alpha : (leaky ? d.preset().activation().leakyRelu().alpha() : null);
      ActivationUnit unit =
          DeviceRegistry.defaults()
              .activation(new ActivationUnitSpec(name, leaky ? a : null, null, null, null, null));
      double lo = name.contains("relu") ? -1.5 : -4;
      double hi = name.contains("relu") ? 1.5 : 4;
      for (int k = 0; k < points; k++) {
        double x = lo + (hi - lo) * k / (points - 1);
        xy.add(new double[] {x, unit.transfer(x)});
      }
      xName = "x";
      yName = "y";
      quantised = unit.levels() > 0;
      xTitle = "input (normalised pre-activation, 1 = unit drive)";
      yTitle = "output (normalised)";
      title = name + (leaky ? " (alpha " + num(a == null ? 0.2 : a) + ")" : "") + " transfer";
    }
    return new Curve(xName, yName, xTitle, yTitle, title, quantised, xy);
  }

  /**
   * The plot of a curve, 640 × 480, a quantiser drawn as steps, {@code scatter} as points. Both
   * axes end on round values and tick on round values (1, 2 or 5 × 10^k apart). XChart puts the
   * ticks on the data values themselves when the distinct values of an axis are equally spaced — a
   * sampled curve's inputs, a quantiser's outputs — which labels a tick -0.94 or 41.9; a
   * transparent helper series through the axis corners, added first, makes the values uneven, so
   * XChart uses its round grid on [min, max].
   */
  static XYChart chart(Curve c, boolean scatter) {
    List<double[]> drawn = c.quantised() ? steps(c.xy()) : c.xy();
    double[] xs = new double[drawn.size()];
    double[] ys = new double[drawn.size()];
    for (int i = 0; i < xs.length; i++) {
      xs[i] = drawn.get(i)[0];
      ys[i] = drawn.get(i)[1];
    }
    XYChart chart =
        new XYChartBuilder()
            .width(640)
            .height(480)
            .title(c.title())
            .xAxisTitle(c.xTitle())
            .yAxisTitle(c.yTitle())
            .build();
    chart.getStyler().setLegendVisible(false);
    chart.getStyler().setMarkerSize(scatter ? 6 : 0);
    chart.getStyler().setXAxisDecimalPattern("#0.##");
    chart.getStyler().setYAxisDecimalPattern("#0.##");
    double x0 = roundDown(xs);
    double x1 = roundUp(xs);
    double y0 = roundDown(ys);
    double y1 = roundUp(ys);
    chart.getStyler().setXAxisMin(x0).setXAxisMax(x1);
    chart.getStyler().setYAxisMin(y0).setYAxisMax(y1);
    XYSeries corners =
        chart.addSeries(
            " ", new double[] {x0, x1, (x0 + x1) / 2}, new double[] {y0, y1, (y0 + y1) / 2});
    corners.setLineStyle(SeriesLines.NONE);
    corners.setLineColor(TRANSPARENT);
    corners.setMarker(SeriesMarkers.NONE);
    corners.setMarkerColor(TRANSPARENT);
    XYSeries series = chart.addSeries(c.title(), xs, ys);
    series.setLineColor(CURVE_COLOUR);
    series.setMarkerColor(CURVE_COLOUR);
    series.setMarker(SeriesMarkers.CIRCLE);
    if (scatter) {
      series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    }
    return chart;
  }

  private static final Color TRANSPARENT = new Color(0, 0, 0, 0);
  private static final Color CURVE_COLOUR = new Color(0x1f, 0x4e, 0xd8);

  private static double roundStep(double[] v) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double x : v) {
      lo = Math.min(lo, x);
      hi = Math.max(hi, x);
    }
    double span = hi > lo ? hi - lo : Math.max(1e-12, Math.abs(hi));
    double step = Math.pow(10, Math.floor(Math.log10(span)));
    return span / step < 2 ? step / 4 : span / step < 5 ? step / 2 : step;
  }

  /** The largest multiple of a round step (1, 2 or 5 × 10^k) not above the data. */
  private static double roundDown(double[] v) {
    double step = roundStep(v);
    return Math.floor(java.util.Arrays.stream(v).min().orElse(0) / step) * step;
  }

  /** The smallest multiple of a round step not below the data. */
  private static double roundUp(double[] v) {
    double step = roundStep(v);
    return Math.ceil(java.util.Arrays.stream(v).max().orElse(1) / step) * step;
  }

  /**
   * The points of a sampled transfer curve drawn as steps: where the output changes between two
   * samples, the line holds the old value up to the new sample and then rises, so a quantiser (an
   * ADC, a DW unit with levels) shows its staircase instead of a ramp through the samples.
   */
  static List<double[]> steps(List<double[]> xy) {
    List<double[]> out = new ArrayList<>();
    for (int i = 0; i < xy.size(); i++) {
      if (i > 0 && xy.get(i)[1] != xy.get(i - 1)[1]) {
        out.add(new double[] {xy.get(i)[0], xy.get(i - 1)[1]});
      }
      out.add(xy.get(i));
    }
    return out;
  }
}
