package dev.spinsim.network.robustness;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * One scored configuration of a comparison: a weight set on a preset with one knob at a level
 * ({@code knob} is {@link #NO_KNOB} and {@code level} NaN for the software reference row), its FID
 * and FID relative to the float generator in software. {@code atPreset} marks the level that equals
 * the preset's own value. {@code seconds} is wall time, kept out of files.
 */
public record CompareRow(
    String weights,
    String preset,
    String knob,
    double level,
    boolean atPreset,
    int samples,
    long seed,
    double fid,
    double fidRelativeToFloat,
    String extractor,
    double seconds) {
  /** The knob column of the reference row. */
  public static final String NO_KNOB = "none";

  public CompareRow {
    checkArgument(weights != null && !weights.isBlank(), "weights must be named");
    checkArgument(samples > 0, "samples must be > 0, got %s", samples);
    checkArgument(Double.isFinite(fid) && fid >= 0, "fid must be finite and >= 0, got %s", fid);
    checkArgument(
        NO_KNOB.equals(knob) == Double.isNaN(level),
        "knob %s with level %s: only the reference row has no level",
        knob,
        level);
  }

  public boolean isReference() {
    return NO_KNOB.equals(knob);
  }
}
