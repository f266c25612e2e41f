package dev.spinsim.network.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spinsim.network.ops.Convolution;
import dev.spinsim.network.tensor.Tensor;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class SubPixelMappingTest {
  private static final MappingOptions O = MappingOptions.defaults(128, 128);

  private static LayerMapping sub(ConvGeometry g) {
    return new SubPixelMapping().map("l", g, O);
  }

  @Test
  void aTransposedConvolutionOfOnePixelIsOneDenseMatrix() {
    // fmnist G.main.0: ConvTranspose2d(100 -> 128, k7, s1, p0), 1x1 -> 7x7
    ConvGeometry g = ConvGeometry.transposed(100, 128, 7, 1, 0, 0, 1, 1);
    LayerMapping m = sub(g);
    assertEquals(PhaseLayout.Form.SINGLE_PIXEL, m.layout().form());
    assertEquals(100, m.matrixRows());
    assertEquals(128 * 49, m.matrixCols());
    assertEquals(1, m.vectorsPerImage());
    assertEquals(100L * 128 * 49, m.macsPerformed());
    assertEquals(0, m.zeroMacs());
    assertEquals(0, m.insertedZeroMacs());
    assertEquals(1, m.rowBlocks());
    assertEquals(98, m.colBlocks()); // 6272 columns / 64 differential pairs
    // the dense mapping of the same layer: 49 vectors of 4900 rows, 98 % on zeros
    LayerMapping d = new DenseMapping().map("l", g, O);
    assertEquals(49L * 4900 * 128, d.macsPerformed());
    assertEquals(48.0 / 49, d.zeroFraction(), 1e-12);
    assertEquals(d.macsPerformed() - d.zeroMacs(), m.macsPerformed());
  }

  @Test
  void strideTwoKernelFourSplitsIntoFourTwoByTwoPhasesWithoutInsertedZeros() {
    for (int n : new int[] {4, 7, 8, 14, 16, 32}) {
      int cin = 64;
      int cout = 3;
      ConvGeometry g = ConvGeometry.transposed(cin, cout, 4, 2, 1, 0, n, n);
      LayerMapping m = sub(g);
      assertEquals(4, m.layout().phases());
      for (int ph = 0; ph < 4; ph++) {
        assertEquals(4 * cin, m.layout().rows(ph));
        assertEquals((long) n * n, m.layout().vectorsOfPhase(ph));
      }
      assertEquals(16 * cin, m.matrixRows()); // every weight in exactly one phase
      assertEquals((long) 4 * n * n, m.vectorsPerImage());
      // closed forms: each output reads 2x2 taps; per axis 4n taps of which 2 fall on padding
      long macs = (4L * n) * (4L * n) * cin * cout;
      long useful = (4L * n - 2) * (4L * n - 2) * cin * cout;
      assertEquals(macs, m.macsPerformed(), "n=" + n);
      assertEquals(macs - useful, m.zeroMacs(), "n=" + n);
      assertEquals(0, m.insertedZeroMacs(), "n=" + n);
      // dense performs 4x the MACs on the same crossbars; the useful ones agree
      LayerMapping d = new DenseMapping().map("l", g, O);
      assertEquals(4 * macs, d.macsPerformed());
      assertEquals(d.macsPerformed() - d.zeroMacs(), useful);
      assertTrue(d.insertedZeroMacs() > 0 && d.insertedZeroMacs() < d.zeroMacs());
      assertEquals(d.crossbars(), m.crossbars());
    }
  }

  @Test
  void unequalSubKernelsAndEmptyPhases() {
    // k5 s2: residues 0 and 1 have 3 and 2 taps
    ConvGeometry g = ConvGeometry.transposed(3, 2, 5, 2, 2, 1, 5, 6);
    PhaseLayout l = PhaseLayout.zeroFree(g, false, 16);
    int[] rows = new int[l.phases()];
    int total = 0;
    for (int ph = 0; ph < l.phases(); ph++) {
      rows[ph] = l.rows(ph);
      total += rows[ph];
    }
    assertEquals(4, l.phases());
    assertEquals(25 * 3, total);
    assertEquals(java.util.List.of(27, 18, 18, 12), java.util.Arrays.stream(rows).boxed().toList());
    // blocks of 16 rows: 2 + 2 + 2 + 1, every phase on its own blocks
    assertEquals(7, l.rowBlocks());
    assertEquals(11, l.rowsInBlock(1));
    assertEquals(27, l.firstRowOfBlock(2));
    // k1 s3: only one residue class has a tap; the others are bias-only phases without crossbars
    ConvGeometry e = ConvGeometry.transposed(4, 5, 1, 3, 0, 2, 3, 3);
    PhaseLayout le = PhaseLayout.zeroFree(e, false, 128);
    assertEquals(9, le.phases());
    int empty = 0;
    for (int ph = 0; ph < le.phases(); ph++) {
      if (le.rows(ph) == 0) {
        empty++;
        assertEquals(0, le.blocks(ph));
      }
    }
    assertEquals(8, empty);
    assertEquals(1, le.rowBlocks());
    // with a bias row every phase, empty or not, holds its bias on one row
    assertEquals(9, PhaseLayout.zeroFree(e, true, 128).rowBlocks());
  }

  @Test
  void convolutionsMapAsUnderTheDenseStrategy() {
    ConvGeometry g = ConvGeometry.conv(64, 128, 4, 2, 1, 14, 14);
    LayerMapping m = sub(g);
    LayerMapping d = new DenseMapping().map("l", g, O);
    assertEquals(PhaseLayout.Form.ZERO_INSERTED, m.layout().form());
    assertEquals(d.crossbars(), m.crossbars());
    assertEquals(d.macsPerformed(), m.macsPerformed());
    assertEquals(d.zeroMacs(), m.zeroMacs());
    assertEquals(0, m.insertedZeroMacs());
    assertEquals("sub-pixel", m.strategy());
  }

  @Test
  void strategyIsChosenByName() {
    assertEquals("dense", MappingConfig.strategyNamed("dense").name());
    assertEquals(
        "sub-pixel",
        new MappingConfig("sub-pixel", "digital", "digital", Map.of()).strategyObject().name());
  }

  /**
   * The stacked phase matrices times the gathered vectors reproduce the float reference
   * ConvTranspose2d for any geometry PyTorch accepts; the counts agree with the vectors.
   */
  @Property(tries = 150)
  void phasesReproduceTheTransposedConvolution(
      @ForAll @IntRange(min = 1, max = 4) int cin,
      @ForAll @IntRange(min = 1, max = 4) int cout,
      @ForAll @IntRange(min = 1, max = 6) int h,
      @ForAll @IntRange(min = 1, max = 6) int w,
      @ForAll @IntRange(min = 1, max = 6) int k,
      @ForAll @IntRange(min = 1, max = 4) int stride,
      @ForAll @IntRange(min = 0, max = 6) int padRaw,
      @ForAll @IntRange(min = 0, max = 3) int opRaw,
      @ForAll boolean biasRow,
      @ForAll @IntRange(min = 1, max = 40) int crossbarRows,
      @ForAll long seed) {
    int pad = padRaw % (k + 2); // beyond k-1 the output is cropped
    int op = opRaw % stride;
    int oh = Convolution.transposedOut(h, k, stride, pad, op);
    int ow = Convolution.transposedOut(w, k, stride, pad, op);
    if (oh <= 0 || ow <= 0) {
      return; // PyTorch rejects an empty output
    }
    SplittableRandom rng = new SplittableRandom(seed);
    Tensor x = Tensor.normal(rng, 0, 1, 1, cin, h, w);
    Tensor wt = Tensor.normal(rng, 0, 1, cin, cout, k, k);
    Tensor b = Tensor.normal(rng, 0, 1, cout);
    Tensor reference = Convolution.convTranspose2dReference(x, wt, b, stride, pad, op);
    ConvGeometry g = ConvGeometry.transposed(cin, cout, k, stride, pad, op, h, w);
    for (PhaseLayout l :
        new PhaseLayout[] {
          PhaseLayout.zeroFree(g, biasRow, crossbarRows),
          PhaseLayout.zeroInserted(g, biasRow, crossbarRows)
        }) {
      double inputScale = 2;
      float[] m = l.matrix(CrossbarIm2col.weightMatrix(g, wt.data()), b.data(), inputScale);
      float[] out = new float[cout * oh * ow];
      float[] vec = new float[l.matrixRows()];
      int cols = l.matrixCols();
      long driven = 0;
      long live = 0;
      for (int v = 0; v < l.vectorsPerImage(); v++) {
        java.util.Arrays.fill(vec, 0f);
        live += l.gather(x.data(), v, vec);
        int ph = l.phaseOf(v);
        if (biasRow) {
          vec[l.biasRow(ph)] = (float) inputScale;
        }
        driven += l.rows(ph) - (biasRow ? 1 : 0);
        for (int c = 0; c < cols; c++) {
          double y = biasRow ? 0 : b.data()[l.channelOf(c)];
          for (int r = l.firstRow(ph); r < l.firstRow(ph) + l.rows(ph); r++) {
            y += (double) vec[r] * m[r * cols + c];
          }
          out[l.outputIndex(v, c)] = (float) y;
        }
        // rows outside the vector's phase stay undriven
        for (int r = 0; r < l.matrixRows(); r++) {
          if ((r < l.firstRow(ph) || r >= l.firstRow(ph) + l.rows(ph)) && vec[r] != 0) {
            throw new AssertionError("row " + r + " outside phase " + ph + " driven");
          }
        }
      }
      double diff = reference.maxAbsDiff(Tensor.of(out, 1, cout, oh, ow));
      assertTrue(diff <= 1e-5, l.form() + " differs from ConvTranspose2d by " + diff);
      assertEquals(l.macsPerformed(), driven * cols, l.form() + " MACs");
      long useful = g.macsPerformed() - g.zeroMacs();
      if (l.form() != PhaseLayout.Form.SINGLE_PIXEL) {
        assertEquals(useful, live * cout, l.form() + " useful MACs");
        assertEquals(l.macsPerformed() - useful, l.zeroMacs(), l.form() + " zero MACs");
      }
      if (l.form() != PhaseLayout.Form.ZERO_INSERTED) {
        assertEquals(0, l.insertedZeroMacs());
      }
      for (int rb = 0; rb < l.rowBlocks(); rb++) {
        assertTrue(l.rowsInBlock(rb) > 0 && l.rowsInBlock(rb) <= crossbarRows);
      }
    }
  }
}
