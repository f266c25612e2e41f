package dev.spinsim.network.chip;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.math.DoubleMath;
import com.google.common.math.IntMath;
import com.google.common.math.LongMath;
import dev.spinsim.core.energy.ActionLedger;
import dev.spinsim.core.resource.Resource;
import dev.spinsim.core.time.Clock;
import dev.spinsim.devices.activation.ActivationUnit;
import dev.spinsim.devices.activation.ActivationUnitSpec;
import dev.spinsim.devices.crossbar.Crossbar;
import dev.spinsim.devices.crossbar.CrossbarConfig;
import dev.spinsim.devices.crossbar.InputEncoding;
import dev.spinsim.devices.crossbar.ReadCounts;
import dev.spinsim.devices.crossbar.ReadTiming;
import dev.spinsim.devices.crossbar.ReadoutChain;
import dev.spinsim.devices.crossbar.ReadoutConfig;
import dev.spinsim.devices.energy.ComponentClasses;
import dev.spinsim.devices.preset.BufferSpec;
import dev.spinsim.devices.preset.Preset;
import dev.spinsim.devices.preset.PresetDevices;
import dev.spinsim.devices.preset.PresetEnergyTable;
import dev.spinsim.devices.preset.StaticSpec;
import dev.spinsim.devices.registry.DeviceRegistry;
import dev.spinsim.devices.timing.ChipTiming;
import dev.spinsim.network.mapping.BiasMode;
import dev.spinsim.network.mapping.ColumnStacks;
import dev.spinsim.network.mapping.LayerMapping;
import dev.spinsim.network.mapping.MappingOptions;
import dev.spinsim.network.mapping.MappingStrategy;
import dev.spinsim.network.mapping.PartialSums;
import dev.spinsim.network.mapping.PhaseLayout;
import dev.spinsim.network.mapping.WeightScheme;
import dev.spinsim.network.run.Stage;
import dev.spinsim.network.run.StageComponents;
import dev.spinsim.network.run.StageTiming;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Places stage plans on a preset's hardware: maps each onto crossbars with the strategy, programs
 * the crossbars (quantisation to the synapse levels, variation, write errors), builds the readout
 * chains, converts every phase time to clock-edge picoseconds once, creates the resources the
 * phases contend for and registers the components in the ledger.
 */
public final class ChipBuilder {
  /** Bits a value takes on buffers and the interconnect when the converters are ideal. */
  static final int IDEAL_VALUE_BITS = 32;

  /** Headroom of an ideal DAC's range over the calibrated maximum (a power of two: exact). */
  static final double IDEAL_HEADROOM = 8;

  private final PresetDevices devices;
  private final MappingStrategy strategy;
  private final MappingOptions options;
  private final long seed;

  public ChipBuilder(
      PresetDevices devices, MappingStrategy strategy, MappingOptions options, long seed) {
    this.devices = devices;
    this.strategy = strategy;
    this.options = options;
    this.seed = seed;
  }

  /** The mapping options a preset implies (crossbar size and weight scheme), digital sums. */
  public static MappingOptions optionsFor(
      Preset p, BiasMode bias, PartialSums sums, Map<String, Integer> replication) {
    WeightScheme scheme =
        switch (p.crossbar().weightMapping()) {
          case "differential" -> WeightScheme.DIFFERENTIAL;
          case "offset" -> WeightScheme.OFFSET_REFERENCE;
          default ->
              throw new IllegalArgumentException(
                  "crossbar.weightMapping: must be differential"
                      + " or offset, got "
                      + p.crossbar().weightMapping());
        };
    return new MappingOptions(
        p.crossbar().rows(), p.crossbar().cols(), scheme, bias, sums, replication);
  }

  /**
   * Builds the chip for {@code plans} (generator stages first, {@code generatorStages} of them)
   * with the calibrated {@code ranges} (one per plan) for {@code images} images.
   */
  public Chip build(
      List<StagePlan> plans, int generatorStages, List<RangeCalibration.Range> ranges, int images) {
    return build(plans, generatorStages, ranges, images, 0);
  }

