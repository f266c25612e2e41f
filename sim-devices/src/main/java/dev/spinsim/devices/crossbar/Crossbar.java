package dev.spinsim.devices.crossbar;

import com.google.common.base.Preconditions;
import com.google.common.math.IntMath;
import dev.spinsim.devices.synapse.SynapseDevice;
import dev.spinsim.devices.synapse.SynapseNonIdealities;
import java.math.RoundingMode;
import java.util.SplittableRandom;

/**
 * An R × C array of synapse cells holding a signed weight matrix through a {@link WeightMapping},
 * and its analog read: column outputs Σ_i x_i·w_ij in weight units, with the non-idealities of the
 * cells applied. Device-to-device variation (lognormal) and stuck cells are fixed per cell when the
 * array is made; write errors happen when programming; read noise is drawn per read.
 *
 * <p>Because cell currents add linearly, the signed pair (or the reference-column subtraction) is
 * folded into one effective weight matrix after variation, stuck cells and IR drop are applied per
 * physical cell, and the per-cell Gaussian read noise is drawn per column from its exact summed
 * variance σ²·Σ_i x_i²·G_ij² — the same distribution as per-cell draws, at the cost of one extra
 * product instead of R × C random numbers.
 */
public final class Crossbar {
  private static final long STUCK_SALT = 0x5DEECE66DL;
  private static final long WRITE_SALT = 0x9E3779B97F4A7C15L;
  private static final long READ_SALT = 0xC2B2AE3D27D4EB4FL;

  /**
   * Column padding of the read matrices, the widest float vector (512 bit), so no loop has a tail.
   */
  static final int PAD = 16;

  private final CrossbarConfig config;
  private final SynapseDevice device;
  private final WeightMapping mapping;
  private final int rows;
  private final int physicalColumns;
  private final int weightCapacity;
  private final int[] levels;
  private final double[] variation;
  private final byte[] stuck;
  private final double[] conductance;
  private final SplittableRandom writeRng;
  private final SplittableRandom readRng;
  private boolean useVector = true;

  /** True for a {@link #readView()}: shares another array's cells, never programmed. */
  private final boolean view;

  private int usedRows;
  private int usedColumns;

  /** Weight columns of the read matrix: usedColumns rounded up to {@link #PAD} (zero padded). */
  private int stride;

  /**
   * Floats per row of the read matrix: the effective weights, then (when noisy) their noise
   * variances.
   */
  private int rowLength;

  /**
   * Row-major read matrix: per row, {@code stride} effective weights and {@code stride} σ²·ΣG²
   * terms.
   */
  private float[] readMatrix = new float[0];

  private float[] referenceNoiseVariance = new float[0];
  private boolean noisy;

  /**
   * Subset sums of the read matrix for 0/1 bit cycles ({@link #readConvertPassSubsets}), null when
   * the array does not read through them (see {@link #rebuildReadMatrices}); shared with views.
   */
  private SubsetSums subsetSums;

  private boolean useSubsetSums = true;
  private final int[] scratchRows;
  private final float[] scratchDrive;
  private final float[] scratchVariance;
  private final float[] scratchValues;
  private final float[] scratchGaussians;

  /** A chunk of keyed samples and the lane counters of {@link VectorReadKernel}. */
  private final float[] scratchChunk = new float[KeyedGaussian.CHUNK];

  private final int[] scratchHashes = new int[KeyedGaussian.CHUNK];
  private final int[] scratchCounts = new int[2 * PAD];

  /** Scratch of {@link #readConvertPass}. */
  private final PassScratch passScratch = new PassScratch();

  /** Per column of the read matrix: -1 for a used column, 0 for padding (lane masks as ints). */
  private int[] usedLanes = new int[0];

  /** The ADC rounding of {@link #readConvert}: magnitudes are clamped here, then 2²³ added. */
  static final float ROUND_LIMIT = 0x1p22f;

  static final float TWO23 = 0x1p23f;
  static final int TWO23_BITS = 0x4B000000;

