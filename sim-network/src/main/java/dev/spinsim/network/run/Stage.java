package dev.spinsim.network.run;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.math.IntMath;
import dev.spinsim.core.resource.BoundedBuffer;
import dev.spinsim.core.resource.Resource;
import dev.spinsim.devices.crossbar.ReadCounts;
import dev.spinsim.network.mapping.ColumnStacks;
import dev.spinsim.network.mapping.ConvGeometry;
import dev.spinsim.network.mapping.LayerMapping;
import dev.spinsim.network.mapping.PartialSums;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One crossbar layer placed on the chip: its mapping, phase durations, the hardware resources it
 * contends for and the ledger ids its actions are recorded under.
 */
public final class Stage {
  final String network;
  final String layer;
  final LayerMapping mapping;
  final ConvGeometry geometry;
  final StageTiming timing;
  final int bitCycles;
  final int inputBits;
  final int outputBits;
  final PartialSums partialSums;

  /** The column stacks: one crossbar each with digital partial sums. */
  final ColumnStacks stacks;

  /**
   * The closed-form read of each chain of one copy (index {@code stack·colBlocks + cb}; with
   * digital partial sums a chain is one crossbar), every row driven: the one count of a read that
   * the event handlers and the functional mode record slices of.
   */
  final ReadCounts[] reads;

  /** The stage's device models; after {@link #releaseValues()} only what they counted. */
  StageValues values;

  /** Crossbars of all copies, index {@code copy·perCopy + rb·colBlocks + cb}. */
  final Resource[] crossbars;

  /**
   * One per copy and phase ({@code copy·phases + phase}): the row drivers of a phase's crossbars
   * hold one input vector at a time, for all its bit cycles (the next vector's fetch overlaps, its
   * reads follow); different phases sit on different crossbars and run at once.
   */
  final Resource[] copyDrivers;

  /**
   * The input register of each {@link #copyDrivers} entry: one fetched vector may wait in it while
   * the drivers read the one before (capacity 1).
   */
  final BoundedBuffer[] driverRegisters;

  /** The ADC bank behind each crossbar; a column stack converts on its last crossbar's. */
  final Resource[] adcBanks;

  /** The input buffer's read ports: vectors fetch their inputs through them. */
  final Resource inputPort;

  /** The input buffer's write port (the read port itself when the buffer has one port). */
  final Resource inputWritePort;

  final Resource shiftAdd;
  final Resource accumulator;
  final Resource activationUnits;

  /** The output buffer's write port: vectors write their outputs through it. */
  final Resource outputPort;

  /** The output buffer's read port (the write port itself when the buffer has one port). */
  final Resource outputReadPort;

  /**
   * The space of the stage's input buffers (its tiles' pooled): arriving input rows hold it until
   * no output row still to be fetched needs them.
   */
  final BoundedBuffer inputSpace;

  /** The space of the stage's output buffers: a vector reserves its outputs before it starts. */
  final BoundedBuffer outputSpace;

  /** Bits of one input row ({@code inWidth · inChannels} values) in the input buffer. */
  final long inputRowBits;

  /** Bits of one vector's outputs. */
  final long vectorOutputBits;

  /** Per output row, the first input row it or any later row needs ({@code inHeight}: none). */
  final int[] firstInputRowFrom;

  /** The output row each vector belongs to. */
  final int[] rowOfVector;

  /** The interconnect shared by all stages. */
  final Resource interconnect;

  final String traceLayer;
  final int firstTile;
  final int crossbarsPerTile;

  final StageComponents ids;

  /** Input values each vector fetches from the buffer (original pixels only). */
  final int[] liveInputs;

  /** Per output row, the last input row it needs (-1 when it reads only zeros and padding). */
  final int[] lastInputRow;

  /**
   * Per phase: the crossbars (index within a copy, ascending) of the phase whose ADC banks convert
   * a chain in every bit cycle of a vector of the phase — each crossbar with digital partial sums,
   * a column stack's last one with analog ones — in the order the conversions happen.
   */
  final int[][] convertingOfPhase;

  /** Per phase, as {@link #convertingOfPhase}: each conversion's columns per bit cycle. */
  final int[][] convertingCols;

  /**
   * Per phase: where the runs of {@link #convertingOfPhase} entries on one tile (of copy 0) begin,
   * ending with the entry count.
   */
  final int[][] convertingTileRuns;

  /** Per phase and run of {@link #convertingTileRuns}: the columns its conversions convert. */
  final long[][] convertingTileCols;

