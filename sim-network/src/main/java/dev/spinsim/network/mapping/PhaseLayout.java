package dev.spinsim.network.mapping;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.math.IntMath;
import java.math.RoundingMode;
import java.util.Arrays;

/**
 * How a layer's output map is computed as crossbar matrix–vector products: the phases
 * (sub-matrices) stacked into one matrix, the crossbar row blocks each phase occupies, the phase
 * every input vector reads and where the vector's columns land in the output map.
 *
 * <p>Three forms:
 *
 * <ul>
 *   <li>{@link Form#ZERO_INSERTED} — the paper's: one phase, the {@code k²·C_in × C_out} im2col
 *       matrix of the zero-padded convolution, one vector per output pixel (inserted zeros and
 *       padding included).
 *   <li>{@link Form#SUB_PIXEL} — the polyphase (sub-pixel) decomposition of a stride-s transposed
 *       convolution (Shi et al., CVPR 2016, "Real-time single image and video super-resolution
 *       using an efficient sub-pixel convolutional neural network"; the same split GAN accelerators
 *       use, e.g. ZARA, DAC 2019): along an axis output position {@code o} of the zero-padded
 *       convolution reads an original pixel only at the kernel taps {@code kk ≡ (k−1−p) − o (mod
 *       s)}, so the outputs fall into s residue classes per axis, and class {@code t} is a stride-1
 *       convolution with the sub-kernel of taps {@code t, t+s, t+2s, … < k} ({@code ⌈(k−t)/s⌉} of
 *       them; none when {@code t ≥ k}). Each of the (up to) s² classes (ty, tx) is a phase with its
 *       own {@code C_in·n_ty·n_tx × C_out} matrix on its own crossbars; its vectors are the output
 *       pixels of that class, so their results interleave into the output map. No inserted zero is
 *       stored, fetched, driven or converted; only the border taps that fall outside the input
 *       (padding) remain.
 *   <li>{@link Form#SINGLE_PIXEL} — a transposed convolution of a 1×1 input: every output pixel
 *       reads the same C_in values, so the layer is one dense {@code C_in × C_out·H_out·W_out}
 *       matrix read by one vector per image (column {@code co·H_out·W_out + pixel}).
 * </ul>
 *
 * <p>Every phase starts on a fresh crossbar row block ({@code ⌈rows/R⌉} blocks each): a crossbar
 * drives one input vector at a time, so phases sharing a crossbar would serialise, and packing two
 * phases into one crossbar without mixing their column currents needs block-diagonal placement,
 * which fits only when two phases' rows together fit in R — never for the shipped models, whose
 * smallest phase has 256 rows.
 */
public final class PhaseLayout {
  /** The three ways a layer is lowered onto matrices. */
  public enum Form {
    ZERO_INSERTED,
    SUB_PIXEL,
    SINGLE_PIXEL
  }

  private final ConvGeometry g;
  private final Form form;
  private final boolean biasRow;
  private final int crossbarRows;
  private final int cols;

  /** Per phase: first tap and number of taps along y and x; tap spacing is {@link #step}. */
  private final int[] ty0;

  private final int[] ny;
  private final int[] tx0;
  private final int[] nx;
  private final int step;

  /** Stacked-matrix rows of phase ph: {@code [rowStart[ph], rowStart[ph+1])} (bias row last). */
  private final int[] rowStart;

  /** Crossbar row blocks of phase ph: {@code [blockStart[ph], blockStart[ph+1])}. */
  private final int[] blockStart;

  /** Phase of every row block. */
  private final int[] blockPhase;

  /** Phase read by every vector. */
  private final int[] vectorPhase;

  /** Vectors per image of every phase. */
  private final long[] phaseVectors;

