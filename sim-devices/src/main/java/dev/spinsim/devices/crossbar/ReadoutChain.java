package dev.spinsim.devices.crossbar;

import com.google.common.base.Preconditions;
import dev.spinsim.devices.converter.Adc;
import dev.spinsim.devices.converter.Dac;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A crossbar with its readout: inputs quantised to {@code inputBits}, applied bit-serially through
 * the DAC when it has fewer bits than the input, each cycle's column values sampled (S+H),
 * converted by the shared ADCs (clipping + quantisation) and shifted-and-added into the result.
 * With an ideal DAC and ADC and a noiseless continuous synapse it reproduces x·W exactly (to float
 * rounding). Outputs are in weight units for inputs normalised to [0, 1] (or [−1, 1] sign-split).
 * A cycle whose row drives are all zero is not simulated (its outputs are exactly zero, noise
 * included) but is still counted: {@link ReadCounts} is the hardware's work, not the simulator's.
 * Not thread-safe: one chain per thread.
 */
public final class ReadoutChain {
  private final Crossbar crossbar;
  private final Dac dac;
  private final Adc adc;
  private final ReadoutConfig config;
  private final int cyclesPerPass;
  private final int sliceBits;
  /** The driven rows of the current cycle and their drives (input-code units), ascending rows. */
  private final int[] activeRows;
  private final float[] drive;
  /** Per bit cycle of a pass: its driven rows (ascending) and their slices, and how many. */
  private final int[][] cycleRows;
  private final float[][] cycleDrive;
  private final int[] cycleCount;
  private float[] columns;
  private double[] acc;
  private ReadCounts counts;
  private int countedRows = -1;
  private int countedColumns = -1;

  public ReadoutChain(Crossbar crossbar, Dac dac, Adc adc, ReadoutConfig config) {
    this.crossbar = Preconditions.checkNotNull(crossbar);
    this.dac = Preconditions.checkNotNull(dac);
    this.adc = Preconditions.checkNotNull(adc);
    this.config = Preconditions.checkNotNull(config);
    this.cyclesPerPass = ReadCounts.cyclesPerPass(config.inputBits(), dac.bits());
    this.sliceBits = config.inputBits() == 0 ? 0 : ReadCounts.effectiveDacBits(config.inputBits(), dac.bits());
    this.activeRows = new int[crossbar.rows()];
    this.drive = new float[crossbar.rows()];
    this.cycleRows = new int[cyclesPerPass][crossbar.rows()];
    this.cycleDrive = new float[cyclesPerPass][crossbar.rows()];
    this.cycleCount = new int[cyclesPerPass];
    this.columns = new float[crossbar.readBufferLength()];
    this.acc = new double[crossbar.weightCapacity()];
  }

  public Crossbar crossbar() {
    return crossbar;
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

  /** The closed-form action counts of one read of the programmed region. */
  public ReadCounts counts() {
    if (counts == null || countedRows != crossbar.usedRows() || countedColumns != crossbar.usedColumns()) {
      Preconditions.checkState(crossbar.usedRows() > 0, "crossbar is not programmed");
      countedRows = crossbar.usedRows();
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

  /** ADC full scale of one cycle, in weight × input-code units. */
  public double adcFullScale() {
    double maxSlice = config.inputBits() == 0 ? 1.0 : (1 << sliceBits) - 1;
    return config.adcFullScaleFraction() * crossbar.usedRows() * maxSlice;
  }

  /**
   * Reads y_j = Σ_i x_i·w_ij through the chain into {@code out[0..usedColumns)} and returns the
   * action counts of the read.
   */
  public ReadCounts read(double[] x, double[] out) {
    return read(x, out, null);
  }

  /**
   * As {@link #read(double[], double[])}, drawing the read noise from {@code noise} (null: the
   * array's own generator), so a caller can key the noise on what is read rather than on the
   * order of the reads.
   */
  public ReadCounts read(double[] x, double[] out, SplittableRandom noise) {
    this.noise = noise;
    ReadCounts c = counts();
    int n = crossbar.usedRows();
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
      } else {
        readBitSerial(x, n, m, sign, passes, fullScale);
      }
    }
    double scale = config.inputBits() == 0 ? 1.0 : 1.0 / ((1L << config.inputBits()) - 1);
    for (int j = 0; j < m; j++) {
      out[j] = acc[j] * scale;
    }
    return c;
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
    }
  }

  /** Clips to [0, 1] (NaN to 0) with plain comparisons: Math.min/max on doubles are slow here. */
  private static double clip01(double v) {
    return v >= 1 ? 1 : (v > 0 ? v : 0);
  }

  private SplittableRandom noise;

  /** Array read of the given driven rows, S+H, ADC conversion, shift-and-add with a weight. */
  private void convertAndAccumulate(int[] rows, float[] drives, int count, double weight, double fullScale, int m) {
    crossbar.readActive(rows, drives, count, columns, noise == null ? crossbar.readRng() : noise);
    if (adc.bits() == 0) {
      for (int j = 0; j < m; j++) {
        acc[j] += weight * columns[j];
      }
    } else {
      adc.convertAccumulate(columns, m, fullScale, weight, acc, crossbar.isVectorised());
    }
  }
}
