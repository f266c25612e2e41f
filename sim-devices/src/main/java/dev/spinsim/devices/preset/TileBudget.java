package dev.spinsim.devices.preset;

import dev.spinsim.core.energy.ActionLedger;
import dev.spinsim.core.energy.EnergyReport;
import dev.spinsim.core.energy.EnergyTable;
import dev.spinsim.devices.crossbar.ReadCounts;
import dev.spinsim.devices.crossbar.ReadTiming;
import dev.spinsim.devices.energy.AreaReport;
import dev.spinsim.devices.energy.ComponentClasses;
import dev.spinsim.devices.timing.ChipTiming;
import java.util.Map;
import java.util.TreeMap;

/**
 * Power and area of one tile kept fully busy (the ISAAC Table I accounting): every crossbar reads
 * back to back in the steady-state readout pipeline, ADCs convert without pause, buffers and the
 * interconnect stream at their peak bandwidth, activation units fire once per latency, and the
 * static components draw their power. Actions come from the closed-form {@link ReadCounts} and are
 * priced through the preset's sim-core {@link EnergyTable}, as a simulation would price them.
 *
 * @param periodNs steady-state time of one bit cycle of a crossbar read
 * @param powerMw total power
 * @param areaMm2 total area
 * @param powerMwByClass power per component class (sums to the total)
 * @param areaMm2ByClass area per component class (sums to the total)
 */
public record TileBudget(
    double periodNs,
    double powerMw,
    double areaMm2,
    Map<String, Double> powerMwByClass,
    Map<String, Double> areaMm2ByClass) {

  /** The budget of a fully busy tile of a preset. */
  public static TileBudget fullyBusy(Preset p) {
    PresetDevices d = PresetDevices.of(p);
    EnergyTable table = PresetEnergyTable.build(d);
    CrossbarSpec x = p.crossbar();
    TileSpec t = p.tile();
    int weightCols = x.mapping().weightColumns(x.cols());
    int physCols = x.mapping().physicalColumns(weightCols);
    ReadCounts c =
        ReadCounts.of(
            x.rows(),
            weightCols,
            physCols,
            x.inputBits(),
            p.dac().bits(),
            x.encoding(),
            p.adc().columnsPerAdc());
    ChipTiming phases = d.timing();
    ReadTiming timing =
        new ReadTiming(
            phases.dacDrive().ns(),
            phases.arrayRead().ns(),
            phases.sampleHold().ns(),
            c.conversionsPerAdcPerCycle() * phases.conversion().ns(),
            phases.shiftAdd().ns(),
            c.bitCycles());
    double periodNs = Math.max(timing.frontNs(), timing.conversionNs());
    long periodPs = Math.round(periodNs * 1000);
    double exactPeriodNs = periodPs / 1000.0;

    int xbars = t.crossbarsPerTile();
    int shiftAddUnits =
        p.shiftAdd().unitsPerTile() != null ? p.shiftAdd().unitsPerTile() : xbars * weightCols;
    int sampleHoldUnits =
        p.sampleHold().unitsPerTile() != null ? p.sampleHold().unitsPerTile() : xbars * weightCols;
    long cycles = c.bitCycles();

    ActionLedger ledger = new ActionLedger();
    record(
        ledger,
        ComponentClasses.CROSSBAR,
        xbars,
        ComponentClasses.CELL_READ,
        xbars * c.cellReads() / cycles,
        Map.of());
    record(
        ledger,
        ComponentClasses.DAC,
        xbars * x.rows(),
        ComponentClasses.CONVERT,
        xbars * c.dacConversions() / cycles,
        Map.of(ComponentClasses.BITS, (double) p.dac().bits()));
    record(
        ledger,
        ComponentClasses.SAMPLE_HOLD,
        sampleHoldUnits,
        ComponentClasses.SAMPLE,
        xbars * c.sampleHolds() / cycles,
        Map.of());
    record(
        ledger,
        ComponentClasses.ADC,
        t.adcsPerTile(),
        ComponentClasses.CONVERT,
        xbars * c.adcConversions() / cycles,
        Map.of(ComponentClasses.BITS, (double) p.adc().bits()));
    record(
        ledger,
        ComponentClasses.SHIFT_ADD,
        shiftAddUnits,
        ComponentClasses.OP,
        xbars * c.shiftAdds() / cycles,
        Map.of());
    TileActivationsSpec a = p.activation();
    double activationLatencyNs = d.activation("relu").latencyNs();
    long activations =
        activationLatencyNs <= 0
            ? 0
            : Math.round(a.unitsPerTile() * exactPeriodNs / activationLatencyNs);
    record(
        ledger,
        PresetEnergyTable.activationClass(d, "relu"),
        a.unitsPerTile(),
        ComponentClasses.ACTIVATE,
        activations,
        Map.of());
    record(
        ledger,
        ComponentClasses.INPUT_BUFFER,
        1,
        ComponentClasses.READ_BIT,
        Math.round(t.inputBuffer().peakBitsPerNs(phases.inputBufferAccess().ns()) * exactPeriodNs),
        Map.of());
    record(
        ledger,
        ComponentClasses.OUTPUT_BUFFER,
        1,
        ComponentClasses.WRITE_BIT,
        Math.round(
            t.outputBuffer().peakBitsPerNs(phases.outputBufferAccess().ns()) * exactPeriodNs),
        Map.of());
    record(
        ledger,
        ComponentClasses.INTERCONNECT,
        1,
        ComponentClasses.TRANSFER_BIT,
        Math.round(p.interconnect().bandwidthGbps() * exactPeriodNs),
        Map.of());
    for (Map.Entry<String, StaticSpec> e : t.staticComponents().entrySet()) {
      String cls = ComponentClasses.STATIC_PREFIX + e.getKey();
      ledger.registerComponent(
          cls, cls, "tile", Map.of(ComponentClasses.COUNT, (double) e.getValue().count()));
    }
    EnergyReport report = EnergyReport.price(ledger, table, periodPs);
    Map<String, Double> power = new TreeMap<>();
    report.byComponentClassPj().forEach((k, v) -> power.put(k, v / exactPeriodNs));
    // area from the same table and the same registered components a run's area comes from
    AreaReport area = PresetAreaTable.build(d).report(ledger);
    return new TileBudget(
        exactPeriodNs,
        report.totalPj() / exactPeriodNs,
        area.totalMm2(),
        power,
        new TreeMap<>(area.byComponentClassMm2()));
  }

  private static void record(
      ActionLedger ledger,
      String cls,
      int units,
      String action,
      long count,
      Map<String, Double> attrs) {
    Map<String, Double> a = new TreeMap<>(attrs);
    a.put(ComponentClasses.COUNT, (double) units);
    int id = ledger.registerComponent(cls, cls, "tile", a);
    if (count > 0) {
      ledger.record(id, ledger.actionId(action), count);
    }
  }
}
