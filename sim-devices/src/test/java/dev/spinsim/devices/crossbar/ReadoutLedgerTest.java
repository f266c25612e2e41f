package dev.spinsim.devices.crossbar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.spinsim.core.energy.ActionLedger;
import dev.spinsim.core.energy.EnergyReport;
import dev.spinsim.core.energy.EnergyTable;
import dev.spinsim.devices.energy.ComponentClasses;
import dev.spinsim.devices.preset.PresetDevices;
import dev.spinsim.devices.preset.PresetEnergyTable;
import dev.spinsim.devices.preset.Presets;
import dev.spinsim.devices.synapse.SynapseDevice;
import org.junit.jupiter.api.Test;

class ReadoutLedgerTest {
  @Test
  void pricedReadsEqualCountsTimesPerActionEnergies() {
    PresetDevices d = PresetDevices.of(Presets.load("paper"));
    Crossbar xb = d.crossbar(1);
    xb.program(new double[128 * 64], 128, 64);
    ReadoutChain chain = d.readoutChain(xb);
    ActionLedger ledger = new ActionLedger();
    ReadoutLedger rl = new ReadoutLedger(ledger, "L1.", "L1", chain, 1);
    ReadCounts c = chain.counts();
    rl.record(c, 10);
    EnergyTable t = PresetEnergyTable.build(d);
    EnergyReport r = EnergyReport.price(ledger, t, 0);
    double cell =
        SynapseDevice.readEnergyPj(
            0.1, xb.meanProgrammedConductanceSiemens(), d.timing().arrayRead().ns());
    double expected =
        10
            * (c.cellReads() * cell
                + c.dacConversions() * 0.42
                + c.adcConversions() * 1.67
                + c.sampleHolds() * 0.00104
                + c.shiftAdds() * 0.021);
    assertEquals(expected, r.totalPj(), expected * 1e-9);
    assertEquals(
        10 * c.adcConversions() * 1.67, r.byComponentClassPj().get(ComponentClasses.ADC), 1e-6);
  }
}