  /**
   * @param stacks the column stacks of {@code mapping} (height 1 for digital partial sums)
   * @param reads the closed-form reads of one copy's chains, {@link #closedForms}
   */
  public Stage(
      String network,
      String layer,
      LayerMapping mapping,
      StageTiming timing,
      int bitCycles,
      int inputBits,
      int outputBits,
      PartialSums partialSums,
      ColumnStacks stacks,
      ReadCounts[] reads,
      int activationUnitCount,
      int shiftAddUnits,
      Resource interconnect,
      int firstTile,
      int crossbarsPerTile,
      StageValues values,
      StageComponents ids) {
    this(
        network,
        layer,
        mapping,
        timing,
        bitCycles,
        inputBits,
        outputBits,
        partialSums,
        stacks,
        reads,
        activationUnitCount,
        shiftAddUnits,
        interconnect,
        firstTile,
        crossbarsPerTile,
        values,
        ids,
        Buffers.UNBOUNDED);
  }

  /**
   * The tile buffers a stage sees: its tiles' pooled input and output capacities, bits, and the
   * ports of one buffer of each kind. With two or more ports a buffer gives one to writes and the
   * rest to reads; with one, reads and writes take turns on it.
   */
  public record Buffers(
      long inputCapacityBits, int inputPorts, long outputCapacityBits, int outputPorts) {
    /** Buffers that never fill, one read and one write port each. */
    public static final Buffers UNBOUNDED = new Buffers(Long.MAX_VALUE, 2, Long.MAX_VALUE, 2);

    public Buffers {
      checkArgument(
          inputCapacityBits > 0 && outputCapacityBits > 0,
          "buffer capacities must be positive, got %s and %s bits",
          inputCapacityBits,
          outputCapacityBits);
      checkArgument(
          inputPorts > 0 && outputPorts > 0,
          "buffer ports must be positive, got %s and %s",
          inputPorts,
          outputPorts);
    }
  }

