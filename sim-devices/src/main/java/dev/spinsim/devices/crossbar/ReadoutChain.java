package dev.spinsim.devices.crossbar;

import com.google.common.base.Preconditions;
import dev.spinsim.devices.converter.Adc;
import dev.spinsim.devices.converter.Dac;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A crossbar — or a column stack of crossbars whose column currents are summed on shared bit
 * lines — with its readout: inputs quantised to {@code inputBits}, applied bit-serially through
 * the DAC when it has fewer bits than the input, each cycle's column values sampled (S+H),
 * converted by the shared ADCs (clipping + quantisation) and shifted-and-added into the result.
 * With an ideal DAC and ADC and a noiseless continuous synapse it reproduces x·W exactly (to float
 * rounding). Outputs are in weight units for inputs normalised to [0, 1] (or [−1, 1] sign-split).
 *
 * <p>Each read counts the (row, bit cycle) pairs it drives with a non-zero slice, per crossbar of
 * the stack ({@link #drivenRowCycles(int)}): the data-dependent part of {@link ReadCounts}. A cycle
 * whose row drives are all zero is not simulated (its outputs are exactly zero, noise included);
 * its conversions are still counted, because the array is read and converted whatever it holds.
 * Not thread-safe: one chain per thread.
 */
public final class ReadoutChain {
  private final Crossbar crossbar;
  /** The crossbars of the stack, top to bottom (one for a plain read). */
  private final Crossbar[] stack;
  /** Per crossbar of the stack: its first row in the stack's row numbering, then the total. */
  private final int[] rowOffset;
  /** Driven (row, bit cycle) pairs of the last read, per crossbar of the stack. */
  private final long[] driven;
  private final int[] stackRows;
  private final float[] stackDrive;
  private final float[] stackColumns;
  private final Dac dac;
  private final Adc adc;
  private final ReadoutConfig config;
  private final int cyclesPerPass;
  private final int sliceBits;
  /** The driven rows of the current cycle and their drives (input-code units), ascending rows. */
  private final int[] activeRows;
  private final float[] drive;
  /** Per bit cycle of a pass: the rows it drives and their slices (bit-serial inputs). */
  private final int[][] cycleRows;
  private final float[][] cycleDrive;
  private final int[] cycleCount;
  private float[] columns;
  private double[] acc;
  private ReadCounts counts;
  private int countedRows = -1;
  private int countedColumns = -1;

  public ReadoutChain(Crossbar crossbar, Dac dac, Adc adc, ReadoutConfig config) {
    this(new Crossbar[] {crossbar}, dac, adc, config);
  }

  /**
   * A column stack: the crossbars' column currents are summed before one S+H and conversion per
   * column and bit cycle. The crossbars must be programmed with the same number of weight columns
   * before the first read; stack row {@code r} is row {@code r − offset} of the crossbar holding it.
   */
  public ReadoutChain(Crossbar[] stack, Dac dac, Adc adc, ReadoutConfig config) {
    Preconditions.checkArgument(stack != null && stack.length >= 1, "a stack needs at least one crossbar");
    this.stack = stack.clone();
    this.crossbar = Preconditions.checkNotNull(stack[0]);
    this.dac = Preconditions.checkNotNull(dac);
    this.adc = Preconditions.checkNotNull(adc);
    this.config = Preconditions.checkNotNull(config);
    this.cyclesPerPass = ReadCounts.cyclesPerPass(config.inputBits(), dac.bits());
    this.sliceBits = config.inputBits() == 0 ? 0 : ReadCounts.effectiveDacBits(config.inputBits(), dac.bits());
    int rows = 0;
    for (Crossbar x : stack) {
      Preconditions.checkArgument(x.readBufferLength() == crossbar.readBufferLength()
          && x.weightCapacity() == crossbar.weightCapacity(), "the crossbars of a stack must have the same columns");
      rows += x.rows();
    }
    this.rowOffset = new int[stack.length + 1];
    this.driven = new long[stack.length];
    this.activeRows = new int[rows];
    this.drive = new float[rows];
    this.cycleRows = new int[cyclesPerPass][rows];
    this.cycleDrive = new float[cyclesPerPass][rows];
    this.cycleCount = new int[cyclesPerPass];
    this.stackRows = stack.length == 1 ? null : new int[rows];
    this.stackDrive = stack.length == 1 ? null : new float[rows];
    this.stackColumns = stack.length == 1 ? null : new float[crossbar.readBufferLength()];
    this.columns = new float[crossbar.readBufferLength()];
    this.acc = new double[crossbar.weightCapacity()];
  }

  /** The (first) crossbar of the chain. */
  public Crossbar crossbar() {
    return crossbar;
  }

  /** Crossbars in the column stack (1 for a plain read). */
  public int stackHeight() {
    return stack.length;
  }

  /** Crossbar {@code k} of the stack, top first. */
  public Crossbar crossbar(int k) {
    return stack[k];
  }

  /** Rows holding weights in the whole stack. */
  public int usedRows() {
    int n = 0;
    for (Crossbar x : stack) {
      n += x.usedRows();
    }
    return n;
  }

  /** Driven (row, bit cycle) pairs of the last read on crossbar {@code k} of the stack. */
  public long drivenRowCycles(int k) {
    return driven[k];
  }

  /** Driven (row, bit cycle) pairs of the last read on the whole stack. */
  public long drivenRowCycles() {
    long n = 0;
    for (long d : driven) {
      n += d;
    }
    return n;
  }

  public Dac dac() {
    return dac;
  }

  public Adc adc() {
    return adc;
  }

  public ReadoutConfig config() {
    return config;
  }

  /**
   * The closed-form action counts of one read of the programmed region with every row driven in
   * every bit cycle; a read's own counts are {@code counts().withDrivenRowCycles(drivenRowCycles())}.
   */
  public ReadCounts counts() {
    if (counts == null || countedRows != usedRows() || countedColumns != crossbar.usedColumns()) {
      int offset = 0;
      for (int k = 0; k < stack.length; k++) {
        Preconditions.checkState(stack[k].usedRows() > 0, "crossbar is not programmed");
        Preconditions.checkState(stack[k].usedColumns() == crossbar.usedColumns(),
            "the crossbars of a stack must hold the same weight columns, got %s and %s",
            stack[k].usedColumns(), crossbar.usedColumns());
        rowOffset[k] = offset;
        offset += stack[k].usedRows();
      }
      rowOffset[stack.length] = offset;
      countedRows = offset;
      countedColumns = crossbar.usedColumns();
      counts = ReadCounts.of(countedRows, countedColumns, crossbar.usedPhysicalColumns(), config.inputBits(),
          dac.bits(), config.inputEncoding(), config.columnsPerAdc());
    }
    return counts;
  }

  /** Phase times of one read. */
  public ReadTiming timing() {
    ReadCounts c = counts();
    return new ReadTiming(config.dacNs(), crossbar.config().readTimeNs(), config.sampleHoldNs(),
        c.conversionsPerAdcPerCycle() * adc.conversionTimeNs(), config.shiftAddNs(), c.bitCycles());
  }

  /** ADC full scale of one cycle, in weight × input-code units (the whole stack's rows). */
  public double adcFullScale() {
    double maxSlice = config.inputBits() == 0 ? 1.0 : (1 << sliceBits) - 1;
    return config.adcFullScaleFraction() * usedRows() * maxSlice;
  }

  /**
   * Reads y_j = Σ_i x_i·w_ij through the chain into {@code out[0..usedColumns)} and returns the
   * action counts of the read, its driven rows included.
   */
  public ReadCounts read(double[] x, double[] out) {
    return counts().withDrivenRowCycles(read(x, out, null));
  }

  /**
   * As {@link #read(double[], double[])}, drawing the read noise from {@code noise} (null: the
   * arrays' own generators), so a caller can key the noise on what is read rather than on the
   * order of the reads; returns the driven (row, bit cycle) pairs of the read, without allocating
   * (per crossbar of the stack: {@link #drivenRowCycles(int)}).
   */
  public long read(double[] x, double[] out, SplittableRandom noise) {
    this.noise = noise;
    ReadCounts c = counts();
    Arrays.fill(driven, 0);
    int n = c.rows();
    int m = crossbar.usedColumns();
    Preconditions.checkArgument(x.length >= n, "input must hold %s values, got %s", n, x.length);
    Arrays.fill(acc, 0, m, 0.0);
    double fullScale = adcFullScale();
    int passes = config.inputEncoding().passes();
    for (int pass = 0; pass < passes; pass++) {
      double sign = pass == 0 ? 1.0 : -1.0;
      if (config.inputBits() == 0) {
        boolean idealDac = dac.bits() == 0;
        int count = 0;
        for (int i = 0; i < n; i++) {
          double part = sign * x[i];
          // an ideal DAC only clips to [0, 1]; a real one also quantises
          float v = (float) (idealDac ? clip01(part) : dac.convert(part));
          activeRows[count] = i;
          drive[count] = v;
          count += v != 0f ? 1 : 0;
        }
        if (count > 0) {
          convertAndAccumulate(activeRows, drive, count, sign, fullScale, m);
        }
        countDriven(activeRows, count);
      } else {
        readBitSerial(x, n, m, sign, passes, fullScale);
      }
    }
    double scale = config.inputBits() == 0 ? 1.0 : 1.0 / ((1L << config.inputBits()) - 1);
    for (int j = 0; j < m; j++) {
      out[j] = acc[j] * scale;
    }
    return drivenRowCycles();
  }

  private void readBitSerial(double[] x, int n, int m, double sign, int passes, double fullScale) {
    long maxCode = (1L << config.inputBits()) - 1;
    long mask = (1L << sliceBits) - 1;
    // one pass over the rows sorts each driven row's slices into the cycles that drive it, so a
    // cycle costs its driven rows only (inputs are sparse: inserted zeros, ReLU zeros, low bits)
    int[] count = cycleCount;
    Arrays.fill(count, 0);
    for (int i = 0; i < n; i++) {
      double v = sign * x[i];
      if (!(v > 0)) {
        continue; // clips to code 0 (NaN too): the row is not driven in any cycle
      }
      long code = (long) (clip01(v) * maxCode + 0.5);
      for (int k = 0; code != 0; k++, code >>>= sliceBits) {
        long slice = code & mask;
        if (slice != 0) {
          // the DAC drives slice / (its code range) of the read voltage: slices are on its code
          // grid by construction (sliceBits <= DAC bits), so in input-code units the drive is the slice
          int c = count[k]++;
          cycleRows[k][c] = i;
          cycleDrive[k][c] = slice;
        }
      }
    }
    for (int k = 0; k < cyclesPerPass; k++) {
      if (count[k] > 0) {
        convertAndAccumulate(cycleRows[k], cycleDrive[k], count[k], sign * (double) (1L << (k * sliceBits)),
            fullScale, m);
      }
      countDriven(cycleRows[k], count[k]);
    }
  }

  /** Adds a cycle's {@code count} driven rows (ascending) to the crossbars holding them. */
  private void countDriven(int[] rows, int count) {
    if (stack.length == 1) {
      driven[0] += count;
      return;
    }
    int k = 0;
    for (int a = 0; a < count; a++) {
      int row = rows[a];
      while (row >= rowOffset[k + 1]) {
        k++;
      }
      driven[k]++;
    }
  }

  /** Reads every crossbar of the stack that has a driven row and sums their column outputs. */
  private void readStack(int[] rows, float[] drives, int active, int m) {
    Arrays.fill(columns, 0f);
    int a = 0;
    for (int k = 0; k < stack.length; k++) {
      int lo = rowOffset[k];
      int hi = rowOffset[k + 1];
      int count = 0;
      while (a < active && rows[a] < hi) {
        stackRows[count] = rows[a] - lo;
        stackDrive[count] = drives[a];
        count++;
        a++;
      }
      if (count == 0) {
        continue;
      }
      Crossbar x = stack[k];
      x.readActive(stackRows, stackDrive, count, stackColumns, noise == null ? x.readRng() : noise);
      for (int j = 0; j < m; j++) {
        columns[j] += stackColumns[j];
      }
    }
  }

  /** Clips to [0, 1] (NaN to 0) with plain comparisons: Math.min/max on doubles are slow here. */
  private static double clip01(double v) {
    return v >= 1 ? 1 : (v > 0 ? v : 0);
  }

  private SplittableRandom noise;

  /** Array read of the given driven rows (a stack's column currents summed), S+H, ADC conversion, shift-and-add with a weight. */
  private void convertAndAccumulate(int[] rows, float[] drives, int count, double weight, double fullScale, int m) {
    if (stack.length == 1) {
      crossbar.readActive(rows, drives, count, columns, noise == null ? crossbar.readRng() : noise);
    } else {
      readStack(rows, drives, count, m);
    }
    if (adc.bits() == 0) {
      for (int j = 0; j < m; j++) {
        acc[j] += weight * columns[j];
      }
    } else {
      adc.convertAccumulate(columns, m, fullScale, weight, acc, crossbar.isVectorised());
    }
  }
}
