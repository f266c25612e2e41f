package dev.spinsim.cli.sweep;

import static com.google.common.base.Preconditions.checkArgument;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One design point: its id (the mixed-radix index in its {@link SweepSpace}, or {@code base} for
 * the preset as it is) and the value of every knob, in knob order.
 */
public record SweepPoint(String id, Map<String, String> knobs) implements Serializable {
  /** Id of the point that sets no knob: the preset as shipped. */
  public static final String BASE_ID = "base";

  /** Validates and copies. */
  public SweepPoint {
    checkArgument(id != null && !id.isBlank(), "a point needs an id");
    knobs = Collections.unmodifiableMap(new LinkedHashMap<>(knobs));
  }

  /** The point as {@code --set KEY=VALUE} strings, after {@code fixed}. */
  public List<String> sets(Map<String, String> fixed) {
    List<String> out = new ArrayList<>();
    fixed.forEach((k, v) -> out.add(k + "=" + v));
    knobs.forEach((k, v) -> out.add(k + "=" + v));
    return out;
  }

  /** {@code adc.bits=4 crossbar.rows=128}, for people. */
  public String label() {
    StringBuilder s = new StringBuilder();
    knobs.forEach((k, v) -> s.append(s.length() == 0 ? "" : " ").append(k).append('=').append(v));
    return s.toString();
  }
}