  /**
   * As {@link #build(List, int, List, int)} for images {@code firstImage ..} of a longer run
   * generated in batches: the devices are the same (seeded by the chip's seed), the read noise of
   * an image is keyed on its index in the whole run.
   */
  public Chip build(
      List<StagePlan> plans,
      int generatorStages,
      List<RangeCalibration.Range> ranges,
      int images,
      int firstImage) {
    checkArgument(plans.size() == ranges.size(), "one range per stage expected");
    Preset p = devices.preset();
    Clock clock = Clock.ofMhz(p.clockMhz());
    ActionLedger ledger = new ActionLedger();
    // programming the weights is a one-time cost, kept apart from the images' actions
    ActionLedger programming = new ActionLedger();
    Resource noc = new Resource("interconnect", 1);
    float[][][] maps = new float[plans.size() + 1][images][];
    for (int i = 0; i < images; i++) {
      maps[0][i] = new float[size(plans.get(0), true)];
      for (int s = 0; s < plans.size(); s++) {
        maps[s + 1][i] = new float[size(plans.get(s), false)];
      }
    }
    // the tile buffers, for every stage at once: the line names the size all of them accept
    BufferWorkingSet.check(
        p,
        strategy,
        options,
        plans.stream().map(StagePlan::qualifiedName).toList(),
        plans.stream().map(StagePlan::geometry).toList());
    Stage[] stages = new Stage[plans.size()];
    int tile = 0;
    for (int s = 0; s < plans.size(); s++) {
      StagePlan plan = plans.get(s);
      // a stage fed by a ReLU of the same network sees only non-negative inputs
      boolean unsignedInput =
          s > 0
              && plans.get(s - 1).activation().equals("relu")
              && plans.get(s - 1).network().equals(plan.network());
      stages[s] =
          stage(
              s,
              plan,
              ranges.get(s),
              maps[s],
              maps[s + 1],
              images,
              clock,
              ledger,
              programming,
              noc,
              tile,
              valueBits(p),
              unsignedInput,
              firstImage);
      tile += stages[s].tiles();
    }
    return new Chip(stages, plans, maps, generatorStages, ledger, programming, noc, clock, tile);
  }

  private static int size(StagePlan plan, boolean input) {
    var g = plan.geometry();
    return input
        ? g.inChannels() * g.inHeight() * g.inWidth()
        : g.outChannels() * g.outHeight() * g.outWidth();
  }

  /** Bits a stage's input value occupies in buffers: the DAC input precision. */
  static int valueBits(Preset p) {
    return p.crossbar().inputBits() == 0 ? IDEAL_VALUE_BITS : p.crossbar().inputBits();
  }

