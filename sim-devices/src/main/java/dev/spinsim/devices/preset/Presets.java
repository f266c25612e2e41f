package dev.spinsim.devices.preset;

import dev.spinsim.core.config.ConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Loads a preset by name (a shipped resource) or from a YAML file path, with {@code --set} overrides. */
public final class Presets {
  /** The shipped presets. */
  public static final List<String> NAMES = List.of("ideal", "isaac", "neurosim", "paper");
  private static final String RESOURCE_DIR = "dev/spinsim/devices/presets/";

  private Presets() {}

  /** A shipped preset ({@link #NAMES}) or a YAML file; an unknown name is a one-line error. */
  public static Preset load(String nameOrPath, List<String> overrides) {
    if (NAMES.contains(nameOrPath)) {
      return ConfigLoader.loadResource(RESOURCE_DIR + nameOrPath + ".yaml", Preset.class, overrides);
    }
    Path p = Path.of(nameOrPath);
    if (Files.isRegularFile(p)) {
      return ConfigLoader.load(p, Preset.class, overrides);
    }
    throw new IllegalArgumentException("unknown preset '" + nameOrPath + "', expected one of " + NAMES
        + " or the path of a preset YAML file");
  }

  public static Preset load(String nameOrPath) {
    return load(nameOrPath, List.of());
  }
}
