package dev.spinsim.devices.preset;

import dev.spinsim.devices.activation.ActivationUnit;
import dev.spinsim.devices.converter.Adc;
import dev.spinsim.devices.converter.Dac;
import dev.spinsim.devices.crossbar.Crossbar;
import dev.spinsim.devices.crossbar.CrossbarConfig;
import dev.spinsim.devices.crossbar.ReadoutChain;
import dev.spinsim.devices.crossbar.ReadoutConfig;
import dev.spinsim.devices.energy.ComponentClasses;
import dev.spinsim.devices.energy.CrossbarEnergyEstimator;
import dev.spinsim.devices.energy.NodeScaling;
import dev.spinsim.devices.energy.PerUnitEnergyEstimator;
import dev.spinsim.devices.registry.DeviceRegistry;
import dev.spinsim.devices.synapse.SynapseDevice;
import dev.spinsim.devices.timing.ChipTiming;
import dev.spinsim.devices.timing.CircuitTiming;
import dev.spinsim.devices.timing.PhaseTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the devices and circuits a preset describes, through the {@link DeviceRegistry}: the
 * synapse, DAC, ADC, activation units, and crossbars with their readout chains; and derives every
 * phase time from the circuit parameters once ({@link #timing()}).
 */
public final class PresetDevices {
  private final Preset preset;
  private final DeviceRegistry registry;
  private final SynapseDevice synapse;
  private final Dac dac;
  private final Adc adc;
  private final ChipTiming timing;
  private final List<ChipBlock> blocks;

  public PresetDevices(Preset preset, DeviceRegistry registry) {
    this.preset = preset;
    this.registry = registry;
    this.synapse = wrap("crossbar.synapse", () -> registry.synapse(preset.crossbar().synapse()));
    this.dac = wrap("dac", () -> registry.dac(preset.dac()));
    this.adc = wrap("adc", () -> registry.adc(preset.adc()));
    this.blocks = registerBlocks();
    this.timing =
        new ChipTiming(
            time(ComponentClasses.DAC),
            time(ComponentClasses.CROSSBAR),
            time(ComponentClasses.SAMPLE_HOLD),
            time(ComponentClasses.ADC),
            time(ComponentClasses.SHIFT_ADD),
            time(ComponentClasses.INPUT_BUFFER),
            time(ComponentClasses.OUTPUT_BUFFER));
  }

  /**
   * The blocks of the preset's sections, each with the estimators its registration brings: the
   * crossbar (V²·G·t cell reads, its RC read time, rows × cols cells), the DAC and ADC devices
   * (their own energy and conversion-time models, the ADC's area from its resolution), the S+H,
   * shift-adder, activation units (one class per device and price), buffers, interconnect share and
   * static components.
   */
  private List<ChipBlock> registerBlocks() {
    Preset p = preset;
    CrossbarSpec x = p.crossbar();
    List<ChipBlock> b = new ArrayList<>();
    double gMid = 0.5 * (synapse.minConductanceSiemens() + synapse.maxConductanceSiemens());
    double stepPj = synapse.levels() == 0 ? 0 : synapse.programEnergyPj(0, 1);
    PhaseTime read = arrayRead(x.rows());
    b.add(
        new ChipBlock(
            ComponentClasses.CROSSBAR,
            new CrossbarEnergyEstimator(
                x.readVoltageV(), read.ns(), gMid, x.cellReadEnergyPj(), stepPj, x.leakageMw()),
            x.arrayAreaMm2(),
            read));
    double e = NodeScaling.energyFactor(p.referenceTechNodeNm(), p.techNodeNm());
    double a = NodeScaling.areaFactor(p.referenceTechNodeNm(), p.techNodeNm());
    b.add(
        cmos(
            new ChipBlock(
                ComponentClasses.DAC,
                dac.energyEstimator(p.dac().leakageMw()),
                p.dac().areaMm2(),
                new PhaseTime(
                    dac.driveTimeNs(
                        x.cols(),
                        x.wireResistanceOhm(),
                        x.cellCapacitanceFf(),
                        x.wireCapacitanceFf()),
                    dac.driveTimePinned())),
            e,
            a));
    // the ADC's energy model takes its own node (adc.techNodeNm, the chip's when absent); its
    // static power and area, and a pinned adc.energyPj, are given at the reference node
    double adcNm = p.adc().nodeNm();
    double adcE = NodeScaling.energyFactor(p.referenceTechNodeNm(), adcNm);
    b.add(
        new ChipBlock(
            ComponentClasses.ADC,
            p.adc().energyPj() != null
                ? NodeScaling.scaled(adc.energyEstimator(p.adc().leakageMw()), adcE)
                : adc.energyEstimator(p.adc().leakageMw() * adcE),
            p.adc().scaledAreaMm2() * NodeScaling.areaFactor(p.referenceTechNodeNm(), adcNm),
            new PhaseTime(adc.conversionTimeNs(), adc.conversionTimePinned())));
    b.add(cmos(p.sampleHold().block(adc.bits()), e, a));
    b.add(
        cmos(
            p.shiftAdd().block(ComponentClasses.SHIFT_ADD, ComponentClasses.OP, p.clockMhz()),
            e,
            a));
    Set<String> placed = new HashSet<>();
    for (String function : TileActivationsSpec.FUNCTIONS) {
      String cls = PresetEnergyTable.activationClass(this, function);
      if (placed.add(cls)) { // two functions on one device at one price share its class
        ActivationUnit unit = activation(function);
        ChipBlock block =
            new ChipBlock(
                cls,
                new PerUnitEnergyEstimator(
                    Map.of(ComponentClasses.ACTIVATE, unit.energyPjPerActivation()),
                    p.activation().leakageMw()),
                p.activation().areaMm2(),
                null);
        // digital units are CMOS; domain-wall units are spintronic and keep their figures
        b.add(unit.name().startsWith("digital") ? cmos(block, e, a) : block);
      }
    }
    // buffers: their area already follows the node (BufferSpec#areaMm2); energy and leakage scale
    b.add(cmos(p.tile().inputBuffer().block(ComponentClasses.INPUT_BUFFER, p.techNodeNm()), e, 1));
    b.add(
        cmos(p.tile().outputBuffer().block(ComponentClasses.OUTPUT_BUFFER, p.techNodeNm()), e, 1));
    b.add(cmos(p.interconnect().block(), e, a));
    for (Map.Entry<String, StaticSpec> en : p.tile().staticComponents().entrySet()) {
      b.add(cmos(en.getValue().block(ComponentClasses.STATIC_PREFIX + en.getKey()), e, a));
    }
    return List.copyOf(b);
  }

  /**
   * A CMOS block given at the preset's reference node carried to its node: energies and static
   * power × {@code energyFactor}, area × {@code areaFactor} ({@link NodeScaling}); unchanged when
   * both are 1.
   */
  private static ChipBlock cmos(ChipBlock block, double energyFactor, double areaFactor) {
    if (energyFactor == 1.0 && areaFactor == 1.0) {
      return block;
    }
    return new ChipBlock(
        block.componentClass(),
        NodeScaling.scaled(block.energy(), energyFactor),
        block.areaMm2() * areaFactor,
        block.time());
  }

  private PhaseTime time(String componentClass) {
    for (ChipBlock b : blocks) {
      if (b.componentClass().equals(componentClass)) {
        return b.time();
      }
    }
    throw new IllegalStateException("no block of class " + componentClass);
  }

  /**
   * The blocks of this preset's tiles, each with its energy estimator, unit area and phase time.
   */
  public List<ChipBlock> blocks() {
    return blocks;
  }

  /**
   * Read time of an array of this preset's kind with {@code rows} rows (the preset's columns): the
   * bit line settled to ½ LSB of the ADC ({@link CircuitTiming#bitLineTauNs}, worst case at the
   * synapse's lowest conductance), at least {@code readTimeFloorNs}; or the pinned {@code
   * crossbar.readTimeNs}.
   */
  public PhaseTime arrayRead(int rows) {
    CrossbarSpec x = preset.crossbar();
    if (x.readTimeNs() != null) {
      return new PhaseTime(x.readTimeNs(), true);
    }
    double tau =
        CircuitTiming.bitLineTauNs(
            rows,
            x.cols(),
            synapse.minConductanceSiemens(),
            x.wireResistanceOhm(),
            x.cellCapacitanceFf(),
            x.wireCapacitanceFf());
    return new PhaseTime(CircuitTiming.arrayReadNs(tau, adc.bits(), x.readTimeFloorNs()), false);
  }

  /** Every phase time of this preset's chip, derived from its circuit parameters or pinned. */
  public ChipTiming timing() {
    return timing;
  }

  public static PresetDevices of(Preset preset) {
    return new PresetDevices(preset, DeviceRegistry.defaults());
  }

  private <T> T wrap(String key, java.util.function.Supplier<T> make) {
    try {
      return make.get();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "preset " + preset.name() + ": " + key + "." + e.getMessage(), e);
    }
  }

  public Preset preset() {
    return preset;
  }

  public SynapseDevice synapse() {
    return synapse;
  }

  public Dac dac() {
    return dac;
  }

  public Adc adc() {
    return adc;
  }

  /** A new activation unit for a function: relu, leaky-relu, tanh or sigmoid. */
  public ActivationUnit activation(String function) {
    return wrap(
        "activation." + function, () -> registry.activation(preset.activationFor(function)));
  }

  /** The crossbar geometry and operating point, with a seed for its variation and noise. */
  public CrossbarConfig crossbarConfig(long seed) {
    CrossbarSpec c = preset.crossbar();
    return crossbarConfig(c.rows(), seed);
  }

  /** As {@link #crossbarConfig(long)} for an array of {@code rows} rows (its own read time). */
  public CrossbarConfig crossbarConfig(int rows, long seed) {
    CrossbarSpec c = preset.crossbar();
    double readNs = rows == c.rows() ? timing.arrayRead().ns() : arrayRead(rows).ns();
    return new CrossbarConfig(
        rows,
        c.cols(),
        c.readVoltageV(),
        readNs,
        c.irDrop(),
        c.wireResistanceOhm(),
        seed,
        c.writeVerify());
  }

  /** A new, unprogrammed crossbar. */
  public Crossbar crossbar(long seed) {
    return new Crossbar(crossbarConfig(seed), synapse, preset.crossbar().mapping());
  }

  public ReadoutConfig readoutConfig() {
    CrossbarSpec c = preset.crossbar();
    return new ReadoutConfig(
        c.inputBits(),
        c.encoding(),
        preset.adc().columnsPerAdc(),
        preset.adc().fullScaleFraction(),
        timing.dacDrive().ns(),
        timing.sampleHold().ns(),
        timing.shiftAdd().ns());
  }

  /** A crossbar with its readout chain. */
  public ReadoutChain readoutChain(Crossbar crossbar) {
    return new ReadoutChain(crossbar, dac, adc, readoutConfig());
  }
}
