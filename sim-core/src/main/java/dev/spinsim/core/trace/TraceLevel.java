package dev.spinsim.core.trace;

import java.util.Locale;

/** How much a run traces: nothing, one row per layer phase, or one row per operation. */
public enum TraceLevel {
  OFF,
  LAYER,
  OP;

  /** Parses "off", "layer" or "op", ignoring case. */
  public static TraceLevel parse(String text) {
    if (text != null) {
      for (TraceLevel l : values()) {
        if (l.name().equalsIgnoreCase(text.trim())) {
          return l;
        }
      }
    }
    throw new IllegalArgumentException(
        "trace level must be one of off, layer, op, got '" + text + "'");
  }

  /** True if a sink at this level records rows of the given detail. */
  public boolean includes(TraceLevel detail) {
    return detail != OFF && compareTo(detail) >= 0;
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
