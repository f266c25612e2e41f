package dev.spinsim.devices.crossbar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spinsim.devices.converter.RowDac;
import dev.spinsim.devices.converter.SarAdc;
import dev.spinsim.devices.preset.PresetDevices;
import dev.spinsim.devices.preset.Presets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The subset-sum read of 1-bit cycles ({@link SubsetSums}, {@link Crossbar#readsSubsetSums}). */
class SubsetSumsTest {

  @Test
  void everyEntryIsTheSumOfItsGroupsDrivenRows() {
    PresetDevices d = PresetDevices.of(Presets.load("paper", List.of("crossbar.irDrop=true")));
    Crossbar xb = d.crossbar(3);
    int rows = 77; // a partial last group
    xb.program(CrossbarTest.randomWeights(rows * 40, 4), rows, 40);
    assertTrue(xb.readsSubsetSums());
    assertTrue(xb.isNoisy());
    float[] t = xb.subsetSumTable();
    int len = xb.readRowLength();
    int stride = len / 2;
    assertEquals(SubsetSums.bytes(rows, len), (long) t.length * Float.BYTES);
    assertEquals(t.length * (long) Float.BYTES, xb.subsetSumBytes());
    double sigma = xb.device().nonIdealities().readNoiseSigma();
    double unit = xb.mapping().unitConductance(xb.device());
    for (int g = 0; g < (rows + 3) / 4; g++) {
      for (int p = 0; p < 16; p++) {
        for (int j = 0; j < 40; j++) {
          double w = 0;
          double var = 0;
          for (int r = 0; r < 4; r++) {
            int i = 4 * g + r;
            if ((p >> r & 1) != 0 && i < rows) {
              w += xb.effectiveWeight(i, j);
              double gp = xb.effectiveConductanceSiemens(i, 2 * j);
              double gn = xb.effectiveConductanceSiemens(i, 2 * j + 1);
              var += sigma * sigma * (gp * gp + gn * gn) / (unit * unit);
            }
          }
          int row = (16 * g + p) * len;
          assertEquals(w, t[row + j], 1e-5, "weight g=" + g + " p=" + p + " j=" + j);
          assertEquals(var, t[row + stride + j], 1e-9 + 1e-5 * var, "variance");
        }
        for (int j = 40; j < stride; j++) {
          assertEquals(0f, t[(16 * g + p) * len + j], "padding");
        }
      }
    }
  }

  @Test
  void onlyWideArraysWithoutAReferenceColumnAndWithinTheSizeLimitHaveTables() {
    PresetDevices paper = PresetDevices.of(Presets.load("paper", List.of()));
    Crossbar narrow = paper.crossbar(1);
    narrow.program(CrossbarTest.randomWeights(128 * 8, 1), 128, 8);
    assertFalse(narrow.readsSubsetSums(), "8 columns read codes in lanes");
    Crossbar wide = paper.crossbar(1);
    wide.program(CrossbarTest.randomWeights(128 * 9, 1), 128, 9);
    assertTrue(wide.readsSubsetSums());
    wide.setSubsetSums(false);
    assertFalse(wide.readsSubsetSums());
    assertEquals(0, wide.subsetSumBytes());
    PresetDevices offset =
        PresetDevices.of(Presets.load("paper", List.of("crossbar.weightMapping=offset")));
    Crossbar ref = offset.crossbar(1);
    ref.program(CrossbarTest.randomWeights(128 * 64, 1), 128, 64);
    assertFalse(ref.readsSubsetSums(), "a reference column reads row by row");
    // 512 rows x 128 noisy weight columns: 512/4 x 16 x 256 floats = 2 MiB > the limit
    PresetDevices big =
        PresetDevices.of(Presets.load("paper", List.of("crossbar.rows=512", "crossbar.cols=256")));
    Crossbar large = big.crossbar(1);
    large.program(CrossbarTest.randomWeights(512 * 128, 1), 512, 128);
    assertFalse(large.readsSubsetSums());
    large.program(CrossbarTest.randomWeights(512 * 64, 1), 512, 64);
    assertTrue(large.readsSubsetSums(), "512 x 64 noisy columns: exactly 1 MiB");
  }

  /**
   * With an ADC fine enough that float rounding cannot move a code by more than one, the subset-sum
   * read and the row-by-row read of the same dense inputs agree to one code of the top bit cycle,
   * and both are within half a step of the exact quantised product; the subset-sum read really took
   * the table path, the other did not.
   */
  @Test
  void subsetSumReadsAgreeWithRowByRowReadsUpToOneCode() {
    double[] w = CrossbarTest.randomWeights(128 * 64, 5);
    double[] x = CrossbarTest.randomInputs(128, 6, false);
    double[][] y = new double[2][64];
    long[] passes = new long[2];
    double step = 0;
    for (int k = 0; k < 2; k++) {
      Crossbar xb =
          new Crossbar(
              CrossbarConfig.defaults(4),
              CrossbarTest.noiselessSkyrmion(),
              new DifferentialMapping());
      xb.program(w, 128, 64);
      xb.setSubsetSums(k == 0);
      ReadoutChain chain =
          new ReadoutChain(
              xb,
              new RowDac(1),
              new SarAdc(14),
              new ReadoutConfig(8, InputEncoding.UNSIGNED, 8, 1.0, 0, 0));
      chain.read(x, y[k]);
      passes[k] = chain.subsetSumPasses();
      step = chain.adcFullScale() / chain.adc().maxCode();
    }
    assertEquals(1, passes[0]);
    assertEquals(0, passes[1]);
    double topCode = step * 128 / 255;
    for (int j = 0; j < 64; j++) {
      double exact = 0;
      for (int i = 0; i < 128; i++) {
        exact += Math.rint(w[i * 64 + j] * 63) / 63 * (Math.rint(x[i] * 255) / 255);
      }
      assertEquals(y[1][j], y[0][j], topCode + 1e-9, "column " + j);
      assertEquals(exact, y[0][j], step / 2 + 1e-4, "column " + j);
    }
  }

  /**
   * The subset-sum read's Vector API and scalar loops give the same outputs and ADC counts to the
   * bit on the noisy `paper` corner (dense inputs, so the reads take the table path; both
   * encodings, odd shapes), and the driven (row, cycle) pairs are those of the row-by-row read.
   */
  @Property(tries = 25)
  void subsetSumVectorAndScalarReadsAgreeBitForBit(
      @ForAll @IntRange(min = 1, max = 128) int rows,
      @ForAll @IntRange(min = 9, max = 64) int cols,
      @ForAll boolean signed,
      @ForAll @IntRange(min = 0, max = 1000) int seed) {
    List<String> set = new ArrayList<>();
    set.add("crossbar.inputEncoding=" + (signed ? "sign-split" : "unsigned"));
    PresetDevices d = PresetDevices.of(Presets.load("paper", set));
    double[] w = CrossbarTest.randomWeights(rows * cols, seed);
    long[][] counts = new long[3][];
    double[][] y = new double[3][4 * cols];
    long[] passes = new long[3];
    for (int k = 0; k < 3; k++) {
      Crossbar xb = d.crossbar(seed);
      xb.setVectorised(k != 1);
      xb.setSubsetSums(k != 2);
      xb.program(w, rows, cols);
      ReadoutChain chain = d.readoutChain(xb);
      double[] out = new double[cols];
      long driven = 0;
      for (int r = 0; r < 4; r++) {
        double[] x = CrossbarTest.randomInputs(rows, seed + 1 + r, signed);
        driven += chain.read(x, out, (long) seed * 31 + r);
        System.arraycopy(out, 0, y[k], r * cols, cols);
      }
      passes[k] = chain.subsetSumPasses();
      counts[k] =
          new long[] {chain.adcConversions(), chain.adcClipped(), chain.adcZeroCodes(), driven};
    }
    assertEquals(passes[0], passes[1]);
    assertTrue(signed || rows < 8 || passes[0] > 0, "dense reads of 8+ rows take the table path");
    assertEquals(0, passes[2]);
    assertArrayEquals(y[1], y[0], 0.0);
    assertArrayEquals(counts[1], counts[0]);
    assertEquals(counts[2][0], counts[0][0], "conversions");
    assertEquals(counts[2][3], counts[0][3], "driven (row, cycle) pairs");
  }
}
