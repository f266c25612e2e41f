package dev.spinsim.devices.crossbar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spinsim.devices.converter.RowDac;
import dev.spinsim.devices.converter.SarAdc;
import dev.spinsim.devices.synapse.SkyrmionSynapse;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class ReadoutPropertiesTest {
  @Property(tries = 40)
  void readCountsFollowTheClosedFormForAnyShape(
      @ForAll @IntRange(min = 1, max = 128) int rows,
      @ForAll @IntRange(min = 1, max = 64) int cols,
      @ForAll @IntRange(min = 1, max = 16) int inputBits,
      @ForAll @IntRange(min = 1, max = 4) int dacBits,
      @ForAll @IntRange(min = 1, max = 64) int columnsPerAdc,
      @ForAll boolean signSplit) {
    Crossbar xb =
        new Crossbar(CrossbarConfig.defaults(1), new SkyrmionSynapse(), new DifferentialMapping());
    xb.program(new double[rows * cols], rows, cols);
    InputEncoding enc = signSplit ? InputEncoding.SIGN_SPLIT : InputEncoding.UNSIGNED;
    ReadoutChain chain =
        new ReadoutChain(
            xb,
            new RowDac(dacBits),
            new SarAdc(8),
            new ReadoutConfig(inputBits, enc, columnsPerAdc, 1.0, 0, 0));
    ReadCounts full = chain.counts();
    ReadCounts c = chain.read(new double[rows], new double[cols]);
    long cycles =
        (long) Math.ceil(inputBits / (double) Math.min(dacBits, inputBits)) * (signSplit ? 2 : 1);
    assertEquals(cycles, c.bitCycles());
    assertEquals(rows * 2L * cols * cycles, full.cellReads());
    assertEquals(rows * cycles, full.dacConversions());
    // all-zero inputs drive no row: no row drive and no cell read, the conversions still happen
    assertEquals(0, c.cellReads());
    assertEquals(0, c.dacConversions());
    assertEquals(cols * cycles, c.adcConversions());
    assertEquals((long) Math.ceil(cols / (double) columnsPerAdc), c.adcs());
  }

  @Property(tries = 40)
  void drivenRowsAreTheSetBitsOfTheInputCodesAndAStackSplitsThemByCrossbar(
      @ForAll @IntRange(min = 1, max = 300) int rows,
      @ForAll @IntRange(min = 1, max = 12) int inputBits,
      @ForAll @IntRange(min = 0, max = 1000) int seed,
      @ForAll @IntRange(min = 0, max = 100) int zeroPercent) {
    double[] x = CrossbarTest.randomInputs(rows, seed, false);
    java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
    long expected = 0;
    long maxCode = (1L << inputBits) - 1;
    for (int i = 0; i < rows; i++) {
      if (r.nextInt(100) < zeroPercent) {
        x[i] = 0;
      }
      expected += Long.bitCount((long) (Math.max(0, Math.min(1, x[i])) * maxCode + 0.5));
    }
    // the rows as one stack of 128-row crossbars
    int height = (rows + 127) / 128;
    Crossbar[] stack = new Crossbar[height];
    for (int k = 0; k < height; k++) {
      int n = Math.min(128, rows - k * 128);
      stack[k] =
          new Crossbar(
              CrossbarConfig.defaults(seed + k), new SkyrmionSynapse(), new DifferentialMapping());
      stack[k].program(CrossbarTest.randomWeights(n * 4, seed + k), n, 4);
    }
    ReadoutChain chain =
        new ReadoutChain(
            stack,
            new RowDac(1),
            new SarAdc(8),
            new ReadoutConfig(inputBits, InputEncoding.UNSIGNED, 8, 1.0, 0, 0));
    ReadCounts c = chain.read(x, new double[4]);
    assertEquals(expected, c.drivenRowCycles());
    assertEquals(expected * 8, c.cellReads());
    long perCrossbar = 0;
    for (int k = 0; k < height; k++) {
      long part = 0;
      for (int i = k * 128; i < Math.min(rows, (k + 1) * 128); i++) {
        part += Long.bitCount((long) (Math.max(0, Math.min(1, x[i])) * maxCode + 0.5));
      }
      assertEquals(part, chain.drivenRowCycles(k));
      perCrossbar += chain.drivenRowCycles(k);
    }
    assertEquals(expected, perCrossbar);
    // one conversion per column and bit cycle for the whole stack
    assertEquals(4L * inputBits, c.adcConversions());
  }

  @Property(tries = 20)
  void aStackReadsWhatOneTallArrayWithTheSameCellsReads(
      @ForAll @IntRange(min = 0, max = 1000) int seed) {
    // ideal converters, noiseless continuous-free cells: the summed currents of two 64-row arrays
    // equal the read of the 128 rows as one array holding the same weights (up to float rounding)
    double[] w = CrossbarTest.randomWeights(128 * 8, seed);
    double[] x = CrossbarTest.randomInputs(128, seed + 1, false);
    Crossbar tall =
        new Crossbar(
            CrossbarConfig.defaults(1),
            CrossbarTest.noiselessSkyrmion(),
            new DifferentialMapping());
    tall.program(w, 128, 8);
    Crossbar top =
        new Crossbar(
            CrossbarConfig.defaults(1),
            CrossbarTest.noiselessSkyrmion(),
            new DifferentialMapping());
    Crossbar bottom =
        new Crossbar(
            CrossbarConfig.defaults(1),
            CrossbarTest.noiselessSkyrmion(),
            new DifferentialMapping());
    top.program(java.util.Arrays.copyOfRange(w, 0, 64 * 8), 64, 8);
    bottom.program(java.util.Arrays.copyOfRange(w, 64 * 8, 128 * 8), 64, 8);
    ReadoutConfig cfg = new ReadoutConfig(8, InputEncoding.UNSIGNED, 8, 1.0, 0, 0);
    double[] a = new double[8];
    double[] b = new double[8];
    new ReadoutChain(tall, new RowDac(1), new dev.spinsim.devices.converter.IdealAdc(), cfg)
        .read(x, a);
    new ReadoutChain(
            new Crossbar[] {top, bottom},
            new RowDac(1),
            new dev.spinsim.devices.converter.IdealAdc(),
            cfg)
        .read(x, b);
    assertArrayEquals(a, b, 1e-4);
  }

  @Property(tries = 30)
  void vectorAndScalarReadsAgreeBitForBit(
      @ForAll @IntRange(min = 1, max = 128) int rows,
      @ForAll @IntRange(min = 1, max = 64) int cols,
      @ForAll @IntRange(min = 0, max = 1000) int seed) {
    double[] w = CrossbarTest.randomWeights(rows * cols, seed);
    double[] x = CrossbarTest.randomInputs(rows, seed + 1, false);
    double[][] y = new double[2][cols];
    for (int k = 0; k < 2; k++) {
      Crossbar xb =
          new Crossbar(
              CrossbarConfig.defaults(seed), new SkyrmionSynapse(), new DifferentialMapping());
      xb.setVectorised(k == 0);
      xb.program(w, rows, cols);
      new ReadoutChain(
              xb,
              new RowDac(1),
              new SarAdc(6),
              new ReadoutConfig(6, InputEncoding.UNSIGNED, 8, 0.5, 0, 0))
          .read(x, y[k]);
    }
    assertArrayEquals(y[1], y[0], 0.0);
  }

  /**
   * The pass-at-once Vector API read ({@link Crossbar#readConvertPass}: narrow layouts up to {@link
   * VectorReadKernel#NARROW_COLUMNS} columns, wide ones beyond) gives the scalar cycle-by-cycle
   * read's outputs and ADC counts to the bit, on the noisy `paper` corner with both mappings (the
   * offset mapping's reference-column noise) and both input encodings, for sparse inputs whose bit
   * cycles are partly undriven.
   */
  @Property(tries = 40)
  void passAtOnceVectorReadsAgreeWithScalarReadsBitForBit(
      @ForAll @IntRange(min = 1, max = 128) int rows,
      @ForAll @IntRange(min = 1, max = 64) int cols,
      @ForAll boolean offset,
      @ForAll boolean signed,
      @ForAll @IntRange(min = 0, max = 1000) int seed) {
    java.util.List<String> set = new java.util.ArrayList<>();
    set.add("crossbar.inputEncoding=" + (signed ? "sign-split" : "unsigned"));
    if (offset) {
      set.add("crossbar.weightMapping=offset");
    }
    var d =
        dev.spinsim.devices.preset.PresetDevices.of(
            dev.spinsim.devices.preset.Presets.load("paper", set));
    double[] w = CrossbarTest.randomWeights(rows * cols, seed);
    long[][] counts = new long[2][];
    double[][] y = new double[2][];
    for (int k = 0; k < 2; k++) {
      Crossbar xb = d.crossbar(seed);
      xb.setVectorised(k == 0);
      int c = Math.min(cols, xb.weightCapacity());
      xb.program(w, rows, c);
      ReadoutChain chain = d.readoutChain(xb);
      y[k] = new double[4 * c];
      double[] out = new double[c];
      long driven = 0;
      for (int r = 0; r < 4; r++) {
        double[] x = CrossbarTest.randomInputs(rows, seed + 1 + r, signed);
        for (int i = 0; i < rows; i++) {
          x[i] = i % (r + 2) == 0 ? x[i] * 0.05 : (i % 3 == 0 ? x[i] : 0); // sparse, low codes
        }
        driven += chain.read(x, out, (long) seed * 31 + r);
        System.arraycopy(out, 0, y[k], r * c, c);
      }
      counts[k] =
          new long[] {chain.adcConversions(), chain.adcClipped(), chain.adcZeroCodes(), driven};
    }
    assertArrayEquals(y[1], y[0], 0.0);
    assertArrayEquals(counts[1], counts[0]);
  }

  @Property(tries = 30)
  void adcOutputNeverExceedsItsFullScale(@ForAll @IntRange(min = 0, max = 1000) int seed) {
    Crossbar xb =
        new Crossbar(
            CrossbarConfig.defaults(seed), new SkyrmionSynapse(), new DifferentialMapping());
    xb.program(CrossbarTest.randomWeights(128 * 16, seed), 128, 16);
    ReadoutChain chain =
        new ReadoutChain(
            xb,
            new RowDac(1),
            new SarAdc(4),
            new ReadoutConfig(1, InputEncoding.UNSIGNED, 8, 0.05, 0, 0));
    double[] y = new double[16];
    chain.read(CrossbarTest.randomInputs(128, seed, false), y);
    for (double v : y) {
      assertTrue(Math.abs(v) <= chain.adcFullScale() + 1e-9, v + " > " + chain.adcFullScale());
    }
  }
}
