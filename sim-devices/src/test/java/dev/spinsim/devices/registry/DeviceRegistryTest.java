package dev.spinsim.devices.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spinsim.devices.activation.ActivationUnitSpec;
import dev.spinsim.devices.converter.AdcSpec;
import dev.spinsim.devices.converter.DacSpec;
import dev.spinsim.devices.crossbar.Crossbar;
import dev.spinsim.devices.crossbar.CrossbarConfig;
import dev.spinsim.devices.crossbar.DifferentialMapping;
import dev.spinsim.devices.crossbar.InputEncoding;
import dev.spinsim.devices.crossbar.ReadoutChain;
import dev.spinsim.devices.crossbar.ReadoutConfig;
import dev.spinsim.devices.preset.Preset;
import dev.spinsim.devices.preset.PresetDevices;
import dev.spinsim.devices.preset.Presets;
import dev.spinsim.devices.synapse.RramSynapse;
import dev.spinsim.devices.synapse.SynapseDevice;
import dev.spinsim.devices.synapse.SynapseSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeviceRegistryTest {
  private final DeviceRegistry r = DeviceRegistry.defaults();

  @Test
  void knowsEveryShippedDeviceByName() {
    assertTrue(
        r.allNames()
            .containsAll(
                List.of(
                    "skyrmion-6b",
                    "rram-neurosim",
                    "ideal-synapse",
                    "dw-relu",
                    "dw-leaky-relu",
                    "digital-tanh",
                    "digital-sigmoid",
                    "digital-relu",
                    "digital-leaky-relu",
                    "sar-adc",
                    "flash-adc",
                    "ideal-adc",
                    "ideal-dac",
                    "dac")),
        r.allNames().toString());
  }

  @Test
  void rramSynapsePlugsInThroughItsProviderAlone() {
    SynapseDevice d = r.synapse(SynapseSpec.of("rram-neurosim"));
    assertTrue(d instanceof RramSynapse);
    assertEquals(32, d.levels());
    assertEquals(1 / 6e3, d.maxConductanceSiemens(), 1e-12);
    // nonlinear level curve: the first step is larger than the last
    assertTrue(
        d.conductanceSiemens(1) - d.conductanceSiemens(0)
            > d.conductanceSiemens(31) - d.conductanceSiemens(30));
    // and it works in a crossbar and through a preset
    Crossbar xb = new Crossbar(CrossbarConfig.defaults(1), d, new DifferentialMapping());
    xb.program(new double[] {0.5, -0.25}, 1, 2);
    double[] y = new double[2];
    new ReadoutChain(
            xb,
            r.dac(DacSpec.of("ideal-dac", 0)),
            r.adc(AdcSpec.of("ideal-adc", 0)),
            ReadoutConfig.ideal(InputEncoding.UNSIGNED))
        .read(new double[] {1.0}, y);
    assertTrue(y[0] > 0.4 && y[1] < -0.15, y[0] + " " + y[1]);
    Preset p =
        Presets.load(
            "paper",
            List.of(
                "crossbar.synapse.device=rram-neurosim",
                "crossbar.synapse.levels=16",
                "crossbar.synapse.minConductanceSiemens=1.111e-6",
                "crossbar.synapse.maxConductanceSiemens=1.667e-4"));
    assertTrue(PresetDevices.of(p).synapse() instanceof RramSynapse);
  }

  @Test
  void aTestOnlyDevicePlugsInWithoutEditingTheLibrary() {
    // registered by src/test/resources/META-INF/services only
    assertTrue(
        r.activation(ActivationUnitSpec.of("test-clamp")) instanceof TestClampProvider.Clamp);
  }

  @Test
  void unknownNameListsTheChoices() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> r.adc(AdcSpec.of("magic-adc", 8)));
    assertTrue(
        e.getMessage().contains("magic-adc") && e.getMessage().contains("sar-adc"), e.getMessage());
  }

  @Test
  void duplicateRegistrationIsRejected() {
    DeviceRegistry.Builder b = DeviceRegistry.builder();
    b.dac("x", s -> null);
    assertThrows(IllegalArgumentException.class, () -> b.dac("x", s -> null));
  }
}
