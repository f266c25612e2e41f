package dev.spinsim.network.run;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;

import dev.spinsim.core.energy.ActionLedger;
import dev.spinsim.core.event.EventHandler;
import dev.spinsim.core.event.Simulator;
import dev.spinsim.core.resource.BoundedBuffer;
import dev.spinsim.core.trace.TraceLevel;
import dev.spinsim.core.trace.TraceSink;
import dev.spinsim.network.mapping.ConvGeometry;
import dev.spinsim.network.mapping.LayerMapping;
import dev.spinsim.network.mapping.PhaseLayout;
import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * Drives the discrete-event engine through a chain of crossbar stages, phase by phase: input fetch
 * → DAC + crossbar read + S+H per bit cycle → conversions on the shared ADC bank (once per column
 * stack with analog partial sums) → shift-and-add → accumulation across row blocks → activation
 * pulse → output buffer write → interconnect → next stage. A stage issues an output row as soon as
 * the input rows it needs have arrived, so stages pipeline, and the next image enters as soon as
 * the first stage has issued the previous one, so images pipeline. Every wait emerges from resource
 * contention.
 *
 * <p>Buffers are finite and exert back-pressure through credits ({@link BoundedBuffer}): a vector
 * reserves room for its outputs in its stage's output buffer before it fetches its inputs, and
 * waits (in order) while the buffer is full; written vectors leave it in order, each once the next
 * stage's input buffer has granted room for its output row; an input row stays until no output row
 * still to be fetched needs it; a run's first stage takes a whole image's input at once. So a full
 * buffer stalls its producer, and the stall spreads upstream. {@code BufferWorkingSet} gives the
 * least capacity with which this always makes progress; the chip refuses smaller buffers before a
 * run.
 *
 * <p>A vector's bit cycles take one event per step (read, read done, conversions done) for all the
 * crossbars of its phase, which read in lockstep (never an event per crossbar, column or cell);
 * payloads pack (image, stage, vector or row, crossbar, bit cycle) into a long, so the loop
 * allocates nothing.
 */
public final class PipelineSimulation {
  // event priorities: completions before new work at the same instant
  private static final int P_ARRIVE = 0;
  private static final int P_WRITE_DONE = 1;
  private static final int P_FETCHED = 1;
  private static final int P_TRANSFER = 2;
  private static final int P_ACTIVATE = 3;
  private static final int P_ACCUMULATE = 4;
  private static final int P_SHIFT_DONE = 5;
  private static final int P_CONVERT_DONE = 6;
  private static final int P_READ_DONE = 7;
  private static final int P_READ = 8;
  private static final int P_VECTOR = 9;
  private static final int P_INJECT = 10;

  /** The tile argument of a layer-wide phase: spread over the layer's tiles. */
  private static final int LAYER_WIDE = -1;

  private final Simulator sim;
  private final Stage[] stages;
  private final int images;
  private final ActionLedger ledger;
  private final TraceSink trace;
  private final double[][] pricePj;
  private final IntConsumer imageDone;
  private final boolean computeValues;

  /** True when the trace takes a row per phase (then no two phases are recorded as one). */
  private final boolean traceOps;

  /** Row drives of pre-computed images, {@code [stage][image][crossbar]}, or null. */
  private final long[][][] drives;

  /** Where the actions' counts go per tile and time window (peak tile power), or null. */
  private final TileActivity activity;

  /** Component and action names for trace rows, looked up once (the ledger copies its lists). */
  private final String[] componentNames;

  private final String[] actionNames;

  private final int[][] rowsArrived;
  private final int[][] nextRow;

  /** Per stage and output row (image · outHeight + row): its pixels sent out of the buffer. */
  private final int[][] pixelsWritten;

  private final boolean[][] rowDone;
  private final int[][] rowsDoneContiguous;
  private final int[][] outstanding;

  /** Per stage: whether its vectors' bit cycles are booked when their reads start. */
  private final boolean[] booked;

  /** Per booked stage and vector (image · vectorsPerImage + vector): its last shift-add's end. */
  private final long[][] shiftEndPs;

  private final long[][] stageStartPs;
  private final long[][] stageEndPs;
  private final long[] imageStartPs;
  private final long[] imageDonePs;
  private int injected;

  /** Deferred row-drive records (stage, image, start, end), or null ({@link #deferDrives}). */
  private long[] deferred;

  private int deferredCount;
  private int imagesDone;

  /** Shift-and-add starts of a vector's bit cycles (reused). */
  private long[] scratch = new long[64];

  /** Per stage: output rows fully fetched (in order) and input rows released, per image. */
  private final int[][] fetchedInRow;

  private final int[][] rowsFetchedContiguous;
  private final int[][] inputRowsReleased;

  /** Per stage: vectors whose outputs are written, index image · vectorsPerImage + vector. */
  private final boolean[][] written;

  /** Per stage: the next vector to send on (vectors leave in order), as above. */
  private final int[] nextVectorToSend;

  /** Per stage: output rows (image · outHeight + row) whose room was asked of the next stage. */
  private final int[] rowRoomRequested;

  /** Per stage: output rows the next stage has granted room for. */
  private final int[] rowRoomGranted;

  private final EventHandler inject = this::onInject;
  private final EventHandler injectAdmitted = this::onInjectAdmitted;
  private final EventHandler vectorStart = this::onVectorStart;
  private final EventHandler vectorAdmitted = this::onVectorAdmitted;
  private final EventHandler fetched = this::onFetched;
  private final EventHandler fetch = this::onFetch;
  private final EventHandler driversTook = this::onDriversTook;
  private final EventHandler readGroup = this::onReadGroup;
  private final EventHandler readDoneGroup = this::onReadDoneGroup;
  private final EventHandler convertDoneGroup = this::onConvertDoneGroup;
  private final EventHandler shiftDone = this::onShiftDone;
  private final EventHandler accumulate = this::onAccumulate;
  private final EventHandler activate = this::onActivate;
  private final EventHandler writeDone = this::onWriteDone;
  private final EventHandler transfer = this::onTransfer;
  private final EventHandler vectorSent = this::onVectorSent;
  private final EventHandler roomGranted = this::onRoomGranted;
  private final EventHandler arrive = this::onArrive;