  private PhaseLayout(ConvGeometry g, Form form, boolean biasRow, int crossbarRows) {
    checkArgument(crossbarRows > 0, "crossbar rows must be positive, got %s", crossbarRows);
    checkArgument(
        form != Form.SINGLE_PIXEL || g.transposed() && g.inHeight() == 1 && g.inWidth() == 1,
        "the single-pixel form needs a transposed convolution of a 1x1" + " input, got %s",
        g);
    this.g = g;
    this.form = form;
    this.biasRow = biasRow;
    this.crossbarRows = crossbarRows;
    int k = g.kernel();
    int oh = g.outHeight();
    int ow = g.outWidth();
    int extra = biasRow ? 1 : 0;
    switch (form) {
      case ZERO_INSERTED, SINGLE_PIXEL -> {
        step = 1;
        ty0 = new int[] {0};
        tx0 = new int[] {0};
        ny = new int[] {k};
        nx = new int[] {k};
        int rows = form == Form.ZERO_INSERTED ? g.matrixRows() : g.inChannels();
        rowStart = new int[] {0, rows + extra};
        int vectors = form == Form.ZERO_INSERTED ? oh * ow : 1;
        vectorPhase = new int[vectors];
        phaseVectors = new long[] {vectors};
        cols = form == Form.ZERO_INSERTED ? g.outChannels() : g.outChannels() * oh * ow;
      }
      case SUB_PIXEL -> {
        checkArgument(g.transposed(), "the sub-pixel form needs a transposed convolution");
        int s = g.stride();
        step = s;
        // residue classes that occur, in increasing order
        boolean[] occursY = new boolean[s];
        boolean[] occursX = new boolean[s];
        for (int o = 0; o < oh; o++) {
          occursY[residue(o)] = true;
        }
        for (int o = 0; o < ow; o++) {
          occursX[residue(o)] = true;
        }
        int[] phaseOfPair = new int[s * s];
        Arrays.fill(phaseOfPair, -1);
        int n = 0;
        for (int a = 0; a < s; a++) {
          for (int b = 0; b < s; b++) {
            if (occursY[a] && occursX[b]) {
              phaseOfPair[a * s + b] = n++;
            }
          }
        }
        ty0 = new int[n];
        tx0 = new int[n];
        ny = new int[n];
        nx = new int[n];
        rowStart = new int[n + 1];
        for (int a = 0; a < s; a++) {
          for (int b = 0; b < s; b++) {
            int ph = phaseOfPair[a * s + b];
            if (ph >= 0) {
              ty0[ph] = a;
              tx0[ph] = b;
              ny[ph] = taps(a);
              nx[ph] = taps(b);
              rowStart[ph + 1] = g.inChannels() * ny[ph] * nx[ph] + extra;
            }
          }
        }
        for (int ph = 0; ph < n; ph++) {
          rowStart[ph + 1] += rowStart[ph];
        }
        vectorPhase = new int[oh * ow];
        phaseVectors = new long[n];
        for (int oy = 0; oy < oh; oy++) {
          for (int ox = 0; ox < ow; ox++) {
            int ph = phaseOfPair[residue(oy) * s + residue(ox)];
            vectorPhase[oy * ow + ox] = ph;
            phaseVectors[ph]++;
          }
        }
        cols = g.outChannels();
      }
      default -> throw new AssertionError(form);
    }
    int phases = rowStart.length - 1;
    blockStart = new int[phases + 1];
    for (int ph = 0; ph < phases; ph++) {
      int rows = rowStart[ph + 1] - rowStart[ph];
      blockStart[ph + 1] =
          blockStart[ph] + IntMath.divide(rows, crossbarRows, RoundingMode.CEILING);
    }
    blockPhase = new int[blockStart[phases]];
    for (int ph = 0; ph < phases; ph++) {
      Arrays.fill(blockPhase, blockStart[ph], blockStart[ph + 1], ph);
    }
  }

  /** The paper's zero-padded convolution: one im2col phase. */
  public static PhaseLayout zeroInserted(ConvGeometry g, boolean biasRow, int crossbarRows) {
    return new PhaseLayout(g, Form.ZERO_INSERTED, biasRow, crossbarRows);
  }

  /**
   * The zero-free form of a layer: a transposed convolution of a 1×1 input becomes one dense
   * matrix, any other transposed convolution its s² sub-pixel phases; a convolution (which inserts
   * no zeros) stays one im2col phase, and so does a degenerate transposed convolution whose every
   * output is its bias alone (no kernel tap reaches an input pixel).
   */
  public static PhaseLayout zeroFree(ConvGeometry g, boolean biasRow, int crossbarRows) {
    boolean anyTap = g.macsPerformed() > g.zeroMacs(); // else every output is its bias alone
    Form f =
        !g.transposed() || !anyTap
            ? Form.ZERO_INSERTED
            : g.inHeight() == 1 && g.inWidth() == 1 ? Form.SINGLE_PIXEL : Form.SUB_PIXEL;
    return new PhaseLayout(g, f, biasRow, crossbarRows);
  }

  /** Residue class of output position {@code o} along an axis: its first live kernel tap. */
  private int residue(int o) {
    return Math.floorMod(g.convPadLow() - o, g.stride());
  }

