package dev.spinsim.network.mapping;

/**
 * The paper's mapping: every layer, transposed convolutions included after the zero-insertion
 * rewrite, becomes one dense im2col matrix (k²·C_in rows × C_out columns) cut into crossbar
 * blocks; inserted zeros are fed to the crossbar like any other input.
 */
public final class DenseMapping implements MappingStrategy {
  @Override
  public String name() {
    return "dense";
  }

  @Override
  public LayerMapping map(String layer, ConvGeometry g, MappingOptions o) {
    int rows = g.matrixRows() + (o.biasMode() == BiasMode.BIAS_ROW ? 1 : 0);
    int cols = g.matrixCols();
    int logicalPerXbar = o.scheme().logicalColumnsPerCrossbar(o.crossbarCols());
    int rowBlocks = ceilDiv(rows, o.crossbarRows());
    int colBlocks = ceilDiv(cols, logicalPerXbar);
    long used = 0;
    for (int rb = 0; rb < rowBlocks; rb++) {
      int r = Math.min(o.crossbarRows(), rows - rb * o.crossbarRows());
      for (int cb = 0; cb < colBlocks; cb++) {
        int c = Math.min(logicalPerXbar, cols - cb * logicalPerXbar);
        used += o.scheme().cellsUsed(r, c);
      }
    }
    long available = (long) rowBlocks * colBlocks * o.crossbarRows() * o.crossbarCols();
    return new LayerMapping(layer, g, name(), o.scheme(), rows, cols, o.crossbarRows(), logicalPerXbar,
        rowBlocks, colBlocks, o.replicationOf(layer), used, available, g.vectorsPerImage(),
        g.macsPerformed(), g.zeroMacs());
  }

  static int ceilDiv(int a, int b) {
    return (a + b - 1) / b;
  }
}