  /**
   * @param pricePj energy per action, {@code [componentId][actionId]}, used only for the trace's
   *     energy column (may be null when tracing is off)
   * @param imageDone called with the image index when its last stage has delivered it
   */
  public PipelineSimulation(
      Simulator sim,
      Stage[] stages,
      int images,
      ActionLedger ledger,
      TraceSink trace,
      double[][] pricePj,
      IntConsumer imageDone) {
    this(sim, stages, images, ledger, trace, pricePj, imageDone, true);
  }

  /**
   * As above; with {@code computeValues} false the events only keep time and count actions, for
   * images whose values the stages have already computed in a batch ({@link
   * StageValues#computeImages}): the values are the same either way, as they never depend on the
   * order they are asked for in.
   */
  public PipelineSimulation(
      Simulator sim,
      Stage[] stages,
      int images,
      ActionLedger ledger,
      TraceSink trace,
      double[][] pricePj,
      IntConsumer imageDone,
      boolean computeValues) {
    this(sim, stages, images, ledger, trace, pricePj, imageDone, computeValues, null);
  }

  /**
   * As above, with the row drives of images whose values were computed before the events: {@code
   * drives[stage][image][crossbar]} (null: ask the stages' values, image = slot).
   */
  public PipelineSimulation(
      Simulator sim,
      Stage[] stages,
      int images,
      ActionLedger ledger,
      TraceSink trace,
      double[][] pricePj,
      IntConsumer imageDone,
      boolean computeValues,
      long[][][] drives) {
    this(sim, stages, images, ledger, trace, pricePj, imageDone, computeValues, drives, null);
  }

  /** As above, also adding every phase's counts to {@code activity} (null: not kept). */
  public PipelineSimulation(
      Simulator sim,
      Stage[] stages,
      int images,
      ActionLedger ledger,
      TraceSink trace,
      double[][] pricePj,
      IntConsumer imageDone,
      boolean computeValues,
      long[][][] drives,
      TileActivity activity) {
    this.computeValues = computeValues;
    this.drives = drives;
    this.activity = activity;
    checkArgument(stages.length > 0 && stages.length < 64, "1..63 stages, got %s", stages.length);
    checkArgument(images > 0 && images < 4096, "images must be in 1..4095, got %s", images);
    for (Stage s : stages) {
      checkArgument(
          s.geometry.vectorsPerImage() < (1 << 16), "layer %s has too many vectors", s.layer);
      checkArgument(
          s.mapping.crossbars() <= MAX_CROSSBARS_PER_LAYER,
          "layer %s needs %s crossbars; the cycle-accurate simulation takes at most %s a layer",
          s.layer,
          s.mapping.crossbars(),
          MAX_CROSSBARS_PER_LAYER);
      checkArgument(s.bitCycles < 64, "layer %s has too many bit cycles", s.layer);
    }
    this.sim = sim;
    this.stages = stages;
    this.images = images;
    this.ledger = ledger;
    this.trace = trace;
    this.pricePj = pricePj;
    this.imageDone = imageDone;
    this.traceOps = trace.enabled(TraceLevel.OP);
    this.componentNames = ledger.components().stream().map(c -> c.name()).toArray(String[]::new);
    this.actionNames = ledger.actions().toArray(String[]::new);
    int n = stages.length;
    rowsArrived = new int[n][images];
    nextRow = new int[n][images];
    pixelsWritten = new int[n][];
    rowDone = new boolean[n][];
    rowsDoneContiguous = new int[n][images];
    outstanding = new int[n][];
    booked = new boolean[n];
    shiftEndPs = new long[n][];
    stageStartPs = new long[n][images];
    stageEndPs = new long[n][images];
    for (int s = 0; s < n; s++) {
      ConvGeometry g = stages[s].geometry;
      pixelsWritten[s] = new int[images * g.outHeight()];
      rowDone[s] = new boolean[images * g.outHeight()];
      outstanding[s] = new int[images * stages[s].vectorsPerImage()];
      Stage st = stages[s];
      // an op trace writes every phase as a row when it happens: nothing is booked ahead
      booked[s] =
          st.copyDrivers.length == 1
              && st.timing.convertPs() <= st.timing.readPs()
              && !trace.enabled(TraceLevel.OP);
      shiftEndPs[s] = booked[s] ? new long[images * st.vectorsPerImage()] : null;
      Arrays.fill(stageStartPs[s], -1);
    }
    fetchedInRow = new int[n][];
    rowsFetchedContiguous = new int[n][images];
    inputRowsReleased = new int[n][images];
    written = new boolean[n][];
    nextVectorToSend = new int[n];
    rowRoomRequested = new int[n];
    rowRoomGranted = new int[n];
    for (int s = 0; s < n; s++) {
      fetchedInRow[s] = new int[images * stages[s].geometry.outHeight()];
      written[s] = new boolean[images * stages[s].vectorsPerImage()];
    }
    imageStartPs = new long[images];
    imageDonePs = new long[images];
    Arrays.fill(imageStartPs, -1);
    Arrays.fill(imageDonePs, -1);
  }

  /** Schedules the first image at {@code timePs}; later images follow as the pipeline frees. */
  public void start(long timePs) {
    sim.schedule(timePs, P_INJECT, inject, 0);
  }

  public long imageStartPs(int image) {
    return imageStartPs[image];
  }

  public long imageDonePs(int image) {
    return imageDonePs[image];
  }

  /** When stage {@code s} started its first vector of {@code image}. */
  public long stageStartPs(int s, int image) {
    return stageStartPs[s][image];
  }

  /** When stage {@code s} delivered its last row of {@code image}. */
  public long stageEndPs(int s, int image) {
    return stageEndPs[s][image];
  }

  // ---- payload packing: image 12 bits | stage 6 | vector-or-row 16 | crossbar 20 | bit 6 ----