  /** Kernel taps of residue class {@code t}: {@code t, t+s, … < k}. */
  private int taps(int t) {
    return t < g.kernel() ? (g.kernel() - 1 - t) / g.stride() + 1 : 0;
  }

  public Form form() {
    return form;
  }

  public ConvGeometry geometry() {
    return g;
  }

  public int phases() {
    return rowStart.length - 1;
  }

  /** Rows of the stacked matrix: every phase's weight rows, each followed by its bias row. */
  public int matrixRows() {
    return rowStart[phases()];
  }

  public int matrixCols() {
    return cols;
  }

  /** Input vectors per image. */
  public int vectorsPerImage() {
    return vectorPhase.length;
  }

  public int phaseOf(int vector) {
    return vectorPhase[vector];
  }

  /** Vectors per image that read phase {@code ph}. */
  public long vectorsOfPhase(int ph) {
    return phaseVectors[ph];
  }

  /** First stacked-matrix row of phase {@code ph}. */
  public int firstRow(int ph) {
    return rowStart[ph];
  }

  /** Stacked-matrix rows of phase {@code ph} (its bias row included). */
  public int rows(int ph) {
    return rowStart[ph + 1] - rowStart[ph];
  }

  /** The stacked-matrix row holding phase {@code ph}'s bias, or -1 without a bias row. */
  public int biasRow(int ph) {
    return biasRow ? rowStart[ph + 1] - 1 : -1;
  }

  /** Crossbar row blocks in all (every phase on its own blocks). */
  public int rowBlocks() {
    return blockPhase.length;
  }

  /** First row block of phase {@code ph}. */
  public int firstBlock(int ph) {
    return blockStart[ph];
  }

  /** Row blocks of phase {@code ph} (0 for a phase with no rows). */
  public int blocks(int ph) {
    return blockStart[ph + 1] - blockStart[ph];
  }

  /** The most row blocks any phase has: the depth of the digital partial-sum tree. */
  public int maxBlocks() {
    int m = 0;
    for (int ph = 0; ph < phases(); ph++) {
      m = Math.max(m, blocks(ph));
    }
    return m;
  }

  /** The phase row block {@code rb} belongs to. */
  public int phaseOfBlock(int rb) {
    return blockPhase[rb];
  }

  /** First stacked-matrix row of row block {@code rb}. */
  public int firstRowOfBlock(int rb) {
    int ph = blockPhase[rb];
    return rowStart[ph] + (rb - blockStart[ph]) * crossbarRows;
  }

  /** Stacked-matrix rows held by row block {@code rb}. */
  public int rowsInBlock(int rb) {
    int ph = blockPhase[rb];
    return Math.min(crossbarRows, rowStart[ph + 1] - firstRowOfBlock(rb));
  }

  /** True when one vector computes the whole output map (the single-pixel form). */
  public boolean coversAllPixels() {
    return form == Form.SINGLE_PIXEL;
  }

  /** First vector of output row {@code r}. */
  public int firstVectorOfRow(int r) {
    return form == Form.SINGLE_PIXEL ? 0 : r * g.outWidth();
  }

  /** Vectors issued for output row {@code r} (the single vector goes with row 0). */
  public int vectorsInRow(int r) {
    return form == Form.SINGLE_PIXEL ? (r == 0 ? 1 : 0) : g.outWidth();
  }

  /** Index into the output map {@code C_out×H×W} of column {@code c} of vector {@code v}. */
  public int outputIndex(int v, int c) {
    return form == Form.SINGLE_PIXEL ? c : c * vectorPhase.length + v;
  }

  /** Output channel of column {@code c} (whose bias and batchnorm it takes). */
  public int channelOf(int c) {
    return form == Form.SINGLE_PIXEL ? c / (g.outHeight() * g.outWidth()) : c;
  }

  /** Original input values vector {@code v} reads: what its buffer fetch delivers. */
  public int liveInputs(int v) {
    if (form == Form.SINGLE_PIXEL) {
      return g.inChannels();
    }
    int ow = g.outWidth();
    return g.liveInputs(v / ow, v % ow);
  }

  /** Multiply-accumulates the crossbars perform per image (bias rows excluded). */
  public long macsPerformed() {
    long macs = 0;
    int extra = biasRow ? 1 : 0;
    for (int ph = 0; ph < phases(); ph++) {
      macs += phaseVectors[ph] * (rows(ph) - extra) * (long) cols;
    }
    return macs;
  }

