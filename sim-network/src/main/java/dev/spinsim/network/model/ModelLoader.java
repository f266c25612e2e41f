package dev.spinsim.network.model;

import dev.spinsim.core.config.ConfigException;
import dev.spinsim.core.config.ConfigLoader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a model YAML (a shipped name such as {@code fmnist}, or a file path) into a {@link
 * ModelSpec} through the same {@link ConfigLoader} as the presets: unknown keys, wrong types and
 * invalid values are one-line {@link ConfigException}s naming the file and the key path ({@code
 * fmnist.yaml: generator[3].kernel: ...}), and {@code --set} overrides apply to the model too.
 * Shape chaining errors name the layer.
 */
public final class ModelLoader {
  /** Models shipped as resources. */
  public static final List<String> SHIPPED = List.of("fmnist", "dcgan64");

  private static final String RESOURCE_DIR = "/dev/spinsim/network/models/";

  private ModelLoader() {}

  /** A shipped model by name, or a YAML file by path. */
  public static ModelSpec load(String nameOrPath) {
    return load(nameOrPath, List.of());
  }

  /**
   * A shipped model by name, or a YAML file by path, after applying {@code overrides} ({@code
   * generator[6].bias=false}, keys as in the YAML).
   */
  public static ModelSpec load(String nameOrPath, List<String> overrides) {
    if (SHIPPED.contains(nameOrPath)) {
      String res = RESOURCE_DIR + nameOrPath + ".yaml";
      try (InputStream in = ModelLoader.class.getResourceAsStream(res)) {
        if (in == null) {
          throw new IllegalStateException("shipped model resource missing: " + res);
        }
        return parse(nameOrPath + ".yaml", in, overrides);
      } catch (IOException e) {
        throw new IllegalStateException("cannot read " + res + ": " + e.getMessage(), e);
      }
    }
    Path p = Path.of(nameOrPath);
    if (!Files.isRegularFile(p)) {
      throw new IllegalArgumentException(
          (ConfigLoader.looksLikePath(nameOrPath)
                  ? nameOrPath
                      + (Files.isDirectory(p)
                          ? ": is a directory, not a model YAML file"
                          : ": no such model file")
                  : "unknown model '" + nameOrPath + "'")
              + ": expected one of "
              + SHIPPED
              + " or a YAML file path");
    }
    try (InputStream in = Files.newInputStream(p)) {
      return parse(p.toString(), in, overrides);
    } catch (IOException e) {
      throw new IllegalArgumentException(p + ": cannot read: " + e.getMessage(), e);
    }
  }

  /** Parses YAML text; {@code source} names it in errors. */
  public static ModelSpec parse(String source, InputStream in) {
    return parse(source, in, List.of());
  }

  /** Parses YAML text after {@code overrides}; {@code source} names it in errors. */
  public static ModelSpec parse(String source, InputStream in, List<String> overrides) {
    ModelFile f = ConfigLoader.load(source, in, ModelFile.class, overrides);
    Shape image = f.image();
    NetworkSpec g = network(source, "generator", f.generator(), new Shape(f.latent(), 1, 1));
    NetworkSpec d = network(source, "discriminator", f.discriminator(), image);
    try {
      return new ModelSpec(f.name(), source, f.latent(), image, g, d);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(
          source,
          "",
          e.getMessage().replaceFirst("^" + java.util.regex.Pattern.quote(source) + ": ", ""),
          e);
    }
  }

  private static NetworkSpec network(
      String source, String role, List<LayerSpec> layers, Shape input) {
    try {
      return NetworkSpec.of(role, input, layers);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(source, "", e.getMessage(), e);
    }
  }
}