  /**
   * Crossbars (replicated copies included) one layer may use in the cycle-accurate simulation: the
   * 20 bits an event payload gives the crossbar index (1,048,575).
   */
  public static final int MAX_CROSSBARS_PER_LAYER = (1 << 20) - 1;

  static long pack(int image, int stage, int vector, int xbar, int bit) {
    return ((long) image << 48)
        | ((long) stage << 42)
        | ((long) vector << 26)
        | ((long) xbar << 6)
        | bit;
  }

  static int image(long p) {
    return (int) (p >>> 48) & 0xFFF;
  }

  static int stage(long p) {
    return (int) (p >>> 42) & 0x3F;
  }

  static int vector(long p) {
    return (int) (p >>> 26) & 0xFFFF;
  }

  static int xbar(long p) {
    return (int) (p >>> 6) & 0xFFFFF;
  }

  static int bit(long p) {
    return (int) p & 0x3F;
  }

  // ---- handlers ----

  private void onInject(Simulator s, long now, long p) {
    int image = injected++;
    Stage first = stages[0];
    // the first stage takes the image's whole input at once
    if (first.inputSpace.request(first.geometry.inHeight() * first.inputRowBits, image, now)) {
      onInjectAdmitted(s, now, image);
    }
  }

  private void onInjectAdmitted(Simulator s, long now, long image) {
    Stage first = stages[0];
    // the image's input is written into the first stage's input buffer as it is admitted
    record(
        first.ids.inputBuffer,
        first.ids.writeBit,
        first.geometry.inHeight() * first.inputRowBits,
        now,
        now,
        first,
        (int) image,
        LAYER_WIDE);
    rowsArrived[0][(int) image] = first.geometry.inHeight();
    releaseInputs(0, (int) image, now);
    issueRows(0, (int) image, now);
  }

  /** Issues every output row of stage {@code s} whose input rows have all arrived. */
  private void issueRows(int s, int image, long now) {
    Stage st = stages[s];
    ConvGeometry g = st.geometry;
    int oh = g.outHeight();
    PhaseLayout layout = st.mapping.layout();
    int arrived = rowsArrived[s][image];
    while (nextRow[s][image] < oh) {
      int r = nextRow[s][image];
      int last = st.lastInputRow[r];
      if (last >= arrived || (last < 0 && arrived == 0)) {
        break;
      }
      // the row's pixels; under sub-pixel they belong to different phases (crossbars)
      int v0 = layout.firstVectorOfRow(r);
      for (int x = 0, n = layout.vectorsInRow(r); x < n; x++) {
        sim.schedule(now, P_VECTOR, vectorStart, pack(image, s, v0 + x, 0, 0));
      }
      nextRow[s][image]++;
    }
    advanceFetched(s, image, now);
    if (s == 0 && nextRow[0][image] == oh && image + 1 < images && injected == image + 1) {
      sim.schedule(now, P_INJECT, inject, 0);
    }
  }

  /** A vector first reserves room for its outputs; it waits in order while the buffer is full. */
  private void onVectorStart(Simulator s, long now, long p) {
    Stage st = stages[stage(p)];
    if (st.outputSpace.request(st.vectorOutputBits, p, now)) {
      onVectorAdmitted(s, now, p);
    }
  }

  /**
   * The vector has room for its outputs; it fetches its inputs once its phase's row drivers have
   * room for it: they hold the vector they read and one fetched vector behind it (a double buffer),
   * so inputs leave the input buffer just in time, not all at once.
   */
  private void onVectorAdmitted(Simulator s, long now, long p) {
    Stage st = stages[stage(p)];
    int v = vector(p);
    PhaseLayout layout = st.mapping.layout();
    int ph = layout.phaseOf(v);
    if (layout.blocks(ph) == 0 || st.driverRegisters[driversOf(st, v)].request(1, p, now)) {
      onFetch(s, now, p);
    }
  }

  /** The index of the row drivers (copy and phase) vector {@code v} of {@code st} is read by. */
  private static int driversOf(Stage st, int v) {
    PhaseLayout layout = st.mapping.layout();
    return v % st.mapping.replication() * layout.phases() + layout.phaseOf(v);
  }

  /** The drivers took their fetched vector in: the next vector may fetch into their register. */
  private void onDriversTook(Simulator s, long now, long p) {
    Stage st = stages[stage(p)];
    var register = st.driverRegisters[driversOf(st, vector(p))];
    register.release(1, now);
    while (register.canAdmit()) {
      sim.schedule(now, P_VECTOR, fetch, register.admitNext(now));
    }
  }

  private void onFetch(Simulator s, long now, long p) {
    int image = image(p);
    int si = stage(p);
    int v = vector(p);
    Stage st = stages[si];
    StageComponents c = st.ids;
    long bits = (long) st.liveInputs[v] * st.inputBits;
    long fetchPs = st.timing.inputReadPs(bits);
    long start = st.inputPort.acquire(now, fetchPs);
    record(c.inputBuffer, c.readBit, bits, start, start + fetchPs, st, image(p), LAYER_WIDE);
    sim.schedule(start + fetchPs, P_FETCHED, fetched, p);
    if (stageStartPs[si][image] < 0) {
      stageStartPs[si][image] = start;
    }
    if (si == 0 && imageStartPs[image] < 0) {
      imageStartPs[image] = start;
    }
    if (computeValues) {
      st.values.computeVector(image, v);
    }
    int perCopy = st.perCopy();
    PhaseLayout layout = st.mapping.layout();
    int ph = layout.phaseOf(v);
    int blocks = layout.blocks(ph);
    int colBlocks = st.mapping.colBlocks();
    if (blocks == 0) {
      // a phase no kernel tap reaches: the output is the bias alone, no crossbar is read
      sim.schedule(start + fetchPs, P_ACCUMULATE, accumulate, pack(image, si, v, 0, 0));
      return;
    }
    int stacks = st.stacks.stacksOfPhase(ph);
    outstanding[si][image * st.vectorsPerImage() + v] = stacks * colBlocks * st.bitCycles;
    int copy = v % st.mapping.replication();
    // the phase's row drivers take the vector once it is fetched and keep it for all bit cycles
    long readsPs = (long) st.bitCycles * st.timing.readPs();
    long readStart = st.copyDrivers[copy * layout.phases() + ph].acquire(start + fetchPs, readsPs);
    sim.schedule(readStart, P_READ, driversTook, pack(image, si, v, 0, 0));
    sim.schedule(readStart, P_READ, readGroup, pack(image, si, v, 0, 0));
  }

