package dev.spinsim.network.run;

import dev.spinsim.core.energy.ActionLedger;
import java.util.Map;

/**
 * The ledger ids under which one stage records its actions. Component classes and action names
 * are the keys of the preset's energy table, so pricing happens after the run, never in it.
 */
final class StageComponents {
  static final String CROSSBAR = "crossbar";
  static final String DAC = "dac";
  static final String ADC = "adc";
  static final String SAMPLE_HOLD = "sample-hold";
  static final String SHIFT_ADD = "shift-add";
  static final String INPUT_BUFFER = "input-buffer";
  static final String OUTPUT_BUFFER = "output-buffer";
  static final String INTERCONNECT = "interconnect";

  final int crossbar;
  final int dac;
  final int adc;
  final int sampleHold;
  final int shiftAdd;
  final int activation;
  final int inputBuffer;
  final int outputBuffer;
  final int interconnect;

  final int cellRead;
  final int drive;
  final int convert;
  final int sample;
  final int add;
  final int activate;
  final int readBit;
  final int writeBit;
  final int transferBit;

  /**
   * Registers the stage's components; {@code attributes} per class (bits, rows, …) feed the
   * estimators; {@code activationClass} names the activation device (e.g. {@code dw-relu}).
   */
  StageComponents(ActionLedger ledger, String tag, String activationClass,
      Map<String, Map<String, Double>> attributes) {
    crossbar = reg(ledger, tag, CROSSBAR, attributes);
    dac = reg(ledger, tag, DAC, attributes);
    adc = reg(ledger, tag, ADC, attributes);
    sampleHold = reg(ledger, tag, SAMPLE_HOLD, attributes);
    shiftAdd = reg(ledger, tag, SHIFT_ADD, attributes);
    activation = reg(ledger, tag, activationClass, attributes);
    inputBuffer = reg(ledger, tag, INPUT_BUFFER, attributes);
    outputBuffer = reg(ledger, tag, OUTPUT_BUFFER, attributes);
    interconnect = reg(ledger, tag, INTERCONNECT, attributes);
    cellRead = ledger.actionId("cell_read");
    drive = ledger.actionId("drive");
    convert = ledger.actionId("convert");
    sample = ledger.actionId("sample");
    add = ledger.actionId("add");
    activate = ledger.actionId("activate");
    readBit = ledger.actionId("read_bit");
    writeBit = ledger.actionId("write_bit");
    transferBit = ledger.actionId("transfer_bit");
  }

  private static int reg(ActionLedger ledger, String tag, String cls,
      Map<String, Map<String, Double>> attributes) {
    return ledger.registerComponent(tag + "/" + cls, cls, tag, attributes.getOrDefault(cls, Map.of()));
  }
}
