package dev.spinsim.cli;

import dev.spinsim.devices.activation.ActivationSpec;
import dev.spinsim.devices.activation.ActivationUnit;
import dev.spinsim.devices.converter.Adc;
import dev.spinsim.devices.converter.Dac;
import dev.spinsim.devices.crossbar.ReadCounts;
import dev.spinsim.devices.preset.Preset;
import dev.spinsim.devices.preset.PresetDevices;
import dev.spinsim.devices.preset.Presets;
import dev.spinsim.devices.preset.TileBudget;
import dev.spinsim.devices.registry.DeviceRegistry;
import dev.spinsim.devices.synapse.SynapseDevice;
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
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code spinsim devices}: lists the devices of a preset with their energy, latency and levels,
 * or writes a device's transfer curve as CSV plus a PNG plot beside it.
 */
@Command(
    name = "devices",
    mixinStandardHelpOptions = true,
    description = {
      "Show the devices of a preset (energy, latency, levels), or write a transfer curve.",
      "Curves: dw-relu, dw-leaky-relu (--alpha), digital-tanh, digital-sigmoid, synapse, adc."
    })
final class DevicesCommand implements Callable<Integer> {
  static final List<String> CURVES = List.of("adc", "digital-leaky-relu", "digital-relu", "digital-sigmoid",
      "digital-tanh", "dw-leaky-relu", "dw-relu", "synapse");

  @Option(names = "--preset", defaultValue = "paper", description = "paper|isaac|neurosim|ideal|FILE.yaml (default: ${DEFAULT-VALUE})")
  String preset;

  @Option(names = "--set", description = "override a preset value, key.path=value (repeatable)")
  List<String> overrides = new ArrayList<>();

  @Option(names = "--curve", description = "write this device's transfer curve: ${COMPLETION-CANDIDATES}",
      completionCandidates = CurveNames.class)
  String curve;

  @Option(names = "--alpha", description = "negative slope of a Leaky ReLU curve, in [0, 1]")
  Double alpha;

  @Option(names = "--out", defaultValue = "curve.csv", description = "CSV file of the curve; the PNG goes beside it (default: ${DEFAULT-VALUE})")
  Path out;

