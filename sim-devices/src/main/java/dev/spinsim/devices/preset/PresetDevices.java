package dev.spinsim.devices.preset;

import dev.spinsim.devices.activation.ActivationUnit;
import dev.spinsim.devices.converter.Adc;
import dev.spinsim.devices.converter.Dac;
import dev.spinsim.devices.crossbar.Crossbar;
import dev.spinsim.devices.crossbar.CrossbarConfig;
import dev.spinsim.devices.crossbar.ReadoutChain;
import dev.spinsim.devices.crossbar.ReadoutConfig;
import dev.spinsim.devices.registry.DeviceRegistry;
import dev.spinsim.devices.synapse.SynapseDevice;
import dev.spinsim.devices.timing.ChipTiming;
import dev.spinsim.devices.timing.CircuitTiming;
import dev.spinsim.devices.timing.PhaseTime;

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

  public PresetDevices(Preset preset, DeviceRegistry registry) {
    this.preset = preset;
    this.registry = registry;
    this.synapse = wrap("crossbar.synapse", () -> registry.synapse(preset.crossbar().synapse()));
    this.dac = wrap("dac", () -> registry.dac(preset.dac()));
    this.adc = wrap("adc", () -> registry.adc(preset.adc()));
    this.timing = deriveTiming();
  }

  private ChipTiming deriveTiming() {
    Preset p = preset;
    CrossbarSpec x = p.crossbar();
    PhaseTime dacDrive = new PhaseTime(
        dac.driveTimeNs(x.cols(), x.wireResistanceOhm(), x.cellCapacitanceFf(), x.wireCapacitanceFf()),
        dac.driveTimePinned());
    SampleHoldSpec sh = p.sampleHold();
    PhaseTime sampleHold = PhaseTime.of(sh.latencyNs(), sh.latencyNs() != null ? 0
        : CircuitTiming.sampleHoldNs(sh.switchResistanceOhm(), sh.holdCapacitanceFf(), adc.bits()));
    PhaseTime conversion = new PhaseTime(adc.conversionTimeNs(), adc.conversionTimePinned());
    PhaseTime shiftAdd = PhaseTime.of(p.shiftAdd().latencyNs(),
        p.shiftAdd().cycles() * CircuitTiming.cycleNs(p.clockMhz()));
    return new ChipTiming(dacDrive, arrayRead(x.rows()), sampleHold, conversion, shiftAdd,
        p.tile().inputBuffer().accessTime(p.techNodeNm()), p.tile().outputBuffer().accessTime(p.techNodeNm()));
  }

  /**
   * Read time of an array of this preset's kind with {@code rows} rows (the preset's columns): the
   * bit line settled to ½ LSB of the ADC ({@link CircuitTiming#bitLineTauNs}, worst case at the
   * synapse's lowest conductance), at least {@code readTimeFloorNs}; or the pinned
   * {@code crossbar.readTimeNs}.
   */
  public PhaseTime arrayRead(int rows) {
    CrossbarSpec x = preset.crossbar();
    if (x.readTimeNs() != null) {
      return new PhaseTime(x.readTimeNs(), true);
    }
    double tau = CircuitTiming.bitLineTauNs(rows, x.cols(), synapse.minConductanceSiemens(), x.wireResistanceOhm(),
        x.cellCapacitanceFf(), x.wireCapacitanceFf());
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
      throw new IllegalArgumentException("preset " + preset.name() + ": " + key + "." + e.getMessage(), e);
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
    return wrap("activation." + function, () -> registry.activation(preset.activationFor(function)));
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
    return new CrossbarConfig(rows, c.cols(), c.readVoltageV(), readNs, c.irDrop(), c.wireResistanceOhm(), seed,
        c.writeVerify());
  }

  /** A new, unprogrammed crossbar. */
  public Crossbar crossbar(long seed) {
    return new Crossbar(crossbarConfig(seed), synapse, preset.crossbar().mapping());
  }

  public ReadoutConfig readoutConfig() {
    CrossbarSpec c = preset.crossbar();
    return new ReadoutConfig(c.inputBits(), c.encoding(), preset.adc().columnsPerAdc(),
        preset.adc().fullScaleFraction(), timing.dacDrive().ns(), timing.sampleHold().ns(), timing.shiftAdd().ns());
  }

  /** A crossbar with its readout chain. */
  public ReadoutChain readoutChain(Crossbar crossbar) {
    return new ReadoutChain(crossbar, dac, adc, readoutConfig());
  }
}