  /**
   * Performed MACs whose input is an inserted zero or padding. The single-pixel form has none: its
   * one vector is the input itself (output pixels no kernel tap reaches, possible only when
   * output_padding > padding, hold zero weights, not zero inputs).
   */
  public long zeroMacs() {
    return switch (form) {
      case ZERO_INSERTED -> g.zeroMacs();
      case SUB_PIXEL -> macsPerformed() - (g.macsPerformed() - g.zeroMacs());
      case SINGLE_PIXEL -> 0;
    };
  }

  /** Performed MACs on zeros inserted between input pixels: 0 in every form but the paper's. */
  public long insertedZeroMacs() {
    return form == Form.ZERO_INSERTED ? g.insertedZeroMacs() : 0;
  }

  /**
   * The stacked weight matrix (row-major, {@link #matrixRows()} × {@link #matrixCols()}) built from
   * the layer's zero-padded-convolution im2col matrix ({@code k²·C_in × C_out}, batchnorm already
   * folded, see {@link CrossbarIm2col#weightMatrix}); a bias row holds {@code bias / inputScale}.
   */
  public float[] matrix(float[] im2col, float[] bias, double inputScale) {
    int cout = g.outChannels();
    int k = g.kernel();
    checkArgument(
        im2col.length == g.matrixRows() * cout,
        "im2col matrix has %s values," + " expected %s",
        im2col.length,
        g.matrixRows() * cout);
    float[] m = new float[matrixRows() * cols];
    if (form == Form.SINGLE_PIXEL) {
      int oh = g.outHeight();
      int ow = g.outWidth();
      int pixels = oh * ow;
      for (int ci = 0; ci < g.inChannels(); ci++) {
        for (int oy = 0; oy < oh; oy++) {
          int ky = g.convPadLow() - oy; // the tap that reads input row 0
          for (int ox = 0; ox < ow; ox++) {
            int kx = g.convPadLow() - ox;
            if (ky < 0 || ky >= k || kx < 0 || kx >= k) {
              continue; // no tap reaches this pixel: bias only
            }
            int src = ((ci * k + ky) * k + kx) * cout;
            for (int co = 0; co < cout; co++) {
              m[ci * cols + co * pixels + oy * ow + ox] = im2col[src + co];
            }
          }
        }
      }
    } else {
      for (int ph = 0; ph < phases(); ph++) {
        int row = rowStart[ph];
        for (int ci = 0; ci < g.inChannels(); ci++) {
          for (int jy = 0; jy < ny[ph]; jy++) {
            for (int jx = 0; jx < nx[ph]; jx++) {
              int src = (ci * k + ty0[ph] + step * jy) * k + tx0[ph] + step * jx;
              System.arraycopy(im2col, src * cout, m, row * cols, cout);
              row++;
            }
          }
        }
      }
    }
    if (biasRow) {
      for (int ph = 0; ph < phases(); ph++) {
        int r = biasRow(ph);
        for (int c = 0; c < cols; c++) {
          m[r * cols + c] = (float) (bias[channelOf(c)] / inputScale);
        }
      }
    }
    return m;
  }

  /**
   * Writes the inputs vector {@code v} drives into its phase's rows of {@code vector} (length
   * {@link #matrixRows()}; the caller zeroes it and sets the bias row); reads {@code input} ({@code
   * C_in×H×W}). Returns the rows that read an original pixel.
   */
  public int gather(float[] input, int v, float[] vector) {
    if (form == Form.ZERO_INSERTED) {
      int ow = g.outWidth();
      return CrossbarIm2col.gather(g, input, v / ow, v % ow, vector);
    }
    if (form == Form.SINGLE_PIXEL) {
      System.arraycopy(input, 0, vector, 0, g.inChannels());
      return g.inChannels();
    }
    int ph = vectorPhase[v];
    int ow = g.outWidth();
    int oy = v / ow;
    int ox = v % ow;
    int h = g.inHeight();
    int w = g.inWidth();
    int row = rowStart[ph];
    int live = 0;
    for (int ci = 0; ci < g.inChannels(); ci++) {
      int plane = ci * h * w;
      for (int jy = 0; jy < ny[ph]; jy++) {
        int sy = g.sourceIndex(oy, ty0[ph] + step * jy, h);
        for (int jx = 0; jx < nx[ph]; jx++) {
          int sx = sy < 0 ? -1 : g.sourceIndex(ox, tx0[ph] + step * jx, w);
          if (sx >= 0) {
            vector[row] = input[plane + sy * w + sx];
            live++;
          }
          row++;
        }
      }
    }
    return live;
  }

