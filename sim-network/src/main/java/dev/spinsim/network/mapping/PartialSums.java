package dev.spinsim.network.mapping;

/** How partial sums of one column are combined across the row blocks of a tall matrix. */
public enum PartialSums {
  /** Column currents of stacked crossbars are summed in analog before one conversion. */
  ANALOG,
  /** Every crossbar converts its own partial sum; the digital unit adds them. */
  DIGITAL
}
