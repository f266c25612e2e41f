package dev.spinsim.network.run;

import dev.spinsim.core.energy.ActionLedger;
import dev.spinsim.devices.energy.ComponentClasses;
import java.util.Map;

/**
 * The ledger ids under which one stage records its actions. Component classes and action names are
 * the vocabulary of the preset's energy table ({@link ComponentClasses}), so pricing happens after
 * the run, never in it.
 */
public final class StageComponents {
  final int crossbar;
  final int dac;
  final int adc;
  final int sampleHold;
  final int shiftAdd;

  /** The activation unit, or -1 when the stage has no activation. */
  final int activation;

  final int inputBuffer;
  final int outputBuffer;
  final int interconnect;

  final int cellRead;
  final int convert;
  final int sample;
  final int op;
  final int activate;
  final int readBit;
  final int writeBit;
  final int transferBit;

  /**
   * Registers the stage's components under {@code tag} (e.g. {@code G.main.0}); {@code
   * activationClass} (the class of the activation device, registered with the {@link
   * ComponentClasses#ACTIVATION_ROLE} role) is null for a stage without activation; {@code
   * attributes} per class (bits, count, …) feed the estimators.
   */
  public StageComponents(
      ActionLedger ledger,
      String tag,
      String activationClass,
      Map<String, Map<String, Double>> attributes) {
    crossbar = reg(ledger, tag, ComponentClasses.CROSSBAR, attributes);
    dac = reg(ledger, tag, ComponentClasses.DAC, attributes);
    adc = reg(ledger, tag, ComponentClasses.ADC, attributes);
    sampleHold = reg(ledger, tag, ComponentClasses.SAMPLE_HOLD, attributes);
    shiftAdd = reg(ledger, tag, ComponentClasses.SHIFT_ADD, attributes);
    activation =
        activationClass == null
            ? -1
            : ledger.registerComponent(
                tag + "/" + activationClass,
                activationClass,
                tag,
                attributes.getOrDefault(activationClass, Map.of()),
                ComponentClasses.ACTIVATION_ROLE);
    inputBuffer = reg(ledger, tag, ComponentClasses.INPUT_BUFFER, attributes);
    outputBuffer = reg(ledger, tag, ComponentClasses.OUTPUT_BUFFER, attributes);
    interconnect = reg(ledger, tag, ComponentClasses.INTERCONNECT, attributes);
    cellRead = ledger.actionId(ComponentClasses.CELL_READ);
    convert = ledger.actionId(ComponentClasses.CONVERT);
    sample = ledger.actionId(ComponentClasses.SAMPLE);
    op = ledger.actionId(ComponentClasses.OP);
    activate = ledger.actionId(ComponentClasses.ACTIVATE);
    readBit = ledger.actionId(ComponentClasses.READ_BIT);
    writeBit = ledger.actionId(ComponentClasses.WRITE_BIT);
    transferBit = ledger.actionId(ComponentClasses.TRANSFER_BIT);
  }

  private static int reg(
      ActionLedger ledger, String tag, String cls, Map<String, Map<String, Double>> attributes) {
    return ledger.registerComponent(
        tag + "/" + cls, cls, tag, attributes.getOrDefault(cls, Map.of()));
  }
}
