package dev.spinsim.devices.preset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spinsim.core.config.ConfigException;
import dev.spinsim.core.config.ConfigLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads a preset by name (a shipped resource) or from a YAML file path, with {@code --set}
 * overrides.
 *
 * <p>A preset may start with {@code base: NAME-OR-FILE} (a shipped preset, or a file path relative
 * to the preset that names it, else to the working directory): it inherits every key of its base
 * and overrides what it gives — mappings merge key by key, scalars and lists replace — through as
 * many levels as wanted; a cycle is refused. A preset without a base must give every key (an
 * explicit {@code null} counts; keys marked {@code @OptionalKey} keep a documented meaning when
 * left out, such as "derive it from the circuit"): nothing defaults silently. A preset with a base
 * but without a {@code name} is named after its file.
 */
public final class Presets {
  /** The shipped presets. */
  public static final List<String> NAMES = List.of("ideal", "isaac", "neurosim", "paper");

  private static final String RESOURCE_DIR = "dev/spinsim/devices/presets/";

  /** The key naming the preset a preset inherits from. */
  public static final String BASE_KEY = "base";

  private Presets() {}

  /** A shipped preset ({@link #NAMES}) or a YAML file; an unknown name is a one-line error. */
  public static Preset load(String nameOrPath, List<String> overrides) {
    Resolved r = resolve(nameOrPath);
    return ConfigLoader.bind(r.source(), r.tree(), Preset.class, overrides, true);
  }

  public static Preset load(String nameOrPath) {
    return load(nameOrPath, List.of());
  }

  /**
   * A preset with its inheritance resolved: the merged tree (no {@code base} key), the source that
   * names it in errors, and the chain of sources from the root (no base) to the preset itself.
   */
  public record Resolved(String source, ObjectNode tree, List<Source> chain) {}

  /** One preset of an inheritance chain: how it was named, and its YAML text. */
  public record Source(String name, String text) {}

  /** Resolves {@code nameOrPath} and its bases into one tree, checking each file on the way. */
  public static Resolved resolve(String nameOrPath) {
    return resolve(nameOrPath, null, null, new LinkedHashMap<>());
  }

