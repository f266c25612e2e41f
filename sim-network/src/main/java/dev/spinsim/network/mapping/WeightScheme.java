package dev.spinsim.network.mapping;

/** How a signed weight occupies physical crossbar columns. */
public enum WeightScheme {
  /** Two columns per weight, G+ − G−, subtracted before conversion. */
  DIFFERENTIAL,
  /** One column per weight around a mid-level offset, minus one reference column per crossbar. */
  OFFSET_REFERENCE;

  /** Logical weight columns that fit into a crossbar of {@code physicalColumns}. */
  int logicalColumnsPerCrossbar(int physicalColumns) {
    return this == DIFFERENTIAL ? physicalColumns / 2 : physicalColumns - 1;
  }

  /** Physical cells a block of {@code rows} × {@code logicalCols} weights occupies. */
  long cellsUsed(int rows, int logicalCols) {
    return this == DIFFERENTIAL ? 2L * rows * logicalCols : (long) rows * (logicalCols + 1);
  }
}