  /*
   * The bit cycles of a vector. A phase's crossbars share its row drivers, so they read in
   * lockstep: every crossbar of the phase reads bit cycle k at the same time, and every chain's
   * ADC bank converts it at the same time. So a bit cycle is one event per step for all of them —
   * read, read done (sample and convert), conversions done (shift-and-add) — each doing, crossbar
   * by crossbar in index order, what an event per crossbar would, with the same resource calls,
   * counts and trace rows in the same order. A vector's shift-done is scheduled by its last
   * shift-and-add (the shift-adder serves in call order, so that one ends last).
   *
   * A stage whose vectors all go through one set of row drivers (no replication, one phase), with
   * conversions no longer than a read, is "booked": its crossbars, ADC banks and shift-adder serve
   * only its own vectors, one vector after the other, so the bookings of a vector's bit cycles
   * (and their counts) are made when its reads start, in the order the events would make them
   * (bit cycle by bit cycle, crossbar by crossbar), and give the same times. Its read and
   * read-done events still run, with nothing left to do but to keep their places among the other
   * events at the same times, so the vector's shift-done fires exactly where it did.
   */

  /** Bit cycle {@code bit(p)} of vector {@code vector(p)}: every crossbar of its phase reads. */
  private void onReadGroup(Simulator s, long now, long p) {
    int si = stage(p);
    Stage st = stages[si];
    long readPs = st.timing.readPs();
    if (booked[si]) {
      if (bit(p) == 0) {
        bookBitCycles(st, si, image(p), vector(p), now);
      }
    } else {
      int v = vector(p);
      int ph = st.mapping.layout().phaseOf(v);
      int base = v % st.mapping.replication() * st.perCopy();
      int from = st.mapping.layout().firstBlock(ph) * st.mapping.colBlocks();
      int n = st.mapping.layout().blocks(ph) * st.mapping.colBlocks();
      for (int i = 0; i < n; i++) {
        long start = st.crossbars[base + from + i].acquire(now, readPs);
        checkState(
            start == now,
            "%s: crossbar %s is not free for its read",
            st.traceLayer,
            base + from + i);
      }
    }
    sim.schedule(now + readPs, P_READ_DONE, readDoneGroup, p);
  }

  /**
   * Bit cycle {@code bit(p)} of every crossbar of the vector's phase has been read: the next bit
   * cycle's reads follow at once, and each chain is sampled and converted on its ADC bank.
   */
  private void onReadDoneGroup(Simulator s, long now, long p) {
    int si = stage(p);
    Stage st = stages[si];
    int bit = bit(p);
    if (bit + 1 < st.bitCycles) {
      sim.schedule(now, P_READ, readGroup, p + 1);
    }
    long convertPs = st.timing.convertPs();
    if (booked[si]) {
      if (bit + 1 == st.bitCycles) {
        sim.schedule(now + convertPs, P_CONVERT_DONE, convertDoneGroup, p);
      }
      return;
    }
    int v = vector(p);
    int image = image(p);
    int ph = st.mapping.layout().phaseOf(v);
    int[] conv = st.convertingOfPhase[ph];
    int base = v % st.mapping.replication() * st.perCopy();
    StageComponents c = st.ids;
    long end = -1;
    for (int i = 0; i < conv.length; i++) {
      int xb = base + conv[i];
      int cols = st.convertingCols[ph][i];
      int tile = st.tileOf(xb);
      merged(mergeA, c.sampleHold, c.sample, cols, now, now, st, image, tile);
      long start = st.adcBanks[xb].acquire(now, convertPs);
      checkState(end < 0 || end == start + convertPs, "%s: ADC banks out of step", st.traceLayer);
      end = start + convertPs;
      merged(mergeB, c.adc, c.convert, cols, start, end, st, image, tile);
    }
    flush(mergeA);
    flush(mergeB);
    sim.schedule(end, P_CONVERT_DONE, convertDoneGroup, p);
  }

  /** Every chain of the vector's phase has converted bit cycle {@code bit(p)}: shift-and-add. */
  private void onConvertDoneGroup(Simulator s, long now, long p) {
    int si = stage(p);
    Stage st = stages[si];
    if (booked[si]) {
      long end = shiftEndPs[si][image(p) * st.vectorsPerImage() + vector(p)];
      sim.schedule(end, P_SHIFT_DONE, shiftDone, pack(image(p), si, vector(p), 0, 0));
      return;
    }
    int v = vector(p);
    int ph = st.mapping.layout().phaseOf(v);
    int[] conv = st.convertingOfPhase[ph];
    int base = v % st.mapping.replication() * st.perCopy();
    long shiftPs = st.timing.shiftAddPs();
    StageComponents c = st.ids;
    int slot = image(p) * st.vectorsPerImage() + v;
    for (int i = 0; i < conv.length; i++) {
      long start = st.shiftAdd.acquire(now, shiftPs);
      int cols = st.convertingCols[ph][i];
      merged(
          mergeA,
          c.shiftAdd,
          c.op,
          cols,
          start,
          start + shiftPs,
          st,
          image(p),
          st.tileOf(base + conv[i]));
      if (--outstanding[si][slot] == 0) {
        sim.schedule(start + shiftPs, P_SHIFT_DONE, shiftDone, pack(image(p), si, v, 0, 0));
      }
    }
    flush(mergeA);
  }