  public Crossbar(CrossbarConfig config, SynapseDevice device, WeightMapping mapping) {
    this.config = Preconditions.checkNotNull(config);
    this.device = Preconditions.checkNotNull(device);
    this.mapping = Preconditions.checkNotNull(mapping);
    this.rows = config.rows();
    this.physicalColumns = config.columns();
    this.weightCapacity = mapping.weightColumns(physicalColumns);
    Preconditions.checkArgument(
        weightCapacity >= 1,
        "crossbar.cols must leave room for at least one weight column with the %s mapping, got %s",
        mapping.name(),
        physicalColumns);
    int cells = rows * physicalColumns;
    this.levels = new int[cells];
    this.variation = new double[cells];
    this.stuck = new byte[cells];
    this.conductance = new double[cells];
    SynapseNonIdealities n = device.nonIdealities();
    SplittableRandom fixed = new SplittableRandom(config.seed() ^ STUCK_SALT);
    for (int c = 0; c < cells; c++) {
      variation[c] =
          n.variationSigma() == 0 ? 1.0 : Math.exp(n.variationSigma() * fixed.nextGaussian());
      if (n.stuckFraction() > 0 && fixed.nextDouble() < n.stuckFraction()) {
        stuck[c] = (byte) (fixed.nextBoolean() ? 1 : 2);
      }
      conductance[c] = device.minConductanceSiemens();
    }
    this.view = false;
    this.writeRng = new SplittableRandom(config.seed() ^ WRITE_SALT);
    this.readRng = new SplittableRandom(config.seed() ^ READ_SALT);
    this.scratchRows = new int[rows];
    this.scratchDrive = new float[rows];
    this.scratchVariance = new float[readBufferLength()];
    this.scratchValues = new float[readBufferLength()];
    this.scratchGaussians = new float[gaussianBufferLength()];
  }

  /** A read-only view for another thread: the same programmed array, its own scratch buffers. */
  private Crossbar(Crossbar of) {
    this.config = of.config;
    this.device = of.device;
    this.mapping = of.mapping;
    this.rows = of.rows;
    this.physicalColumns = of.physicalColumns;
    this.weightCapacity = of.weightCapacity;
    this.levels = of.levels;
    this.variation = of.variation;
    this.stuck = of.stuck;
    this.conductance = of.conductance;
    this.writeRng = null;
    this.readRng = null;
    this.useVector = of.useVector;
    this.usedRows = of.usedRows;
    this.usedColumns = of.usedColumns;
    this.stride = of.stride;
    this.rowLength = of.rowLength;
    this.readMatrix = of.readMatrix;
    this.referenceNoiseVariance = of.referenceNoiseVariance;
    this.usedLanes = of.usedLanes;
    this.noisy = of.noisy;
    this.subsetSums = of.subsetSums;
    this.useSubsetSums = of.useSubsetSums;
    this.view = true;
    this.scratchRows = new int[rows];
    this.scratchDrive = new float[rows];
    this.scratchVariance = new float[readBufferLength()];
    this.scratchValues = new float[readBufferLength()];
    this.scratchGaussians = new float[gaussianBufferLength()];
  }

  /**
   * A programmed array restored from its {@link #programmedCells() cells} (what another process
   * programmed from the same inputs): reads, levels and conductances are those of the array the
   * cells were taken from. Like a {@link #readView() read view} it cannot be programmed and has no
   * read-noise generator of its own (reads with keyed noise only).
   *
   * @throws IllegalArgumentException when the cells do not fit {@code config} and {@code mapping}
   */
  public static Crossbar restore(
      CrossbarConfig config, SynapseDevice device, WeightMapping mapping, ProgrammedCells cells) {
    return new Crossbar(config, device, mapping, cells);
  }

  private Crossbar(
      CrossbarConfig config, SynapseDevice device, WeightMapping mapping, ProgrammedCells cells) {
    this.config = Preconditions.checkNotNull(config);
    this.device = Preconditions.checkNotNull(device);
    this.mapping = Preconditions.checkNotNull(mapping);
    this.rows = config.rows();
    this.physicalColumns = config.columns();
    this.weightCapacity = mapping.weightColumns(physicalColumns);
    int used = cells.usedRows() * physicalColumns;
    Preconditions.checkArgument(
        cells.usedRows() >= 1
            && cells.usedRows() <= rows
            && cells.usedColumns() >= 1
            && cells.usedColumns() <= weightCapacity
            && cells.levels().length == used
            && cells.conductanceSiemens().length == used,
        "programmed cells do not fit a %sx%s %s crossbar",
        rows,
        physicalColumns,
        mapping.name());
    this.levels = new int[rows * physicalColumns];
    this.conductance = new double[rows * physicalColumns];
    System.arraycopy(cells.levels(), 0, levels, 0, used);
    System.arraycopy(cells.conductanceSiemens(), 0, conductance, 0, used);
    java.util.Arrays.fill(conductance, used, conductance.length, device.minConductanceSiemens());
    this.variation = new double[0];
    this.stuck = new byte[0];
    this.writeRng = null;
    this.readRng = null;
    this.view = true;
    this.scratchRows = new int[rows];
    this.scratchDrive = new float[rows];
    this.scratchVariance = new float[readBufferLength()];
    this.scratchValues = new float[readBufferLength()];
    this.scratchGaussians = new float[gaussianBufferLength()];
    this.usedRows = cells.usedRows();
    this.usedColumns = cells.usedColumns();
    this.stride = IntMath.divide(usedColumns, PAD, RoundingMode.CEILING) * PAD;
    rebuildReadMatrices();
  }

