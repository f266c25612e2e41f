package dev.spinsim.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spinsim.core.config.ConfigException;
import dev.spinsim.core.config.ConfigLoader;
import dev.spinsim.devices.preset.Preset;
import dev.spinsim.network.model.ModelLoader;
import dev.spinsim.network.weights.DcganLayout;
import dev.spinsim.network.weights.ShippedWeights;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run as its {@code run.yaml} recorded it, read back so {@code spinsim generate --config
 * RUN/run.yaml} runs it again: the model and its source, the weights (shipped, a file, or seeded
 * random ones), images, seed, mode, trace level, whether D ran, the {@code --set} overrides (kept
 * for the labels; the preset is taken fully resolved from the file, so a preset file changed since
 * does not change the replay), and the replication from the mapping section.
 */
record RunReplay(
    String model,
    Path generatorWeights,
    String variant,
    Path discriminatorWeights,
    boolean discriminator,
    Preset preset,
    List<String> overrides,
    Map<String, Integer> replication,
    int images,
    long seed,
    boolean functional,
    String trace) {

  private static final String SHIPPED_PREFIX = "classpath:" + "/dev/spinsim/network/weights/";

  /** Reads {@code file}; any missing or malformed key is a one-line error naming it. */
  static RunReplay read(Path file) {
    String src = file.toString();
    ObjectNode root = ConfigLoader.readTree(file);
    String model = text(src, root, "model");
    String modelSource = text(src, root, "modelSource");
    // a generator read from its weights file is read from it again (modelRef null: detect)
    String modelRef =
        modelSource.endsWith(DcganLayout.SOURCE_SUFFIX)
            ? null
            : ModelLoader.SHIPPED.contains(model) && modelSource.equals(model + ".yaml")
                ? model
                : modelSource;
    JsonNode weights = node(src, root, "weights");
    String[] g = weights(src, "weights.generator", text(src, weights, "generator"), model);
    boolean discriminator = bool(src, root, "discriminator");
    String[] d =
        discriminator
            ? weights(src, "weights.discriminator", text(src, weights, "discriminator"), model)
            : new String[] {null, ShippedWeights.FLOAT};
    List<String> overrides = new ArrayList<>();
    JsonNode o = node(src, root, "overrides");
    if (!o.isArray()) {
      throw new ConfigException(src, "overrides", "expected a list of key=value strings");
    }
    o.forEach(n -> overrides.add(n.asText()));
    Map<String, Integer> replication = new LinkedHashMap<>();
    JsonNode rep = node(src, root, "mapping").get("replication");
    if (rep != null && rep.isObject()) {
      rep.fields().forEachRemaining(e -> replication.put(e.getKey(), e.getValue().asInt()));
    }
    Preset preset =
        ConfigLoader.bind(
            src + ": preset", node(src, root, "preset"), Preset.class, List.of(), true);
    String mode = text(src, root, "mode");
    if (!mode.equals("functional") && !mode.equals("cycle-accurate")) {
      throw new ConfigException(
          src, "mode", "expected functional or cycle-accurate, got '" + mode + "'");
    }
    int images = node(src, root, "images").asInt();
    return new RunReplay(
        modelRef,
        g[0] == null ? null : Path.of(g[0]),
        g[1],
        d[0] == null ? null : Path.of(d[0]),
        discriminator,
        preset,
        overrides,
        replication,
        images,
        node(src, root, "seed").asLong(),
        mode.equals("functional"),
        text(src, root, "trace"));
  }

  /** {file or null, variant} of a recorded weights source. */
  private static String[] weights(String src, String key, String source, String model) {
    if (source.startsWith("random")) {
      return new String[] {null, ShippedWeights.FLOAT}; // no trained weights: the same seeded init
    }
    if (source.startsWith(SHIPPED_PREFIX)) {
      String set = source.substring(SHIPPED_PREFIX.length(), source.lastIndexOf('/'));
      if (set.equals(model)) {
        return new String[] {null, ShippedWeights.FLOAT};
      }
      if (set.startsWith(model + "-")) {
        return new String[] {null, set.substring(model.length() + 1)};
      }
      throw new ConfigException(
          src, key, "shipped weights '" + set + "' are not a variant of model " + model);
    }
    return new String[] {source, ShippedWeights.FLOAT};
  }

  private static JsonNode node(String src, JsonNode parent, String key) {
    JsonNode n = parent.get(key);
    if (n == null || n.isNull()) {
      throw new ConfigException(src, key, "missing key (is this a spinsim run.yaml?)");
    }
    return n;
  }

  private static String text(String src, JsonNode parent, String key) {
    JsonNode n = node(src, parent, key);
    if (!n.isTextual()) {
      throw new ConfigException(src, key, "expected a string, got " + n);
    }
    return n.asText();
  }

  private static boolean bool(String src, JsonNode parent, String key) {
    JsonNode n = node(src, parent, key);
    if (!n.isBoolean()) {
      throw new ConfigException(src, key, "expected true or false, got " + n);
    }
    return n.asBoolean();
  }
}
