package dev.spinsim.devices.converter;

import dev.spinsim.core.energy.EnergyEstimator;
import dev.spinsim.devices.energy.AdcEnergyEstimator;
import dev.spinsim.devices.energy.AdcEnergyModel;
import dev.spinsim.devices.timing.CircuitTiming;

/**
 * An ADC whose conversion takes a number of cycles of its own clock plus overhead cycles ({@link
 * CircuitTiming#conversionNs}) and whose energy comes from an {@link AdcEnergyModel}; the kinds
 * differ in how many cycles a conversion takes. Either figure may be pinned.
 */
abstract class ClockedAdc implements Adc {
  private final String name;
  private final int bits;
  private final AdcEnergyModel model;
  private final double techNodeNm;
  private final Double pinnedEnergyPj;
  private final double energyPj;
  private final double timeNs;
  private final boolean timePinned;

  ClockedAdc(
      String name,
      int bits,
      AdcEnergyModel model,
      double techNodeNm,
      Double energyPj,
      Double timeNs,
      long cycles,
      int overheadCycles,
      double clockMhz) {
    this.name = name;
    this.bits = bits;
    this.model = model;
    this.techNodeNm = techNodeNm;
    this.pinnedEnergyPj = energyPj;
    this.energyPj = energyPj != null ? energyPj : model.energyPj(bits, techNodeNm);
    this.timePinned = timeNs != null;
    this.timeNs =
        timeNs != null ? timeNs : CircuitTiming.conversionNs(cycles, overheadCycles, clockMhz);
  }

  public AdcEnergyModel energyModel() {
    return model;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int bits() {
    return bits;
  }

  @Override
  public double energyPjPerConversion() {
    return energyPj;
  }

  @Override
  public double conversionTimeNs() {
    return timeNs;
  }

  @Override
  public boolean conversionTimePinned() {
    return timePinned;
  }

  @Override
  public EnergyEstimator energyEstimator(double leakageMwPerUnit) {
    return new AdcEnergyEstimator(model, techNodeNm, bits, pinnedEnergyPj, leakageMwPerUnit);
  }

  @Override
  public boolean uniformMidTread() {
    return true;
  }

  @Override
  public void convertAccumulate(
      float[] values, int n, double fullScale, double weight, double[] acc, boolean vector) {
    AdcBlockQuantiser.accumulate(values, n, fullScale, maxCode(), weight, acc, vector);
  }
}
