package dev.spinsim.cli.report;

import dev.spinsim.cli.output.NpyArray;
import dev.spinsim.network.run.RunMetrics;
import dev.spinsim.network.run.RunMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Made-up but plausible reports for tests and for looking at the output: the Fashion-MNIST DCGAN (G
 * + D) on a paper-like chip, with shapes and counts from the real layer sizes, and a 64×64 RGB
 * variant.
 */
final class SampleReports {
  private SampleReports() {}

  /** Energy per image in pJ by (class, action), roughly the paper preset's proportions. */
  private static final Object[][] ENERGY_PER_IMAGE = {
    {"adc", "convert", 62_000.0},
    {"crossbar", "read", 18_500.0},
    {"dac", "convert", 9_200.0},
    {"shift_add", "accumulate", 6_300.0},
    {"leakage", "static", 5_500.0},
    {"buffer", "read", 4_400.0},
    {"buffer", "write", 3_900.0},
    {"dw_leaky_relu", "activate", 3_810.0},
    {"interconnect", "transfer", 2_800.0},
    {"sample_hold", "sample", 2_100.0},
    {"cmos_activation", "tanh", 550.0},
    {"cmos_activation", "sigmoid", 360.0},
    {"dw_relu", "activate", 182.0},
  };

  /** The Fashion-MNIST run, 16 images, with the discriminator when asked. */
  static RunReport fmnist(boolean withDiscriminator) {
    int n = 16;
    RunReport.Builder b = RunReport.builder();
    Map<String, String> details = new LinkedHashMap<>();
    details.put("weights", "models/fmnist-generator.safetensors");
    details.put("crossbar", "128 x 128, differential pairs");
    b.identity(
        new RunIdentity("fmnist", "paper", n, 42, RunMode.CYCLE_ACCURATE, details, List.of()));

    double activationPerImage = 0;
    double totalPerImage = 0;
    for (Object[] row : ENERGY_PER_IMAGE) {
      String cls = (String) row[0];
      double pj = (double) row[2];
      if (!withDiscriminator
          && (cls.equals("dw_leaky_relu") || ((String) row[1]).equals("sigmoid"))) {
        continue;
      }
      double perImage = withDiscriminator ? pj : pj * 0.62;
      if (cls.equals("dw_leaky_relu") || cls.equals("cmos_activation") || cls.equals("dw_relu")) {
        perImage = pj;
        activationPerImage += perImage;
      }
      totalPerImage += perImage;
      b.addEnergy(cls, (String) row[1], perImage * n);
    }

    // layer: network, name, kind, start, end, latency (ns), share of non-activation energy,
    // activation pJ/image, input vectors/image, macs/image, zero macs/image, rows, cols, crossbars,
    // utilisation, replication
    Object[][] layers = {
      {
        "G", "fc1", "linear", 0.0, 210.0, 210.0, 0.004, 9.3, 1L, 102_400L, 0L, 100, 1024, 16, 0.781,
        1
      },
      {
        "G",
        "fc2",
        "linear",
        210.0,
        640.0,
        430.0,
        0.21,
        57.1,
        1L,
        6_422_528L,
        0L,
        1024,
        6272,
        784,
        1.0,
        1
      },
      {
        "G",
        "deconv1",
        "conv_transpose",
        640.0,
        39_840.0,
        39_200.0,
        0.47,
        114.2,
        196L,
        25_690_112L,
        19_267_584L,
        2048,
        64,
        16,
        1.0,
        1
      },
      {
        "G",
        "deconv2",
        "conv_transpose",
        6_100.0,
        45_300.0,
        39_200.0,
        0.08,
        550.0,
        784L,
        802_816L,
        602_112L,
        1024,
        1,
        8,
        0.0156,
        4
      },
    };
    Object[][] dLayers = {
      {
        "D", "conv1", "conv", 8_200.0, 47_400.0, 39_200.0, 0.02, 2_446.0, 196L, 200_704L, 0L, 16,
        64, 1, 0.125, 1
      },
      {
        "D",
        "conv2",
        "conv",
        15_000.0,
        54_600.0,
        39_600.0,
        0.08,
        1_191.0,
        49L,
        6_422_528L,
        0L,
        1024,
        128,
        16,
        1.0,
        1
      },
      {
        "D",
        "fc1",
        "linear",
        54_600.0,
        55_050.0,
        450.0,
        0.13,
        173.0,
        1L,
        6_422_528L,
        0L,
        6272,
        1024,
        784,
        1.0,
        1
      },
      {
        "D", "fc2", "linear", 55_050.0, 55_260.0, 210.0, 0.004, 360.0, 1L, 1_024L, 0L, 1024, 1, 8,
        0.0156, 1
      },
    };
    double nonActivation = totalPerImage - activationPerImage;
    double gActivation = 0;
    double gEnergy = 0;
    double gShare = withDiscriminator ? 0.62 : 0.9;
    for (Object[][] group :
        withDiscriminator ? new Object[][][] {layers, dLayers} : new Object[][][] {layers}) {
      for (Object[] l : group) {
        boolean isG = l[0].equals("G");
        double act = (double) l[7];
        double energy =
            (double) l[6] * nonActivation * (isG ? gShare / 0.764 : 0.38 / 0.234) * 0.95 + act;
        long vectors = (long) l[8];
        long macs = (long) l[9];
        int rows = (int) l[11];
        int cols = (int) l[12];
        int crossbars = (int) l[13];
        Map<String, Long> counts = new LinkedHashMap<>();
        int rowBlocks = (rows + 127) / 128;
        counts.put("crossbar_reads", vectors * crossbars * 8 * n);
        counts.put("dac_ops", vectors * rows * 8L * n);
        counts.put("conversions", vectors * cols * 2L * rowBlocks * 8 * n);
        counts.put("shift_adds", vectors * cols * rowBlocks * 8L * n);
        counts.put("activation_pulses", vectors * cols * n);
        counts.put("buffer_bits", vectors * (rows + cols) * 8L * n);
        counts.put("interconnect_bits", vectors * cols * 8L * n);
        b.addLayer(
            new LayerRow(
                (String) l[0],
                (String) l[1],
                (String) l[2],
                "dense",
                (double) l[5],
                (double) l[3],
                (double) l[4],
                energy * n,
                act * n,
                counts));
        b.addMapping(
            new MappingRow(
                (String) l[0],
                (String) l[1],
                (String) l[2],
                "dense",
                1,
                rows,
                cols,
                crossbars,
                (double) l[14],
                vectors,
                macs,
                (long) l[10],
                0,
                (int) l[15]));
        if (isG) {
          gEnergy += energy;
          gActivation += act;
        }
      }
    }
    double makespanNs = 55_260 + 15 * 39_600.0;
    RunMetrics.Builder metrics =
        RunMetrics.builder()
            .identity("fmnist", "paper", "", RunMode.CYCLE_ACCURATE, n, 42)
            .timing(withDiscriminator ? 55_260 : 45_300, 60_000, makespanNs)
            .energy(
                totalPerImage * n,
                totalPerImage * n * 0.95,
                totalPerImage * n * 0.05,
                activationPerImage * n,
                activationPerImage * n)
            .chip(4, withDiscriminator ? 1633 : 824, 123_456);
    if (withDiscriminator) {
      metrics
          .networks(
              new RunMetrics.NetworkPart(
                  45_300, gShare * totalPerImage * n, gActivation * n, gActivation * n),
              new RunMetrics.NetworkPart(
                  55_260 - 8_200,
                  (1 - gShare) * totalPerImage * n,
                  (activationPerImage - gActivation) * n,
                  (activationPerImage - gActivation) * n))
          .discriminatorScoreMean(0.5);
    }
    b.metrics(metrics.build());

    String[] resourceLayers = {
      "G.fc1", "G.fc2", "G.deconv1", "G.deconv2", "D.conv1", "D.conv2", "D.fc1", "D.fc2"
    };
    double[] util = {0.004, 0.01, 0.93, 0.88, 0.85, 0.91, 0.012, 0.005};
    for (int i = 0; i < (withDiscriminator ? 8 : 4); i++) {
      b.addResource(
          new ResourceRow(
              resourceLayers[i] + ".adc",
              "adc",
              8,
              1000,
              util[i] * makespanNs,
              util[i],
              util[i] * util[i] * 3,
              util[i] * 30,
              (int) Math.round(util[i] * 12)));
    }
    b.addResource(
        new ResourceRow("bus", "interconnect", 1, 500, 0.42 * makespanNs, 0.42, 8, 20, 3));
    b.addResource(
        new ResourceRow("buffer.port", "buffer", 4, 700, 0.31 * makespanNs, 0.31, 1, 2, 2));

    b.images(new ImageBatch(n, 1, 28, 28, garments(n, 28, 7)));
    SplittableRandom random = new SplittableRandom(42);
    float[] z = new float[n * 100];
    for (int i = 0; i < z.length; i++) {
      z[i] = (float) gaussian(random);
    }
    b.latents(n, 100, z);
    b.runYaml(
        """
        model: fmnist
        preset: paper
        weights: models/fmnist-generator.safetensors
        images: 16
        seed: 42
        crossbar:
          rows: 128
          cols: 128
          differential: true
        adc:
          bits: 6
          shared_per_crossbar: 8
        activation:
          hidden: dw_relu
          output: cmos_tanh
        """);
    if (withDiscriminator) {
      double[] scores = new double[n];
      for (int i = 0; i < n; i++) {
        scores[i] = 0.25 + 0.5 * random.nextDouble();
      }
      b.discriminatorScores(scores);
    }
    return b.build();
  }

