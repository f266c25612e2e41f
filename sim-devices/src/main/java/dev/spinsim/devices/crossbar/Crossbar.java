package dev.spinsim.devices.crossbar;

import com.google.common.base.Preconditions;
import dev.spinsim.devices.synapse.SynapseDevice;
import dev.spinsim.devices.synapse.SynapseNonIdealities;
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
  /** Column padding of the read matrices, the widest float vector (512 bit), so no loop has a tail. */
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

  private int usedRows;
  private int usedColumns;
  /** Row stride of the read matrices: usedColumns rounded up to {@link #PAD} (zero padded). */
  private int stride;
  private float[] weights = new float[0];
  private float[] noiseVariance = new float[0];
  private float[] referenceNoiseVariance = new float[0];
  private boolean noisy;
  private float[] scratchSquares;
  private float[] scratchVariance;

  public Crossbar(CrossbarConfig config, SynapseDevice device, WeightMapping mapping) {
    this.config = Preconditions.checkNotNull(config);
    this.device = Preconditions.checkNotNull(device);
    this.mapping = Preconditions.checkNotNull(mapping);
    this.rows = config.rows();
    this.physicalColumns = config.columns();
    this.weightCapacity = mapping.weightColumns(physicalColumns);
    Preconditions.checkArgument(weightCapacity >= 1,
        "crossbar.cols must leave room for at least one weight column with the %s mapping, got %s",
        mapping.name(), physicalColumns);
    int cells = rows * physicalColumns;
    this.levels = new int[cells];
    this.variation = new double[cells];
    this.stuck = new byte[cells];
    this.conductance = new double[cells];
    SynapseNonIdealities n = device.nonIdealities();
    SplittableRandom fixed = new SplittableRandom(config.seed() ^ STUCK_SALT);
    for (int c = 0; c < cells; c++) {
      variation[c] = n.variationSigma() == 0 ? 1.0 : Math.exp(n.variationSigma() * fixed.nextGaussian());
      if (n.stuckFraction() > 0 && fixed.nextDouble() < n.stuckFraction()) {
        stuck[c] = (byte) (fixed.nextBoolean() ? 1 : 2);
      }
      conductance[c] = device.minConductanceSiemens();
    }
    this.writeRng = new SplittableRandom(config.seed() ^ WRITE_SALT);
    this.readRng = new SplittableRandom(config.seed() ^ READ_SALT);
    this.scratchSquares = new float[rows];
    this.scratchVariance = new float[readBufferLength()];
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
    return (weightCapacity + PAD - 1) / PAD * PAD;
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

  /** True when reads draw read noise. */
  public boolean isNoisy() {
    return noisy;
  }

  /**
   * Programs a row-major weight matrix (values in [−1, 1], clipped) of {@code nRows × nCols} into
   * the top-left of the array, from the cells' current levels, with write errors.
   */
  public ProgramResult program(double[] w, int nRows, int nCols) {
    Preconditions.checkArgument(nRows >= 1 && nRows <= rows, "weight rows must be in [1, %s], got %s", rows, nRows);
    Preconditions.checkArgument(nCols >= 1 && nCols <= weightCapacity,
        "weight columns must be in [1, %s] for a %s-column %s crossbar, got %s", weightCapacity,
        physicalColumns, mapping.name(), nCols);
    Preconditions.checkArgument(w.length >= nRows * nCols, "weights must hold %s values, got %s",
        nRows * nCols, w.length);
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
        for (int k = 0; k < per; k++) {
          int cell = i * physicalColumns + j * per + k;
          long[] cost = writeCell(cell, target[k]);
          steps += cost[0];
          rowTime = Math.max(rowTime, cost[1]);
          energyPj += Double.longBitsToDouble(cost[2]);
          cells++;
        }
      }
      if (refColumn >= 0) {
        long[] cost = writeCell(i * physicalColumns + refColumn, refTarget);
        steps += cost[0];
        rowTime = Math.max(rowTime, cost[1]);
        energyPj += Double.longBitsToDouble(cost[2]);
        cells++;
      }
      timePs += rowTime;
    }
    usedRows = nRows;
    usedColumns = nCols;
    stride = (nCols + PAD - 1) / PAD * PAD;
    rebuildReadMatrices();
    return new ProgramResult(cells, steps, energyPj, timePs);
  }

  /** Writes one cell; returns {steps, timePs, energy bits}. */
  private long[] writeCell(int cell, double targetSiemens) {
    double nominal;
    long steps = 0;
    long time = 0;
    double energy = 0;
    if (device.levels() == 0) {
      nominal = targetSiemens;
    } else {
      int targetLevel = device.nearestLevel(targetSiemens);
      int reached = device.programmedLevel(targetLevel, writeRng);
      steps = Math.abs(reached - levels[cell]);
      energy = device.programEnergyPj(levels[cell], reached);
      time = device.programTimePs(levels[cell], reached);
      levels[cell] = reached;
      nominal = device.conductanceSiemens(reached);
    }
    conductance[cell] = switch (stuck[cell]) {
      case 1 -> device.minConductanceSiemens();
      case 2 -> device.maxConductanceSiemens();
      default -> nominal * variation[cell];
    };
    return new long[] {steps, time, Double.doubleToRawLongBits(energy)};
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
    return weights[row * stride + column];
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
    weights = new float[usedRows * stride];
    noisy = sigma > 0;
    noiseVariance = noisy ? new float[usedRows * stride] : new float[0];
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
        weights[i * stride + j] = (float) (value / unit);
        if (noisy) {
          noiseVariance[i * stride + j] = (float) (sigma * sigma * var / (unit * unit));
        }
      }
    }
  }

  /**
   * One analog read: column outputs (weight units, before any converter) for a row drive vector
   * in units of the full-scale row voltage step, with read noise drawn from the array's own
   * seeded generator. {@code out} must hold {@link #readBufferLength()} values; entries past
   * {@link #usedColumns()} are zero. Not thread-safe (scratch buffers).
   */
  public void read(float[] drive, float[] out) {
    read(drive, out, readRng);
  }

  /** One analog read with read noise drawn from the given generator. */
  public void read(float[] drive, float[] out, SplittableRandom rng) {
    Preconditions.checkState(usedRows > 0, "crossbar is not programmed");
    MvmKernel.mvm(weights, usedRows, stride, drive, out, useVector);
    if (!noisy) {
      return;
    }
    for (int i = 0; i < usedRows; i++) {
      scratchSquares[i] = drive[i] * drive[i];
    }
    MvmKernel.mvm(noiseVariance, usedRows, stride, scratchSquares, scratchVariance, useVector);
    double refNoise = 0;
    if (referenceNoiseVariance.length > 0) {
      double v = 0;
      for (int i = 0; i < usedRows; i++) {
        v += scratchSquares[i] * referenceNoiseVariance[i];
      }
      refNoise = Math.sqrt(v) * rng.nextGaussian();
    }
    for (int j = 0; j < usedColumns; j++) {
      out[j] += (float) (Math.sqrt(scratchVariance[j]) * rng.nextGaussian() - refNoise);
    }
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
