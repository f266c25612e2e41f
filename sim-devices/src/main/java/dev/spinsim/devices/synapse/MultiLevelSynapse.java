package dev.spinsim.devices.synapse;

import com.google.common.base.Preconditions;

/**
 * Shared implementation of a multi-level cell whose programming cost is linear in the number of
 * level steps (|a − b| × step energy, |a − b| × step time); concrete devices supply defaults.
 */
abstract class MultiLevelSynapse implements SynapseDevice {
  private final String name;
  private final SynapseParams params;
  private final double[] conductances;

  MultiLevelSynapse(String name, SynapseParams params) {
    this.name = Preconditions.checkNotNull(name);
    this.params = Preconditions.checkNotNull(params);
    this.conductances = LevelConductances.of(params);
  }

  public final SynapseParams params() {
    return params;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final int levels() {
    return params.levels();
  }

  @Override
  public final double conductanceSiemens(int level) {
    if (params.levels() == 0) {
      throw new IllegalStateException(name + " is continuous: it has no discrete levels");
    }
    Preconditions.checkElementIndex(level, conductances.length, "level");
    return conductances[level];
  }

  @Override
  public final double minConductanceSiemens() {
    return params.minConductanceSiemens();
  }

  @Override
  public final double maxConductanceSiemens() {
    return params.maxConductanceSiemens();
  }

  @Override
  public double programEnergyPj(int fromLevel, int toLevel) {
    return Math.abs(fromLevel - toLevel) * params.stepEnergyPj();
  }

  @Override
  public long programTimePs(int fromLevel, int toLevel) {
    return Math.round(Math.abs(fromLevel - toLevel) * params.stepTimeNs() * 1e3);
  }

  @Override
  public final SynapseNonIdealities nonIdealities() {
    return params.nonIdealities();
  }

  /** The class, the registry name and the parameters: all a subclass's behaviour is made of. */
  @Override
  public Object behaviourKey() {
    return java.util.List.of(getClass(), name, params);
  }

  @Override
  public String toString() {
    return name + params;
  }
}
