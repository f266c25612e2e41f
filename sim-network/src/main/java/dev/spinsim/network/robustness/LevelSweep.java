package dev.spinsim.network.robustness;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** The levels one knob takes in a comparison, the other knobs staying at the preset's values. */
public record LevelSweep(Knob knob, List<Double> levels) {
  public LevelSweep {
    checkArgument(knob != null, "knob must be given");
    checkArgument(
        levels != null && !levels.isEmpty(), "%s: at least one level is needed", knob.name());
    levels = List.copyOf(levels);
    for (double l : levels) {
      checkArgument(
          Double.isFinite(l) && l >= 0,
          "%s: levels must be finite numbers >= 0, got %s",
          knob.name(),
          l);
    }
    checkArgument(
        new LinkedHashSet<>(levels).size() == levels.size(),
        "%s: a level is given twice in %s",
        knob.name(),
        levels);
  }

  /**
   * Parses a comma-separated level list such as {@code 0,0.05,0.1}; {@code option} names where it
   * came from in the one-line error (e.g. {@code --variation}).
   */
  public static LevelSweep parse(Knob knob, String option, String text) {
    List<Double> levels = new ArrayList<>();
    for (String part : text.split(",", -1)) {
      String s = part.strip();
      double v;
      try {
        v = Double.parseDouble(s);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            option
                + " "
                + text
                + ": expected comma-separated numbers >= 0, e.g. 0,0.05,0.1; '"
                + s
                + "' is not a number");
      }
      if (!(Double.isFinite(v) && v >= 0)) {
        throw new IllegalArgumentException(
            option + " " + text + ": levels must be finite numbers >= 0, got " + s);
      }
      levels.add(v + 0.0); // -0 reads as 0
    }
    if (new LinkedHashSet<>(levels).size() != levels.size()) {
      throw new IllegalArgumentException(option + " " + text + ": a level is given twice");
    }
    return new LevelSweep(knob, levels);
  }
}