  /**
   * Books the bit cycles of vector {@code v} of a booked stage whose reads start at {@code readPs0}
   * (see above): its crossbars' reads, its banks' conversions and the shift-and-adds, in the
   * events' order, and records their counts tile by tile (whole counts in one window are summed,
   * the parts of a phase spread over two windows are added one by one in the events' order).
   */
  private void bookBitCycles(Stage st, int si, int image, int v, long readPs0) {
    int ph = st.mapping.layout().phaseOf(v);
    int from = st.mapping.layout().firstBlock(ph) * st.mapping.colBlocks();
    int n = st.mapping.layout().blocks(ph) * st.mapping.colBlocks();
    int bits = st.bitCycles;
    long readPs = st.timing.readPs();
    long convertPs = st.timing.convertPs();
    long shiftPs = st.timing.shiftAddPs();
    // the phase's crossbars are booked alike, and so are its converting banks: the first of each
    // is booked, the others take over its bookings when the run ends (copyMirrors)
    long end = st.crossbars[from].acquireSeries(readPs0, readPs, bits);
    checkState(end == readPs0 + bits * readPs, "%s: crossbars not free for reads", st.traceLayer);
    int[] conv = st.convertingOfPhase[ph];
    int nc = conv.length;
    long last = st.adcBanks[conv[0]].acquirePeriodic(readPs0 + readPs, convertPs, readPs, bits);
    checkState(last == readPs0 + bits * readPs, "%s: ADC banks not free", st.traceLayer);
    // the shift-and-adds, bit cycle by bit cycle, chain by chain; all start when their
    // conversions end unless the shift-adder is short of units
    long[] starts = scratch(bits * nc + bits);
    long lastEnd = 0;
    for (int k = 0; k < bits; k++) {
      long e = readPs0 + (k + 1) * readPs + convertPs;
      if (st.shiftAdd.freeAt(e) >= nc) {
        st.shiftAdd.acquireFree(e, shiftPs, nc);
        starts[bits * nc + k] = 1;
        lastEnd = e + shiftPs;
      } else {
        starts[bits * nc + k] = 0;
        for (int j = 0; j < nc; j++) {
          starts[k * nc + j] = st.shiftAdd.acquire(e, shiftPs);
        }
        lastEnd = starts[k * nc + nc - 1] + shiftPs;
      }
    }
    shiftEndPs[si][image * st.vectorsPerImage() + v] = lastEnd;
    StageComponents c = st.ids;
    int[] cols = st.convertingCols[ph];
    int[] runs = st.convertingTileRuns[ph];
    boolean allFree = true;
    for (int k = 0; k < bits; k++) {
      allFree &= starts[bits * nc + k] == 1;
    }
    long first = readPs0 + readPs;
    boolean oneWindow =
        allFree && activity != null && !traceOps && activity.wholeWindow(first, lastEnd) >= 0;
    for (int r = 0; r + 1 < runs.length; r++) {
      int j0 = runs[r];
      int j1 = runs[r + 1];
      int tile = st.tileOf(conv[j0]);
      long sum = st.convertingTileCols[ph][r];
      if (oneWindow) {
        // every phase of the vector's bit cycles falls in one window: one count per component
        long e = first + convertPs;
        merged(mergeA, c.sampleHold, c.sample, sum * bits, first, first, st, image, tile);
        merged(mergeB, c.adc, c.convert, sum * bits, first, e, st, image, tile);
        merged(mergeC, c.shiftAdd, c.op, sum * bits, e, e + shiftPs, st, image, tile);
        continue;
      }
      for (int k = 0; k < bits; k++) {
        long t = readPs0 + (k + 1) * readPs;
        merged(mergeA, c.sampleHold, c.sample, sum, t, t, st, image, tile);
      }
      for (int k = 0; k < bits; k++) {
        long t = readPs0 + (k + 1) * readPs;
        recordRun(mergeB, c.adc, c.convert, cols, j0, j1, sum, t, t + convertPs, st, image, tile);
      }
      for (int k = 0; k < bits; k++) {
        long e = readPs0 + (k + 1) * readPs + convertPs;
        if (starts[bits * nc + k] == 1) {
          recordRun(mergeC, c.shiftAdd, c.op, cols, j0, j1, sum, e, e + shiftPs, st, image, tile);
        } else {
          for (int j = j0; j < j1; j++) {
            long b = starts[k * nc + j];
            merged(mergeC, c.shiftAdd, c.op, cols[j], b, b + shiftPs, st, image, tile);
          }
        }
      }
    }
    flush(mergeA);
    flush(mergeB);
    flush(mergeC);
  }

  /**
   * Once the last image is done: the crossbars and converting ADC banks of each booked stage take
   * over the bookings of the first of their kind, which stood for all of them (the stage has one
   * phase, whose vectors read all its crossbars in lockstep).
   */
  private void copyMirrors() {
    for (int si = 0; si < stages.length; si++) {
      Stage st = stages[si];
      if (!booked[si] || st.convertingOfPhase[0].length == 0) {
        continue;
      }
      int from = st.mapping.layout().firstBlock(0) * st.mapping.colBlocks();
      int n = st.mapping.layout().blocks(0) * st.mapping.colBlocks();
      for (int i = 1; i < n; i++) {
        st.crossbars[from + i].copyFrom(st.crossbars[from]);
      }
      int[] conv = st.convertingOfPhase[0];
      for (int j = 1; j < conv.length; j++) {
        st.adcBanks[conv[j]].copyFrom(st.adcBanks[conv[0]]);
      }
    }
  }

  /**
   * Records the phases [start, end) of conversions {@code j0 .. j1} (counts {@code cols[j]}, {@code
   * sum} in all) on one tile: as one when they fall in one window, else one by one.
   */
  private void recordRun(
      Merge m,
      int component,
      int action,
      int[] cols,
      int j0,
      int j1,
      long sum,
      long startPs,
      long endPs,
      Stage st,
      int image,
      int tile) {
    if (activity != null && activity.wholeWindow(startPs, endPs) >= 0) {
      merged(m, component, action, sum, startPs, endPs, st, image, tile);
      return;
    }
    for (int j = j0; j < j1; j++) {
      merged(m, component, action, cols[j], startPs, endPs, st, image, tile);
    }
  }

  private long[] scratch(int n) {
    if (scratch.length < n) {
      scratch = new long[Math.max(n, 2 * scratch.length)];
    }
    return scratch;
  }

