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

/**
 * Builds the devices and circuits a preset describes, through the {@link DeviceRegistry}: the
 * synapse, DAC, ADC, activation units, and crossbars with their readout chains.
 */
public final class PresetDevices {
  private final Preset preset;
  private final DeviceRegistry registry;
  private final SynapseDevice synapse;
  private final Dac dac;
  private final Adc adc;

  public PresetDevices(Preset preset, DeviceRegistry registry) {
    this.preset = preset;
    this.registry = registry;
    this.synapse = wrap("crossbar.synapse", () -> registry.synapse(preset.crossbar().synapse()));
    this.dac = wrap("dac", () -> registry.dac(preset.dac()));
    this.adc = wrap("adc", () -> registry.adc(preset.adc()));
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
    return new CrossbarConfig(c.rows(), c.cols(), c.readVoltageV(), c.readTimeNs(), c.irDrop(), c.wireResistanceOhm(),
        seed, c.writeVerify());
  }

  /** A new, unprogrammed crossbar. */
  public Crossbar crossbar(long seed) {
    return new Crossbar(crossbarConfig(seed), synapse, preset.crossbar().mapping());
  }

  public ReadoutConfig readoutConfig() {
    CrossbarSpec c = preset.crossbar();
    return new ReadoutConfig(c.inputBits(), c.encoding(), preset.adc().columnsPerAdc(),
        preset.adc().fullScaleFraction(), preset.sampleHold().latencyNs(), preset.shiftAdd().latencyNs());
  }

  /** A crossbar with its readout chain. */
  public ReadoutChain readoutChain(Crossbar crossbar) {
    return new ReadoutChain(crossbar, dac, adc, readoutConfig());
  }
}