  @Option(names = "--points", defaultValue = "401", description = "points of an activation/ADC curve (default: ${DEFAULT-VALUE})")
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
      throw new IllegalArgumentException("--points: expected an integer in [2, 1000000], got " + points);
    }
    Preset p = Presets.load(preset, overrides);
    PresetDevices d = PresetDevices.of(p);
    if (curve == null) {
      if (alpha != null) {
        throw new IllegalArgumentException("--alpha: only applies with --curve dw-leaky-relu or digital-leaky-relu");
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
    o.printf(Locale.ROOT, fmt, "synapse", s.name(), step,
        num(s.levels() == 0 ? 0 : s.programTimePs(0, 1) / 1e3) + " ns/step",
        levels + ", G " + num(s.minConductanceSiemens() * 1e6) + ".." + num(s.maxConductanceSiemens() * 1e6) + " uS");
    Dac dac = d.dac();
    o.printf(Locale.ROOT, fmt, "dac", dac.name(), num(dac.energyPjPerConversion()) + " pJ/conv",
        time(d.timing().dacDrive()), dac.bits() == 0 ? "ideal" : dac.bits() + " bit");
    Adc adc = d.adc();
    o.printf(Locale.ROOT, fmt, "adc", adc.name(), num(adc.energyPjPerConversion()) + " pJ/conv",
        time(d.timing().conversion()), adc.bits() == 0 ? "ideal" : adc.bits() + " bit");
    for (String f : List.of("relu", "leaky-relu", "tanh", "sigmoid")) {
      ActivationUnit a = d.activation(f);
      o.printf(Locale.ROOT, fmt, f, a.name(), num(a.energyPjPerActivation() * 1e3) + " fJ/act",
          num(a.latencyNs()) + " ns", a.levels() == 0 ? "analog" : a.levels() + " levels");
    }
    o.printf(Locale.ROOT, fmt, "sample-hold", "s+h", num(p.sampleHold().energyPj()) + " pJ/sample",
        time(d.timing().sampleHold()), "-");
    o.printf(Locale.ROOT, fmt, "shift-add", "shift-add", num(p.shiftAdd().energyPj()) + " pJ/op",
        time(d.timing().shiftAdd()), "-");
    o.printf(Locale.ROOT, fmt, "array-read", "crossbar", "-", time(d.timing().arrayRead()),
        p.crossbar().rows() + " rows");
    o.printf(Locale.ROOT, fmt, "input-buf", p.tile().inputBuffer().technology(), "-",
        time(d.timing().inputBufferAccess()), p.tile().inputBuffer().sizeBytes() + " B");
    o.printf(Locale.ROOT, fmt, "output-buf", p.tile().outputBuffer().technology(), "-",
        time(d.timing().outputBufferAccess()), p.tile().outputBuffer().sizeBytes() + " B");

    var xb = d.crossbar(0);
    int cols = xb.weightCapacity();
    ReadCounts c = ReadCounts.of(xb.rows(), cols, xb.mapping().physicalColumns(cols), p.crossbar().inputBits(),
        dac.bits(), p.crossbar().encoding(), p.adc().columnsPerAdc());
    o.printf(Locale.ROOT, "%ncrossbar %dx%d (%s, %d weight columns), one full read: %d bit cycles, %d cell reads,"
            + " %d DAC conversions, %d ADC conversions on %d ADCs%n",
        xb.rows(), xb.physicalColumns(), xb.mapping().name(), cols, c.bitCycles(), c.cellReads(), c.dacConversions(),
        c.adcConversions(), c.adcs());
    TileBudget b = TileBudget.fullyBusy(p);
    o.printf(Locale.ROOT, "tile kept fully busy: %s mW, %s mm^2 (bit-cycle period %s ns)%n", num(b.powerMw()),
        num(b.areaMm2()), num(b.periodNs()));
    StringBuilder sb = new StringBuilder("  power by class (mW):");
    b.powerMwByClass().forEach((k, v) -> sb.append(' ').append(k).append('=').append(num(v)));
    o.println(sb);
  }

  private void writeCurve(PresetDevices d) throws IOException {
    if (!CURVES.contains(curve) && !DeviceRegistry.defaults().activationNames().contains(curve)) {
      throw new IllegalArgumentException("--curve: unknown device '" + curve + "', expected one of " + CURVES);
    }
    boolean leaky = curve.contains("leaky");
    if (alpha != null && !leaky) {
      throw new IllegalArgumentException("--alpha: only applies with --curve dw-leaky-relu or digital-leaky-relu");
    }
    Path parent = out.toAbsolutePath().getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      throw new IllegalArgumentException("--out: directory " + parent + " does not exist");
    }
    List<double[]> xy = new ArrayList<>();
    String xName;
    String yName;
    String title;
    if (curve.equals("synapse")) {
      SynapseDevice s = d.synapse();
      if (s.levels() == 0) {
        throw new IllegalArgumentException("--curve synapse: the preset's synapse " + s.name() + " is continuous, it has no levels");
      }
      for (int l = 0; l < s.levels(); l++) {
        xy.add(new double[] {l, s.conductanceSiemens(l) * 1e6});
      }
      xName = "level";
      yName = "conductance_us";
      title = s.name() + " conductance levels";
    } else if (curve.equals("adc")) {
      Adc adc = d.adc();
      for (int k = 0; k < points; k++) {
        double x = -1.25 + 2.5 * k / (points - 1);
        xy.add(new double[] {x, adc.convert(x, 1.0)});
      }
      xName = "input_over_full_scale";
      yName = "output_over_full_scale";
      title = adc.name() + " " + (adc.bits() == 0 ? "ideal" : adc.bits() + "-bit") + " transfer";
    } else {
      Double a = alpha != null ? alpha : (leaky ? d.preset().activation().leakyRelu().alpha() : null);
      ActivationUnit unit = DeviceRegistry.defaults().activation(
          new ActivationSpec(curve, leaky ? a : null, null, null, null, null));
      double lo = curve.contains("relu") ? -1.5 : -4;
      double hi = curve.contains("relu") ? 1.5 : 4;
      for (int k = 0; k < points; k++) {
        double x = lo + (hi - lo) * k / (points - 1);
        xy.add(new double[] {x, unit.transfer(x)});
      }
      xName = "x";
      yName = "y";
      title = curve + (leaky ? " (alpha " + num(a == null ? 0.2 : a) + ")" : "") + " transfer";
    }
    try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8);
        CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').build())) {
      csv.printRecord(xName, yName);
      for (double[] r : xy) {
        csv.printRecord(Double.toString(r[0]), Double.toString(r[1]));
      }
    }
    double[] xs = new double[xy.size()];
    double[] ys = new double[xy.size()];
    for (int i = 0; i < xs.length; i++) {
      xs[i] = xy.get(i)[0];
      ys[i] = xy.get(i)[1];
    }
    XYChart chart = new XYChartBuilder().width(640).height(480).title(title).xAxisTitle(xName).yAxisTitle(yName).build();
    chart.getStyler().setLegendVisible(false);
    XYSeries series = chart.addSeries(curve, xs, ys);
    if (curve.equals("synapse")) {
      series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    }
    String file = out.getFileName().toString();
    String base = file.contains(".") ? file.substring(0, file.lastIndexOf('.')) : file;
    Path png = out.resolveSibling(base + ".png");
    BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
    System.out.printf(Locale.ROOT, "wrote %s (%d points) and %s%n", out, xy.size(), png);
  }
}