  /**
   * The state {@link #program} left in the programmed rows, for {@link #restore}: the programmed
   * rows and weight columns, and the level and conductance (siemens) of every cell of those rows,
   * row-major ({@code usedRows × physicalColumns}); the cells below them are unprogrammed (level 0,
   * the minimum conductance). Copies.
   */
  public ProgrammedCells programmedCells() {
    Preconditions.checkState(usedRows > 0, "crossbar is not programmed");
    int used = usedRows * physicalColumns;
    return new ProgrammedCells(
        usedRows,
        usedColumns,
        java.util.Arrays.copyOf(levels, used),
        java.util.Arrays.copyOf(conductance, used));
  }

  /** See {@link #programmedCells()}. */
  public record ProgrammedCells(
      int usedRows, int usedColumns, int[] levels, double[] conductanceSiemens) {}

  /**
   * A view of this programmed array that another thread can read at the same time as this one with
   * keyed noise: it shares the read matrices and has its own scratch buffers. It cannot be
   * programmed, has no read-noise generator of its own and does not see a later {@link #program} of
   * this array.
   */
  public Crossbar readView() {
    Preconditions.checkState(usedRows > 0, "crossbar is not programmed");
    return new Crossbar(this);
  }

  private int gaussianBufferLength() {
    return (readBufferLength() + KeyedGaussian.CHUNK - 1)
        / KeyedGaussian.CHUNK
        * KeyedGaussian.CHUNK;
  }

  public CrossbarConfig config() {
    return config;
  }

  public SynapseDevice device() {
    return device;
  }

  public WeightMapping mapping() {
    return mapping;
  }

  public int rows() {
    return rows;
  }

  public int physicalColumns() {
    return physicalColumns;
  }

  /** The most weight columns this array can hold with its mapping. */
  public int weightCapacity() {
    return weightCapacity;
  }

  /** Length an output buffer of {@link #read} must have: the weight capacity, padded. */
  public int readBufferLength() {
    return IntMath.divide(weightCapacity, PAD, RoundingMode.CEILING) * PAD;
  }

  /** Rows holding weights since the last {@link #program}. */
  public int usedRows() {
    return usedRows;
  }

  /** Weight columns holding weights since the last {@link #program}. */
  public int usedColumns() {
    return usedColumns;
  }

  /** Physical columns read for the programmed weights (pairs plus reference column). */
  public int usedPhysicalColumns() {
    return mapping.physicalColumns(usedColumns);
  }

  /** Chooses the Vector API inner loop (default) or the scalar fallback; results are identical. */
  public void setVectorised(boolean vector) {
    this.useVector = vector;
  }

  /** True when reads use the Vector API loops. */
  public boolean isVectorised() {
    return useVector;
  }

  /**
   * Chooses whether 1-bit cycles read through subset sums ({@link #readsSubsetSums}, the default)
   * or row by row. Both add the same cell values; the sums are rounded in a different order, so
   * results differ in the last float bits (and an ADC code may flip where a column value lies on a
   * rounding boundary). For benchmarks and tests that compare the two.
   */
  public void setSubsetSums(boolean on) {
    this.useSubsetSums = on;
  }

  /**
   * True when bit cycles with 0/1 row drives read through {@link SubsetSums} tables ({@link
   * #readConvertPassSubsets}): an array with more than {@link VectorReadKernel#NARROW_COLUMNS} used
   * weight columns (narrow arrays read codes in lanes instead), no reference column, and a table of
   * at most {@link SubsetSums#LIMIT_BYTES}; on by default ({@link #setSubsetSums}).
   */
  public boolean readsSubsetSums() {
    return subsetSums != null && useSubsetSums;
  }

