package dev.spinsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevicesCommandTest {
  /** Tolerance of the curve against max(x, αx) over |x| <= 1, as the device's own calibration test. */
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
    assertTrue(out.matches("(?s).*leaky-relu\\s+dw-leaky-relu\\s+192\\.0 fJ/act\\s+2\\.000 ns.*"), out);
    assertTrue(out.matches("(?s).*adc\\s+sar-adc\\s+1\\.670 pJ/conv.*8 bit.*"), out);
    assertTrue(out.matches("(?s).*dac\\s+dac\\s+0\\.4200 pJ/conv.*1 bit.*"), out);
    // 8-bit inputs through 1-bit DACs: 8 cycles over 128 x 128 cells, 64 differential weight columns
    assertTrue(out.contains("crossbar 128x128 (differential, 64 weight columns), one full read: 8 bit cycles, "
        + "131072 cell reads, 1024 DAC conversions, 512 ADC conversions on 8 ADCs"), out);
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
    assertOneLineError(run("devices", "--curve", "no-such-device", "--out", dir.resolve("c.csv").toString()),
        "no-such-device");
  }

  @Test
  void unknownSynapseDeviceInThePresetIsAOneLineError() {
    assertOneLineError(run("devices", "--set", "crossbar.synapse.device=no-such-synapse"), "no-such-synapse");
  }

  @Test
  void alphaOutsideZeroToOneIsAOneLineError() {
    assertOneLineError(run("devices", "--curve", "dw-leaky-relu", "--alpha", "1.5", "--out",
        dir.resolve("c.csv").toString()), "--alpha");
    assertOneLineError(run("devices", "--curve", "dw-relu", "--alpha", "0.2", "--out",
        dir.resolve("c.csv").toString()), "--alpha");
  }
}
