package dev.spinsim.cli.report;

import static com.google.common.base.Preconditions.checkArgument;

/** Shared validation of report values, with messages that name the offending field. */
final class Checks {
  /** Relative tolerance when energies computed separately must agree (summation rounding). */
  static final double RELATIVE_TOLERANCE = 1e-6;

  /** Absolute floor of that tolerance, in pJ. */
  static final double ABSOLUTE_TOLERANCE_PJ = 1e-9;

  private Checks() {}

  static void name(String value, String what) {
    checkArgument(value != null && !value.isBlank(), "%s must not be blank", what);
  }

  static void nonNegative(double value, String what, Object... args) {
    checkArgument(
        Double.isFinite(value) && value >= 0,
        "%s must be a finite non-negative number, got %s",
        String.format(java.util.Locale.ROOT, what, args),
        value);
  }

  static void fraction(double value, String what, Object... args) {
    checkArgument(
        Double.isFinite(value) && value >= 0 && value <= 1 + 1e-9,
        "%s must be a fraction in [0, 1], got %s",
        String.format(java.util.Locale.ROOT, what, args),
        value);
  }

  static boolean agree(double a, double b) {
    return Math.abs(a - b)
        <= RELATIVE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b)) + ABSOLUTE_TOLERANCE_PJ;
  }
}
