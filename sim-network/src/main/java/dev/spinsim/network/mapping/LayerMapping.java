package dev.spinsim.network.mapping;

/**
 * How one layer occupies crossbars: the im2col matrix, its split into row and column blocks, and
 * the work it costs per image. Row-major block order: crossbar {@code (rb, cb)} holds matrix rows
 * {@code [rb·R, min((rb+1)·R, rows))} and logical columns {@code [cb·L, min((cb+1)·L, cols))}
 * where L is the logical columns per crossbar.
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
    long zeroMacs) {

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
    return (double) cellsUsed / cellsAvailable;
  }

  /** Fraction of the performed MACs that multiply an inserted zero or padding. */
  public double zeroFraction() {
    return macsPerformed == 0 ? 0 : (double) zeroMacs / macsPerformed;
  }

  /** Matrix rows held by row block {@code rb}. */
  public int rowsInBlock(int rb) {
    return Math.min(crossbarRows, matrixRows - rb * crossbarRows);
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
