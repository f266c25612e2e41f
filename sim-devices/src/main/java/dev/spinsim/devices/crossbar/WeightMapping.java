package dev.spinsim.devices.crossbar;

import dev.spinsim.devices.synapse.SynapseDevice;

/**
 * How a signed weight in [−1, 1] becomes cell conductances (CrossSim calls these cores): the
 * physical columns used per weight column, an optional shared reference column, the target
 * conductances of a weight, and the conductance span that stands for |w| = 1 at the output.
 */
public interface WeightMapping {

  /** Configuration name, e.g. {@code differential}. */
  String name();

  /** Physical columns per logical (weight) column. */
  int columnsPerWeight();

  /** Extra reference columns per crossbar (0 or 1). */
  int referenceColumns();

  /** Physical columns needed for a number of weight columns. */
  default int physicalColumns(int weightColumns) {
    return weightColumns * columnsPerWeight() + referenceColumns();
  }

  /** Weight columns that fit in a number of physical columns. */
  default int weightColumns(int physicalColumns) {
    return Math.max(0, (physicalColumns - referenceColumns()) / columnsPerWeight());
  }

  /** Writes the target conductance of each physical cell of a weight into {@code out}, siemens. */
  void targetConductances(double weight, SynapseDevice device, double[] out);

  /** Target conductance of the reference cells, siemens (NaN without a reference column). */
  double referenceConductance(SynapseDevice device);

  /** Signs with which the physical columns of a weight add at the output (+1 / −1). */
  double columnSign(int k);

  /** Conductance difference that the output reports as weight 1, siemens. */
  double unitConductance(SynapseDevice device);

  /** The mapping for a configuration name: {@code differential} or {@code offset}. */
  static WeightMapping byName(String name) {
    return switch (name) {
      case DifferentialMapping.NAME -> new DifferentialMapping();
      case OffsetMapping.NAME -> new OffsetMapping();
      default ->
          throw new IllegalArgumentException(
              "weight mapping must be one of [differential, offset], got " + name);
    };
  }
}
