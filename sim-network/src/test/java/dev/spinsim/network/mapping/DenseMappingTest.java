package dev.spinsim.network.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DenseMappingTest {
  private static final MappingOptions XBAR128 = MappingOptions.defaults(128, 128);

  /** The Radford 64×64 generator's transposed convolutions (docs/REFERENCE.md). */
  private static List<ConvGeometry> dcgan64Generator() {
    return List.of(
        ConvGeometry.transposed(100, 512, 4, 1, 0, 0, 1, 1),
        ConvGeometry.transposed(512, 256, 4, 2, 1, 0, 4, 4),
        ConvGeometry.transposed(256, 128, 4, 2, 1, 0, 8, 8),
        ConvGeometry.transposed(128, 64, 4, 2, 1, 0, 16, 16),
        ConvGeometry.transposed(64, 3, 4, 2, 1, 0, 32, 32));
  }

  @Test
  void transposedOutputSizesFollowPyTorch() {
    int[] expected = {4, 8, 16, 32, 64};
    List<ConvGeometry> g = dcgan64Generator();
    for (int i = 0; i < g.size(); i++) {
      assertEquals(expected[i], g.get(i).outHeight());
      assertEquals(expected[i], g.get(i).outWidth());
    }
  }

  @Test
  void dcgan64GeneratorPerformsPublished428MMacsWithZerosInserted() {
    long performed = dcgan64Generator().stream().mapToLong(ConvGeometry::macsPerformed).sum();
    long reference = dcgan64Generator().stream().mapToLong(ConvGeometry::referenceMacs).sum();
    // docs/REFERENCE.md: 428.3 M MACs once zeros are inserted, 104.6 M useful MACs.
    assertEquals(428.3e6, performed, 0.05e6);
    assertEquals(104.6e6, reference, 0.05e6);
  }

  @Test
  void upsamplingLayersSpendAtLeastThreeQuartersOnInsertedZeros() {
    for (ConvGeometry g : dcgan64Generator().subList(1, 5)) {
      double zeroFraction = (double) g.zeroMacs() / g.macsPerformed();
      // per axis, k4 s2 p1: interior outputs read 2 of 4 taps, the two border outputs 1
      int o = g.outHeight();
      double usefulPerAxis = (2.0 * o - 2) / (4.0 * o);
      assertEquals(1 - usefulPerAxis * usefulPerAxis, zeroFraction, 1e-12);
      assertTrue(zeroFraction >= 0.75, "zero fraction " + zeroFraction);
    }
  }

  @Test
  void ordinaryConvolutionCountsOnlyPaddingAsZeros() {
    ConvGeometry g = ConvGeometry.conv(1, 64, 4, 2, 1, 28, 28);
    assertEquals(14, g.outHeight());
    // per axis: 14 outputs × 4 taps = 56 pairs, of which output 0 tap 0 and output 13 tap 3 hit
    // padding
    long usefulPerAxis = 56 - 2;
    assertEquals(14L * 14 * 16 * 64 - usefulPerAxis * usefulPerAxis * 64, g.zeroMacs());
  }

  @Test
  void fmnistFirstLayerBlocksAndUtilisation() {
    LayerMapping m =
        new DenseMapping().map("g0", ConvGeometry.transposed(100, 128, 7, 1, 0, 0, 1, 1), XBAR128);
    assertEquals(4900, m.matrixRows());
    assertEquals(39, m.rowBlocks());
    assertEquals(2, m.colBlocks()); // 128 weight columns × 2 physical columns each
    assertEquals(78, m.crossbars());
    assertEquals(49, m.vectorsPerImage());
    assertEquals(4900L * 128 * 2 / (78.0 * 128 * 128), m.cellUtilisation(), 1e-12);
  }

  @Test
  void biasRowAndReferenceSchemeChangeTheBlocks() {
    ConvGeometry g = ConvGeometry.conv(8, 127, 4, 1, 0, 8, 8); // 128 matrix rows
    MappingOptions o =
        new MappingOptions(
            128,
            128,
            WeightScheme.OFFSET_REFERENCE,
            BiasMode.BIAS_ROW,
            PartialSums.DIGITAL,
            Map.of("d1", 3));
    LayerMapping m = new DenseMapping().map("d1", g, o);
    assertEquals(129, m.matrixRows());
    assertEquals(2, m.rowBlocks());
    assertEquals(1, m.colBlocks()); // 127 columns + 1 reference
    assertEquals(6, m.crossbars());
    assertEquals(128L * 128 + 1L * 128, m.cellsUsed());
  }

  @Test
  void inputRowsNeededByATransposedOutputRow() {
    ConvGeometry g = ConvGeometry.transposed(128, 64, 4, 2, 1, 0, 7, 7);
    // output row 0 taps zero-inserted rows -2..1 -> original row 0 only
    assertEquals(0, g.inputRowsNeeded(0)[0]);
    assertEquals(0, g.inputRowsNeeded(0)[1]);
    // output row 5 taps positions 3..6 -> original rows 2 and 3
    assertEquals(2, g.inputRowsNeeded(5)[0]);
    assertEquals(3, g.inputRowsNeeded(5)[1]);
  }
}
