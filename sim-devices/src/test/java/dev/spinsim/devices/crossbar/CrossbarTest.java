package dev.spinsim.devices.crossbar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spinsim.devices.converter.IdealAdc;
import dev.spinsim.devices.converter.IdealDac;
import dev.spinsim.devices.converter.RowDac;
import dev.spinsim.devices.converter.SarAdc;
import dev.spinsim.devices.synapse.ContinuousSynapse;
import dev.spinsim.devices.synapse.SkyrmionSynapse;
import dev.spinsim.devices.synapse.SynapseNonIdealities;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CrossbarTest {
  static double[] randomWeights(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      w[i] = r.nextDouble(-1, 1);
    }
    return w;
  }

  static double[] randomInputs(int n, long seed, boolean signed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = signed ? r.nextDouble(-1, 1) : r.nextDouble();
    }
    return x;
  }

  static double[] exact(double[] w, double[] x, int rows, int cols) {
    double[] y = new double[cols];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        y[j] += x[i] * w[i * cols + j];
      }
    }
    return y;
  }

  static SkyrmionSynapse noiselessSkyrmion() {
    return new SkyrmionSynapse(
        SkyrmionSynapse.DEFAULTS.withNonIdealities(SynapseNonIdealities.NONE));
  }

  @Test
  void idealModeReproducesTheExactProduct() {
    for (WeightMapping mapping :
        new WeightMapping[] {new DifferentialMapping(), new OffsetMapping()}) {
      Crossbar xb =
          new Crossbar(
              CrossbarConfig.defaults(1),
              new ContinuousSynapse(ContinuousSynapse.DEFAULTS),
              mapping);
      int cols = Math.min(60, xb.weightCapacity());
      double[] w = randomWeights(128 * cols, 2);
      xb.program(w, 128, cols);
      ReadoutChain chain =
          new ReadoutChain(
              xb, new IdealDac(), new IdealAdc(), ReadoutConfig.ideal(InputEncoding.SIGN_SPLIT));
      double[] x = randomInputs(128, 3, true);
      double[] y = new double[cols];
      chain.read(x, y);
      double[] e = exact(w, x, 128, cols);
      for (int j = 0; j < cols; j++) {
        assertEquals(e[j], y[j], 1e-4, mapping.name() + " column " + j);
      }
    }
  }

  @Test
  void bitSerialReadWithLosslessAdcEqualsTheQuantisedIntegerProduct() {
    Crossbar xb =
        new Crossbar(CrossbarConfig.defaults(4), noiselessSkyrmion(), new DifferentialMapping());
    double[] w = randomWeights(128 * 64, 5);
    xb.program(w, 128, 64);
    ReadoutConfig cfg = new ReadoutConfig(8, InputEncoding.UNSIGNED, 8, 1.0, 0, 0);
    ReadoutChain chain = new ReadoutChain(xb, new RowDac(2), new IdealAdc(), cfg);
    double[] x = randomInputs(128, 6, false);
    double[] y = new double[64];
    chain.read(x, y);
    for (int j = 0; j < 64; j++) {
      double expected = 0;
      for (int i = 0; i < 128; i++) {
        double wq = Math.rint(w[i * 64 + j] * 63) / 63; // the 64-state level grid
        double xq = Math.rint(x[i] * 255) / 255; // 8-bit input
        expected += wq * xq;
      }
      assertEquals(expected, y[j], 1e-4, "column " + j);
    }
  }

  @Test
  void adcQuantisationErrorIsBoundedByItsStepAcrossCycles() {
    Crossbar xb =
        new Crossbar(CrossbarConfig.defaults(4), noiselessSkyrmion(), new DifferentialMapping());
    double[] w = randomWeights(128 * 64, 5);
    xb.program(w, 128, 64);
    double[] x = randomInputs(128, 6, false);
    double[] ideal = new double[64];
    new ReadoutChain(
            xb,
            new RowDac(1),
            new IdealAdc(),
            new ReadoutConfig(4, InputEncoding.UNSIGNED, 8, 1.0, 0, 0))
        .read(x, ideal);
    double[] y = new double[64];
    ReadoutChain chain =
        new ReadoutChain(
            xb,
            new RowDac(1),
            new SarAdc(8),
            new ReadoutConfig(4, InputEncoding.UNSIGNED, 8, 0.25, 0, 0));
    chain.read(x, y);
    double step = chain.adcFullScale() / 127;
    double bound = step / 2 * (1 + 2 + 4 + 8) / 15.0; // half a step per cycle, shift-added
    double worst = 0;
    for (int j = 0; j < 64; j++) {
      worst = Math.max(worst, Math.abs(y[j] - ideal[j]));
    }
    assertTrue(worst <= bound + 1e-9, "worst " + worst + " bound " + bound);
    assertTrue(worst > 0, "an 8-bit ADC must quantise");
  }

  @Test
  void adcClipsColumnsBeyondItsFullScale() {
    Crossbar xb =
        new Crossbar(
            CrossbarConfig.defaults(4),
            new ContinuousSynapse(ContinuousSynapse.DEFAULTS),
            new DifferentialMapping());
    double[] w = new double[128];
    java.util.Arrays.fill(w, 1.0);
    xb.program(w, 128, 1);
    double[] x = new double[128];
    java.util.Arrays.fill(x, 1.0);
    double[] y = new double[1];
    new ReadoutChain(
            xb,
            new IdealDac(),
            new SarAdc(8),
            new ReadoutConfig(0, InputEncoding.UNSIGNED, 1, 0.25, 0, 0))
        .read(x, y);
    assertEquals(32.0, y[0], 1e-9); // 128 clipped to 0.25 x 128
  }

  @Test
  void countsMatchTheClosedForm() {
    Crossbar xb =
        new Crossbar(CrossbarConfig.defaults(4), noiselessSkyrmion(), new DifferentialMapping());
    xb.program(randomWeights(100 * 50, 1), 100, 50);
    ReadoutChain chain =
        new ReadoutChain(
            xb,
            new RowDac(2),
            new SarAdc(8),
            new ReadoutConfig(7, InputEncoding.SIGN_SPLIT, 8, 1.0, 0, 0));
    double[] x = randomInputs(100, 2, true);
    ReadCounts c = chain.read(x, new double[50]);
    long cycles = 4L * 2; // ceil(7 / 2) cycles per pass, two passes
    assertEquals(cycles, c.bitCycles());
    // every row in every cycle at most; only the driven ones are read: an independent count of
    // the non-zero 2-bit slices of the 7-bit codes of each sign's part
    assertEquals(
        100L * 100 * cycles, chain.counts().cellReads()); // 50 weight columns = 100 physical
    assertEquals(100L * cycles, chain.counts().dacConversions());
    long driven = 0;
    for (double v : x) {
      for (double part : new double[] {v, -v}) {
        long code = Math.round(Math.max(0, Math.min(1, part)) * 127);
        for (int k = 0; k < 4; k++) {
          driven += ((code >> (2 * k)) & 3) != 0 ? 1 : 0;
        }
      }
    }
    assertTrue(driven > 0 && driven < 100L * cycles);
    assertEquals(driven, c.drivenRowCycles());
    assertEquals(driven * 100, c.cellReads());
    assertEquals(driven, c.dacConversions());
    assertEquals(50L * cycles, c.adcConversions());
    assertEquals(50L * cycles, c.sampleHolds());
    assertEquals(50L * cycles, c.shiftAdds());
    assertEquals(7, c.adcs()); // ceil(50 / 8)
    assertEquals(8, c.conversionsPerAdcPerCycle());
    assertEquals(100L * 50, c.weightMacs());
  }

  @Test
  void offsetMappingReadsTheReferenceColumnToo() {
    Crossbar xb =
        new Crossbar(CrossbarConfig.defaults(4), noiselessSkyrmion(), new OffsetMapping());
    assertEquals(127, xb.weightCapacity());
    xb.program(randomWeights(128 * 127, 1), 128, 127);
    ReadCounts c =
        new ReadoutChain(
                xb,
                new RowDac(1),
                new SarAdc(8),
                new ReadoutConfig(16, InputEncoding.UNSIGNED, 128, 1.0, 0, 0))
            .counts();
    assertEquals(16L * 128 * 128, c.cellReads());
    assertEquals(16L * 127, c.adcConversions());
  }

  @Test
  void vectorAndScalarLoopsGiveIdenticalResults() {
    Crossbar a =
        new Crossbar(CrossbarConfig.defaults(9), new SkyrmionSynapse(), new DifferentialMapping());
    Crossbar b =
        new Crossbar(CrossbarConfig.defaults(9), new SkyrmionSynapse(), new DifferentialMapping());
    double[] w = randomWeights(128 * 61, 3);
    a.program(w, 128, 61);
    b.program(w, 128, 61);
    b.setVectorised(false);
    ReadoutConfig cfg = new ReadoutConfig(8, InputEncoding.UNSIGNED, 8, 0.5, 0, 0);
    ReadoutChain ca = new ReadoutChain(a, new RowDac(1), new SarAdc(8), cfg);
    ReadoutChain cb = new ReadoutChain(b, new RowDac(1), new SarAdc(8), cfg);
    double[] x = randomInputs(128, 4, false);
    double[] ya = new double[61];
    double[] yb = new double[61];
    for (int k = 0; k < 3; k++) {
      ca.read(x, ya);
      cb.read(x, yb);
      assertArrayEquals(yb, ya, 0.0);
    }
  }

  @Test
  void sparseAndBatchedReadsGiveTheDenseReadsBits() {
    Crossbar xb =
        new Crossbar(CrossbarConfig.defaults(9), new SkyrmionSynapse(), new DifferentialMapping());
    xb.program(randomWeights(128 * 40, 3), 128, 40);
    ReadoutChain chain =
        new ReadoutChain(
            xb,
            new RowDac(1),
            new SarAdc(8),
            new ReadoutConfig(8, InputEncoding.UNSIGNED, 8, 0.5, 0, 0));
    int batch = 3;
    double[] x = new double[batch * 128];
    long[] keys = {11, 12, 13};
    double[][] dense = new double[batch][40];
    for (int b = 0; b < batch; b++) {
      double[] xb1 = randomInputs(128, 20 + b, false);
      for (int i = 0; i < 128; i += 2 + b) {
        xb1[i] = 0; // sparse inputs, as ReLU and inserted zeros make them
      }
      System.arraycopy(xb1, 0, x, b * 128, 128);
      chain.read(xb1, dense[b], keys[b]);
    }
    double[] batched = new double[batch * 40];
    chain.readBatch(x, batch, batched, keys);
    for (int b = 0; b < batch; b++) {
      assertArrayEquals(
          dense[b],
          java.util.Arrays.copyOfRange(batched, b * 40, (b + 1) * 40),
          0.0,
          "vector " + b);
      // the same input as a sparse list of its non-zero rows, numbered from 1000
      int[] rows = new int[128];
      double[] values = new double[128];
      int count = 0;
      for (int i = 0; i < 128; i++) {
        if (x[b * 128 + i] != 0) {
          rows[count] = 1000 + i;
          values[count++] = x[b * 128 + i];
        }
      }
      double[] sparse = new double[40];
      chain.read(rows, values, 0, count, 1000, sparse, keys[b]);
      assertArrayEquals(dense[b], sparse, 0.0, "sparse " + b);
    }
    double[] again = new double[40];
    chain.read(java.util.Arrays.copyOfRange(x, 0, 128), again, keys[1]);
    assertTrue(!java.util.Arrays.equals(dense[0], again), "another key, another noise realisation");
  }

  @Test
  void scalarKernelMatchesVectorKernelBitForBit() {
    SplittableRandom r = new SplittableRandom(7);
    for (int cols : new int[] {1, 7, 16, 64, 100, 128}) {
      int rowLength = 2 * cols;
      float[] m = new float[37 * rowLength];
      for (int i = 0; i < m.length; i++) {
        m[i] = (float) r.nextGaussian();
      }
      int[] rows = new int[37];
      float[] x = new float[37];
      int count = 0;
      for (int i = 0; i < 37; i++) {
        if (i % 5 != 0) {
          rows[count] = i;
          x[count++] = (float) r.nextGaussian();
        }
      }
      float[][] y = new float[4][cols];
      float[][] v = new float[2][cols];
      MvmKernel.scalarMvm(m, rowLength, cols, rows, x, count, y[0]);
      MvmKernel.mvm(m, rowLength, cols, rows, x, count, y[1], true);
      MvmKernel.mvmWithVariance(m, rowLength, cols, rows, x, count, y[2], v[0], false);
      MvmKernel.mvmWithVariance(m, rowLength, cols, rows, x, count, y[3], v[1], true);
      for (int k = 1; k < 4; k++) {
        assertArrayEquals(y[0], y[k], 0f, "cols " + cols + " kernel " + k);
      }
      assertArrayEquals(v[0], v[1], 0f, "cols " + cols + " variance");
    }
  }

  @Test
  void skippingUndrivenRowsGivesTheDenseProductBitForBit() {
    SplittableRandom r = new SplittableRandom(8);
    int n = 50;
    int cols = 32;
    float[] m = new float[n * cols];
    float[] dense = new float[n];
    for (int i = 0; i < m.length; i++) {
      m[i] = (float) r.nextGaussian();
    }
    int[] rows = new int[n];
    float[] x = new float[n];
    int count = 0;
    for (int i = 0; i < n; i++) {
      dense[i] = r.nextBoolean() ? 1f : 0f;
      if (dense[i] != 0f) {
        rows[count] = i;
        x[count++] = dense[i];
      }
    }
    float[] expected = new float[cols];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < cols; j++) {
        expected[j] = Math.fma(dense[i], m[i * cols + j], expected[j]);
      }
    }
    for (boolean vector : new boolean[] {false, true}) {
      float[] y = new float[cols];
      MvmKernel.mvm(m, cols, cols, rows, x, count, y, vector);
      assertArrayEquals(expected, y, 0f, vector ? "vector" : "scalar");
    }
  }

  @Test
  void variationIsFixedPerDeviceAndSeeded() {
    SkyrmionSynapse dev =
        new SkyrmionSynapse(
            SkyrmionSynapse.DEFAULTS.withNonIdealities(new SynapseNonIdealities(0.05, 0, 0, 0)));
    Crossbar a = new Crossbar(CrossbarConfig.defaults(11), dev, new DifferentialMapping());
    Crossbar b = new Crossbar(CrossbarConfig.defaults(11), dev, new DifferentialMapping());
    Crossbar c = new Crossbar(CrossbarConfig.defaults(12), dev, new DifferentialMapping());
    double[] w = randomWeights(128 * 64, 1);
    a.program(w, 128, 64);
    b.program(w, 128, 64);
    c.program(w, 128, 64);
    assertEquals(a.effectiveWeight(5, 6), b.effectiveWeight(5, 6), 0);
    assertNotEquals(a.effectiveWeight(5, 6), c.effectiveWeight(5, 6));
    double[] x = randomInputs(128, 2, false);
    double[] y1 = new double[64];
    double[] y2 = new double[64];
    ReadoutChain chain =
        new ReadoutChain(
            a, new IdealDac(), new IdealAdc(), ReadoutConfig.ideal(InputEncoding.UNSIGNED));
    chain.read(x, y1);
    chain.read(x, y2);
    assertArrayEquals(y1, y2, 0.0); // no read noise: the same every read
  }

  @Test
  void readNoiseChangesEveryReadWithTheConfiguredSpread() {
    SkyrmionSynapse dev =
        new SkyrmionSynapse(
            SkyrmionSynapse.DEFAULTS.withNonIdealities(new SynapseNonIdealities(0, 0.05, 0, 0)));
    Crossbar xb = new Crossbar(CrossbarConfig.defaults(3), dev, new DifferentialMapping());
    double[] w = new double[128];
    java.util.Arrays.fill(w, 0.5);
    xb.program(w, 128, 1);
    ReadoutChain chain =
        new ReadoutChain(
            xb, new IdealDac(), new IdealAdc(), ReadoutConfig.ideal(InputEncoding.UNSIGNED));
    double[] x = new double[128];
    java.util.Arrays.fill(x, 1.0);
    double[] y = new double[1];
    int n = 4000;
    double sum = 0;
    double sq = 0;
    for (int k = 0; k < n; k++) {
      chain.read(x, y);
      sum += y[0];
      sq += y[0] * y[0];
    }
    double mean = sum / n;
    double sd = Math.sqrt(sq / n - mean * mean);
    // per-cell sigma 0.05 on G+ and G-: sd = 0.05 * sqrt(128 * (g+^2 + g-^2)) / dG
    double gMin = dev.minConductanceSiemens();
    double dG = dev.maxConductanceSiemens() - gMin;
    double gPlus = dev.conductanceSiemens(dev.nearestLevel(gMin + 0.5 * dG));
    double expectedSd = 0.05 * Math.sqrt(128 * (gPlus * gPlus + gMin * gMin)) / dG;
    assertEquals(expectedSd, sd, expectedSd * 0.08);
  }

  @Test
  void stuckCellsOccurAtTheirFraction() {
    SkyrmionSynapse dev =
        new SkyrmionSynapse(
            SkyrmionSynapse.DEFAULTS.withNonIdealities(new SynapseNonIdealities(0, 0, 0.1, 0)));
    Crossbar xb = new Crossbar(CrossbarConfig.defaults(5), dev, new DifferentialMapping());
    double[] w = new double[128 * 64];
    xb.program(w, 128, 64); // all weights 0: both cells at G_min unless stuck at G_max
    int nonZero = 0;
    for (int i = 0; i < 128; i++) {
      for (int j = 0; j < 64; j++) {
        if (xb.effectiveWeight(i, j) != 0) {
          nonZero++;
        }
      }
    }
    // P(a pair has a cell stuck at G_max) = 1 - (1 - 0.05)^2 = 0.0975
    assertEquals(0.0975, nonZero / (128.0 * 64), 0.012);
  }

  @Test
  void irDropAttenuatesCellsFarFromDriverAndSenseAmp() {
    CrossbarConfig cfg = new CrossbarConfig(128, 128, 0.1, 10, true, 5.0, 1);
    Crossbar xb =
        new Crossbar(
            cfg, new ContinuousSynapse(ContinuousSynapse.DEFAULTS), new DifferentialMapping());
    double[] w = new double[128 * 64];
    java.util.Arrays.fill(w, 1.0);
    xb.program(w, 128, 64);
    double near = xb.effectiveWeight(127, 0);
    double far = xb.effectiveWeight(0, 63);
    assertTrue(near < 1 && far < near, "near " + near + " far " + far);
    Crossbar off =
        new Crossbar(
            CrossbarConfig.defaults(1),
            new ContinuousSynapse(ContinuousSynapse.DEFAULTS),
            new DifferentialMapping());
    off.program(w, 128, 64);
    assertEquals(1.0, off.effectiveWeight(0, 63), 1e-6);
  }

  @Test
  void programmingCostsStepsTimesStepEnergy() {
    Crossbar xb =
        new Crossbar(CrossbarConfig.defaults(1), noiselessSkyrmion(), new DifferentialMapping());
    double[] w = {1.0, -0.5};
    ProgramResult r = xb.program(w, 1, 2);
    long steps =
        63 + Math.round(0.5 * 63); // G+ of w=1 to the top, G- of w=-0.5 to level 32 (rint 31.5)
    assertEquals(steps, r.levelSteps());
    assertEquals(steps * 0.87e-3, r.energyPj(), 1e-12);
    assertEquals(63 * 1500, r.timePs()); // one row, cells in parallel: the longest write
    ProgramResult again = xb.program(w, 1, 2);
    assertEquals(0, again.levelSteps());
  }

  @Test
  void rejectsMatricesLargerThanTheArray() {
    Crossbar xb =
        new Crossbar(CrossbarConfig.defaults(1), noiselessSkyrmion(), new DifferentialMapping());
    assertThrows(IllegalArgumentException.class, () -> xb.program(new double[129 * 2], 129, 2));
    assertThrows(IllegalArgumentException.class, () -> xb.program(new double[65], 1, 65));
  }
}