  /** Bytes of this array's subset-sum table (0 when it reads row by row); built on first use. */
  public long subsetSumBytes() {
    return readsSubsetSums() ? SubsetSums.bytes(usedRows, rowLength) : 0;
  }

  /** The subset-sum table (built now if need be), row {@code 16g + p}; for tests. */
  float[] subsetSumTable() {
    Preconditions.checkState(subsetSums != null, "this array has no subset sums");
    return subsetSums.table();
  }

  /** Floats per row of the read matrix and of the subset-sum table. */
  int readRowLength() {
    return rowLength;
  }

  /** True when reads draw read noise. */
  public boolean isNoisy() {
    return noisy;
  }

  /**
   * Programs a row-major weight matrix (values in [−1, 1], clipped) of {@code nRows × nCols} into
   * the top-left of the array, from the cells' current levels, with write errors.
   */
  public ProgramResult program(double[] w, int nRows, int nCols) {
    Preconditions.checkState(!view, "a read view cannot be programmed");
    Preconditions.checkArgument(
        nRows >= 1 && nRows <= rows, "weight rows must be in [1, %s], got %s", rows, nRows);
    Preconditions.checkArgument(
        nCols >= 1 && nCols <= weightCapacity,
        "weight columns must be in [1, %s] for a %s-column %s crossbar, got %s",
        weightCapacity,
        physicalColumns,
        mapping.name(),
        nCols);
    Preconditions.checkArgument(
        w.length >= nRows * nCols, "weights must hold %s values, got %s", nRows * nCols, w.length);
    int per = mapping.columnsPerWeight();
    double[] target = new double[per];
    long cells = 0;
    long steps = 0;
    double energyPj = 0;
    long timePs = 0;
    int refColumn = mapping.referenceColumns() > 0 ? physicalColumns - 1 : -1;
    double refTarget = mapping.referenceConductance(device);
    for (int i = 0; i < nRows; i++) {
      long rowTime = 0;
      for (int j = 0; j < nCols; j++) {
        mapping.targetConductances(w[i * nCols + j], device, target);
        // with write-verify the pair is verified as a whole: the other cells first, then the cell
        // with the highest target (room to move both ways) absorbs what they missed, so the
        // read-out difference hits the target
        int last = 0;
        if (config.writeVerify()) {
          for (int k = 1; k < per; k++) {
            last = target[k] > target[last] ? k : last;
          }
        }
        for (int n = 0; n < per; n++) {
          int k = !config.writeVerify() ? n : (n == per - 1 ? last : (n < last ? n : n + 1));
          int cell = i * physicalColumns + j * per + k;
          if (config.writeVerify() && n == per - 1 && per > 1) {
            double missed = 0;
            for (int o = 0; o < per; o++) {
              if (o != k) {
                int other = i * physicalColumns + j * per + o;
                missed += mapping.columnSign(o) * (conductance[other] - target[o]);
              }
            }
            target[k] -= mapping.columnSign(k) * missed;
          }
          steps += writeCell(cell, target[k]);
          rowTime = Math.max(rowTime, writeTimePs);
          energyPj += writeEnergyPj;
          cells++;
        }
      }
      if (refColumn >= 0) {
        steps += writeCell(i * physicalColumns + refColumn, refTarget);
        rowTime = Math.max(rowTime, writeTimePs);
        energyPj += writeEnergyPj;
        cells++;
      }
      timePs += rowTime;
    }
    usedRows = nRows;
    usedColumns = nCols;
    stride = IntMath.divide(nCols, PAD, RoundingMode.CEILING) * PAD;
    rebuildReadMatrices();
    return new ProgramResult(cells, steps, energyPj, timePs);
  }

  /** Time (ps) and energy (pJ) of the last {@link #writeCell}. */
  private long writeTimePs;

  private double writeEnergyPj;

