package dev.spinsim.cli.report;

/**
 * The area of one component class in one layer (the run's area reference table, Accelergy-ART
 * style, beside the energy table): the layer's tiles, the units of the class it uses, the area of
 * one unit and their area, mm². The rows of a report partition the chip's area.
 */
public record AreaRow(
    String layer,
    int tiles,
    String componentClass,
    double units,
    double mm2PerUnit,
    double areaMm2) {

  /** Validates. */
  public AreaRow {
    Checks.name(layer, "area layer");
    Checks.name(componentClass, "area component class");
    Checks.nonNegative(units, "units of %s in %s", componentClass, layer);
    Checks.nonNegative(mm2PerUnit, "area per unit of %s", componentClass);
    Checks.nonNegative(areaMm2, "area of %s in %s", componentClass, layer);
  }
}
