package dev.spinsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spinsim.devices.preset.PresetDevices;
import dev.spinsim.devices.preset.Presets;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;

class DevicesCommandTest {
  /**
   * Tolerance of the curve against max(x, αx) over |x| <= 1, as the device's own calibration test.
   */
  private static final double LINEAR_TOLERANCE = 0.01;

  @TempDir Path dir;

  /** Exit code, stdout and stderr of one command line. */
  record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
    try {
      int code = Main.execute(args);
      return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }

  private static void assertOneLineError(Run r, String mentions) {
    assertTrue(r.exit() != 0, "exit code " + r.exit());
    String err = r.err().strip();
    assertTrue(err.startsWith("spinsim: error: "), err);
    assertEquals(1, err.lines().count(), err);
    assertTrue(err.contains(mentions), err);
  }

  @Test
  void paperPresetListsEachDeviceWithItsPublishedFigures() {
    Run r = run("devices", "--preset", "paper");
    assertEquals(0, r.exit(), r.err());
    String out = r.out();
    assertTrue(out.startsWith("preset paper:"), out);
    assertTrue(out.matches("(?s).*synapse\\s+skyrmion-6b\\s+0\\.8700 fJ/step.*64 states.*"), out);
    assertTrue(out.matches("(?s).*relu\\s+dw-relu\\s+9\\.160 fJ/act.*"), out);
    assertTrue(
        out.matches("(?s).*leaky-relu\\s+dw-leaky-relu\\s+192\\.0 fJ/act\\s+2\\.000 ns.*"), out);
    assertTrue(out.matches("(?s).*adc\\s+sar-adc\\s+1\\.670 pJ/conv.*8 bit.*"), out);
    assertTrue(out.matches("(?s).*dac\\s+dac\\s+0\\.4200 pJ/conv.*1 bit.*"), out);
    // 8-bit inputs through 1-bit DACs: 8 cycles over 128 x 128 cells, 64 differential weight
    // columns
    assertTrue(
        out.contains(
            "crossbar 128x128 (differential, 64 weight columns), one full read: 8 bit cycles, "
                + "131072 cell reads, 1024 DAC conversions, 512 ADC conversions on 8 ADCs"),
        out);
  }

  @Test
  void leakyReluCurveIsWrittenAsCsvAndPngFollowingMaxOfXAndAlphaX() throws Exception {
    Path csv = dir.resolve("X.csv");
    Run r = run("devices", "--curve", "dw-leaky-relu", "--alpha", "0.2", "--out", csv.toString());
    assertEquals(0, r.exit(), r.err());
    List<String> lines = Files.readAllLines(csv);
    assertEquals("x,y", lines.get(0));
    assertEquals(402, lines.size(), "header + 401 points");
    double prevY = Double.NEGATIVE_INFINITY;
    int linear = 0;
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      double x = Double.parseDouble(f[0]);
      double y = Double.parseDouble(f[1]);
      assertTrue(y >= prevY - 1e-12, "not monotonic at x = " + x);
      prevY = y;
      if (Math.abs(x) <= 1) {
        assertEquals(Math.max(x, 0.2 * x), y, LINEAR_TOLERANCE, "x = " + x);
        linear++;
      }
    }
    assertTrue(linear > 200, "points in the linear range: " + linear);
    Path png = dir.resolve("X.png");
    assertTrue(Files.isRegularFile(png), "PNG beside the CSV");
    BufferedImage img = ImageIO.read(png.toFile());
    assertEquals(640, img.getWidth());
    assertEquals(480, img.getHeight());
  }

  @Test
  void unknownPresetIsAOneLineError() {
    assertOneLineError(run("devices", "--preset", "no-such-preset"), "no-such-preset");
  }

  @Test
  void unknownCurveDeviceIsAOneLineError() {
    assertOneLineError(
        run("devices", "--curve", "no-such-device", "--out", dir.resolve("c.csv").toString()),
        "no-such-device");
  }

  @Test
  void unknownSynapseDeviceInThePresetIsAOneLineError() {
    assertOneLineError(
        run("devices", "--set", "crossbar.synapse.device=no-such-synapse"), "no-such-synapse");
  }

  @Test
  void alphaOutsideZeroToOneIsAOneLineError() {
    assertOneLineError(
        run(
            "devices",
            "--curve",
            "dw-leaky-relu",
            "--alpha",
            "1.5",
            "--out",
            dir.resolve("c.csv").toString()),
        "--alpha");
    assertOneLineError(
        run(
            "devices",
            "--curve",
            "dw-relu",
            "--alpha",
            "0.2",
            "--out",
            dir.resolve("c.csv").toString()),
        "--alpha");
  }

  @Test
  void everyCurvePlotTicksOnRoundValuesAndNamesTheUnitOfEachAxis() {
    PresetDevices paper = PresetDevices.of(Presets.load("paper"));
    for (String name : DevicesCommand.CURVES) {
      DevicesCommand.Curve c =
          DevicesCommand.curve(name, paper, name.contains("leaky") ? 0.2 : null, 401);
      assertTrue(
          c.xTitle().matches(".+ \\(.+\\)"), name + ": x axis title without a unit: " + c.xTitle());
      assertTrue(
          c.yTitle().matches(".+ \\(.+\\)"), name + ": y axis title without a unit: " + c.yTitle());
      XYChart chart = DevicesCommand.chart(c, name.equals("synapse"));
      SortedSet<Double> xTicks = new TreeSet<>();
      SortedSet<Double> yTicks = new TreeSet<>();
      chart.setCustomXAxisTickLabelsFormatter(
          v -> {
            xTicks.add(v);
            return String.valueOf(v);
          });
      chart.setCustomYAxisTickLabelsFormatter(
          v -> {
            yTicks.add(v);
            return String.valueOf(v);
          });
      BitmapEncoder.getBufferedImage(chart);
      assertRound(name + " x", xTicks);
      assertRound(name + " y", yTicks);
    }
  }

  /** At least three ticks, 1, 2, 2.5 or 5 × 10^k apart, each a whole multiple of that step. */
  private static void assertRound(String axis, SortedSet<Double> ticks) {
    assertTrue(ticks.size() >= 3, axis + ": ticks " + ticks);
    List<Double> t = List.copyOf(ticks);
    double step = Double.POSITIVE_INFINITY;
    for (int i = 1; i < t.size(); i++) {
      step = Math.min(step, t.get(i) - t.get(i - 1));
    }
    double mantissa = step / Math.pow(10, Math.floor(Math.log10(step) + 1e-9));
    boolean roundStep = false;
    for (double m : new double[] {1, 2, 2.5, 5, 10}) {
      roundStep |= Math.abs(mantissa - m) < 1e-6;
    }
    assertTrue(
        roundStep,
        axis
            + ": tick step "
            + step
            + " is not 1, 2, 2.5 or 5 x 10^k ("
            + ticks.size()
            + " ticks from "
            + ticks.first()
            + " to "
            + ticks.last()
            + ")");
    for (double v : t) {
      assertEquals(
          Math.rint(v / step),
          v / step,
          1e-6,
          axis + ": tick " + v + " is not a multiple of " + step);
    }
  }
}
