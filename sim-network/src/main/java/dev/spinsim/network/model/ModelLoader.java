package dev.spinsim.network.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads a model YAML (a shipped name such as {@code fmnist}, or a file path) into a
 * {@link ModelSpec}, checking keys, values and shape chaining; every error is one line naming
 * the file, the layer and what was expected.
 */
public final class ModelLoader {
  /** Models shipped as resources. */
  public static final List<String> SHIPPED = List.of("fmnist", "dcgan64");

  private static final String RESOURCE_DIR = "/dev/spinsim/network/models/";
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private ModelLoader() {}

  /** A shipped model by name, or a YAML file by path. */
  public static ModelSpec load(String nameOrPath) {
    if (SHIPPED.contains(nameOrPath)) {
      String res = RESOURCE_DIR + nameOrPath + ".yaml";
      try (InputStream in = ModelLoader.class.getResourceAsStream(res)) {
        if (in == null) {
          throw new IllegalStateException("shipped model resource missing: " + res);
        }
        return parse(nameOrPath + ".yaml", in);
      } catch (IOException e) {
        throw new IllegalStateException("cannot read " + res + ": " + e.getMessage(), e);
      }
    }
    Path p = Path.of(nameOrPath);
    if (!Files.isRegularFile(p)) {
      throw new IllegalArgumentException(
          "unknown model '" + nameOrPath + "': expected one of " + SHIPPED + " or a YAML file path");
    }
    try (InputStream in = Files.newInputStream(p)) {
      return parse(p.toString(), in);
    } catch (IOException e) {
      throw new IllegalArgumentException(p + ": cannot read: " + e.getMessage(), e);
    }
  }