  private Stage stage(
      int index,
      StagePlan plan,
      RangeCalibration.Range range,
      float[][] inputs,
      float[][] outputs,
      int images,
      Clock clock,
      ActionLedger ledger,
      ActionLedger programming,
      Resource noc,
      int firstTile,
      int outputBits,
      boolean unsignedInput,
      int firstImage) {
    Preset p = devices.preset();
    LayerMapping m = strategy.map(plan.qualifiedName(), plan.geometry(), options);
    boolean analog = options.partialSums() == PartialSums.ANALOG;
    boolean idealDac = p.crossbar().inputBits() == 0 && devices.dac().bits() == 0;
    double inputMax = range.inputMax() > 0 ? range.inputMax() : 1;
    double inputScale = idealDac ? pow2AtLeast(inputMax * IDEAL_HEADROOM) : inputMax;
    double weightScale = plan.maxAbsWeight();
    boolean biasRow = options.biasMode() == BiasMode.BIAS_ROW;
    if (biasRow) {
      for (float b : plan.bias()) {
        weightScale = Math.max(weightScale, Math.abs(b) / inputScale);
      }
    }
    if (weightScale == 0) {
      weightScale = 1;
    }
    ReadoutConfig base = devices.readoutConfig();
    ReadoutConfig readout =
        base.withEncoding(unsignedInput ? base.inputEncoding() : InputEncoding.SIGN_SPLIT);

    // program the crossbars, one per row block of every copy, and chain them: one readout chain
    // per crossbar (digital partial sums) or per column stack of up to crossbar.maxStackHeight
    // crossbars of one phase whose column currents are summed (analog)
    PhaseLayout layout = m.layout();
    float[] matrix = layout.matrix(plan.matrix(), plan.bias(), inputScale);
    ColumnStacks stacks = new ColumnStacks(m, analog ? p.crossbar().maxStackHeight() : 1);
    int chainsPerCopy = stacks.stacks() * m.colBlocks();
    ReadoutChain[] chains = new ReadoutChain[chainsPerCopy * m.replication()];
    CrossbarConfig cfg = devices.crossbarConfig(0);
    List<ProgramJob> jobs = new ArrayList<>();
    Crossbar[][] stackOfChain = new Crossbar[chains.length][];
    for (int copy = 0; copy < m.replication(); copy++) {
      for (int s = 0; s < stacks.stacks(); s++) {
        int stackRows = 0;
        for (int rb = stacks.firstBlock(s); rb <= stacks.lastBlock(s); rb++) {
          stackRows += layout.rowsInBlock(rb);
        }
        // a taller analog stack settles its summed bit lines in the read time of its rows
        double readNs = stacks.blocks(s) > 1 ? devices.arrayRead(stackRows).ns() : cfg.readTimeNs();
        for (int cb = 0; cb < m.colBlocks(); cb++) {
          int c0 = cb * m.logicalColsPerCrossbar();
          int cols = m.colsInBlock(cb);
          Crossbar[] stack = new Crossbar[stacks.blocks(s)];
          for (int k = 0; k < stack.length; k++) {
            int rb = stacks.firstBlock(s) + k;
            int r0 = layout.firstRowOfBlock(rb);
            int rows = layout.rowsInBlock(rb);
            double[] w = new double[rows * cols];
            // no calls in the loop: a cold process runs it interpreted at first
            int matrixCols = m.matrixCols();
            for (int r = 0; r < rows; r++) {
              int from = (r0 + r) * matrixCols + c0;
              int to = r * cols;
              for (int c = 0; c < cols; c++) {
                w[to + c] = matrix[from + c] / weightScale;
              }
            }
            long xbarSeed =
                seed * 1_000_003L
                    + ((long) index << 40)
                    + ((long) copy << 24)
                    + ((long) rb << 12)
                    + cb;
            CrossbarConfig c =
                new CrossbarConfig(
                    cfg.rows(),
                    cfg.columns(),
                    cfg.readVoltageV(),
                    readNs,
                    cfg.irDrop(),
                    cfg.wireResistanceOhm(),
                    xbarSeed,
                    cfg.writeVerify());
            jobs.add(new ProgramJob(c, w, rows, cols, stack, k));
          }
          stackOfChain[copy * chainsPerCopy + s * m.colBlocks() + cb] = stack;
        }
      }
    }
    long programSteps = program(jobs);
    for (int i = 0; i < chains.length; i++) {
      chains[i] = new ReadoutChain(stackOfChain[i], devices.dac(), devices.adc(), readout);
    }
    ReadoutChain probe = slowestChain(chains, m.colBlocks(), chainsPerCopy);
    ReadTiming rt = probe.timing();
    int bitCycles = (int) probe.counts().bitCycles();
    ReadCounts[] reads = Stage.closedForms(m, stacks, bitCycles, readout.columnsPerAdc());
    for (int i = 0; i < chainsPerCopy; i++) {
      checkArgument(
          reads[i].equals(chains[i].counts()),
          "%s: chain %s reads %s, closed form %s",
          plan.qualifiedName(),
          i,
          chains[i].counts(),
          reads[i]);
    }

    ActivationUnit act = activation(plan);
    double actScale = range.preActivationMax() > 0 ? range.preActivationMax() : 1;
    int tiles = tiles(p, m);
    int activationUnits = p.activation().unitsPerTile() * tiles;
    int shiftAddUnits = shiftAddUnits(p, tiles);
    int inputBits = valueBits(p);
    int cols = m.matrixCols();
    BufferSpec in = p.tile().inputBuffer();
    BufferSpec out = p.tile().outputBuffer();
    long rowBits = (long) plan.geometry().outWidth() * plan.geometry().outChannels() * outputBits;
    ChipTiming phases = devices.timing();
    StageTiming timing =
        new StageTiming(
            clock.durationPs(phases.inputBufferAccess().ns()),
            in.widthBits(),
            clock.durationPs(rt.frontNs()),
            clock.durationPs(rt.conversionNs()),
            clock.durationPs(rt.shiftAddNs()),
            stacks.maxStacksOfPhase() > 1
                ? clock.durationPs(
                    phases.shiftAdd().ns()
                        * IntMath.log2(stacks.maxStacksOfPhase(), RoundingMode.CEILING))
                : 0,
            act == null
                ? 0
                : clock.durationPs(
                    IntMath.divide(cols, activationUnits, RoundingMode.CEILING) * act.latencyNs()),
            clock.durationPs(
                LongMath.divide((long) cols * outputBits, out.widthBits(), RoundingMode.CEILING)
                    * phases.outputBufferAccess().ns()),
            clock.durationPs(
                p.interconnect().latencyNs()
                    + flitBits(p, rowBits) / p.interconnect().bandwidthGbps()),
            clock.durationPs(phases.outputBufferAccess().ns()),
            out.widthBits());
    // the tile buffers bound the pipeline: refused here (and by map) when too small to progress
    BufferWorkingSet.of(m, inputBits, index == 0).check(plan.qualifiedName(), tiles, in, out);
    Stage.Buffers buffers =
        new Stage.Buffers(
            BufferWorkingSet.capacityBits(in, tiles),
            in.ports(),
            BufferWorkingSet.capacityBits(out, tiles),
            out.ports());

    String activationClass = act == null ? null : activationClass(plan.activation());
    Map<String, Map<String, Double>> attrs = componentAttributes(devices, m, activationClass);
    StageComponents ids = new StageComponents(ledger, plan.qualifiedName(), activationClass, attrs);
    // the level steps every cell took to reach its weight, in the programming ledger
    int programmed =
        programming.registerComponent(
            plan.qualifiedName() + "/" + ComponentClasses.CROSSBAR,
            ComponentClasses.CROSSBAR,
            plan.qualifiedName(),
            attrs.get(ComponentClasses.CROSSBAR));
    if (programSteps > 0) {
      programming.record(
          programmed, programming.actionId(ComponentClasses.PROGRAM_STEP), programSteps);
    }
    for (Map.Entry<String, Map<String, Double>> e : attrs.entrySet()) {
      if (e.getKey().startsWith(ComponentClasses.STATIC_PREFIX)) {
        ledger.registerComponent(
            plan.qualifiedName() + "/" + e.getKey(),
            e.getKey(),
            plan.qualifiedName(),
            e.getValue());
      }
    }
    long noiseKey = seed * 0x632BE59BD9B4E019L + index;
    CrossbarStageValues values =
        new CrossbarStageValues(
            plan,
            m,
            chains,
            stacks,
            inputScale,
            weightScale,
            actScale,
            !biasRow,
            act,
            noiseKey,
            firstImage,
            inputs,
            outputs,
            images);
    return new Stage(
        plan.network(),
        plan.layer(),
        m,
        timing,
        bitCycles,
        inputBits,
        outputBits,
        options.partialSums(),
        stacks,
        reads,
        activationUnits,
        shiftAddUnits,
        noc,
        firstTile,
        p.tile().crossbarsPerTile(),
        values,
        ids,
        buffers);
  }

