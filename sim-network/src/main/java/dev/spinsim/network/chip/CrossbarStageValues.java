package dev.spinsim.network.chip;

import dev.spinsim.devices.activation.ActivationUnit;
import dev.spinsim.devices.crossbar.ReadoutChain;
import dev.spinsim.network.mapping.ColumnStacks;
import dev.spinsim.network.mapping.LayerMapping;
import dev.spinsim.network.mapping.PhaseLayout;
import dev.spinsim.network.run.StageStats;
import dev.spinsim.network.run.StageValues;
import dev.spinsim.network.tensor.Parallel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The numbers of one crossbar stage, through the device models: the im2col input vector is scaled
 * onto the DAC's range, each crossbar block reads its slice through its readout chain (DAC, array
 * with variation and read noise, S+H, ADC clipping and quantisation, shift-and-add), partial sums
 * of the row blocks add digitally (with analog partial sums, the column currents of the crossbars
 * of a column stack are summed before one conversion and only the stacks' sums add digitally), the
 * bias is added and the activation unit's transfer curve shapes the output that the next stage
 * reads. Each read reports the (row, bit cycle) pairs it drove per crossbar ({@link
 * #drivenRowCycles}); a stack whose inputs are all zero is not read at all.
 *
 * <p>Read noise is a function of a key made of (stage, image, vector, stack, column block) and of
 * the bit cycle ({@link dev.spinsim.devices.crossbar.KeyedGaussian}), so the values do not depend
 * on the order in which the event-driven or the functional runner asks for them, nor on the thread:
 * {@link #computeImages} splits a batch's images over the compute threads, each with its own views
 * of the programmed crossbars, and every count (row drives per image slot, ADC ranges, activations)
 * is either kept per image slot or summed over the threads' chains. Within a thread, a tile of
 * images reads each vector through each crossbar back to back ({@link #TILE}), so a crossbar's read
 * matrix is fetched once for the tile.
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

  private final float[][] inputs;
  private final float[][] outputs;
  private final double[][] pre;

  /** The calling thread's chains and scratch; {@link #spare} holds the other threads'. */
  private final Worker main;

  private final ConcurrentLinkedQueue<Worker> spare = new ConcurrentLinkedQueue<>();

  /** Every worker made so far (their counts are summed by {@link #stats}). */
  private final List<Worker> workers = new ArrayList<>();

  /**
   * @param inputs per image, this stage's input map {@code C×H×W} (filled upstream)
   * @param outputs per image, this stage's output map (the next stage's inputs)
   * @param inputScale input magnitude that drives the DAC at full scale
   * @param weightScale weight magnitude programmed as |w| = 1
   * @param activationScale pre-activation magnitude that drives the activation unit at x = 1
   */
  CrossbarStageValues(
      StagePlan plan,
      LayerMapping m,
      ReadoutChain[] chains,
      ColumnStacks stacks,
      double inputScale,
      double weightScale,
      double activationScale,
      boolean digitalBias,
      ActivationUnit activation,
      long noiseKey,
      int firstImage,
      float[][] inputs,
      float[][] outputs,
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
    this.inputs = inputs;
    this.outputs = outputs;
    this.pre = new double[images][m.layout().vectorsPerImage() * m.matrixCols()];
    this.main = new Worker(chains);
    workers.add(main);
  }

  /** See {@link Chip#setVectorised}: this thread's chains now, and the workers made later. */
  void setVectorised(boolean vector) {
    for (ReadoutChain c : chains) {
      for (int k = 0; k < c.stackHeight(); k++) {
        c.crossbar(k).setVectorised(vector);
      }
    }
    spare.clear(); // later threads make new views (their predecessors' counts stay in workers)
  }

  /** One thread's chains (views of the same programmed arrays), scratch buffers and counts. */
  private final class Worker {
    final ReadoutChain[] chains;
    final float[] vector = new float[m.matrixRows()];

    /** The non-zero inputs of the vector: their rows (ascending) and values (÷ input scale). */
    final int[] rows = new int[m.matrixRows()];

    final double[] values = new double[m.matrixRows()];
    final double[] columns = new double[m.logicalColsPerCrossbar()];

    /** The taps of the current vector ({@link PhaseLayout#taps}). */
    final int[] tapRow = new int[m.layout().maxTaps()];

    final int[] tapSource = new int[m.layout().maxTaps()];
    long activations;
    long saturated;

    /**
     * Per image of a tile: its non-zero inputs (image 0's are {@link #rows} and {@link #values},
     * the others' are made on the first tile of more than one image), their count and the range of
     * them that the current stack holds.
     */
    final int[][] tileRows = new int[TILE][];

    final double[][] tileValues = new double[TILE][];
    final int[] tileCount = new int[TILE];
    final int[] tileFrom = new int[TILE];
    final int[] tileTo = new int[TILE];

    Worker(ReadoutChain[] chains) {
      this.chains = chains;
      tileRows[0] = rows;
      tileValues[0] = values;
    }

    void ensureTile(int n) {
      for (int t = 1; t < n; t++) {
        if (tileRows[t] == null) {
          tileRows[t] = new int[m.matrixRows()];
          tileValues[t] = new double[m.matrixRows()];
        }
      }
    }
  }

  /**
   * Images whose reads of one vector go through each crossbar back to back ({@link
   * #computeImages}): the crossbar's read matrix rows and its chain's scratch are then read from
   * cache by all but the first, where a read per (image, vector) in turn fetched them anew for
   * every read (fmnist's first stage holds 5 MB of read matrices; with tiles of 8, fmnist `paper`
   * took 0.9× the CPU time per image).
   */
  static final int TILE = 8;

  /**
   * Every vector of image slots [from, to), the slots split over the compute threads: each image is
   * computed by one thread, with its own chains, so its values and its row-drive counts never
   * depend on the thread count.
   */
  @Override
  public void computeImages(int from, int to, int vectors) {
    long work = (long) vectors * m.crossbarsPerCopy() * 64;
    Parallel.forRange(
        to - from,
        1,
        work,
        (a, b) -> {
          Worker w = Thread.currentThread() == owner ? main : spare.poll();
          if (w == null) {
            ReadoutChain[] copies = new ReadoutChain[chains.length];
            for (int i = 0; i < chains.length; i++) {
              copies[i] = chains[i].forAnotherThread();
            }
            w = new Worker(copies);
            synchronized (workers) {
              workers.add(w);
            }
          }
          try {
            for (int i0 = from + a; i0 < from + b; i0 += TILE) {
              int n = Math.min(TILE, from + b - i0);
              for (int v = 0; v < vectors; v++) {
                compute(w, i0, n, v);
                for (int t = 0; t < n; t++) {
                  finish(w, i0 + t, v);
                }
              }
            }
          } finally {
            if (w != main) {
              spare.add(w);
            }
          }
        });
  }

  /** The thread that built the stage (the runner's): it uses {@link #main}. */
  private final Thread owner = Thread.currentThread();

  @Override
  public void beginBatch(int firstImage) {
    this.firstImage = firstImage;
    for (long[] d : driven) {
      Arrays.fill(d, 0);
    }
  }

  @Override
  public void computeVector(int image, int v) {
    compute(main, image, 1, v);
  }

  /**
   * Vector v of images [i0, i0 + n) (n at most {@link #TILE}): each image's non-zero inputs are
   * gathered once, then each crossbar of the vector's phase reads the images' inputs back to back.
   * Each image's partial sums add in the order of the stacks, as they would image by image, so the
   * values do not depend on the tile.
   */
  private void compute(Worker w, int i0, int n, int v) {
    double[] columns = w.columns;
    PhaseLayout layout = m.layout();
    int ph = layout.phaseOf(v);
    int cols = m.matrixCols();
    // the non-zero inputs, once: the reads below cost them, not the rows
    float[] gathered = w.vector;
    w.ensureTile(n);
    int taps = layout.taps(v, w.tapRow, w.tapSource);
    for (int t = 0; t < n; t++) {
      int[] nzRows = w.tileRows[t];
      double[] nzValues = w.tileValues[t];
      int nz =
          layout.gatherNonZero(inputs[i0 + t], v, taps, w.tapRow, w.tapSource, nzRows, gathered);
      for (int k = 0; k < nz; k++) {
        nzValues[k] = gathered[k] / inputScale;
      }
      if (layout.biasRow(ph) >= 0) {
        nzRows[nz] = layout.biasRow(ph); // the phase's last row, driven at full scale
        nzValues[nz++] = 1.0;
      }
      w.tileCount[t] = nz;
      w.tileTo[t] = 0;
      Arrays.fill(pre[i0 + t], v * cols, (v + 1) * cols, 0.0);
    }
    int copy = v % m.replication();
    // the phase's column stacks (digital: its row blocks)
    int perCopy = stacks.stacks() * m.colBlocks();
    for (int s = stacks.firstStack(ph); s < stacks.firstStack(ph) + stacks.stacksOfPhase(ph); s++) {
      int r0 = layout.firstRowOfBlock(stacks.firstBlock(s));
      int rows = 0;
      for (int rb = stacks.firstBlock(s); rb <= stacks.lastBlock(s); rb++) {
        rows += layout.rowsInBlock(rb);
      }
      // the stacks go up the rows, so each image's range starts where the last one's search
      // stopped: one pass over its rows a vector
      boolean any = false;
      for (int t = 0; t < n; t++) {
        int[] nzRows = w.tileRows[t];
        int count = w.tileCount[t];
        int k = w.tileTo[t];
        while (k < count && nzRows[k] < r0) {
          k++;
        }
        w.tileFrom[t] = k;
        while (k < count && nzRows[k] < r0 + rows) {
          k++;
        }
        w.tileTo[t] = k;
        any |= w.tileFrom[t] < k;
      }
      if (!any) {
        continue; // no row is driven: no current flows, the columns read exactly zero
      }
      for (int cb = 0; cb < m.colBlocks(); cb++) {
        ReadoutChain chain = w.chains[copy * perCopy + s * m.colBlocks() + cb];
        int c0 = cb * m.logicalColsPerCrossbar();
        int cn = m.colsInBlock(cb);
        for (int t = 0; t < n; t++) {
          if (w.tileFrom[t] == w.tileTo[t]) {
            continue;
          }
          int image = i0 + t;
          chain.read(
              w.tileRows[t],
              w.tileValues[t],
              w.tileFrom[t],
              w.tileTo[t],
              r0,
              columns,
              mix(firstImage + image, v, s, cb));
          for (int k = 0; k < chain.stackHeight(); k++) {
            driven[image][(stacks.firstBlock(s) + k) * m.colBlocks() + cb] +=
                chain.drivenRowCycles(k);
          }
          double[] acc = pre[image];
          for (int j = 0; j < cn; j++) {
            acc[v * cols + c0 + j] += columns[j];
          }
        }
      }
    }
  }

  @Override
  public StageStats stats() {
    long conversions = 0;
    long clipped = 0;
    long zero = 0;
    long activations = 0;
    long saturated = 0;
    synchronized (workers) {
      for (Worker w : workers) {
        for (ReadoutChain c : w.chains) {
          conversions += c.adcConversions();
          clipped += c.adcClipped();
          zero += c.adcZeroCodes();
        }
        activations += w.activations;
        saturated += w.saturated;
      }
    }
    return new StageStats(conversions, clipped, zero, activations, saturated);
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
    finish(main, image, v);
  }

  private void finish(Worker w, int image, int v) {
    int cols = m.matrixCols();
    PhaseLayout layout = m.layout();
    double[] acc = pre[image];
    float[] out = outputs[image];
    float[] bias = plan.bias();
    if (activation != null) {
      w.activations += cols;
    }
    long saturated = 0;
    for (int c = 0; c < cols; c++) {
      double y = acc[v * cols + c] * outputScale + (digitalBias ? bias[layout.channelOf(c)] : 0.0);
      double a;
      if (activation == null) {
        a = y;
      } else if (homogeneous) {
        double x = y / activationScale;
        a = activationScale * activation.transfer(x);
        saturated += activation.saturates(x) ? 1 : 0;
      } else {
        a = activation.transfer(y);
        saturated += activation.saturates(y) ? 1 : 0;
      }
      out[layout.outputIndex(v, c)] = (float) a;
    }
    w.saturated += saturated;
  }
}