  /** Parses YAML text; {@code source} names it in errors. */
  public static ModelSpec parse(String source, InputStream in) {
    JsonNode root;
    try {
      root = YAML.readTree(in);
    } catch (IOException e) {
      throw new IllegalArgumentException(source + ": malformed YAML: " + e.getMessage().split("\n")[0], e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException(source + ": expected a mapping with name, latent, image, generator, discriminator");
    }
    checkKeys(source, "", root, Set.of("name", "description", "latent", "image", "generator", "discriminator"));
    String name = text(source, "name", root);
    int latent = positiveInt(source, "latent", root);
    JsonNode img = required(source, "image", root);
    checkKeys(source, "image.", img, Set.of("channels", "height", "width"));
    Shape image = new Shape(positiveInt(source, "image.channels", img.get("channels")),
        positiveInt(source, "image.height", img.get("height")), positiveInt(source, "image.width", img.get("width")));
    NetworkSpec g = network(source, "generator", root, new Shape(latent, 1, 1));
    NetworkSpec d = network(source, "discriminator", root, image);
    try {
      return new ModelSpec(name, source, latent, image, g, d);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  private static NetworkSpec network(String source, String role, JsonNode root, Shape input) {
    JsonNode list = required(source, role, root);
    if (!list.isArray() || list.isEmpty()) {
      throw new IllegalArgumentException(source + ": " + role + " must be a non-empty list of layers");
    }
    List<LayerSpec> layers = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String where = role + "[" + i + "] (" + NetworkSpec.layerName(i) + ")";
      try {
        layers.add(layer(list.get(i)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(source + ": " + where + ": " + e.getMessage(), e);
      }
    }
    try {
      return NetworkSpec.of(role, input, layers);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
    }
  }

  private static LayerSpec layer(JsonNode n) {
    if (n == null || !n.isObject() || !n.has("type")) {
      throw new IllegalArgumentException("expected a mapping with a 'type' key");
    }
    String type = n.get("type").asText();
    switch (type) {
      case "Conv2d" -> {
        keys(n, "type", "in", "out", "kernel", "stride", "padding", "bias");
        return new LayerSpec.Conv2d(integer(n, "in", null), integer(n, "out", null), integer(n, "kernel", null),
            integer(n, "stride", 1), integer(n, "padding", 0), bool(n, "bias", true));
      }
      case "ConvTranspose2d" -> {
        keys(n, "type", "in", "out", "kernel", "stride", "padding", "output_padding", "bias");
        return new LayerSpec.ConvTranspose2d(integer(n, "in", null), integer(n, "out", null),
            integer(n, "kernel", null), integer(n, "stride", 1), integer(n, "padding", 0),
            integer(n, "output_padding", 0), bool(n, "bias", true));
      }
      case "BatchNorm2d" -> {
        keys(n, "type", "features", "eps", "momentum");
        return new LayerSpec.BatchNorm2d(integer(n, "features", null), number(n, "eps", 1e-5), number(n, "momentum", 0.1));
      }
      case "Linear" -> {
        keys(n, "type", "in", "out", "bias");
        return new LayerSpec.Linear(integer(n, "in", null), integer(n, "out", null), bool(n, "bias", true));
      }
      case "ReLU" -> {
        keys(n, "type");
        return new LayerSpec.ReLU();
      }
      case "LeakyReLU" -> {
        keys(n, "type", "alpha");
        return new LayerSpec.LeakyReLU(number(n, "alpha", 0.01));
      }
      case "Tanh" -> {
        keys(n, "type");
        return new LayerSpec.Tanh();
      }
      case "Sigmoid" -> {
        keys(n, "type");
        return new LayerSpec.Sigmoid();
      }
      default -> throw new IllegalArgumentException("unknown layer type '" + type
          + "', expected one of Conv2d, ConvTranspose2d, BatchNorm2d, Linear, ReLU, LeakyReLU, Tanh, Sigmoid");
    }
  }

  private static void keys(JsonNode n, String... allowed) {
    Set<String> ok = Set.of(allowed);
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!ok.contains(k)) {
        throw new IllegalArgumentException("unknown key '" + k + "' for " + n.get("type").asText() + ", expected " + List.of(allowed));
      }
    }
  }

  private static int integer(JsonNode n, String key, Integer dflt) {
    JsonNode v = n.get(key);
    if (v == null) {
      if (dflt == null) {
        throw new IllegalArgumentException("missing key '" + key + "' (an integer)");
      }
      return dflt;
    }
    if (!v.isIntegralNumber()) {
      throw new IllegalArgumentException("key '" + key + "' must be an integer, got '" + v.asText() + "'");
    }
    return v.asInt();
  }

  private static double number(JsonNode n, String key, double dflt) {
    JsonNode v = n.get(key);
    if (v == null) {
      return dflt;
    }
    if (!v.isNumber()) {
      throw new IllegalArgumentException("key '" + key + "' must be a number, got '" + v.asText() + "'");
    }
    return v.asDouble();
  }

  private static boolean bool(JsonNode n, String key, boolean dflt) {
    JsonNode v = n.get(key);
    if (v == null) {
      return dflt;
    }
    if (!v.isBoolean()) {
      throw new IllegalArgumentException("key '" + key + "' must be true or false, got '" + v.asText() + "'");
    }
    return v.asBoolean();
  }

  private static void checkKeys(String source, String prefix, JsonNode n, Set<String> allowed) {
    if (!n.isObject()) {
      throw new IllegalArgumentException(source + ": " + prefix + " must be a mapping");
    }
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!allowed.contains(k)) {
        throw new IllegalArgumentException(source + ": unknown key '" + prefix + k + "', expected one of " + allowed.stream().sorted().toList());
      }
    }
  }

  private static JsonNode required(String source, String key, JsonNode n) {
    JsonNode v = n.get(key);
    if (v == null) {
      throw new IllegalArgumentException(source + ": missing key '" + key + "'");
    }
    return v;
  }

  private static String text(String source, String key, JsonNode n) {
    JsonNode v = required(source, key, n);
    if (!v.isTextual()) {
      throw new IllegalArgumentException(source + ": key '" + key + "' must be a string");
    }
    return v.asText();
  }

  private static int positiveInt(String source, String key, JsonNode v) {
    if (v == null) {
      throw new IllegalArgumentException(source + ": missing key '" + key + "' (a positive integer)");
    }
    if (v.isObject()) {
      v = v.get(key);
    }
    if (v == null || !v.isIntegralNumber() || v.asInt() <= 0) {
      throw new IllegalArgumentException(source + ": key '" + key + "' must be a positive integer");
    }
    return v.asInt();
  }
}