  /**
   * Writes one cell; returns its level steps and leaves its time and energy in the fields above.
   */
  private long writeCell(int cell, double targetSiemens) {
    double nominal;
    long steps = 0;
    long time = 0;
    double energy = 0;
    if (device.levels() == 0) {
      nominal = targetSiemens;
    } else {
      int reached;
      if (config.writeVerify() && stuck[cell] == 0) {
        // verify loop: aim at the level whose actual conductance (this device's gain) is nearest
        // the target; a write that lands a step off is read back and corrected
        int targetLevel = device.nearestLevel(targetSiemens / variation[cell]);
        int first = device.programmedLevel(targetLevel, writeRng);
        steps = Math.abs(first - levels[cell]) + Math.abs(targetLevel - first);
        energy =
            device.programEnergyPj(levels[cell], first)
                + device.programEnergyPj(first, targetLevel);
        time = device.programTimePs(levels[cell], first) + device.programTimePs(first, targetLevel);
        reached = targetLevel;
      } else {
        int targetLevel = device.nearestLevel(targetSiemens);
        reached = device.programmedLevel(targetLevel, writeRng);
        steps = Math.abs(reached - levels[cell]);
        energy = device.programEnergyPj(levels[cell], reached);
        time = device.programTimePs(levels[cell], reached);
      }
      levels[cell] = reached;
      nominal = device.conductanceSiemens(reached);
    }
    conductance[cell] =
        switch (stuck[cell]) {
          case 1 -> device.minConductanceSiemens();
          case 2 -> device.maxConductanceSiemens();
          default -> nominal * variation[cell];
        };
    writeTimePs = time;
    writeEnergyPj = energy;
    return steps;
  }

  /** Effective conductance of a cell as the read sees it (IR-drop attenuated when enabled). */
  public double effectiveConductanceSiemens(int row, int physicalColumn) {
    double g = conductance[row * physicalColumns + physicalColumn];
    if (!config.irDrop()) {
      return g;
    }
    double segments = (physicalColumn + 1) + (rows - row);
    return g / (1 + g * config.wireResistanceOhm() * segments);
  }

  /** The effective weight a read applies for (row, weight column), in weight units. */
  public double effectiveWeight(int row, int column) {
    return readMatrix[row * rowLength + column];
  }

  /** Level of a physical cell (0 for a continuous device). */
  public int level(int row, int physicalColumn) {
    return levels[row * physicalColumns + physicalColumn];
  }

  private void rebuildReadMatrices() {
    int per = mapping.columnsPerWeight();
    double unit = mapping.unitConductance(device);
    double sigma = device.nonIdealities().readNoiseSigma();
    int refColumn = mapping.referenceColumns() > 0 ? physicalColumns - 1 : -1;
    noisy = sigma > 0;
    rowLength = noisy ? 2 * stride : stride;
    readMatrix = new float[usedRows * rowLength];
    usedLanes = new int[stride];
    java.util.Arrays.fill(usedLanes, 0, usedColumns, -1);
    referenceNoiseVariance = noisy && refColumn >= 0 ? new float[usedRows] : new float[0];
    for (int i = 0; i < usedRows; i++) {
      double ref = refColumn >= 0 ? effectiveConductanceSiemens(i, refColumn) : 0;
      if (refColumn >= 0 && noisy) {
        referenceNoiseVariance[i] = (float) (sigma * sigma * ref * ref / (unit * unit));
      }
      for (int j = 0; j < usedColumns; j++) {
        double value = -ref;
        double var = 0;
        for (int k = 0; k < per; k++) {
          double g = effectiveConductanceSiemens(i, j * per + k);
          value += mapping.columnSign(k) * g;
          var += g * g;
        }
        readMatrix[i * rowLength + j] = (float) (value / unit);
        if (noisy) {
          readMatrix[i * rowLength + stride + j] = (float) (sigma * sigma * var / (unit * unit));
        }
      }
    }
    subsetSums =
        refColumn < 0
                && usedColumns > VectorReadKernel.NARROW_COLUMNS
                && SubsetSums.bytes(usedRows, rowLength) <= SubsetSums.LIMIT_BYTES
            ? new SubsetSums(readMatrix, usedRows, rowLength)
            : null;
  }

  /**
   * One analog read: column outputs (weight units, before any converter) for a row drive vector in
   * units of the full-scale row voltage step, with read noise keyed on a number drawn from the
   * array's own seeded generator. {@code out} must hold {@link #readBufferLength()} values; entries
   * past {@link #usedColumns()} are zero. Not thread-safe (scratch buffers).
   */
  public void read(float[] drive, float[] out) {
    Preconditions.checkState(readRng != null, "a read view has no read-noise generator of its own");
    long key = readRng.nextLong();
    int count = 0;
    for (int i = 0; i < usedRows; i++) {
      float v = drive[i];
      scratchRows[count] = i;
      scratchDrive[count] = v;
      count += v != 0f ? 1 : 0;
    }
    readActive(
        scratchRows,
        scratchDrive,
        count,
        out,
        KeyedGaussian.keyLo(key),
        KeyedGaussian.keyHi(key),
        0);
  }