  /** As above, with the tile buffers' capacities and ports ({@link Buffers}). */
  public Stage(
      String network,
      String layer,
      LayerMapping mapping,
      StageTiming timing,
      int bitCycles,
      int inputBits,
      int outputBits,
      PartialSums partialSums,
      ColumnStacks stacks,
      ReadCounts[] reads,
      int activationUnitCount,
      int shiftAddUnits,
      Resource interconnect,
      int firstTile,
      int crossbarsPerTile,
      StageValues values,
      StageComponents ids,
      Buffers buffers) {
    checkArgument(bitCycles > 0, "bit cycles must be positive, got %s", bitCycles);
    checkArgument(
        partialSums == PartialSums.ANALOG || stacks.maxHeight() == 1,
        "digital partial sums convert every crossbar: stacks of 1, got %s",
        stacks.maxHeight());
    checkArgument(
        reads.length == stacks.stacks() * mapping.colBlocks(),
        "one closed-form read per chain expected: %s, got %s",
        stacks.stacks() * mapping.colBlocks(),
        reads.length);
    this.stacks = stacks;
    this.reads = reads.clone();
    this.network = network;
    this.layer = layer;
    this.mapping = mapping;
    this.geometry = mapping.geometry();
    this.timing = timing;
    this.bitCycles = bitCycles;
    this.inputBits = inputBits;
    this.outputBits = outputBits;
    this.partialSums = partialSums;
    this.values = values;
    this.ids = ids;
    this.interconnect = interconnect;
    this.firstTile = firstTile;
    this.crossbarsPerTile = crossbarsPerTile;
    this.traceLayer = network + "." + layer;
    this.liveInputs = new int[mapping.layout().vectorsPerImage()];
    for (int v = 0; v < liveInputs.length; v++) {
      liveInputs[v] = mapping.layout().liveInputs(v);
    }
    this.lastInputRow = new int[geometry.outHeight()];
    for (int r = 0; r < lastInputRow.length; r++) {
      int[] need = geometry.inputRowsNeeded(r);
      lastInputRow[r] = need[1] < need[0] ? -1 : need[1];
    }
    String p = network + "." + layer + ".";
    int n = mapping.crossbars();
    crossbars = new Resource[n];
    adcBanks = new Resource[n];
    for (int i = 0; i < n; i++) {
      crossbars[i] = new Resource(p + "crossbar" + i, 1);
      adcBanks[i] = new Resource(p + "adc-bank" + i, 1);
    }
    int phases = mapping.layout().phases();
    copyDrivers = new Resource[mapping.replication() * phases];
    driverRegisters = new BoundedBuffer[copyDrivers.length];
    for (int i = 0; i < copyDrivers.length; i++) {
      copyDrivers[i] = new Resource(p + "row-drivers" + i, 1);
      driverRegisters[i] = new BoundedBuffer(p + "row-driver-register" + i, 1);
    }
    inputPort = new Resource(p + "input-buffer-port", Math.max(1, buffers.inputPorts() - 1));
    inputWritePort =
        buffers.inputPorts() > 1 ? new Resource(p + "input-buffer-write-port", 1) : inputPort;
    shiftAdd = new Resource(p + "shift-add", shiftAddUnits);
    accumulator = new Resource(p + "accumulator", 1);
    activationUnits = new Resource(p + "activation-units", 1);
    outputPort = new Resource(p + "output-buffer-port", 1);
    outputReadPort =
        buffers.outputPorts() > 1
            ? new Resource(p + "output-buffer-read-port", buffers.outputPorts() - 1)
            : outputPort;
    inputSpace = new BoundedBuffer(p + "input-buffer", buffers.inputCapacityBits());
    outputSpace = new BoundedBuffer(p + "output-buffer", buffers.outputCapacityBits());
    inputRowBits = (long) geometry.inWidth() * geometry.inChannels() * inputBits;
    vectorOutputBits = (long) mapping.matrixCols() * outputBits;
    firstInputRowFrom = new int[geometry.outHeight() + 1];
    firstInputRowFrom[geometry.outHeight()] = geometry.inHeight();
    for (int r = geometry.outHeight() - 1; r >= 0; r--) {
      int[] need = geometry.inputRowsNeeded(r);
      firstInputRowFrom[r] =
          need[1] < need[0]
              ? firstInputRowFrom[r + 1]
              : Math.min(need[0], firstInputRowFrom[r + 1]);
    }
    rowOfVector = new int[liveInputs.length];
    for (int r = 0; r < geometry.outHeight(); r++) {
      for (int x = 0; x < mapping.layout().vectorsInRow(r); x++) {
        rowOfVector[mapping.layout().firstVectorOfRow(r) + x] = r;
      }
    }
    convertingOfPhase = new int[phases][];
    convertingCols = new int[phases][];
    convertingTileRuns = new int[phases][];
    convertingTileCols = new long[phases][];
    for (int ph = 0; ph < phases; ph++) {
      int from = mapping.layout().firstBlock(ph) * mapping.colBlocks();
      int to = from + mapping.layout().blocks(ph) * mapping.colBlocks();
      int[] conv = new int[to - from];
      int count = 0;
      for (int x = from; x < to; x++) {
        if (lastCrossbarOf(chainOf(x)) == x) {
          conv[count++] = x;
        }
      }
      convertingOfPhase[ph] = Arrays.copyOf(conv, count);
      convertingCols[ph] = new int[count];
      int[] runs = new int[count + 1];
      int nRuns = 0;
      for (int j = 0; j < count; j++) {
        convertingCols[ph][j] = reads[chainOf(conv[j])].conversionsPerCycle();
        if (j == 0 || tileOf(conv[j]) != tileOf(conv[j - 1])) {
          runs[nRuns++] = j;
        }
      }
      runs[nRuns++] = count;
      convertingTileRuns[ph] = Arrays.copyOf(runs, nRuns);
      convertingTileCols[ph] = new long[nRuns - 1];
      for (int r = 0; r + 1 < nRuns; r++) {
        for (int j = runs[r]; j < runs[r + 1]; j++) {
          convertingTileCols[ph][r] += convertingCols[ph][j];
        }
      }
    }
    checkArgument(activationUnitCount > 0, "activation units must be positive");
  }

  /** What this layer's values went through so far (ADC clipping and zero codes, saturation). */
  public StageStats stats() {
    return values.stats();
  }

  /**
   * Lets the stage's device models go once its run is over (the programmed crossbars, their read
   * matrices and scratch: most of a chip's memory), keeping what they counted: {@link #stats()},
   * the mapping, the resources and the read counts still answer; computing values afterwards throws
   * {@link IllegalStateException}. A report built after a long run then has that memory to itself.
   */
  public void releaseValues() {
    if (!(values instanceof Released)) {
      values = new Released(values.stats());
    }
  }

  /** The values of a stage after {@link #releaseValues()}: their counts, nothing to compute. */
  private record Released(StageStats stats) implements StageValues {
    @Override
    public void computeVector(int image, int vector) {
      throw released();
    }

    @Override
    public long drivenRowCycles(int slot, int crossbar) {
      throw released();
    }

    @Override
    public void finishVector(int image, int vector) {
      throw released();
    }

    @Override
    public void beginBatch(int firstImage) {
      throw released();
    }

    private static IllegalStateException released() {
      return new IllegalStateException("the stage's values were released after its run");
    }
  }

  public String network() {
    return network;
  }

  public String layer() {
    return layer;
  }

  /** The ledger tag of the stage's components, e.g. {@code G.main.0}. */
  public String tag() {
    return traceLayer;
  }

