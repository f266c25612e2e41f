package dev.spinsim.cli.report;

import java.math.BigDecimal;
import java.util.Locale;

/** Locale-independent number formatting for files (exact) and for people (SI prefixes). */
public final class Numbers {
  private static final String[] PREFIXES = {"f", "p", "n", "µ", "m", "", "k", "M", "G", "T"};
  private static final int UNIT_INDEX = 5;

  private Numbers() {}

  /**
   * The shortest decimal that reads back as the same double: integers without a fraction, plain
   * notation from 1e-4 to 1e15, scientific ({@code 1.5E-7}) outside; never locale-dependent.
   */
  static String csv(double x) {
    if (!Double.isFinite(x)) {
      throw new IllegalArgumentException("cannot write non-finite number " + x);
    }
    if (x == 0) {
      return "0";
    }
    double abs = Math.abs(x);
    if (x == Math.rint(x) && abs < 1e15) {
      return Long.toString((long) x);
    }
    if (abs >= 1e-4 && abs < 1e15) {
      return new BigDecimal(Double.toString(x)).toPlainString();
    }
    return Double.toString(x);
  }

  /** {@link #csv(double)} for numbers, {@code toString} for strings and booleans. */
  static String csvValue(Object value) {
    if (value instanceof Double || value instanceof Float) {
      return csv(((Number) value).doubleValue());
    }
    return value.toString();
  }

  /** {@code "g_"} for network {@code "G"}: the prefix of its columns in summary.csv. */
  static String columnPrefix(String network) {
    return network.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_") + "_";
  }

  /**
   * {@code value} (in {@code unit} scaled by 10^{@code exponent}, e.g. pJ = J·10^-12) with an SI
   * prefix and four significant digits, e.g. {@code "24.72 nJ"}; ASCII {@code u} for micro when
   * asked.
   */
  static String si(double value, int exponent, String unit, boolean ascii) {
    if (!Double.isFinite(value)) {
      return value + " " + unit;
    }
    if (value == 0) {
      return "0 " + unit;
    }
    double base = value * Math.pow(10, exponent);
    int group = (int) Math.floor(Math.log10(Math.abs(base)) / 3);
    group = Math.max(-UNIT_INDEX, Math.min(PREFIXES.length - 1 - UNIT_INDEX, group));
    double scaled = base / Math.pow(1000, group);
    // rounding can push 999.96 to 1000.0: move to the next prefix
    if (Math.abs(Double.parseDouble(fourDigits(scaled))) >= 1000
        && group < PREFIXES.length - 1 - UNIT_INDEX) {
      group++;
      scaled = base / Math.pow(1000, group);
    }
    String prefix = PREFIXES[group + UNIT_INDEX];
    if (ascii && prefix.equals("µ")) {
      prefix = "u";
    }
    return fourDigits(scaled) + " " + prefix + unit;
  }

  /** Energy given in pJ, e.g. {@code "24.72 nJ"}. */
  public static String energy(double pj, boolean ascii) {
    return si(pj, -12, "J", ascii);
  }

  /** Time given in ns, e.g. {@code "1.234 µs"}. */
  public static String time(double ns, boolean ascii) {
    return si(ns, -9, "s", ascii);
  }

  /** A percentage with one decimal, e.g. {@code "48.6 %"}. */
  static String percent(double fraction) {
    return String.format(Locale.ROOT, "%.1f %%", fraction * 100);
  }

  /** Four significant digits, locale-independent. */
  static String fourDigits(double x) {
    double abs = Math.abs(x);
    String pattern = abs >= 100 ? "%.1f" : abs >= 10 ? "%.2f" : "%.3f";
    return String.format(Locale.ROOT, pattern, x);
  }

  /** An integer count with thin grouping for people, e.g. {@code "1 234 567"}. */
  static String count(long n) {
    String digits = Long.toString(Math.abs(n));
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < digits.length(); i++) {
      if (i > 0 && (digits.length() - i) % 3 == 0) {
        out.append(' ');
      }
      out.append(digits.charAt(i));
    }
    return (n < 0 ? "-" : "") + out;
  }
}