  /**
   * The non-zero inputs vector {@code v} drives, as a sparse list: {@code rows[k]} (ascending, in
   * the numbering of {@link #gather}) holds {@code values[k]}, k in [0, returned count); the same
   * inputs as {@link #gather} without visiting the rows that read an inserted zero or padding
   * (their taps are found once per output pixel) and without the zero pixels. The bias row is not
   * included. {@code rows} and {@code values} must hold {@link #matrixRows()} entries.
   */
  public int gatherNonZero(float[] input, int v, int[] rows, float[] values) {
    int[] tapRow = new int[maxTaps()];
    int[] tapSource = new int[maxTaps()];
    return gatherNonZero(input, v, taps(v, tapRow, tapSource), tapRow, tapSource, rows, values);
  }

  /** Entries the tap arrays of {@link #taps} must hold: the kernel's taps. */
  public int maxTaps() {
    return g.kernel() * g.kernel();
  }

  /**
   * The taps of vector {@code v}'s output pixel that read an original pixel (not an inserted zero,
   * not padding), for {@link #gatherNonZero(float[], int, int, int[], int[], int[], float[])}: tap
   * t is row {@code tapRow[t]} of each input channel's rows and reads source offset {@code
   * tapSource[t]} of the channel's plane, t in [0, returned count), rows ascending. The same for
   * every image, so a caller gathering a vector of several images finds them once. 0 for a
   * single-pixel layer (its vector reads every channel's one pixel).
   */
  public int taps(int v, int[] tapRow, int[] tapSource) {
    if (form == Form.SINGLE_PIXEL) {
      return 0;
    }
    int ow = g.outWidth();
    int oy = v / ow;
    int ox = v % ow;
    int h = g.inHeight();
    int w = g.inWidth();
    int ph = form == Form.ZERO_INSERTED ? 0 : vectorPhase[v];
    int kyCount = form == Form.ZERO_INSERTED ? g.kernel() : ny[ph];
    int kxCount = form == Form.ZERO_INSERTED ? g.kernel() : nx[ph];
    int taps = 0;
    for (int jy = 0; jy < kyCount; jy++) {
      int sy =
          form == Form.ZERO_INSERTED
              ? g.sourceIndex(oy, jy, h)
              : g.sourceIndex(oy, ty0[ph] + step * jy, h);
      if (sy < 0) {
        continue;
      }
      for (int jx = 0; jx < kxCount; jx++) {
        int sx =
            form == Form.ZERO_INSERTED
                ? g.sourceIndex(ox, jx, w)
                : g.sourceIndex(ox, tx0[ph] + step * jx, w);
        if (sx >= 0) {
          tapRow[taps] = jy * kxCount + jx;
          tapSource[taps] = sy * w + sx;
          taps++;
        }
      }
    }
    return taps;
  }

  /**
   * As {@link #gatherNonZero(float[], int, int[], float[])} with vector {@code v}'s {@code taps}
   * taps found by {@link #taps}.
   */
  public int gatherNonZero(
      float[] input, int v, int taps, int[] tapRow, int[] tapSource, int[] rows, float[] values) {
    int count = 0;
    if (form == Form.SINGLE_PIXEL) {
      for (int ci = 0; ci < g.inChannels(); ci++) {
        float x = input[ci];
        rows[count] = ci;
        values[count] = x;
        count += x != 0f ? 1 : 0;
      }
      return count;
    }
    int ph = form == Form.ZERO_INSERTED ? 0 : vectorPhase[v];
    int base = form == Form.ZERO_INSERTED ? 0 : rowStart[ph];
    int rowsPerChannel = form == Form.ZERO_INSERTED ? g.kernel() * g.kernel() : ny[ph] * nx[ph];
    int plane = g.inHeight() * g.inWidth();
    for (int ci = 0; ci < g.inChannels(); ci++) {
      int p0 = ci * plane;
      int row0 = base + ci * rowsPerChannel;
      for (int t = 0; t < taps; t++) {
        float x = input[p0 + tapSource[t]];
        rows[count] = row0 + tapRow[t];
        values[count] = x;
        count += x != 0f ? 1 : 0;
      }
    }
    return count;
  }
}
