package dev.spinsim.cli.report;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.Map;

/**
 * One layer of one network as the runner measured it: its time window and latency (ns; all three
 * NaN when no time was simulated, written as empty cells), its energy and activation-only energy
 * (run totals, pJ), its operation counts (run totals, in the order given; {@link #STANDARD_COUNTS}
 * always appear as columns of {@code layers.csv}), fractions such as the share of ADC conversions
 * that clipped ({@link #STANDARD_FRACTIONS} always appear; a fraction that was not counted is
 * absent, an empty cell), the fraction of the (row, bit cycle) pairs its reads offered that were
 * driven, and the energy (run total, pJ) attributed to the inserted zeros and padding of its input
 * vectors: they drive no row, so they cost no DAC or cell energy, but they fill their share of
 * every row block whose columns are converted, sampled and shifted-and-added — that share (the
 * mapping's zero-MAC fraction) of the layer's ADC, S+H and shift-add energy.
 */
public record LayerRow(
    String network,
    String layer,
    String kind,
    String strategy,
    double latencyNs,
    double startNs,
    double endNs,
    double energyPj,
    double activationEnergyPj,
    Map<String, Long> counts,
    Map<String, Double> fractions,
    double drivenRowFraction,
    double insertedZeroEnergyPj) {

  /** Fraction columns every {@code layers.csv} has, in this order (empty when not counted). */
  public static final ImmutableList<String> STANDARD_FRACTIONS =
      ImmutableList.of(
          "adc_clip_fraction", "adc_zero_code_fraction", "activation_saturation_fraction");

  /**
   * A layer without fractions or read-activity figures (0 driven-row fraction and inserted-zero
   * energy).
   */
  public LayerRow(
      String network,
      String layer,
      String kind,
      String strategy,
      double latencyNs,
      double startNs,
      double endNs,
      double energyPj,
      double activationEnergyPj,
      Map<String, Long> counts) {
    this(
        network,
        layer,
        kind,
        strategy,
        latencyNs,
        startNs,
        endNs,
        energyPj,
        activationEnergyPj,
        counts,
        Map.of(),
        0,
        0);
  }

  /** Count columns every {@code layers.csv} has, in this order (empty when not counted). */
  public static final ImmutableList<String> STANDARD_COUNTS =
      ImmutableList.of(
          "crossbar_reads",
          "dac_ops",
          "conversions",
          "shift_adds",
          "activation_pulses",
          "buffer_bits",
          "interconnect_bits",
          "row_cycles",
          "cells_read");

  /** Validates and copies. */
  public LayerRow {
    Checks.name(network, "layer network");
    Checks.name(layer, "layer name");
    Checks.name(kind, "layer kind");
    Checks.name(strategy, "layer mapping strategy");
    boolean timed = !Double.isNaN(latencyNs);
    checkArgument(
        timed == !Double.isNaN(startNs) && timed == !Double.isNaN(endNs),
        "layer %s/%s: latency, start and end are all measured or all NaN (functional)",
        network,
        layer);
    if (timed) {
      Checks.nonNegative(latencyNs, "layer %s/%s latencyNs", network, layer);
      Checks.nonNegative(startNs, "layer %s/%s startNs", network, layer);
      Checks.nonNegative(endNs, "layer %s/%s endNs", network, layer);
    }
    checkArgument(
        !timed || endNs >= startNs,
        "layer %s/%s ends (%s ns) before it starts (%s ns)",
        network,
        layer,
        endNs,
        startNs);
    Checks.nonNegative(energyPj, "layer %s/%s energyPj", network, layer);
    Checks.nonNegative(activationEnergyPj, "layer %s/%s activationEnergyPj", network, layer);
    checkArgument(
        drivenRowFraction >= 0 && drivenRowFraction <= 1,
        "layer %s/%s drivenRowFraction must be in [0, 1], got %s",
        network,
        layer,
        drivenRowFraction);
    Checks.nonNegative(insertedZeroEnergyPj, "layer %s/%s insertedZeroEnergyPj", network, layer);
    counts = ImmutableMap.copyOf(counts == null ? Map.of() : counts);
    fractions = ImmutableMap.copyOf(fractions == null ? Map.of() : fractions);
    for (Map.Entry<String, Double> e : fractions.entrySet()) {
      checkArgument(
          e.getKey().matches("[a-z][a-z0-9_]*"),
          "layer %s/%s fraction name '%s' must be lower_snake_case",
          network,
          layer,
          e.getKey());
      Checks.fraction(e.getValue(), "layer %s/%s %s", network, layer, e.getKey());
    }
    for (Map.Entry<String, Long> e : counts.entrySet()) {
      checkArgument(
          e.getKey().matches("[a-z][a-z0-9_]*"),
          "layer %s/%s count name '%s' must be lower_snake_case",
          network,
          layer,
          e.getKey());
      checkArgument(
          e.getValue() >= 0,
          "layer %s/%s count %s must be non-negative, got %s",
          network,
          layer,
          e.getKey(),
          e.getValue());
    }
  }
}
