package dev.spinsim.network.mapping;

import com.google.common.math.IntMath;
import java.math.RoundingMode;

/**
 * How one layer occupies crossbars: the (stacked) matrix its phases form, the split into row and
 * column blocks, and the work it costs per image. Row-major block order: crossbar {@code (rb, cb)}
 * holds the rows of row block {@code rb} ({@link PhaseLayout#firstRowOfBlock}; every phase starts a
 * new block) and logical columns {@code [cb·L, min((cb+1)·L, cols))} where L is the logical columns
 * per crossbar.
 *
 * @param strategy the strategy's name, e.g. {@code dense} or {@code sub-pixel}
 * @param macsPerformed multiply-accumulates the crossbars perform per image
 * @param zeroMacs of those, MACs whose input is an inserted zero or padding
 * @param insertedZeroMacs of those, MACs on zeros inserted between input pixels (0 unless the
 *     strategy keeps the zero-insertion rewrite)
 * @param layout the phases, vectors and row blocks
 */
public record LayerMapping(
    String layer,
    ConvGeometry geometry,
    String strategy,
    WeightScheme scheme,
    int matrixRows,
    int matrixCols,
    int crossbarRows,
    int logicalColsPerCrossbar,
    int rowBlocks,
    int colBlocks,
    int replication,
    long cellsUsed,
    long cellsAvailable,
    long vectorsPerImage,
    long macsPerformed,
    long zeroMacs,
    long insertedZeroMacs,
    PhaseLayout layout) {

  /** Places {@code layout} on the crossbars {@code o} describes. */
  static LayerMapping place(String layer, String strategy, PhaseLayout layout, MappingOptions o) {
    int cols = layout.matrixCols();
    int logicalPerXbar = o.scheme().logicalColumnsPerCrossbar(o.crossbarCols());
    int rowBlocks = layout.rowBlocks();
    int colBlocks = IntMath.divide(cols, logicalPerXbar, RoundingMode.CEILING);
    long used = 0;
    for (int rb = 0; rb < rowBlocks; rb++) {
      int r = layout.rowsInBlock(rb);
      for (int cb = 0; cb < colBlocks; cb++) {
        int c = Math.min(logicalPerXbar, cols - cb * logicalPerXbar);
        used += o.scheme().cellsUsed(r, c);
      }
    }
    long available = (long) rowBlocks * colBlocks * o.crossbarRows() * o.crossbarCols();
    return new LayerMapping(
        layer,
        layout.geometry(),
        strategy,
        o.scheme(),
        layout.matrixRows(),
        cols,
        o.crossbarRows(),
        logicalPerXbar,
        rowBlocks,
        colBlocks,
        o.replicationOf(layer),
        used,
        available,
        layout.vectorsPerImage(),
        layout.macsPerformed(),
        layout.zeroMacs(),
        layout.insertedZeroMacs(),
        layout);
  }

  /** Crossbars holding one copy of the layer. */
  public int crossbarsPerCopy() {
    return rowBlocks * colBlocks;
  }

  /** Crossbars including replicated copies. */
  public int crossbars() {
    return crossbarsPerCopy() * replication;
  }

  /** Fraction of the allocated cells that hold a weight (or reference) value. */
  public double cellUtilisation() {
    return cellsAvailable == 0 ? 0 : (double) cellsUsed / cellsAvailable;
  }

  /** Fraction of the performed MACs that multiply an inserted zero or padding. */
  public double zeroFraction() {
    return macsPerformed == 0 ? 0 : (double) zeroMacs / macsPerformed;
  }

  /** Crossbar reads (of all bit cycles as one) per image: each vector reads its phase's blocks. */
  public long crossbarReadsPerImage() {
    long reads = 0;
    for (int ph = 0; ph < layout.phases(); ph++) {
      reads += layout.vectorsOfPhase(ph) * layout.blocks(ph) * colBlocks;
    }
    return reads;
  }

  /** Matrix rows held by row block {@code rb}. */
  public int rowsInBlock(int rb) {
    return layout.rowsInBlock(rb);
  }

  /** Physical columns a block of {@code logicalCols} weight columns occupies. */
  public int physicalCols(int logicalCols) {
    return scheme == WeightScheme.DIFFERENTIAL ? 2 * logicalCols : logicalCols + 1;
  }

  /** Logical columns held by column block {@code cb}. */
  public int colsInBlock(int cb) {
    return Math.min(logicalColsPerCrossbar, matrixCols - cb * logicalColsPerCrossbar);
  }
}
