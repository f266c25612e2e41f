package dev.spinsim.devices.converter;

/** Validation helpers shared by the converter specs (messages start with the key name). */
final class Specs {
  private Specs() {}

  static void checkNonNegative(String key, Double v) {
    if (v != null && !(v >= 0 && Double.isFinite(v))) {
      throw new IllegalArgumentException(key + " must be a number >= 0, got " + v);
    }
  }

  static double nonNegativeOr(String key, Double v, double dflt) {
    checkNonNegative(key, v);
    return v == null ? dflt : v;
  }

  static double positiveOr(String key, Double v, double dflt) {
    if (v != null && !(v > 0 && Double.isFinite(v))) {
      throw new IllegalArgumentException(key + " must be a number > 0, got " + v);
    }
    return v == null ? dflt : v;
  }
}