  /** The array's own read-noise generator (seeded from the configuration); null for a view. */
  SplittableRandom readRng() {
    return readRng;
  }

  /**
   * One analog read given only the driven rows: {@code drive[k]} drives row {@code rows[k]}, for k
   * in [0, count), rows ascending; every other row is undriven (the same bits as the dense product
   * over all rows, at the cost of the driven rows only). Column c's read noise is √(σ²·Σ x²G²)
   * times {@link KeyedGaussian} sample c of block {@code block} of the mixed key ({@code kLo},
   * {@code kHi}); the reference column's (offset mapping) is its own σ times sample {@code
   * BLOCK_SAMPLES − 1}, subtracted from every column: out[c] = fma(√v_c, g_c, y_c) − ref.
   */
  public void readActive(
      int[] rows, float[] drive, int count, float[] out, int kLo, int kHi, int block) {
    Preconditions.checkState(usedRows > 0, "crossbar is not programmed");
    if (!noisy) {
      MvmKernel.mvm(readMatrix, rowLength, stride, rows, drive, count, out, useVector);
      return;
    }
    MvmKernel.mvmWithVariance(
        readMatrix, rowLength, stride, rows, drive, count, out, scratchVariance, useVector);
    int m = usedColumns;
    float ref = referenceNoise(rows, drive, count, kLo, kHi, block);
    float[] g = scratchGaussians;
    KeyedGaussian.fillMixed(kLo, kHi, block, g, m, useVector);
    for (int j = 0; j < m; j++) {
      out[j] = Math.fma((float) Math.sqrt(scratchVariance[j]), g[j], out[j]) - ref;
    }
  }

  /** The reference column's read noise of a read (0 without a reference column or noise). */
  private float referenceNoise(int[] rows, float[] drive, int count, int kLo, int kHi, int block) {
    if (referenceNoiseVariance.length == 0) {
      return 0f;
    }
    float v = 0f;
    for (int k = 0; k < count; k++) {
      float x = drive[k];
      v = Math.fma(x * x, referenceNoiseVariance[rows[k]], v);
    }
    return (float) Math.sqrt(v)
        * KeyedGaussian.sample(kLo, kHi, block, KeyedGaussian.BLOCK_SAMPLES - 1);
  }

  /**
   * One bit cycle of a read, straight through a uniform mid-tread ADC into integer shift-and-add
   * accumulators, in one pass over the columns: for each column c the noisy value u = fma(√v_c,
   * g_c, y_c) − ref (as {@link #readActive}), t = u · invStep (code units), the rounded magnitude r
   * = rint(min(|t|, 2²²)) (half to even), the code q = ±min(r, maxCode) with t's sign, and codes[c]
   * += ±(q &lt;&lt; shift) ({@code negative} chooses −). Counts into {@code range[0]} the used
   * columns with r &gt; maxCode (clipped) and into {@code range[1]} those with r = 0 and u ≠ 0 (a
   * signal lost to code 0). {@code invStep} must be finite and the drives finite (no NaN reaches
   * the ADC). {@code codes} must hold {@link #readBufferLength()} values.
   */
  public void readConvert(
      int[] rows,
      float[] drive,
      int count,
      int kLo,
      int kHi,
      int block,
      float invStep,
      int maxCode,
      int shift,
      boolean negative,
      int[] codes,
      long[] range) {
    Preconditions.checkState(usedRows > 0, "crossbar is not programmed");
    readConvert(
        readMatrix,
        rows,
        drive,
        count,
        kLo,
        kHi,
        block,
        invStep,
        maxCode,
        shift,
        negative,
        codes,
        range);
  }

  /**
   * {@link #readConvert} with the column sums taken over rows of {@code matrix}: the read matrix,
   * or the subset-sum table (its rows are then table entries driven with 1, and the array has no
   * reference column).
   */
  private void readConvert(
      float[] matrix,
      int[] rows,
      float[] drive,
      int count,
      int kLo,
      int kHi,
      int block,
      float invStep,
      int maxCode,
      int shift,
      boolean negative,
      int[] codes,
      long[] range) {
    float ref =
        noisy && matrix == readMatrix ? referenceNoise(rows, drive, count, kLo, kHi, block) : 0f;
    if (useVector && MvmKernel.VECTOR_AVAILABLE && VectorReadKernel.usable()) {
      VectorReadKernel.readConvert(
          matrix,
          rowLength,
          stride,
          rows,
          drive,
          count,
          noisy,
          kLo,
          kHi,
          block,
          ref,
          invStep,
          maxCode,
          shift,
          negative,
          usedLanes,
          codes,
          range,
          scratchChunk,
          scratchHashes,
          scratchValues,
          scratchVariance,
          scratchCounts);
    } else {
      scalarReadConvert(
          matrix, rows, drive, count, kLo, kHi, block, ref, invStep, maxCode, shift, negative,
          codes, range);
    }
  }