  /**
   * Records consecutive phases of one component on one tile within one tile-activity window as one
   * (their counts summed): the ledger and the window keep exact whole counts, so the totals are the
   * same as one by one. With an op trace every phase is its own row, so nothing is merged.
   */
  private static final class Merge {
    int component = -1;
    int action;
    int tile;
    int image;
    long window;
    long windowPs;
    long startPs;
    long endPs;
    long count;
    Stage stage;
  }

  private final Merge mergeA = new Merge();
  private final Merge mergeB = new Merge();
  private final Merge mergeC = new Merge();

  private void merged(
      Merge m,
      int component,
      int action,
      long count,
      long startPs,
      long endPs,
      Stage st,
      int image,
      int tile) {
    if (count == 0 || component < 0) {
      return;
    }
    long window = activity == null || traceOps ? -1 : activity.wholeWindow(startPs, endPs);
    if (window < 0) {
      flush(m);
      record(component, action, count, startPs, endPs, st, image, tile);
      return;
    }
    if (m.component == component
        && m.action == action
        && m.tile == tile
        && m.image == image
        && m.stage == st
        && m.window == window
        && m.windowPs == activity.windowPs()) {
      m.count += count;
      return;
    }
    flush(m);
    m.component = component;
    m.action = action;
    m.tile = tile;
    m.image = image;
    m.stage = st;
    m.window = window;
    m.windowPs = activity.windowPs();
    m.startPs = startPs;
    m.endPs = endPs;
    m.count = count;
  }

  private void flush(Merge m) {
    if (m.component >= 0) {
      record(m.component, m.action, m.count, m.startPs, m.endPs, m.stage, m.image, m.tile);
      m.component = -1;
    }
  }

  /** The vector's last shift-and-add is done: its row blocks' partial sums are accumulated. */
  private void onShiftDone(Simulator s, long now, long p) {
    sim.schedule(now, P_ACCUMULATE, accumulate, p);
  }

  private void onAccumulate(Simulator s, long now, long p) {
    Stage st = stages[stage(p)];
    long start = st.accumulator.acquire(now, st.timing.accumulatePs());
    long end = start + st.timing.accumulatePs();
    int stacks = st.stacks.stacksOfPhase(st.mapping.layout().phaseOf(vector(p)));
    int partials = Math.max(stacks - 1, 0);
    StageComponents c = st.ids;
    record(
        c.shiftAdd,
        c.op,
        (long) partials * st.mapping.matrixCols(),
        start,
        end,
        st,
        image(p),
        LAYER_WIDE);
    sim.schedule(end, P_ACTIVATE, activate, p);
  }

  private void onActivate(Simulator s, long now, long p) {
    Stage st = stages[stage(p)];
    long start = st.activationUnits.acquire(now, st.timing.activatePs());
    long end = start + st.timing.activatePs();
    StageComponents c = st.ids;
    record(c.activation, c.activate, st.mapping.matrixCols(), start, end, st, image(p), LAYER_WIDE);
    if (computeValues) {
      st.values.finishVector(image(p), vector(p));
    }
    long wStart = st.outputPort.acquire(end, st.timing.outputWritePs());
    long wEnd = wStart + st.timing.outputWritePs();
    record(
        c.outputBuffer,
        c.writeBit,
        (long) st.mapping.matrixCols() * st.outputBits,
        wStart,
        wEnd,
        st,
        image(p),
        LAYER_WIDE);
    sim.schedule(wEnd, P_WRITE_DONE, writeDone, p);
  }

  private void onWriteDone(Simulator s, long now, long p) {
    int si = stage(p);
    Stage st = stages[si];
    written[si][image(p) * st.vectorsPerImage() + vector(p)] = true;
    sendVectors(si, now);
  }

  /**
   * Sends stage {@code si}'s written vectors on, in order (image by image, vector by vector — rows
   * in order): the first vector of an output row first asks the next stage's input buffer for the
   * row's room (the row is assembled there, as ISAAC writes a tile's outputs into the eDRAM of the
   * tile that reads them); a vector whose row has no room yet waits, and the ones after it with it,
   * until {@link #admitInputs} grants the room. A sent vector is read out of the output buffer and
   * frees its room there; the row crosses the interconnect once its last vector is out.
   */
  private void sendVectors(int si, long now) {
    Stage st = stages[si];
    int perImage = st.vectorsPerImage();
    int oh = st.geometry.outHeight();
    int end = images * perImage;
    while (nextVectorToSend[si] < end && written[si][nextVectorToSend[si]]) {
      int seq = nextVectorToSend[si];
      int image = seq / perImage;
      int v = seq % perImage;
      // rows (image · oh + row) whose room this vector's outputs need: up to its row, or every
      // row of the image when one vector writes the whole map
      int needRows =
          image * oh + (st.mapping.layout().coversAllPixels() ? oh : st.rowOfVector[v] + 1);
      while (rowRoomRequested[si] < needRows) {
        int row = rowRoomRequested[si]++;
        if (si + 1 == stages.length
            || stages[si + 1].inputSpace.request(
                stages[si + 1].inputRowBits, pack(row / oh, si, row % oh, 0, 0), now)) {
          rowRoomGranted[si]++;
        }
      }
      if (rowRoomGranted[si] < needRows) {
        return; // resumed when the next stage grants the room
      }
      nextVectorToSend[si]++;
      long readPs = st.timing.outputReadPs(st.vectorOutputBits);
      long readStart = st.outputReadPort.acquire(now, readPs);
      record(
          st.ids.outputBuffer,
          st.ids.readBit,
          st.vectorOutputBits,
          readStart,
          readStart + readPs,
          st,
          image,
          LAYER_WIDE);
      sim.schedule(readStart + readPs, P_TRANSFER, vectorSent, pack(image, si, v, 0, 0));
    }
  }