  private static Resolved resolve(
      String ref, Path from, String referrer, Map<String, String> seen) {
    String id;
    String source;
    String text;
    Path dir = null;
    if (NAMES.contains(ref)) {
      id = "shipped:" + ref;
      source = ref + ".yaml";
      text = resourceText(RESOURCE_DIR + ref + ".yaml");
    } else {
      Path p = Path.of(ref);
      if (!p.isAbsolute() && from != null && Files.isRegularFile(from.resolve(ref))) {
        p = from.resolve(ref);
      }
      if (!Files.isRegularFile(p)) {
        String expected =
            (ConfigLoader.looksLikePath(ref)
                    ? ref
                        + (Files.isDirectory(p)
                            ? ": is a directory, not a preset YAML file"
                            : ": no such preset file")
                    : "unknown preset '" + ref + "'")
                + ", expected one of "
                + NAMES
                + " or the path of a preset YAML file";
        if (referrer != null) {
          throw new ConfigException(referrer, BASE_KEY, expected);
        }
        throw new IllegalArgumentException(expected);
      }
      try {
        id = p.toRealPath().toString();
        text = Files.readString(p, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new ConfigException(p.toString(), "", "cannot read: " + e.getMessage(), e);
      }
      source = p.toString();
      dir = p.toAbsolutePath().getParent();
    }
    if (seen.containsKey(id)) {
      List<String> cycle = new ArrayList<>(seen.values());
      cycle.add(source);
      throw new ConfigException(
          referrer, BASE_KEY, "inheritance cycle " + String.join(" -> ", cycle));
    }
    seen.put(id, source);
    ObjectNode tree =
        ConfigLoader.readTree(
            source, new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    JsonNode base = tree.remove(BASE_KEY);
    if (base == null || base.isNull()) {
      // a root preset is complete on its own: binding it names its own file in any error
      ConfigLoader.bind(source, tree, Preset.class, List.of(), true);
      List<Source> chain = new ArrayList<>();
      chain.add(new Source(source, text));
      return new Resolved(source, tree, chain);
    }
    if (!base.isTextual() || base.asText().isBlank()) {
      throw new ConfigException(
          source,
          BASE_KEY,
          "expected the name of a shipped preset " + NAMES + " or a preset file, got " + base);
    }
    Resolved parent = resolve(base.asText(), dir, source, seen);
    ObjectNode merged = parent.tree().deepCopy();
    merge(merged, tree);
    if (!tree.has("name")) {
      String file = Path.of(source).getFileName().toString();
      merged.put("name", file.endsWith(".yaml") ? file.substring(0, file.length() - 5) : file);
    }
    List<Source> chain = new ArrayList<>(parent.chain());
    chain.add(new Source(source, text));
    return new Resolved(source, merged, chain);
  }

  /**
   * The fully resolved preset as YAML: every key, inheritance and {@code overrides} applied, keys
   * in declaration order, with the end-of-line comments of the files it came from kept (the nearest
   * file's comment wins) and a header naming them. Fed back with {@code --preset FILE} it gives the
   * same preset.
   */
  public static String show(String nameOrPath, List<String> overrides) {
    Resolved r = resolve(nameOrPath);
    Preset p = ConfigLoader.bind(r.source(), r.tree(), Preset.class, overrides, true);
    Map<String, String> comments = new LinkedHashMap<>();
    for (Source s : r.chain()) {
      comments.putAll(dev.spinsim.core.config.YamlComments.byPath(s.text()));
    }
    StringBuilder out = new StringBuilder();
    List<String> names = new ArrayList<>();
    for (Source s : r.chain()) {
      names.add(s.name());
    }
    out.append("# preset ")
        .append(p.name())
        .append(", fully resolved (spinsim preset show) from ")
        .append(String.join(" <- ", names));
    if (overrides != null && !overrides.isEmpty()) {
      out.append(" with --set ").append(String.join(" --set ", overrides));
    }
    out.append('\n');
    for (String line : dev.spinsim.core.config.YamlComments.header(r.chain().get(0).text())) {
      out.append("# ").append(line).append('\n');
    }
    String yaml = ConfigLoader.toYaml(p);
    out.append(dev.spinsim.core.config.YamlComments.annotate(yaml, comments));
    if (out.charAt(out.length() - 1) != '\n') {
      out.append('\n');
    }
    return out.toString();
  }

  /** Overlays {@code over} onto {@code into}: mappings merge key by key, anything else replaces. */
  static void merge(ObjectNode into, ObjectNode over) {
    Iterator<Map.Entry<String, JsonNode>> fields = over.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> f = fields.next();
      JsonNode mine = into.get(f.getKey());
      if (mine instanceof ObjectNode m && f.getValue() instanceof ObjectNode o) {
        merge(m, o);
      } else {
        into.set(f.getKey(), f.getValue().deepCopy());
      }
    }
  }

  /** The YAML text of a shipped preset. */
  public static String shippedText(String name) {
    if (!NAMES.contains(name)) {
      throw new IllegalArgumentException("unknown preset '" + name + "', expected one of " + NAMES);
    }
    return resourceText(RESOURCE_DIR + name + ".yaml");
  }

  private static String resourceText(String resource) {
    ClassLoader cl = Thread.currentThread().getContextClassLoader();
    InputStream in = cl == null ? null : cl.getResourceAsStream(resource);
    if (in == null) {
      in = Presets.class.getClassLoader().getResourceAsStream(resource);
    }
    if (in == null) {
      throw new IllegalStateException("shipped preset resource missing: " + resource);
    }
    try (InputStream s = in) {
      return new String(s.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