  /**
   * The bit cycles of one pass of a bit-serial read, each exactly as {@link #readConvert}: cycle k
   * in [0, cycles) drives rows {@code rows[k][0..count[k])} with {@code drive[k]}, its noise is
   * block {@code firstBlock + k} of the key and its codes are shifted by {@code k · shiftStep}; a
   * cycle with no driven row is skipped (it reads exactly zero). The same codes and counts as
   * calling {@link #readConvert} per cycle, to the bit; the Vector API loops take all the driven
   * cycles of the pass at once ({@link VectorReadKernel#readConvertPass}), so a read pays its call
   * overhead once per pass and the keyed noise of many cycles is made in one stream.
   */
  public void readConvertPass(
      int[][] rows,
      float[][] drive,
      int[] count,
      int cycles,
      int kLo,
      int kHi,
      int firstBlock,
      float invStep,
      int maxCode,
      int shiftStep,
      boolean negative,
      int[] codes,
      long[] range) {
    Preconditions.checkState(usedRows > 0, "crossbar is not programmed");
    readConvertPass(
        readMatrix,
        rows,
        drive,
        count,
        cycles,
        kLo,
        kHi,
        firstBlock,
        invStep,
        maxCode,
        shiftStep,
        negative,
        codes,
        range);
  }

  /**
   * A pass of 1-bit cycles read through subset sums ({@link #readsSubsetSums} must hold): cycle k
   * in [0, cycles) drives, in each row group g of {@link SubsetSums#GROUP_ROWS} rows, the rows of
   * the pattern p (bit r: row 4g + r), given as entry {@code entries[k][a] = 16g + p} (groups
   * ascending, p ≠ 0, a in [0, count[k])) with {@code ones[k][a] = 1}; noise blocks and shifts as
   * {@link #readConvertPass} with a shift step of 1. Each column value is the sum of its groups'
   * table entries (ascending groups), so the vector and scalar loops give the same bits; it equals
   * the row-by-row read's value up to float rounding.
   */
  public void readConvertPassSubsets(
      int[][] entries,
      float[][] ones,
      int[] count,
      int cycles,
      int kLo,
      int kHi,
      int firstBlock,
      float invStep,
      int maxCode,
      boolean negative,
      int[] codes,
      long[] range) {
    Preconditions.checkState(readsSubsetSums(), "this array does not read through subset sums");
    readConvertPass(
        subsetSums.table(),
        entries,
        ones,
        count,
        cycles,
        kLo,
        kHi,
        firstBlock,
        invStep,
        maxCode,
        1,
        negative,
        codes,
        range);
  }

  private void readConvertPass(
      float[] matrix,
      int[][] rows,
      float[][] drive,
      int[] count,
      int cycles,
      int kLo,
      int kHi,
      int firstBlock,
      float invStep,
      int maxCode,
      int shiftStep,
      boolean negative,
      int[] codes,
      long[] range) {
    if (!(useVector && MvmKernel.VECTOR_AVAILABLE && VectorReadKernel.usable())) {
      for (int k = 0; k < cycles; k++) {
        if (count[k] > 0) {
          readConvert(
              matrix,
              rows[k],
              drive[k],
              count[k],
              kLo,
              kHi,
              firstBlock + k,
              invStep,
              maxCode,
              k * shiftStep,
              negative,
              codes,
              range);
        }
      }
      return;
    }
    PassScratch s = passScratch;
    s.ensure(cycles, stride);
    int n = 0;
    for (int k = 0; k < cycles; k++) {
      if (count[k] > 0) {
        s.active[n] = k;
        s.refs[n] =
            noisy && matrix == readMatrix
                ? referenceNoise(rows[k], drive[k], count[k], kLo, kHi, firstBlock + k)
                : 0f;
        n++;
      }
    }
    if (n == 0) {
      return;
    }
    VectorReadKernel.readConvertPass(
        matrix,
        rowLength,
        stride,
        usedColumns,
        rows,
        drive,
        count,
        n,
        noisy,
        kLo,
        kHi,
        firstBlock,
        invStep,
        maxCode,
        shiftStep,
        negative,
        usedLanes,
        codes,
        range,
        s);
  }