  /** A vector's outputs left the output buffer: its room is free; its row may leave. */
  private void onVectorSent(Simulator s, long now, long p) {
    int si = stage(p);
    Stage st = stages[si];
    int image = image(p);
    st.outputSpace.release(st.vectorOutputBits, now);
    while (st.outputSpace.canAdmit()) {
      sim.schedule(now, P_VECTOR, vectorAdmitted, st.outputSpace.admitNext(now));
    }
    int oh = st.geometry.outHeight();
    int ow = st.geometry.outWidth();
    if (st.mapping.layout().coversAllPixels()) {
      for (int row = 0; row < oh; row++) {
        sim.schedule(now, P_TRANSFER, transfer, pack(image, si, row, 0, 0));
      }
      return;
    }
    int row = st.rowOfVector[vector(p)];
    if (++pixelsWritten[si][image * oh + row] == ow) {
      sim.schedule(now, P_TRANSFER, transfer, pack(image, si, row, 0, 0));
    }
  }

  /** The next stage granted stage {@code stage(p)} room for one more row: sending may go on. */
  private void onRoomGranted(Simulator s, long now, long p) {
    int si = stage(p);
    rowRoomGranted[si]++;
    sendVectors(si, now);
  }

  /**
   * Moves one output row over the interconnect into the consumer's input buffer (the write starts
   * with the transfer and streams behind it).
   */
  private void onTransfer(Simulator s, long now, long p) {
    int si = stage(p);
    Stage st = stages[si];
    long start = st.interconnect.acquire(now, st.timing.transferRowPs());
    long end = start + st.timing.transferRowPs();
    if (si + 1 < stages.length) {
      Stage next = stages[si + 1];
      long writePs = next.timing.inputWritePs(next.inputRowBits);
      long writeStart = next.inputWritePort.acquire(start, writePs);
      end = Math.max(end, writeStart + writePs);
      record(
          next.ids.inputBuffer,
          next.ids.writeBit,
          next.inputRowBits,
          writeStart,
          writeStart + writePs,
          next,
          image(p),
          LAYER_WIDE);
    }
    long bits = (long) st.geometry.outWidth() * st.geometry.outChannels() * st.outputBits;
    StageComponents c = st.ids;
    record(c.interconnect, c.transferBit, bits, start, end, st, image(p), LAYER_WIDE);
    sim.schedule(end, P_ARRIVE, arrive, p);
  }

  /** A vector has fetched its inputs: input rows no later output row needs leave. */
  private void onFetched(Simulator s, long now, long p) {
    int si = stage(p);
    int image = image(p);
    int v = vector(p);
    Stage st = stages[si];
    int oh = st.geometry.outHeight();
    fetchedInRow[si][image * oh + st.rowOfVector[v]]++;
    advanceFetched(si, image, now);
  }

  private void advanceFetched(int si, int image, long now) {
    Stage st = stages[si];
    int oh = st.geometry.outHeight();
    PhaseLayout layout = st.mapping.layout();
    int c = rowsFetchedContiguous[si][image];
    while (c < nextRow[si][image] && fetchedInRow[si][image * oh + c] == layout.vectorsInRow(c)) {
      c++;
    }
    if (c != rowsFetchedContiguous[si][image]) {
      rowsFetchedContiguous[si][image] = c;
      releaseInputs(si, image, now);
    }
  }

  /**
   * Frees the input rows of {@code image} at stage {@code si} that have arrived and that no output
   * row still to be fetched needs, admitting the rows waiting for room.
   */
  private void releaseInputs(int si, int image, long now) {
    Stage st = stages[si];
    int target =
        Math.min(st.firstInputRowFrom[rowsFetchedContiguous[si][image]], rowsArrived[si][image]);
    int released = inputRowsReleased[si][image];
    if (target > released) {
      inputRowsReleased[si][image] = target;
      st.inputSpace.release((target - released) * st.inputRowBits, now);
      admitInputs(si, now);
    }
  }

  private void admitInputs(int si, long now) {
    BoundedBuffer b = stages[si].inputSpace;
    while (b.canAdmit()) {
      long p = b.admitNext(now);
      if (si == 0) {
        sim.schedule(now, P_INJECT, injectAdmitted, p);
      } else {
        sim.schedule(now, P_TRANSFER, roomGranted, p);
      }
    }
  }

  private void onArrive(Simulator s, long now, long p) {
    int si = stage(p);
    Stage st = stages[si];
    int image = image(p);
    int oh = st.geometry.outHeight();
    rowDone[si][image * oh + vector(p)] = true;
    int contiguous = rowsDoneContiguous[si][image];
    while (contiguous < oh && rowDone[si][image * oh + contiguous]) {
      contiguous++;
    }
    rowsDoneContiguous[si][image] = contiguous;
    if (contiguous == oh) {
      stageEndPs[si][image] = now;
      recordDrives(si, image, now);
    }
    if (si + 1 < stages.length) {
      rowsArrived[si + 1][image] = contiguous;
      releaseInputs(si + 1, image, now);
      issueRows(si + 1, image, now);
    } else if (contiguous == oh) {
      imageDonePs[image] = now;
      if (++imagesDone == images) {
        copyMirrors();
      }
      imageDone.accept(image);
    }
  }

  /**
   * Records the row drives and cell reads of stage {@code si} for {@code image} when its last row
   * has arrived: per crossbar, the (row, bit cycle) pairs its vectors drove — the driven slice of
   * the reads' closed form — over the stage's span of the image.
   */
  private void recordDrives(int si, int image, long now) {
    long startPs = stageStartPs[si][image];
    if (deferred != null) {
      if (deferredCount + 4 > deferred.length) {
        deferred = Arrays.copyOf(deferred, 2 * deferred.length);
      }
      deferred[deferredCount++] = si;
      deferred[deferredCount++] = image;
      deferred[deferredCount++] = startPs;
      deferred[deferredCount++] = now;
      return;
    }
    recordDrives(si, image, startPs, now, drives);
  }

  private void recordDrives(int si, int image, long startPs, long endPs, long[][][] drives) {
    Stage st = stages[si];
    StageComponents c = st.ids;
    for (int x = 0; x < st.perCopy(); x++) {
      long driven = drives != null ? drives[si][image][x] : st.values.drivenRowCycles(image, x);
      record(c.dac, c.convert, driven, startPs, endPs, st, image, st.tileOf(x));
      record(
          c.crossbar,
          c.cellRead,
          st.reads[st.chainOf(x)].cellReads(driven),
          startPs,
          endPs,
          st,
          image,
          st.tileOf(x));
    }
  }

