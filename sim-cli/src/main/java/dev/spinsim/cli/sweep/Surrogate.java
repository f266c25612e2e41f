package dev.spinsim.cli.sweep;

/**
 * A cheap model of one objective over a sweep space's knob levels, for ranking the candidates of
 * {@link Nsga2Search}'s local search; its predictions never reach a results row.
 */
interface Surrogate {
  /** The predicted cost of a point given its level index per dimension. */
  double predict(int[] level);
}
