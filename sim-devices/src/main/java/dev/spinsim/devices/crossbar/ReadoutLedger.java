package dev.spinsim.devices.crossbar;

import dev.spinsim.core.energy.ActionLedger;
import dev.spinsim.devices.energy.ComponentClasses;
import dev.spinsim.devices.energy.CrossbarEnergyEstimator;
import java.util.Map;
import java.util.TreeMap;

/**
 * Records crossbar reads in a sim-core {@link ActionLedger}: registers one component per class of a
 * readout chain (crossbar, DAC, S+H, ADC, shift-add) under a name prefix and tag, with the
 * attributes the estimators read ({@code bits}, {@code count}, mean conductance), and books the
 * {@link ReadCounts} of any number of reads without allocating (a read's row drives and cell reads
 * are its driven ones: {@link ReadCounts#withDrivenRowCycles}).
 */
public final class ReadoutLedger {
  private final ActionLedger ledger;
  private final int crossbar;
  private final int dac;
  private final int sampleHold;
  private final int adc;
  private final int shiftAdd;
  private final int cellRead;
  private final int convert;
  private final int sample;
  private final int op;

  /**
   * Registers the components of {@code chain} as {@code prefix + class} (e.g. {@code L3.t0.adc}),
   * tagged {@code tag} (usually the layer); {@code count} crossbars of this shape share the entry.
   */
  public ReadoutLedger(
      ActionLedger ledger, String prefix, String tag, ReadoutChain chain, int count) {
    this.ledger = ledger;
    ReadCounts c = chain.counts();
    this.crossbar =
        ledger.registerComponent(
            prefix + ComponentClasses.CROSSBAR,
            ComponentClasses.CROSSBAR,
            tag,
            attrs(
                count,
                Map.of(
                    CrossbarEnergyEstimator.MEAN_CONDUCTANCE,
                    chain.crossbar().meanProgrammedConductanceSiemens(),
                    "rows",
                    (double) chain.crossbar().rows())));
    this.dac =
        ledger.registerComponent(
            prefix + ComponentClasses.DAC,
            ComponentClasses.DAC,
            tag,
            attrs(
                (long) count * chain.usedRows(),
                Map.of(ComponentClasses.BITS, (double) chain.dac().bits())));
    this.sampleHold =
        ledger.registerComponent(
            prefix + ComponentClasses.SAMPLE_HOLD,
            ComponentClasses.SAMPLE_HOLD,
            tag,
            attrs((long) count * chain.crossbar().usedColumns(), Map.of()));
    this.adc =
        ledger.registerComponent(
            prefix + ComponentClasses.ADC,
            ComponentClasses.ADC,
            tag,
            attrs(
                (long) count * c.adcs(),
                Map.of(ComponentClasses.BITS, (double) chain.adc().bits())));
    this.shiftAdd =
        ledger.registerComponent(
            prefix + ComponentClasses.SHIFT_ADD,
            ComponentClasses.SHIFT_ADD,
            tag,
            attrs(count, Map.of()));
    this.cellRead = ledger.actionId(ComponentClasses.CELL_READ);
    this.convert = ledger.actionId(ComponentClasses.CONVERT);
    this.sample = ledger.actionId(ComponentClasses.SAMPLE);
    this.op = ledger.actionId(ComponentClasses.OP);
  }

  private static Map<String, Double> attrs(long count, Map<String, Double> extra) {
    Map<String, Double> m = new TreeMap<>(extra);
    m.put(ComponentClasses.COUNT, (double) count);
    return m;
  }

  /** Books {@code reads} reads of the given shape. */
  public void record(ReadCounts c, long reads) {
    ledger.record(crossbar, cellRead, c.cellReads() * reads);
    ledger.record(dac, convert, c.dacConversions() * reads);
    ledger.record(sampleHold, sample, c.sampleHolds() * reads);
    ledger.record(adc, convert, c.adcConversions() * reads);
    ledger.record(shiftAdd, op, c.shiftAdds() * reads);
  }
}
