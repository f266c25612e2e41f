package dev.spinsim.devices.preset;

import dev.spinsim.core.energy.EnergyTable;
import dev.spinsim.devices.energy.ComponentClasses;
import dev.spinsim.devices.energy.CrossbarEnergyEstimator;
import dev.spinsim.devices.energy.PerUnitEnergyEstimator;
import java.util.Map;

/** Builds the sim-core {@link EnergyTable} of a preset: one estimator per component class. */
public final class PresetEnergyTable {
  private PresetEnergyTable() {}

  public static EnergyTable build(Preset p) {
    return build(PresetDevices.of(p));
  }

  public static EnergyTable build(PresetDevices d) {
    Preset p = d.preset();
    CrossbarSpec x = p.crossbar();
    double gMid = 0.5 * (d.synapse().minConductanceSiemens() + d.synapse().maxConductanceSiemens());
    double stepPj = d.synapse().levels() == 0 ? 0 : d.synapse().programEnergyPj(0, 1);
    EnergyTable.Builder t = EnergyTable.builder();
    t.put(ComponentClasses.CROSSBAR,
        new CrossbarEnergyEstimator(x.readVoltageV(), d.timing().arrayRead().ns(), gMid, x.cellReadEnergyPj(), stepPj,
            x.leakageMw()));
    // the converters bring their own estimators with their registration
    t.put(ComponentClasses.DAC, d.dac().energyEstimator(p.dac().leakageMw()));
    t.put(ComponentClasses.ADC, d.adc().energyEstimator(p.adc().leakageMw()));
    t.put(ComponentClasses.SAMPLE_HOLD, new PerUnitEnergyEstimator(
        Map.of(ComponentClasses.SAMPLE, p.sampleHold().energyPj()), p.sampleHold().leakageMw()));
    t.put(ComponentClasses.SHIFT_ADD, new PerUnitEnergyEstimator(
        Map.of(ComponentClasses.OP, p.shiftAdd().energyPj()), p.shiftAdd().leakageMw()));
    TileActivationsSpec a = p.activation();
    java.util.Set<String> priced = new java.util.HashSet<>();
    for (String function : TileActivationsSpec.FUNCTIONS) {
      String cls = activationClass(d, function);
      if (priced.add(cls)) { // two functions on one device at one price share its class
        t.put(cls, activation(d, function, a.leakageMw()));
      }
    }
    t.put(ComponentClasses.INPUT_BUFFER, buffer(p.tile().inputBuffer()));
    t.put(ComponentClasses.OUTPUT_BUFFER, buffer(p.tile().outputBuffer()));
    t.put(ComponentClasses.INTERCONNECT, new PerUnitEnergyEstimator(
        Map.of(ComponentClasses.TRANSFER_BIT, p.interconnect().energyPerBitPj()), p.interconnect().leakageMw()));
    for (Map.Entry<String, StaticSpec> e : p.tile().staticComponents().entrySet()) {
      t.put(ComponentClasses.STATIC_PREFIX + e.getKey(), new PerUnitEnergyEstimator(Map.of(), e.getValue().powerMw()));
    }
    return t.build();
  }

  /**
   * The ledger class of the unit computing {@code function} on this preset: the device's class
   * ({@link ComponentClasses#activationClass}); when an earlier function uses the same device at a
   * different energy, the function is appended ({@code dw_relu.leaky-relu}) so each class has one
   * price.
   */
  public static String activationClass(PresetDevices d, String function) {
    var unit = d.activation(function);
    String cls = ComponentClasses.activationClass(unit.name());
    for (String earlier : TileActivationsSpec.FUNCTIONS) {
      if (earlier.equals(function)) {
        break;
      }
      var other = d.activation(earlier);
      if (other.name().equals(unit.name())
          && other.energyPjPerActivation() != unit.energyPjPerActivation()) {
        return cls + "." + function;
      }
    }
    return cls;
  }

  private static PerUnitEnergyEstimator activation(PresetDevices d, String function, double leakageMw) {
    return new PerUnitEnergyEstimator(
        Map.of(ComponentClasses.ACTIVATE, d.activation(function).energyPjPerActivation()), leakageMw);
  }

  private static PerUnitEnergyEstimator buffer(BufferSpec b) {
    return new PerUnitEnergyEstimator(
        Map.of(ComponentClasses.READ_BIT, b.energyPerBitPj(), ComponentClasses.WRITE_BIT, b.energyPerBitPj()),
        b.leakageMw());
  }
}
