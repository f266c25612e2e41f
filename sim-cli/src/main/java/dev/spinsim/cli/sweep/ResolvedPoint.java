package dev.spinsim.cli.sweep;

/**
 * A point with the hash of its resolved configuration (the key of its results.csv row), or, when
 * the preset refuses it, the one-line reason (and a hash of its knob values).
 */
public record ResolvedPoint(SweepPoint point, String hash, String error) {
  public boolean valid() {
    return error == null;
  }
}
