package dev.spinsim.devices.crossbar;

/**
 * Subset sums of an array's read matrix for bit cycles whose row drives are 0 or 1 (1-bit slices):
 * rows are taken in groups of {@link #GROUP_ROWS}, and for each group and each of its {@link
 * #PATTERNS} drive patterns p (bit r of p: row 4g + r driven) the table holds the sum of the driven
 * rows' read-matrix rows — the effective weights and, when the array is noisy, their noise
 * variances σ²·ΣG² (a 0/1 drive squares to itself, so the variance sums are subset sums too). A
 * cycle's column sums are then one table row per group with a driven row, instead of one
 * multiply-add per driven row: Σ_g T[g][p_g] (the scalar and the Vector API loops add the same rows
 * in the same order, ascending groups, so they give the same bits). The idea is the "method of four
 * Russians" table lookup (Arlazarov et al., 1970) applied to a binary-by-real product.
 *
 * <p>Entry p of group g is entry p − 2^t plus row 4g + t, t the highest set bit of p (entry 0 is
 * zero), so the sums are fixed at programming time and never depend on the reads. Shape: {@code
 * ⌈rows / 4⌉ · 16} rows of {@code rowLength} floats, entry (g, p) at row {@code 16g + p}: four
 * times the read matrix. Built on first use (arrays in column stacks and narrow arrays never read
 * through it) and shared by an array and its {@linkplain Crossbar#readView() read views}.
 */
final class SubsetSums {
  /** Rows per group. */
  static final int GROUP_ROWS = 4;

  /** Drive patterns per group (entries of a group's table). */
  static final int PATTERNS = 1 << GROUP_ROWS;

  /**
   * The largest table an array builds, bytes (1 MiB: a 512-row array of 64 noisy weight columns);
   * larger arrays read row by row.
   */
  static final long LIMIT_BYTES = 1L << 20;

  private final float[] matrix;
  private final int rows;
  private final int rowLength;
  private volatile float[] table;

  SubsetSums(float[] matrix, int rows, int rowLength) {
    this.matrix = matrix;
    this.rows = rows;
    this.rowLength = rowLength;
  }

  /**
   * Bytes of the table of an array of {@code rows} used rows and {@code rowLength} floats a row.
   */
  static long bytes(int rows, int rowLength) {
    return (long) (rows + GROUP_ROWS - 1) / GROUP_ROWS * PATTERNS * rowLength * Float.BYTES;
  }

  /** Floats per table row (the read matrix's row length). */
  int rowLength() {
    return rowLength;
  }

  /** The table (built on the first call, by whichever thread comes first; same contents). */
  float[] table() {
    float[] t = table;
    if (t == null) {
      synchronized (this) {
        t = table;
        if (t == null) {
          t = build();
          table = t;
        }
      }
    }
    return t;
  }

  private float[] build() {
    int groups = (rows + GROUP_ROWS - 1) / GROUP_ROWS;
    float[] t = new float[groups * PATTERNS * rowLength];
    for (int g = 0; g < groups; g++) {
      for (int p = 1; p < PATTERNS; p++) {
        int top = 31 - Integer.numberOfLeadingZeros(p);
        int row = g * GROUP_ROWS + top;
        int base = (g * PATTERNS + (p ^ (1 << top))) * rowLength;
        int dst = (g * PATTERNS + p) * rowLength;
        if (row < rows) {
          int src = row * rowLength;
          for (int c = 0; c < rowLength; c++) {
            t[dst + c] = t[base + c] + matrix[src + c];
          }
        } else {
          System.arraycopy(t, base, t, dst, rowLength); // past the used rows: never driven
        }
      }
    }
    return t;
  }
}