  /**
   * One crossbar to program: its configuration, weight block and the slot of its stack it fills.
   */
  private record ProgramJob(
      CrossbarConfig config, double[] w, int rows, int cols, Crossbar[] stack, int slot) {}

  /**
   * Programs every job's crossbar (through the {@link ChipBuildCache}: from memory or disk when it
   * holds them, else spread over the compute threads) into its slot. Returns the level steps of all
   * of them.
   */
  private long program(List<ProgramJob> jobs) {
    List<ChipBuildCache.ProgramRequest> requests = new ArrayList<>(jobs.size());
    for (ProgramJob job : jobs) {
      requests.add(
          new ChipBuildCache.ProgramRequest(job.config(), job.w(), job.rows(), job.cols()));
    }
    List<ChipBuildCache.Programmed> done =
        ChipBuildCache.shared()
            .programmedAll(
                devices.synapse(),
                devices.preset().crossbar().mapping(),
                requests,
                (long) devices.preset().crossbar().rows() * devices.preset().crossbar().cols());
    long total = 0;
    for (int j = 0; j < jobs.size(); j++) {
      ProgramJob job = jobs.get(j);
      job.stack()[job.slot()] = done.get(j).crossbar();
      total += done.get(j).result().levelSteps();
    }
    return total;
  }

  /**
   * Bits a transfer occupies on the interconnect: whole flits of {@code interconnect.widthBits}.
   */
  private static long flitBits(Preset p, long bits) {
    long width = p.interconnect().widthBits();
    return LongMath.divide(bits, width, RoundingMode.CEILING) * width;
  }

  /** Tiles a layer's crossbars occupy. */
  static int tiles(Preset p, LayerMapping m) {
    return IntMath.divide(m.crossbars(), p.tile().crossbarsPerTile(), RoundingMode.CEILING);
  }

  /**
   * Shift-and-add units of a layer's tiles: {@code shiftAdd.unitsPerTile} per tile, or (null) one
   * per weight column of every crossbar, as {@link dev.spinsim.devices.preset.PeripheralSpec}
   * documents and the tile budget counts.
   */
  private static int shiftAddUnits(Preset p, int tiles) {
    Integer perTile = p.shiftAdd().unitsPerTile();
    return (perTile != null
            ? perTile
            : p.tile().crossbarsPerTile()
                * p.crossbar().mapping().weightColumns(p.crossbar().cols()))
        * tiles;
  }