  /**
   * The closed-form reads of one copy's chains (index {@code stack·colBlocks + cb}), every row
   * driven, {@code bitCycles} bit cycles per read.
   */
  public static ReadCounts[] closedForms(
      LayerMapping m, ColumnStacks stacks, long bitCycles, int columnsPerAdc) {
    ReadCounts[] r = new ReadCounts[stacks.stacks() * m.colBlocks()];
    for (int s = 0; s < stacks.stacks(); s++) {
      int rows = 0;
      for (int rb = stacks.firstBlock(s); rb <= stacks.lastBlock(s); rb++) {
        rows += m.rowsInBlock(rb);
      }
      for (int cb = 0; cb < m.colBlocks(); cb++) {
        int cols = m.colsInBlock(cb);
        r[s * m.colBlocks() + cb] =
            ReadCounts.ofCycles(rows, cols, m.physicalCols(cols), bitCycles, columnsPerAdc);
      }
    }
    return r;
  }

  /** The column stacks of the layer (one crossbar each with digital partial sums). */
  public ColumnStacks stacks() {
    return stacks;
  }

  /** The chain of one copy that crossbar {@code local} (index within its copy) belongs to. */
  int chainOf(int local) {
    int cb = local % mapping.colBlocks();
    return stacks.stackOf(local / mapping.colBlocks()) * mapping.colBlocks() + cb;
  }

  /** Chains (stacks × column blocks) of one copy. */
  int chainsPerCopy() {
    return reads.length;
  }

  /** The crossbar (within its copy) below which chain {@code chain}'s conversions happen. */
  int lastCrossbarOf(int chain) {
    return stacks.lastBlock(chain / mapping.colBlocks()) * mapping.colBlocks()
        + chain % mapping.colBlocks();
  }

  /** The closed-form read of chain {@code chain} of a copy. */
  public ReadCounts read(int chain) {
    return reads[chain];
  }

  /**
   * (row, bit cycle) pairs the reads of one image offer — every vector reads its phase's chains:
   * the most rows it can drive (the denominator of the driven-row fraction).
   */
  public long rowCyclesPerImage() {
    long n = 0;
    var layout = mapping.layout();
    for (int ph = 0; ph < layout.phases(); ph++) {
      long perVector = 0;
      for (int s = stacks.firstStack(ph);
          s < stacks.firstStack(ph) + stacks.stacksOfPhase(ph);
          s++) {
        for (int cb = 0; cb < mapping.colBlocks(); cb++) {
          perVector += reads[s * mapping.colBlocks() + cb].rowCycles();
        }
      }
      n += layout.vectorsOfPhase(ph) * perVector;
    }
    return n;
  }

  /** Array reads per input vector and crossbar (bit cycles × sign passes). */
  public int bitCycles() {
    return bitCycles;
  }

  /** The numbers this stage computes (its device models). */
  public StageValues values() {
    return values;
  }

  /** The geometry of the stage's layer (vectors per image, sizes). */
  public ConvGeometry geometry() {
    return geometry;
  }

  public StageTiming timing() {
    return timing;
  }

  public LayerMapping mapping() {
    return mapping;
  }

  /** The chip-wide index of the tile holding crossbar {@code xb} of this stage. */
  int tileOf(int xb) {
    return firstTile + xb / crossbarsPerTile;
  }

  /** Tiles this stage occupies. */
  public int tiles() {
    return IntMath.divide(mapping.crossbars(), crossbarsPerTile, RoundingMode.CEILING);
  }

  int perCopy() {
    return mapping.crossbarsPerCopy();
  }

  /** Input vectors per image (one per output pixel, or one for a single-pixel layer). */
  public int vectorsPerImage() {
    return liveInputs.length;
  }

  /** Every resource of the stage, for utilisation reports. */
  public List<Resource> resources() {
    List<Resource> all = new ArrayList<>(List.of(copyDrivers));
    all.addAll(List.of(crossbars));
    for (int i = 0; i < adcBanks.length; i++) {
      int local = i % perCopy();
      if (lastCrossbarOf(chainOf(local)) == local) {
        all.add(adcBanks[i]); // a column stack converts below its last crossbar
      }
    }
    all.add(inputPort);
    if (inputWritePort != inputPort) {
      all.add(inputWritePort);
    }
    all.addAll(List.of(shiftAdd, accumulator, activationUnits, outputPort));
    if (outputReadPort != outputPort) {
      all.add(outputReadPort);
    }
    return all;
  }

  /** The stage's input and output buffer space, for occupancy reports. */
  public List<BoundedBuffer> buffers() {
    return List.of(inputSpace, outputSpace);
  }
}
