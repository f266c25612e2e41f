package dev.spinsim.network.chip;

import dev.spinsim.devices.activation.ActivationUnit;
import dev.spinsim.devices.crossbar.ReadoutChain;
import dev.spinsim.network.mapping.ColumnStacks;
import dev.spinsim.network.mapping.LayerMapping;
import dev.spinsim.network.mapping.PhaseLayout;
import dev.spinsim.network.run.StageValues;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The numbers of one crossbar stage, through the device models: the im2col input vector is
 * scaled onto the DAC's range, each crossbar block reads its slice through its readout chain
 * (DAC, array with variation and read noise, S+H, ADC clipping and quantisation, shift-and-add),
 * partial sums of the row blocks add digitally (with analog partial sums, the column currents of
 * the crossbars of a column stack are summed before one conversion and only the stacks' sums add
 * digitally), the bias is added and the activation unit's transfer curve shapes the output that
 * the next stage reads. Each read reports the (row, bit cycle) pairs it drove per crossbar
 * ({@link #drivenRowCycles}); a stack whose inputs are all zero is not read at all.
 *
 * <p>Read noise is drawn from a generator keyed on (stage, image, vector, block), so the values
 * do not depend on the order in which the event-driven or the functional runner asks for them.
 */
final class CrossbarStageValues implements StageValues {
  private final StagePlan plan;
  private final LayerMapping m;
  /** Chains of all copies: {@code copy·chainsPerCopy + stack·colBlocks + cb}. */
  private final ReadoutChain[] chains;
  /** The column stacks (one crossbar each with digital partial sums). */
  private final ColumnStacks stacks;
  /** Driven (row, bit cycle) pairs per image slot and crossbar of a copy, since the batch began. */
  private final long[][] driven;
  private final double inputScale;
  private final double outputScale;
  private final double activationScale;
  private final boolean digitalBias;
  private final ActivationUnit activation;
  private final boolean homogeneous;
  private final long noiseKey;
  /** Index of this chip's image slot 0 within the whole run (noise is keyed on the run index). */
  private int firstImage;
  private final boolean noisy;

  private final float[][] inputs;
  private final float[][] outputs;
  private final double[][] pre;

  private final float[] vector;
  private final double[] slice;
  private final double[] columns;

  /**
   * @param inputs per image, this stage's input map {@code C×H×W} (filled upstream)
   * @param outputs per image, this stage's output map (the next stage's inputs)
   * @param inputScale input magnitude that drives the DAC at full scale
   * @param weightScale weight magnitude programmed as |w| = 1
   * @param activationScale pre-activation magnitude that drives the activation unit at x = 1
   */
  CrossbarStageValues(StagePlan plan, LayerMapping m, ReadoutChain[] chains, ColumnStacks stacks,
      double inputScale, double weightScale, double activationScale, boolean digitalBias,
      ActivationUnit activation, long noiseKey, int firstImage, float[][] inputs, float[][] outputs,
      int images) {
    this.plan = plan;
    this.m = m;
    this.chains = chains;
    this.stacks = stacks;
    this.driven = new long[images][m.crossbarsPerCopy()];
    this.inputScale = inputScale;
    this.outputScale = inputScale * weightScale;
    this.activationScale = activationScale;
    this.digitalBias = digitalBias;
    this.activation = activation;
    this.homogeneous = plan.activation().equals("relu") || plan.activation().equals("leaky-relu");
    this.noiseKey = noiseKey;
    this.firstImage = firstImage;
    boolean anyNoise = false;
    for (ReadoutChain c : chains) {
      anyNoise |= c.crossbar().isNoisy();
    }
    this.noisy = anyNoise;
    this.inputs = inputs;
    this.outputs = outputs;
    this.pre = new double[images][m.layout().vectorsPerImage() * m.matrixCols()];
    this.vector = new float[m.matrixRows()];
    this.slice = new double[stacks.maxHeight() * m.crossbarRows()];
    this.columns = new double[m.logicalColsPerCrossbar()];
  }

  @Override
  public void beginBatch(int firstImage) {
    this.firstImage = firstImage;
    for (long[] d : driven) {
      Arrays.fill(d, 0);
    }
  }

  @Override
  public void computeVector(int image, int v) {
    PhaseLayout layout = m.layout();
    int ph = layout.phaseOf(v);
    Arrays.fill(vector, 0f);
    layout.gather(inputs[image], v, vector);
    if (layout.biasRow(ph) >= 0) {
      vector[layout.biasRow(ph)] = (float) inputScale; // bias row driven at full scale
    }
    int cols = m.matrixCols();
    double[] acc = pre[image];
    Arrays.fill(acc, v * cols, (v + 1) * cols, 0.0);
    int copy = v % m.replication();
    // the phase's column stacks (digital: its row blocks)
    int perCopy = stacks.stacks() * m.colBlocks();
    for (int s = stacks.firstStack(ph); s < stacks.firstStack(ph) + stacks.stacksOfPhase(ph); s++) {
      int r0 = layout.firstRowOfBlock(stacks.firstBlock(s));
      int rows = 0;
      for (int rb = stacks.firstBlock(s); rb <= stacks.lastBlock(s); rb++) {
        rows += layout.rowsInBlock(rb);
      }
      boolean zero = true;
      for (int i = 0; i < rows; i++) {
        double x = vector[r0 + i] / inputScale;
        slice[i] = x;
        zero &= x == 0;
      }
      if (zero) {
        continue; // no row is driven: no current flows, the columns read exactly zero
      }
      for (int cb = 0; cb < m.colBlocks(); cb++) {
        ReadoutChain chain = chains[copy * perCopy + s * m.colBlocks() + cb];
        SplittableRandom rng = noisy ? new SplittableRandom(mix(firstImage + image, v, s, cb)) : null;
        chain.read(slice, columns, rng);
        for (int k = 0; k < chain.stackHeight(); k++) {
          driven[image][(stacks.firstBlock(s) + k) * m.colBlocks() + cb] += chain.drivenRowCycles(k);
        }
        int c0 = cb * m.logicalColsPerCrossbar();
        int n = m.colsInBlock(cb);
        for (int j = 0; j < n; j++) {
          acc[v * cols + c0 + j] += columns[j];
        }
      }
    }
  }

  @Override
  public long drivenRowCycles(int slot, int crossbar) {
    return driven[slot][crossbar];
  }

  private long mix(int image, int v, int rb, int cb) {
    long h = noiseKey;
    h = h * 0x9E3779B97F4A7C15L + image;
    h = h * 0x9E3779B97F4A7C15L + v;
    h = h * 0x9E3779B97F4A7C15L + rb;
    h = h * 0x9E3779B97F4A7C15L + cb;
    return h;
  }

  @Override
  public void finishVector(int image, int v) {
    int cols = m.matrixCols();
    PhaseLayout layout = m.layout();
    double[] acc = pre[image];
    float[] out = outputs[image];
    float[] bias = plan.bias();
    for (int c = 0; c < cols; c++) {
      double y = acc[v * cols + c] * outputScale
          + (digitalBias ? bias[layout.channelOf(c)] : 0.0);
      double a;
      if (activation == null) {
        a = y;
      } else if (homogeneous) {
        a = activationScale * activation.transfer(y / activationScale);
      } else {
        a = activation.transfer(y);
      }
      out[layout.outputIndex(v, c)] = (float) a;
    }
  }
}