  /**
   * True when {@link #readConvertCodes} can read a pass of {@code cycles} bit cycles: Vector API
   * reads, at most {@link VectorReadKernel#NARROW_COLUMNS} used columns, no reference column, and
   * no more cycles than float lanes.
   */
  public boolean readsCodes(int cycles) {
    return useVector
        && MvmKernel.VECTOR_AVAILABLE
        && VectorReadKernel.usable()
        && usedColumns <= VectorReadKernel.NARROW_COLUMNS
        && referenceNoiseVariance.length == 0
        && cycles <= VectorGaussian.L;
  }

  /**
   * A pass of a bit-serial read given the input codes of its driven rows ({@link #readsCodes} must
   * hold): row {@code rows[a]} (ascending) holds code {@code q[a]} &gt; 0, cycle k in [0, cycles)
   * drives it with slice k, (q[a] &gt;&gt; k·sliceBits) mod 2^sliceBits, with noise block {@code
   * firstBlock + k} and its codes shifted by k · sliceBits. The same codes and counts, to the bit,
   * as {@link #readConvertPass} of the cycles' driven rows; the cycles are the lanes, so a narrow
   * read costs a few vector operations per driven row instead of a scalar pass per cycle.
   */
  public void readConvertCodes(
      int[] rows,
      int[] q,
      int count,
      int cycles,
      int sliceBits,
      int kLo,
      int kHi,
      int firstBlock,
      float invStep,
      int maxCode,
      boolean negative,
      int[] codes,
      long[] range) {
    Preconditions.checkState(readsCodes(cycles), "this array cannot read codes");
    VectorReadKernel.readConvertCodes(
        readMatrix,
        rowLength,
        stride,
        usedColumns,
        rows,
        q,
        count,
        noisy,
        cycles,
        sliceBits,
        kLo,
        kHi,
        firstBlock,
        invStep,
        maxCode,
        negative,
        codes,
        range,
        passScratch);
  }

  private void scalarReadConvert(
      float[] matrix,
      int[] rows,
      float[] drive,
      int count,
      int kLo,
      int kHi,
      int block,
      float ref,
      float invStep,
      int maxCode,
      int shift,
      boolean negative,
      int[] codes,
      long[] range) {
    float[] y = scratchValues;
    float[] var = scratchVariance;
    if (noisy) {
      MvmKernel.mvmWithVariance(matrix, rowLength, stride, rows, drive, count, y, var, false);
    } else {
      MvmKernel.mvm(matrix, rowLength, stride, rows, drive, count, y, false);
    }
    long clipped = 0;
    long zero = 0;
    for (int j = 0; j < usedColumns; j++) {
      float u =
          noisy
              ? Math.fma((float) Math.sqrt(var[j]), KeyedGaussian.sample(kLo, kHi, block, j), y[j])
                  - ref
              : y[j];
      float t = u * invStep;
      int r = Float.floatToRawIntBits(Math.min(Math.abs(t), ROUND_LIMIT) + TWO23) - TWO23_BITS;
      int s = Float.floatToRawIntBits(t) >> 31;
      int code = ((Math.min(r, maxCode) ^ s) - s) << shift;
      codes[j] += negative ? -code : code;
      clipped += r > maxCode ? 1 : 0;
      zero += r == 0 && (Float.floatToRawIntBits(u) & 0x7FFFFFFF) != 0 ? 1 : 0;
    }
    range[0] += clipped;
    range[1] += zero;
  }

  /** Mean conductance of the programmed physical cells, siemens (prices a cell read as V²·G·t). */
  public double meanProgrammedConductanceSiemens() {
    int per = mapping.columnsPerWeight();
    double sum = 0;
    long n = 0;
    for (int i = 0; i < usedRows; i++) {
      for (int c = 0; c < usedColumns * per; c++) {
        sum += conductance[i * physicalColumns + c];
        n++;
      }
      if (mapping.referenceColumns() > 0) {
        sum += conductance[i * physicalColumns + physicalColumns - 1];
        n++;
      }
    }
    return n == 0 ? 0 : sum / n;
  }
}