  /**
   * The components a layer mapped as {@code m} puts on the chip, by class, with the attributes the
   * energy and area tables read ({@code count}, {@code bits}): its crossbars, one DAC per row of
   * each, the ADCs its columns need, one S+H per weight column (or {@code sampleHold.unitsPerTile}
   * per tile), and per tile the shift-adders, activation units ({@code activationClass}, none when
   * null), buffers, interconnect share and static components. A run registers exactly these; {@code
   * spinsim map} prices the same counts for its area.
   */
  public static Map<String, Map<String, Double>> componentAttributes(
      PresetDevices devices, LayerMapping m, String activationClass) {
    Preset p = devices.preset();
    int tiles = tiles(p, m);
    Map<String, Map<String, Double>> attrs = new TreeMap<>();
    long weightCols = (long) m.crossbars() * m.logicalColsPerCrossbar();
    int adcsPerCrossbar =
        IntMath.divide(m.logicalColsPerCrossbar(), p.adc().columnsPerAdc(), RoundingMode.CEILING);
    long adcs = (long) m.crossbars() * adcsPerCrossbar;
    long sampleHolds =
        p.sampleHold().unitsPerTile() != null
            ? (long) p.sampleHold().unitsPerTile() * tiles
            : weightCols;
    attrs.put(ComponentClasses.CROSSBAR, Map.of(ComponentClasses.COUNT, (double) m.crossbars()));
    attrs.put(
        ComponentClasses.DAC,
        Map.of(
            ComponentClasses.COUNT,
            (double) m.crossbars() * m.crossbarRows(),
            ComponentClasses.BITS,
            (double) devices.dac().bits()));
    attrs.put(
        ComponentClasses.ADC,
        Map.of(
            ComponentClasses.COUNT,
            (double) adcs,
            ComponentClasses.BITS,
            (double) devices.adc().bits()));
    attrs.put(ComponentClasses.SAMPLE_HOLD, Map.of(ComponentClasses.COUNT, (double) sampleHolds));
    attrs.put(
        ComponentClasses.SHIFT_ADD,
        Map.of(ComponentClasses.COUNT, (double) shiftAddUnits(p, tiles)));
    if (activationClass != null) {
      attrs.put(
          activationClass,
          Map.of(ComponentClasses.COUNT, (double) p.activation().unitsPerTile() * tiles));
    }
    attrs.put(ComponentClasses.INPUT_BUFFER, Map.of(ComponentClasses.COUNT, (double) tiles));
    attrs.put(ComponentClasses.OUTPUT_BUFFER, Map.of(ComponentClasses.COUNT, (double) tiles));
    attrs.put(ComponentClasses.INTERCONNECT, Map.of(ComponentClasses.COUNT, (double) tiles));
    for (Map.Entry<String, StaticSpec> e : p.tile().staticComponents().entrySet()) {
      attrs.put(
          ComponentClasses.STATIC_PREFIX + e.getKey(),
          Map.of(ComponentClasses.COUNT, (double) tiles * e.getValue().count()));
    }
    return attrs;
  }

  /** The first programmed chain (every chain has the same readout timing and counts). */
  /**
   * The chain of the first (fullest) column block whose read takes longest: the tallest stack's
   * summed bit lines settle slowest, and the full column block converts the most columns per ADC.
   */
  private static ReadoutChain slowestChain(ReadoutChain[] chains, int colBlocks, int perCopy) {
    ReadoutChain slowest = chains[0];
    for (int i = 0; i < perCopy; i += colBlocks) {
      if (chains[i].crossbar().config().readTimeNs() > slowest.crossbar().config().readTimeNs()) {
        slowest = chains[i];
      }
    }
    return slowest;
  }

  private ActivationUnit activation(StagePlan plan) {
    if (!plan.hasActivation()) {
      return null;
    }
    ActivationUnitSpec spec = devices.preset().activationFor(plan.activation());
    if (plan.activation().equals("leaky-relu")) {
      // the DW Leaky ReLU is tunable: set its negative slope to the model's
      spec =
          new ActivationUnitSpec(
              spec.device(),
              plan.alpha(),
              spec.energyPj(),
              spec.latencyNs(),
              spec.energyModel(),
              spec.outputBits());
    }
    return DeviceRegistry.defaults().activation(spec);
  }

  /** The ledger class of this preset's unit for {@code function} (its device's class). */
  String activationClass(String function) {
    return PresetEnergyTable.activationClass(devices, function);
  }

  private static double pow2AtLeast(double v) {
    return Math.scalb(1.0, DoubleMath.log2(v, RoundingMode.CEILING));
  }
}