  /**
   * A 64×64 RGB run without layers, mapping or resources (the functional mode on random weights).
   */
  static RunReport rgbFunctional(int n) {
    RunReport.Builder b = RunReport.builder();
    b.identity(
        new RunIdentity(
            "dcgan64",
            "ideal",
            n,
            7,
            RunMode.FUNCTIONAL,
            Map.of("weights", "(none)"),
            List.of("dcgan64 ran on seeded random weights: the images are noise")));
    b.addEnergy("crossbar", "read", 1000.0 * n);
    b.addEnergy("dw_relu", "activate", 24.0 * n);
    b.metrics(
        RunMetrics.builder()
            .identity("dcgan64", "ideal", "", RunMode.FUNCTIONAL, n, 7)
            .energy(1024.0 * n, 1024.0 * n, Double.NaN, 24.0 * n, 24.0 * n)
            .build());
    SplittableRandom random = new SplittableRandom(3);
    float[] pixels = new float[n * 3 * 64 * 64];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = (float) Math.tanh(gaussian(random));
    }
    b.images(new ImageBatch(n, 3, 64, 64, pixels));
    b.latents(new NpyArray(new int[] {n, 100, 1, 1}, new float[n * 100]));
    b.runYaml("model: dcgan64\npreset: ideal\n");
    return b.build();
  }

  /** Soft garment-like silhouettes (shirts, trousers, bags) with a little noise, in [-1, 1]. */
  static float[] garments(int n, int side, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] pixels = new float[n * side * side];
    for (int k = 0; k < n; k++) {
      int kind = k % 3;
      double brightness = 0.5 + 0.5 * random.nextDouble();
      double width = 0.28 + 0.1 * random.nextDouble();
      for (int y = 0; y < side; y++) {
        for (int x = 0; x < side; x++) {
          double u = (x + 0.5) / side - 0.5;
          double v = (y + 0.5) / side - 0.5;
          double inside;
          if (kind == 0) { // shirt: body plus sleeves
            double body = Math.abs(u) < width * 0.8 && v > -0.38 && v < 0.42 ? 1 : 0;
            double sleeves = Math.abs(u) < width * 1.45 && v > -0.38 && v < -0.02 ? 1 : 0;
            double neck = Math.hypot(u, v + 0.38) < 0.08 ? 1 : 0;
            inside = Math.max(body, sleeves) * (1 - neck);
          } else if (kind == 1) { // trousers: two legs
            boolean waist = Math.abs(u) < width * 0.75 && v > -0.42 && v < -0.2;
            boolean legs =
                Math.abs(u) < width * 0.75 && Math.abs(u) > 0.03 && v > -0.42 && v < 0.44;
            inside = waist || legs ? 1 : 0;
          } else { // bag: rounded body and a handle
            double bodyDist = Math.max(Math.abs(u) / (width * 1.2), Math.abs(v - 0.08) / 0.3);
            double handle =
                Math.abs(Math.hypot(u, (v + 0.2) * 1.3) - 0.17) < 0.03 && v < -0.2 ? 1 : 0;
            inside = Math.max(bodyDist < 1 ? 1 : 0, handle);
          }
          double texture = 0.85 + 0.15 * Math.sin(13 * u + 7 * v + k);
          double value = -1 + 2 * inside * brightness * texture + 0.04 * gaussian(random);
          pixels[k * side * side + y * side + x] = (float) Math.max(-1, Math.min(1, value));
        }
      }
    }
    return pixels;
  }

  private static double gaussian(SplittableRandom random) {
    double u = 1 - random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}