  /**
   * Leaves the row drives and cell reads, the one part of the counts that depends on the values, to
   * {@link #recordDeferredDrives}: the events then need nothing from the values, so they can run
   * while the values are still being computed. Called before {@link #start}.
   */
  public void deferDrives() {
    checkState(injected == 0, "drives are deferred before the run starts");
    deferred = new long[256];
  }

  /**
   * Records the row drives and cell reads the run deferred ({@link #deferDrives}), in the order the
   * stages finished their images, from {@code drives[stage][image][crossbar]}.
   */
  public void recordDeferredDrives(long[][][] drives) {
    for (int i = 0; i < deferredCount; i += 4) {
      recordDrives(
          (int) deferred[i], (int) deferred[i + 1], deferred[i + 2], deferred[i + 3], drives);
    }
    deferredCount = 0;
  }

  /**
   * Records, without events, the data-independent actions {@code vectors} input vectors of stage
   * {@code st} cost — input-buffer writes and fetches, S+H, conversions, shift-adds, activations,
   * output-buffer writes and read-outs, transfers — as sums of the stage's closed-form reads: what
   * the event-driven run records phase by phase. The row drives and cell reads depend on the data:
   * {@link #recordDrives} after each vector, or {@link #recordFullDrives} for every row driven in
   * every bit cycle.
   */
  public static void recordClosedForm(Stage st, ActionLedger ledger, long vectors) {
    LayerMapping m = st.mapping;
    PhaseLayout layout = m.layout();
    StageComponents c = st.ids;
    long images = vectors / st.vectorsPerImage();
    long bits = st.bitCycles;
    long conversions = 0;
    long accumulations = 0;
    // per image: every phase's vectors read that phase's chains
    for (int ph = 0; ph < layout.phases(); ph++) {
      long n = layout.vectorsOfPhase(ph);
      int first = st.stacks.firstStack(ph) * m.colBlocks();
      int chains = st.stacks.stacksOfPhase(ph) * m.colBlocks();
      for (int ch = first; ch < first + chains; ch++) {
        conversions += n * st.reads[ch].conversionsPerCycle();
      }
      accumulations += n * Math.max(st.stacks.stacksOfPhase(ph) - 1, 0) * m.matrixCols();
    }
    long cols = m.matrixCols();
    long live = 0;
    for (int n : st.liveInputs) {
      live += n;
    }
    // every input row is written into the input buffer once (arriving, or injected at the first
    // stage), then read by the vectors that need it
    add(ledger, c.inputBuffer, c.writeBit, images * st.geometry.inHeight() * st.inputRowBits);
    add(ledger, c.inputBuffer, c.readBit, images * live * st.inputBits);
    add(ledger, c.sampleHold, c.sample, images * conversions * bits);
    add(ledger, c.adc, c.convert, images * conversions * bits);
    add(ledger, c.shiftAdd, c.op, images * (conversions * bits + accumulations));
    add(ledger, c.activation, c.activate, vectors * cols);
    add(ledger, c.outputBuffer, c.writeBit, vectors * cols * st.outputBits);
    add(ledger, c.outputBuffer, c.readBit, vectors * st.vectorOutputBits);
    add(ledger, c.interconnect, c.transferBit, vectors * cols * st.outputBits);
  }

  /**
   * Records the row drives and cell reads of image slot {@code slot} as {@code st}'s values counted
   * them: per crossbar, the (row, bit cycle) pairs its vectors drove and their cells (the
   * functional mode's slice of what the events record per image).
   */
  public static void recordDrives(Stage st, ActionLedger ledger, int slot) {
    StageComponents c = st.ids;
    for (int x = 0; x < st.perCopy(); x++) {
      long driven = st.values.drivenRowCycles(slot, x);
      add(ledger, c.dac, c.convert, driven);
      add(ledger, c.crossbar, c.cellRead, st.reads[st.chainOf(x)].cellReads(driven));
    }
  }

  /**
   * Records the row drives and cell reads of {@code vectors} vectors (whole images) with every row
   * driven in every bit cycle: the most the reads can cost (a tile kept fully busy).
   */
  public static void recordFullDrives(Stage st, ActionLedger ledger, long vectors) {
    StageComponents c = st.ids;
    PhaseLayout layout = st.mapping.layout();
    long images = vectors / st.vectorsPerImage();
    for (int ph = 0; ph < layout.phases(); ph++) {
      long n = images * layout.vectorsOfPhase(ph);
      int first = st.stacks.firstStack(ph) * st.mapping.colBlocks();
      int chains = st.stacks.stacksOfPhase(ph) * st.mapping.colBlocks();
      for (int ch = first; ch < first + chains; ch++) {
        add(ledger, c.dac, c.convert, n * st.reads[ch].dacConversions());
        add(ledger, c.crossbar, c.cellRead, n * st.reads[ch].cellReads());
      }
    }
  }

  private static void add(ActionLedger ledger, int component, int action, long count) {
    if (component >= 0 && count > 0) {
      ledger.record(component, action, count);
    }
  }

  /**
   * Adds to the ledger and the tile activity and, at trace level {@code op}, writes the phase as
   * one trace row; {@code tile} is negative for a layer-wide phase (traced on its first tile).
   */
  private void record(
      int component,
      int action,
      long count,
      long startPs,
      long endPs,
      Stage st,
      int image,
      int tile) {
    if (count == 0 || component < 0) {
      return;
    }
    ledger.record(component, action, count);
    if (activity != null) {
      activity.add(st, tile, component, action, count, startPs, endPs);
    }
    if (trace.enabled(TraceLevel.OP)) {
      trace.record(
          startPs,
          endPs,
          componentNames[component],
          actionNames[action],
          st.traceLayer,
          image,
          tile < 0 ? st.tileOf(0) : tile,
          count,
          count * pricePj[component][action]);
    }
  }
}
