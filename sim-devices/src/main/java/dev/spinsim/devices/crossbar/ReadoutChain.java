package dev.spinsim.devices.crossbar;

import com.google.common.base.Preconditions;
import dev.spinsim.devices.converter.Adc;
import dev.spinsim.devices.converter.Dac;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A crossbar — or a column stack of crossbars whose column currents are summed on shared bit lines
 * — with its readout: inputs quantised to {@code inputBits}, applied bit-serially through the DAC
 * when it has fewer bits than the input, each cycle's column values sampled (S+H), converted by the
 * shared ADCs (clipping + quantisation) and shifted-and-added into the result. With an ideal DAC
 * and ADC and a noiseless continuous synapse it reproduces x·W exactly (to float rounding). Outputs
 * are in weight units for inputs normalised to [0, 1] (or [−1, 1] sign-split).
 *
 * <p>Each read counts the (row, bit cycle) pairs it drives with a non-zero slice, per crossbar of
 * the stack ({@link #drivenRowCycles(int)}): the data-dependent part of {@link ReadCounts}. A cycle
 * whose row drives are all zero is not simulated (its outputs are exactly zero, noise included);
 * its conversions are still counted, because the array is read and converted whatever it holds.
 *
 * <p>Read noise is keyed ({@link KeyedGaussian}): a read's noise is a function of its key, its bit
 * cycle and the column, never of the reads before it. A single crossbar read through a uniform ADC
 * goes from array to integer shift-and-add in one pass per bit cycle ({@link
 * Crossbar#readConvert}); a column stack sums its arrays' noisy column values first. Not
 * thread-safe: one chain per thread ({@link #forAnotherThread}).
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

  /**
   * Integer shift-and-add accumulators of the fused read ({@link #fused}): the sum of ±code ·
   * 2^(cycle · slice bits) per column, as the digital shift-and-add adds the ADC codes.
   */
  private final int[] codes;

  /** The driven rows of a pass and their input codes ({@link Crossbar#readConvertCodes}). */
  private final int[] codeRows;

  private final int[] codeValues;

  /** The dense read's input as a sparse one: its non-zero rows and their values. */
  private final int[] sparseRows;

  private final double[] sparseValues;

  /** Clipped and zero-code conversions of the fused read. */
  private final long[] range = new long[2];

  /**
   * True when each bit cycle goes straight from the array through the ADC into {@link #codes}
   * ({@link Crossbar#readConvert}): one crossbar (no column stack) and a uniform mid-tread ADC
   * whose codes fit the integer accumulators.
   */
  private final boolean fused;

  /** The mixed read-noise key of the current read and its bit cycle (noise block). */
  private int keyLo;

  private int keyHi;
  private int cycle;
  private ReadCounts counts;
  private int countedRows = -1;
  private int countedColumns = -1;
  private long adcConversions;
  private long adcClipped;
  private long adcZeroCodes;

  public ReadoutChain(Crossbar crossbar, Dac dac, Adc adc, ReadoutConfig config) {
    this(new Crossbar[] {crossbar}, dac, adc, config);
  }

  /**
   * A column stack: the crossbars' column currents are summed before one S+H and conversion per
   * column and bit cycle. The crossbars must be programmed with the same number of weight columns
   * before the first read; stack row {@code r} is row {@code r − offset} of the crossbar holding
   * it.
   */
  public ReadoutChain(Crossbar[] stack, Dac dac, Adc adc, ReadoutConfig config) {
    Preconditions.checkArgument(
        stack != null && stack.length >= 1, "a stack needs at least one crossbar");
    this.stack = stack.clone();
    this.crossbar = Preconditions.checkNotNull(stack[0]);
    this.dac = Preconditions.checkNotNull(dac);
    this.adc = Preconditions.checkNotNull(adc);
    this.config = Preconditions.checkNotNull(config);
    this.cyclesPerPass = ReadCounts.cyclesPerPass(config.inputBits(), dac.bits());
    this.sliceBits =
        config.inputBits() == 0 ? 0 : ReadCounts.effectiveDacBits(config.inputBits(), dac.bits());
    int rows = 0;
    for (Crossbar x : stack) {
      Preconditions.checkArgument(
          x.readBufferLength() == crossbar.readBufferLength()
              && x.weightCapacity() == crossbar.weightCapacity(),
          "the crossbars of a stack must have the same columns");
      rows += x.rows();
    }
    this.rowOffset = new int[stack.length + 1];
    this.driven = new long[stack.length];
    this.activeRows = new int[rows];
    this.drive = new float[rows];
    this.cycleRows = new int[cyclesPerPass][rows];
    this.cycleDrive = new float[cyclesPerPass][rows];
    this.cycleCount = new int[cyclesPerPass];
    this.groupIndex = new int[(rows + SubsetSums.GROUP_ROWS - 1) / SubsetSums.GROUP_ROWS];
    this.groupCodes = new long[groupIndex.length];
    if (sliceBits == 1) {
      for (float[] d : cycleDrive) {
        Arrays.fill(d, 1f); // 1-bit slices drive 1: set once, never per read
      }
    }
    this.stackRows = stack.length == 1 ? null : new int[rows];
    this.stackDrive = stack.length == 1 ? null : new float[rows];
    this.stackColumns = stack.length == 1 ? null : new float[crossbar.readBufferLength()];
    this.columns = new float[crossbar.readBufferLength()];
    this.acc = new double[crossbar.weightCapacity()];
    this.codes = new int[crossbar.readBufferLength()];
    this.sparseRows = new int[rows];
    this.codeRows = new int[rows];
    this.codeValues = new int[rows];
    this.sparseValues = new double[rows];
    // |code| < 2^(bits-1), shifted by up to inputBits - 1, summed over 2^inputBits cycles and 2
    // passes
    this.fused =
        stack.length == 1
            && adc.bits() != 0
            && adc.uniformMidTread()
            && adc.bits() + config.inputBits() + 1 <= 30;
  }

  /**
   * A chain over {@link Crossbar#readView()}s of this chain's arrays, with its own scratch and its
   * own ADC counters: for another thread to read the same programmed arrays with keyed noise
   * ({@link #read(double[], double[], long)}) at the same time. The converters are stateless and
   * shared.
   */
  public ReadoutChain forAnotherThread() {
    Crossbar[] views = new Crossbar[stack.length];
    for (int k = 0; k < stack.length; k++) {
      views[k] = stack[k].readView();
    }
    return new ReadoutChain(views, dac, adc, config);
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
   * every bit cycle; a read's own counts are {@code
   * counts().withDrivenRowCycles(drivenRowCycles())}.
   */
  public ReadCounts counts() {
    if (counts == null || countedRows != usedRows() || countedColumns != crossbar.usedColumns()) {
      int offset = 0;
      for (int k = 0; k < stack.length; k++) {
        Preconditions.checkState(stack[k].usedRows() > 0, "crossbar is not programmed");
        Preconditions.checkState(
            stack[k].usedColumns() == crossbar.usedColumns(),
            "the crossbars of a stack must hold the same weight columns, got %s and %s",
            stack[k].usedColumns(),
            crossbar.usedColumns());
        rowOffset[k] = offset;
        offset += stack[k].usedRows();
      }
      rowOffset[stack.length] = offset;
      countedRows = offset;
      countedColumns = crossbar.usedColumns();
      counts =
          ReadCounts.of(
              countedRows,
              countedColumns,
              crossbar.usedPhysicalColumns(),
              config.inputBits(),
              dac.bits(),
              config.inputEncoding(),
              config.columnsPerAdc());
    }
    return counts;
  }

  /**
   * Column values converted by the ADC so far (every column of every bit cycle, the cycles skipped
   * because no row was driven included: they read exactly zero); 0 with an ideal ADC.
   */
  public long adcConversions() {
    return adcConversions;
  }

  /** Of {@link #adcConversions()}, those beyond full scale by more than half a step (clipped). */
  public long adcClipped() {
    return adcClipped;
  }

  /**
   * Of {@link #adcConversions()}, those of a non-zero column value that read code 0: the signal was
   * smaller than half an ADC step and was lost.
   */
  public long adcZeroCodes() {
    return adcZeroCodes;
  }

  /** Phase times of one read. */
  public ReadTiming timing() {
    ReadCounts c = counts();
    return new ReadTiming(
        config.dacNs(),
        crossbar.config().readTimeNs(),
        config.sampleHoldNs(),
        c.conversionsPerAdcPerCycle() * adc.conversionTimeNs(),
        config.shiftAddNs(),
        c.bitCycles());
  }

  /** ADC full scale of one cycle, in weight × input-code units (the whole stack's rows). */
  public double adcFullScale() {
    return adcFullScale(usedRows());
  }

  private double adcFullScale(int rows) {
    double maxSlice = config.inputBits() == 0 ? 1.0 : (1 << sliceBits) - 1;
    return config.adcFullScaleFraction() * rows * maxSlice;
  }

  /**
   * Reads y_j = Σ_i x_i·w_ij through the chain into {@code out[0..usedColumns)} and returns the
   * action counts of the read, its driven rows included; the read noise is keyed on a number drawn
   * from the first array's own generator.
   */
  public ReadCounts read(double[] x, double[] out) {
    return counts().withDrivenRowCycles(read(x, out, (SplittableRandom) null));
  }

  /**
   * As {@link #read(double[], double[])}, with the read noise keyed on a number drawn from {@code
   * noise} (null: the first array's own generator); returns the driven (row, bit cycle) pairs of
   * the read, without allocating (per crossbar of the stack: {@link #drivenRowCycles(int)}).
   */
  public long read(double[] x, double[] out, SplittableRandom noise) {
    SplittableRandom rng = noise == null ? crossbar.readRng() : noise;
    Preconditions.checkState(rng != null, "a read view needs a noise key or a generator");
    return read(x, out, rng.nextLong());
  }

  /**
   * As {@link #read(double[], double[])}, with the read noise a function of {@code noiseKey}: the
   * noise of crossbar k of the stack in bit cycle c (counted over both sign passes) is {@link
   * KeyedGaussian} block {@code c · stackHeight + k} of the key, so a caller keys the noise on what
   * is read (layer, image, vector, block) and reads can go in any order, in batches and on any
   * thread; returns the driven (row, bit cycle) pairs of the read.
   */
  public long read(double[] x, double[] out, long noiseKey) {
    int n = counts().rows();
    Preconditions.checkArgument(x.length >= n, "input must hold %s values, got %s", n, x.length);
    int count = 0;
    for (int i = 0; i < n; i++) {
      double v = x[i];
      sparseRows[count] = i;
      sparseValues[count] = v;
      count += v != 0 ? 1 : 0;
    }
    return read(sparseRows, sparseValues, 0, count, 0, out, noiseKey);
  }

  /**
   * A batch of reads: input vector b is {@code x[b·rows .. (b+1)·rows)} (rows: {@link
   * #usedRows()}), its outputs go to {@code out[b·cols .. (b+1)·cols)} (cols: the used weight
   * columns) and its noise is keyed on {@code noiseKeys[b]}; each vector is read as by {@link
   * #read(double[], double[], long)}, its non-zero inputs found once. Returns the driven (row, bit
   * cycle) pairs of the whole batch.
   */
  public long readBatch(double[] x, int batch, double[] out, long[] noiseKeys) {
    int n = counts().rows();
    int m = crossbar.usedColumns();
    Preconditions.checkArgument(
        batch >= 0
            && x.length >= (long) batch * n
            && out.length >= (long) batch * m
            && noiseKeys.length >= batch,
        "a batch of %s reads needs %s inputs, %s outputs and %s keys",
        batch,
        (long) batch * n,
        (long) batch * m,
        batch);
    long drivenTotal = 0;
    double[] y = batchOut == null || batchOut.length < m ? (batchOut = new double[m]) : batchOut;
    for (int b = 0; b < batch; b++) {
      int count = 0;
      int base = b * n;
      for (int i = 0; i < n; i++) {
        double v = x[base + i];
        sparseRows[count] = i;
        sparseValues[count] = v;
        count += v != 0 ? 1 : 0;
      }
      drivenTotal += read(sparseRows, sparseValues, 0, count, 0, y, noiseKeys[b]);
      System.arraycopy(y, 0, out, b * m, m);
    }
    return drivenTotal;
  }

  private double[] batchOut;

  /**
   * As {@link #read(double[], double[], long)} for a sparse input: row {@code rows[k] − rowBase} of
   * the stack holds {@code values[k]} for k in [from, to), rows ascending, and every other row
   * holds 0 — what a caller that knows where its non-zero inputs are passes, so a read costs its
   * non-zero inputs, not its rows. The same bits as the dense read of the same input.
   */
  public long read(
      int[] rows, double[] values, int from, int to, int rowBase, double[] out, long noiseKey) {
    long mixed = KeyedGaussian.mix64(noiseKey);
    this.keyLo = (int) mixed; // KeyedGaussian.keyLo and keyHi, with one mix
    this.keyHi = (int) (mixed >>> 32);
    ReadCounts c = counts();
    Arrays.fill(driven, 0);
    int n = c.rows();
    int m = crossbar.usedColumns();
    Preconditions.checkArgument(
        to <= from || (rows[from] >= rowBase && rows[to - 1] - rowBase < n),
        "input rows must be in [0, %s)",
        n);
    if (fused) {
      Arrays.fill(codes, 0);
    } else {
      Arrays.fill(acc, 0, m, 0.0);
    }
    double fullScale = adcFullScale(n);
    int passes = config.inputEncoding().passes();
    for (int pass = 0; pass < passes; pass++) {
      double sign = pass == 0 ? 1.0 : -1.0;
      if (config.inputBits() == 0) {
        boolean idealDac = dac.bits() == 0;
        int count = 0;
        for (int k = from; k < to; k++) {
          double part = sign * values[k];
          // an ideal DAC only clips to [0, 1]; a real one also quantises (a zero input drives
          // nothing)
          float v = (float) (idealDac ? clip01(part) : dac.convert(part));
          activeRows[count] = rows[k] - rowBase;
          drive[count] = v;
          count += v != 0f ? 1 : 0;
        }
        cycle = pass;
        if (count > 0) {
          convertAndAccumulate(activeRows, drive, count, sign, 0, fullScale, m);
        } else if (adc.bits() != 0) {
          adcConversions += m; // no row driven: the columns read exactly zero
        }
        countDriven(activeRows, count);
      } else {
        readBitSerial(rows, values, from, to, rowBase, m, sign, pass, fullScale);
      }
    }
    double scale = config.inputBits() == 0 ? 1.0 : 1.0 / ((1L << config.inputBits()) - 1);
    if (fused) {
      adcClipped += range[0];
      adcZeroCodes += range[1];
      range[0] = 0;
      range[1] = 0;
      double step = fullScale / adc.maxCode();
      for (int j = 0; j < m; j++) {
        out[j] = codes[j] * step * scale;
      }
    } else {
      for (int j = 0; j < m; j++) {
        out[j] = acc[j] * scale;
      }
    }
    return drivenRowCycles();
  }

  private void readBitSerial(
      int[] rows,
      double[] values,
      int from,
      int to,
      int rowBase,
      int m,
      double sign,
      int pass,
      double fullScale) {
    long maxCode = (1L << config.inputBits()) - 1;
    long mask = (1L << sliceBits) - 1;
    if (fused && crossbar.readsCodes(cyclesPerPass)) {
      // a narrow array: the cycles go in the lanes, each driven row is read once with its code
      int n = 0;
      long pairs = 0;
      for (int a = from; a < to; a++) {
        double v = sign * values[a];
        if (!(v > 0)) {
          continue; // clips to code 0 (NaN too): the row is not driven in any cycle
        }
        long code = (long) (clip01(v) * maxCode + 0.5);
        if (code == 0) {
          continue;
        }
        codeRows[n] = rows[a] - rowBase;
        codeValues[n++] = (int) code;
        if (sliceBits == 1) {
          pairs += Long.bitCount(code);
          continue;
        }
        for (; code != 0; code >>>= sliceBits) {
          pairs += (code & mask) != 0 ? 1 : 0;
        }
      }
      if (n > 0) {
        crossbar.readConvertCodes(
            codeRows,
            codeValues,
            n,
            cyclesPerPass,
            sliceBits,
            keyLo,
            keyHi,
            pass * cyclesPerPass,
            (float) (adc.maxCode() / fullScale),
            adc.maxCode(),
            sign < 0,
            codes,
            range);
      }
      adcConversions += (long) cyclesPerPass * m;
      driven[0] += pairs;
      return;
    }
    if (fused
        && sliceBits == 1
        && config.inputBits() <= SUBSET_INPUT_BITS
        && crossbar.readsSubsetSums()
        // two non-zero inputs a group on average at least: sparser reads cannot gain (see below)
        && (to - from) * SubsetSums.GROUP_ROWS >= 2 * crossbar.usedRows()
        && readSubsetSums(rows, values, from, to, rowBase, m, sign, pass, fullScale, maxCode)) {
      return;
    }
    // one pass over the rows sorts each driven row's slices into the cycles that drive it, so a
    // cycle costs its driven rows only (inputs are sparse: inserted zeros, ReLU zeros, low bits)
    int[] count = cycleCount;
    Arrays.fill(count, 0);
    for (int a = from; a < to; a++) {
      int i = rows[a] - rowBase;
      double v = sign * values[a];
      if (!(v > 0)) {
        continue; // clips to code 0 (NaN too): the row is not driven in any cycle
      }
      long code = (long) (clip01(v) * maxCode + 0.5);
      if (sliceBits == 1) {
        // 1-bit slices: one cycle per set bit of the code (cycleDrive holds 1 throughout)
        for (; code != 0; code &= code - 1) {
          int k = Long.numberOfTrailingZeros(code);
          cycleRows[k][count[k]++] = i;
        }
        continue;
      }
      for (int k = 0; code != 0; k++, code >>>= sliceBits) {
        long slice = code & mask;
        if (slice != 0) {
          // the DAC drives slice / (its code range) of the read voltage: slices are on its code
          // grid by construction (sliceBits <= DAC bits), so in input-code units the drive is the
          // slice
          int c = count[k]++;
          cycleRows[k][c] = i;
          cycleDrive[k][c] = slice;
        }
      }
    }
    if (fused) {
      // the whole pass in one call: cycle k of pass p is noise block p·cycles + k (one crossbar)
      crossbar.readConvertPass(
          cycleRows,
          cycleDrive,
          count,
          cyclesPerPass,
          keyLo,
          keyHi,
          pass * cyclesPerPass,
          (float) (adc.maxCode() / fullScale),
          adc.maxCode(),
          sliceBits,
          sign < 0,
          codes,
          range);
      adcConversions += (long) cyclesPerPass * m;
      for (int k = 0; k < cyclesPerPass; k++) {
        countDriven(cycleRows[k], count[k]);
      }
      return;
    }
    for (int k = 0; k < cyclesPerPass; k++) {
      cycle = pass * cyclesPerPass + k;
      if (count[k] > 0) {
        convertAndAccumulate(
            cycleRows[k],
            cycleDrive[k],
            count[k],
            sign * (double) (1L << (k * sliceBits)),
            k * sliceBits,
            fullScale,
            m);
      } else if (adc.bits() != 0) {
        adcConversions += m; // no row driven: the columns read exactly zero
      }
      countDriven(cycleRows[k], count[k]);
    }
  }

  /**
   * A pass of 1-bit cycles through the array's subset sums ({@link
   * Crossbar#readConvertPassSubsets}): one pass over the driven rows (ascending) packs the input
   * codes of each group of {@link SubsetSums#GROUP_ROWS} rows into a long, 16 bits a row; when the
   * rows leave a group, a multiply gathers bit k of its four codes into the group's drive pattern
   * of cycle k, and each cycle with a non-zero pattern gets the group's table entry (branch-free).
   * A group with no driven row costs nothing, and one with no driven row in a cycle costs that
   * cycle nothing. Input codes of at most {@link #SUBSET_INPUT_BITS} bits.
   */
  private boolean readSubsetSums(
      int[] rows,
      double[] values,
      int from,
      int to,
      int rowBase,
      int m,
      double sign,
      int pass,
      double fullScale,
      long maxCode) {
    long pairs = 0;
    long entries = 0;
    int groups = 0;
    int group = -1;
    long packed = 0; // the current group's codes: row 4g + r at bits [16r, 16r + 16)
    for (int a = from; a < to; a++) {
      double v = sign * values[a];
      if (!(v > 0)) {
        continue; // clips to code 0 (NaN too): the row is not driven in any cycle
      }
      long code = (long) (clip01(v) * maxCode + 0.5);
      int i = rows[a] - rowBase;
      int g = i >>> 2;
      if (g != group) {
        if (packed != 0) {
          groupIndex[groups] = group;
          groupCodes[groups++] = packed;
          entries += Long.bitCount(cyclesOf(packed));
        }
        group = g;
        packed = 0;
      }
      packed |= code << ((i & (SubsetSums.GROUP_ROWS - 1)) << 4);
      pairs += Long.bitCount(code);
    }
    if (packed != 0) {
      groupIndex[groups] = group;
      groupCodes[groups++] = packed;
      entries += Long.bitCount(cyclesOf(packed));
    }
    if (pairs < SUBSET_MIN_GAIN * entries) {
      return false; // sparse: the table rows would cost about what the driven rows cost
    }
    int[] count = cycleCount;
    Arrays.fill(count, 0);
    for (int k = 0; k < groups; k++) {
      addGroup(groupIndex[k], groupCodes[k]);
    }
    crossbar.readConvertPassSubsets(
        cycleRows,
        cycleDrive,
        count,
        cyclesPerPass,
        keyLo,
        keyHi,
        pass * cyclesPerPass,
        (float) (adc.maxCode() / fullScale),
        adc.maxCode(),
        sign < 0,
        codes,
        range);
    adcConversions += (long) cyclesPerPass * m;
    driven[0] += pairs;
    subsetSumPasses++;
    return true;
  }

  /** The cycles in which a group's packed codes drive a row: the OR of its four codes. */
  private static long cyclesOf(long packed) {
    return (packed | packed >>> 16 | packed >>> 32 | packed >>> 48) & 0xFFFF;
  }

  /** Input bits up to which {@link #readSubsetSums} packs a group's codes into a long. */
  static final int SUBSET_INPUT_BITS = 16;

  /**
   * Driven (row, cycle) pairs per table entry from which a pass reads through subset sums: a table
   * entry costs what a driven row costs (one row of signal and variance), but the tables are four
   * times the read matrix and fall out of cache, so sparse inputs (a row or so per group and cycle)
   * read row by row.
   */
  static final double SUBSET_MIN_GAIN = 1.5;

  /** Passes read through subset sums so far (for tests: which path a read took). */
  long subsetSumPasses() {
    return subsetSumPasses;
  }

  private long subsetSumPasses;

  /** The groups with a driven row of the current pass, and their packed codes. */
  private final int[] groupIndex;

  private final long[] groupCodes;

  /**
   * Appends group {@code g}'s table entry to each cycle its packed codes drive: bit k of row r's
   * code (bit 16r + k of {@code packed}) lands on bit 48 + r of the product below (the multiplier's
   * bits at 48 − 15r; no two partial products share a bit, so nothing carries), giving the cycle's
   * pattern p; the entry is written always and counted when p ≠ 0. Drives stay 1 ({@link
   * #cycleDrive} is filled with 1 for 1-bit slices).
   */
  private void addGroup(int g, long packed) {
    int base = g * SubsetSums.PATTERNS;
    int[] count = cycleCount;
    for (int k = 0; k < cyclesPerPass; k++) {
      int p = (int) ((((packed >>> k) & 0x0001000100010001L) * 0x0001000200040008L) >>> 48);
      int c = count[k];
      cycleRows[k][c] = base + p;
      count[k] = c + (p != 0 ? 1 : 0);
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
      stack[k].readActive(
          stackRows, stackDrive, count, stackColumns, keyLo, keyHi, cycle * stack.length + k);
      for (int j = 0; j < m; j++) {
        columns[j] += stackColumns[j];
      }
    }
  }

  /** Clips to [0, 1] (NaN to 0) with plain comparisons: Math.min/max on doubles are slow here. */
  private static double clip01(double v) {
    return v >= 1 ? 1 : (v > 0 ? v : 0);
  }

  /**
   * Array read of the given driven rows (a stack's column currents summed), S+H, ADC conversion,
   * shift-and-add with a weight ({@code ±2^shift}).
   */
  private void convertAndAccumulate(
      int[] rows, float[] drives, int count, double weight, int shift, double fullScale, int m) {
    if (fused) {
      crossbar.readConvert(
          rows,
          drives,
          count,
          keyLo,
          keyHi,
          cycle,
          (float) (adc.maxCode() / fullScale),
          adc.maxCode(),
          shift,
          weight < 0,
          codes,
          range);
      adcConversions += m;
      return;
    }
    if (stack.length == 1) {
      crossbar.readActive(rows, drives, count, columns, keyLo, keyHi, cycle);
    } else {
      readStack(rows, drives, count, m);
    }
    if (adc.bits() == 0) {
      for (int j = 0; j < m; j++) {
        acc[j] += weight * columns[j];
      }
    } else {
      adc.convertAccumulate(columns, m, fullScale, weight, acc, crossbar.isVectorised());
      countRange(fullScale, m);
    }
  }

  /** Counts this cycle's conversions that clipped or read code 0 (codes round half a step). */
  private void countRange(double fullScale, int m) {
    double halfStep = 0.5 * fullScale / adc.maxCode();
    double clipAbove = fullScale + halfStep;
    long clipped = 0;
    long zero = 0;
    for (int j = 0; j < m; j++) {
      double a = Math.abs(columns[j]);
      clipped += a > clipAbove ? 1 : 0;
      zero += a != 0 && a < halfStep ? 1 : 0;
    }
    adcConversions += m;
    adcClipped += clipped;
    adcZeroCodes += zero;
  }
}
