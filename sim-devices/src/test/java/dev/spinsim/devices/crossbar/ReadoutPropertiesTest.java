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
    Crossbar xb = new Crossbar(CrossbarConfig.defaults(1), new SkyrmionSynapse(), new DifferentialMapping());
    xb.program(new double[rows * cols], rows, cols);
    InputEncoding enc = signSplit ? InputEncoding.SIGN_SPLIT : InputEncoding.UNSIGNED;
    ReadoutChain chain = new ReadoutChain(xb, new RowDac(dacBits), new SarAdc(8),
        new ReadoutConfig(inputBits, enc, columnsPerAdc, 1.0, 0, 0));
    ReadCounts c = chain.read(new double[rows], new double[cols]);
    long cycles = (long) Math.ceil(inputBits / (double) Math.min(dacBits, inputBits)) * (signSplit ? 2 : 1);
    assertEquals(cycles, c.bitCycles());
    assertEquals(rows * 2L * cols * cycles, c.cellReads());
    assertEquals(rows * cycles, c.dacConversions());
    assertEquals(cols * cycles, c.adcConversions());
    assertEquals((long) Math.ceil(cols / (double) columnsPerAdc), c.adcs());
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
      Crossbar xb = new Crossbar(CrossbarConfig.defaults(seed), new SkyrmionSynapse(), new DifferentialMapping());
      xb.setVectorised(k == 0);
      xb.program(w, rows, cols);
      new ReadoutChain(xb, new RowDac(1), new SarAdc(6), new ReadoutConfig(6, InputEncoding.UNSIGNED, 8, 0.5, 0, 0))
          .read(x, y[k]);
    }
    assertArrayEquals(y[1], y[0], 0.0);
  }

  @Property(tries = 30)
  void adcOutputNeverExceedsItsFullScale(@ForAll @IntRange(min = 0, max = 1000) int seed) {
    Crossbar xb = new Crossbar(CrossbarConfig.defaults(seed), new SkyrmionSynapse(), new DifferentialMapping());
    xb.program(CrossbarTest.randomWeights(128 * 16, seed), 128, 16);
    ReadoutChain chain = new ReadoutChain(xb, new RowDac(1), new SarAdc(4),
        new ReadoutConfig(1, InputEncoding.UNSIGNED, 8, 0.05, 0, 0));
    double[] y = new double[16];
    chain.read(CrossbarTest.randomInputs(128, seed, false), y);
    for (double v : y) {
      assertTrue(Math.abs(v) <= chain.adcFullScale() + 1e-9, v + " > " + chain.adcFullScale());
    }
  }
}
