package dev.spinsim.network.run;

import static com.google.common.base.Preconditions.checkArgument;

import dev.spinsim.core.resource.Resource;
import dev.spinsim.devices.crossbar.ReadCounts;
import dev.spinsim.network.mapping.ConvGeometry;
import dev.spinsim.network.mapping.LayerMapping;
import dev.spinsim.network.mapping.PartialSums;
import java.util.ArrayList;
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
  /** Crossbars one conversion sums (a column stack): 1 with digital partial sums. */
  final int stackHeight;
  /** Column stacks per column block: ceil(rowBlocks / stackHeight). */
  final int stacks;
  /**
   * The closed-form read of each chain of one copy (index {@code stack·colBlocks + cb}; with
   * digital partial sums a chain is one crossbar), every row driven: the one count of a read that
   * the event handlers and the functional mode record slices of.
   */
  final ReadCounts[] reads;
  final StageValues values;

  /** Crossbars of all copies, index {@code copy·perCopy + rb·colBlocks + cb}. */
  final Resource[] crossbars;
  /**
   * One per copy: the row drivers of a copy's crossbars hold one input vector at a time, for all
   * its bit cycles (the next vector's fetch overlaps, its reads follow).
   */
  final Resource[] copyDrivers;
  /** The ADC bank behind each crossbar (digital partial sums) or each column stack (analog). */
  final Resource[] adcBanks;
  final Resource inputPort;
  final Resource shiftAdd;
  final Resource accumulator;
  final Resource activationUnits;
  final Resource outputPort;
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
   * @param stackHeight crossbars whose column currents one conversion sums (1 for digital
   *     partial sums)
   * @param reads the closed-form reads of one copy's chains, {@link #closedForms}
   */
  public Stage(String network, String layer, LayerMapping mapping, StageTiming timing, int bitCycles,
      int inputBits, int outputBits, PartialSums partialSums, int stackHeight, ReadCounts[] reads,
      int activationUnitCount, int shiftAddUnits, Resource interconnect, int firstTile,
      int crossbarsPerTile, StageValues values, StageComponents ids) {
    checkArgument(bitCycles > 0, "bit cycles must be positive, got %s", bitCycles);
    checkArgument(stackHeight >= 1 && (partialSums == PartialSums.ANALOG || stackHeight == 1),
        "a column stack holds >= 1 crossbars (1 with digital partial sums), got %s", stackHeight);
    this.stackHeight = Math.min(stackHeight, mapping.rowBlocks());
    this.stacks = (mapping.rowBlocks() + this.stackHeight - 1) / this.stackHeight;
    checkArgument(reads.length == stacks * mapping.colBlocks(),
        "one closed-form read per chain expected: %s, got %s", stacks * mapping.colBlocks(),
        reads.length);
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
    int ow = geometry.outWidth();
    this.liveInputs = new int[geometry.vectorsPerImage()];
    for (int v = 0; v < liveInputs.length; v++) {
      liveInputs[v] = geometry.liveInputs(v / ow, v % ow);
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
    copyDrivers = new Resource[mapping.replication()];
    for (int i = 0; i < copyDrivers.length; i++) {
      copyDrivers[i] = new Resource(p + "row-drivers" + i, 1);
    }
    inputPort = new Resource(p + "input-buffer-port", 1);
    shiftAdd = new Resource(p + "shift-add", shiftAddUnits);
    accumulator = new Resource(p + "accumulator", 1);
    activationUnits = new Resource(p + "activation-units", 1);
    outputPort = new Resource(p + "output-buffer-port", 1);
    checkArgument(activationUnitCount > 0, "activation units must be positive");
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
   * The closed-form reads of one copy's chains of a layer mapped with column stacks of at most
   * {@code stackHeight} crossbars (1: every crossbar converts its own partial sums), every row
   * driven, {@code bitCycles} bit cycles per read.
   */
  public static ReadCounts[] closedForms(LayerMapping m, int stackHeight, long bitCycles,
      int columnsPerAdc) {
    int h = Math.min(stackHeight, m.rowBlocks());
    int stacks = (m.rowBlocks() + h - 1) / h;
    ReadCounts[] r = new ReadCounts[stacks * m.colBlocks()];
    for (int s = 0; s < stacks; s++) {
      int rows = 0;
      for (int rb = s * h; rb < Math.min((s + 1) * h, m.rowBlocks()); rb++) {
        rows += m.rowsInBlock(rb);
      }
      for (int cb = 0; cb < m.colBlocks(); cb++) {
        int cols = m.colsInBlock(cb);
        r[s * m.colBlocks() + cb] = ReadCounts.ofCycles(rows, cols, m.physicalCols(cols),
            bitCycles, columnsPerAdc);
      }
    }
    return r;
  }

  /** Crossbars one conversion sums (1 with digital partial sums). */
  public int stackHeight() {
    return stackHeight;
  }

  /** Column stacks per column block (the row blocks with digital partial sums). */
  public int stacks() {
    return stacks;
  }

  /** Chains (stacks × column blocks) of one copy. */
  int chainsPerCopy() {
    return reads.length;
  }

  /** The chain of one copy that crossbar {@code local} (index within its copy) belongs to. */
  int chainOf(int local) {
    int cb = local % mapping.colBlocks();
    return local / mapping.colBlocks() / stackHeight * mapping.colBlocks() + cb;
  }

  /** The crossbar (within its copy) below which chain {@code chain}'s conversions happen. */
  int lastCrossbarOf(int chain) {
    int s = chain / mapping.colBlocks();
    int cb = chain % mapping.colBlocks();
    int lastRb = Math.min((s + 1) * stackHeight, mapping.rowBlocks()) - 1;
    return lastRb * mapping.colBlocks() + cb;
  }

  /** Crossbars in the stack of chain {@code chain}. */
  int stackSize(int chain) {
    int s = chain / mapping.colBlocks();
    return Math.min(stackHeight, mapping.rowBlocks() - s * stackHeight);
  }

  /** (row, bit cycle) pairs one input vector's reads offer: the most rows it can drive. */
  public long rowCyclesPerVector() {
    long n = 0;
    for (ReadCounts r : reads) {
      n += r.rowCycles();
    }
    return n;
  }

  /** The closed-form read of chain {@code chain} of a copy. */
  public ReadCounts read(int chain) {
    return reads[chain];
  }

  /** Array reads per input vector and crossbar (bit cycles × sign passes). */
  public int bitCycles() {
    return bitCycles;
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
    return (mapping.crossbars() + crossbarsPerTile - 1) / crossbarsPerTile;
  }

  int perCopy() {
    return mapping.crossbarsPerCopy();
  }

  /** Every resource of the stage, for utilisation reports. */
  public List<Resource> resources() {
    List<Resource> all = new ArrayList<>(List.of(copyDrivers));
    all.addAll(List.of(crossbars));
    for (int i = 0; i < adcBanks.length; i++) {
      int local = i % perCopy();
      if (lastCrossbarOf(chainOf(local)) == local) {
        all.add(adcBanks[i]);
      }
    }
    all.addAll(List.of(inputPort, shiftAdd, accumulator, activationUnits, outputPort));
    return all;
  }
}
