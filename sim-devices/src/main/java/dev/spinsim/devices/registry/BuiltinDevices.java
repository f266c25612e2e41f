package dev.spinsim.devices.registry;

import dev.spinsim.devices.activation.ActivationUnitSpec;
import dev.spinsim.devices.activation.DigitalActivation;
import dev.spinsim.devices.activation.DomainWallLeakyRelu;
import dev.spinsim.devices.activation.DomainWallRelu;
import dev.spinsim.devices.activation.DwLeakyReluParams;
import dev.spinsim.devices.activation.DwReluParams;
import dev.spinsim.devices.converter.AdcSpec;
import dev.spinsim.devices.converter.FlashAdc;
import dev.spinsim.devices.converter.IdealAdc;
import dev.spinsim.devices.converter.IdealDac;
import dev.spinsim.devices.converter.RampAdc;
import dev.spinsim.devices.converter.RowDac;
import dev.spinsim.devices.converter.SarAdc;
import dev.spinsim.devices.energy.AdcEnergyModel;
import dev.spinsim.devices.energy.ConverterEnergy;
import dev.spinsim.devices.synapse.ContinuousSynapse;
import dev.spinsim.devices.synapse.SkyrmionSynapse;

/** The devices spinsim ships (the paper's, ISAAC's and the ideal ones). */
public final class BuiltinDevices implements DeviceProvider {
  @Override
  public void register(DeviceRegistry.Builder r) {
    r.synapse(SkyrmionSynapse.NAME, s -> new SkyrmionSynapse(s.resolve(SkyrmionSynapse.DEFAULTS)));
    r.synapse(
        ContinuousSynapse.NAME, s -> new ContinuousSynapse(s.resolve(ContinuousSynapse.DEFAULTS)));

    r.activation(DomainWallRelu.NAME, BuiltinDevices::dwRelu);
    r.activation(DomainWallLeakyRelu.NAME, BuiltinDevices::dwLeakyRelu);
    r.activation(DigitalActivation.TANH_NAME, s -> digital(DigitalActivation.Function.TANH, s));
    r.activation(
        DigitalActivation.SIGMOID_NAME, s -> digital(DigitalActivation.Function.SIGMOID, s));
    r.activation(DigitalActivation.RELU_NAME, s -> digital(DigitalActivation.Function.RELU, s));
    r.activation(
        DigitalActivation.LEAKY_RELU_NAME, s -> digital(DigitalActivation.Function.LEAKY_RELU, s));

    r.dac(
        IdealDac.NAME,
        s -> {
          refuse("ideal DAC", "conversionTimeNs", s.conversionTimeNs());
          refuse("ideal DAC", "driverResistanceOhm", s.driverResistanceOhm());
          return new IdealDac();
        });
    r.dac(
        RowDac.NAME,
        s ->
            new RowDac(
                Math.max(1, s.bits()),
                s.energyPj() != null ? s.energyPj() : ConverterEnergy.dacPj(Math.max(1, s.bits())),
                s.driverResistanceOhm() != null
                    ? s.driverResistanceOhm()
                    : RowDac.DEFAULT_DRIVER_OHM,
                s.conversionTimeNs()));

    r.adc(
        IdealAdc.NAME,
        s -> {
          refuse("ideal ADC", "conversionTimeNs", s.conversionTimeNs());
          refuse("ideal ADC", "clockMhz", s.clockMhz());
          refuse("ideal ADC", "overheadCycles", s.overheadCycles());
          return new IdealAdc();
        });
    r.adc(
        SarAdc.NAME,
        s ->
            new SarAdc(
                s.bits(),
                model(s, AdcEnergyModel.ISAAC_TABLE),
                s.nodeNm(),
                s.energyPj(),
                s.conversionTimeNs(),
                s.clockMhz(),
                s.overheadCycles()));
    r.adc(
        FlashAdc.NAME,
        s ->
            new FlashAdc(
                s.bits(),
                model(s, AdcEnergyModel.FLASH),
                s.nodeNm(),
                s.energyPj(),
                s.conversionTimeNs(),
                s.clockMhz(),
                s.overheadCycles()));
    r.adc(
        RampAdc.NAME,
        s ->
            new RampAdc(
                s.bits(),
                model(s, AdcEnergyModel.RAMP),
                s.nodeNm(),
                s.energyPj(),
                s.conversionTimeNs(),
                s.clockMhz(),
                s.overheadCycles()));
  }

  /**
   * An ideal converter takes no time: a timing key would be accepted and ignored, so it is refused.
   */
  private static void refuse(String device, String key, Object value) {
    if (value != null) {
      throw new IllegalArgumentException(
          key
              + ": an "
              + device
              + " takes no time; remove the key or choose a real"
              + " device, got "
              + value);
    }
  }

  private static AdcEnergyModel model(AdcSpec s, AdcEnergyModel dflt) {
    return s.energyModel() == null ? dflt : AdcEnergyModel.parse(s.energyModel());
  }

  private static DomainWallRelu dwRelu(ActivationUnitSpec s) {
    DwReluParams d = DwReluParams.DEFAULTS;
    return new DomainWallRelu(
        d.withEnergy(
            s.energyPj() != null ? s.energyPj() : d.energyPj(),
            s.latencyNs() != null ? s.latencyNs() : d.latencyNs(),
            "physical".equals(s.energyModel())));
  }

  private static DomainWallLeakyRelu dwLeakyRelu(ActivationUnitSpec s) {
    DwLeakyReluParams d = DwLeakyReluParams.DEFAULTS;
    if (s.alpha() != null) {
      d = d.withAlpha(s.alpha());
    }
    return new DomainWallLeakyRelu(
        d.withEnergy(
            s.energyPj() != null ? s.energyPj() : d.energyPj(),
            s.latencyNs() != null ? s.latencyNs() : d.latencyNs()));
  }

  private static DigitalActivation digital(DigitalActivation.Function f, ActivationUnitSpec s) {
    return new DigitalActivation(
        f,
        s.energyPj() != null ? s.energyPj() : DigitalActivation.DEFAULT_ENERGY_PJ,
        s.latencyNs() != null ? s.latencyNs() : DigitalActivation.DEFAULT_LATENCY_NS,
        s.outputBits() != null ? s.outputBits() : 0,
        s.alpha() != null ? s.alpha() : 0.2);
  }
}
