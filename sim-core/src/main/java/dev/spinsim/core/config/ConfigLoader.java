package dev.spinsim.core.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Loads YAML into immutable records (Jackson), applying {@code --set key.path=value} overrides to
 * the YAML tree first, and turns every failure into a one-line {@link ConfigException}.
 *
 * <p>Rules: unknown keys are rejected; primitive record components are required, boxed or
 * collection components may be omitted (the compact constructor sees null and may default it);
 * validation lives in compact constructors and throws {@link IllegalArgumentException}. If the
 * message starts with a component name ({@code "rows must be a positive integer, got 0"}), that
 * name joins the key path: {@code preset.yaml: crossbar.rows: must be a positive integer, got 0}.
 */
public final class ConfigLoader {
  private static final YAMLMapper MAPPER =
      YAMLMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
          .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
          .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
          .build();

  private ConfigLoader() {}

  /** Loads {@code file} as a {@code type}, after applying {@code overrides} ("a.b.c=value"). */
  public static <T> T load(Path file, Class<T> type, List<String> overrides) {
    String source = file.toString();
    try (InputStream in = Files.newInputStream(file)) {
      return load(source, in, type, overrides);
    } catch (NoSuchFileException e) {
      throw new ConfigException(source, "", "no such file");
    } catch (IOException e) {
      throw new ConfigException(source, "", "cannot read: " + e.getMessage(), e);
    }
  }

  /** Loads a classpath resource (a shipped preset) as a {@code type}. */
  public static <T> T loadResource(String resourcePath, Class<T> type, List<String> overrides) {
    try (InputStream stream = openResource(resourcePath)) {
      return load(resourcePath, stream, type, overrides);
    } catch (IOException e) {
      throw new ConfigException(resourcePath, "", "cannot read: " + e.getMessage(), e);
    }
  }

  /** Loads YAML read from {@code yaml}; {@code sourceName} names it in error messages. */
  public static <T> T load(
      String sourceName, InputStream yaml, Class<T> type, List<String> overrides) {
    JsonNode tree = parse(sourceName, yaml);
    Map<String, String> overridden = new LinkedHashMap<>();
    for (String override : overrides == null ? List.<String>of() : overrides) {
      applyOverride((ObjectNode) tree, type, override, overridden);
    }
    checkShape(tree, type, "", sourceName, overridden, false);
    return bind(tree, type, sourceName, overridden);
  }

  /**
   * Reads YAML into a tree (a mapping at the top level; an empty document is an empty mapping),
   * without binding it: for configurations that are assembled before they are bound, such as a
   * preset that inherits from a {@code base}.
   */
  public static com.fasterxml.jackson.databind.node.ObjectNode readTree(
      String sourceName, InputStream yaml) {
    return (com.fasterxml.jackson.databind.node.ObjectNode) parse(sourceName, yaml);
  }

  /** {@link #readTree(String, InputStream)} of a file. */
  public static com.fasterxml.jackson.databind.node.ObjectNode readTree(Path file) {
    String source = file.toString();
    try (InputStream in = Files.newInputStream(file)) {
      return readTree(source, in);
    } catch (NoSuchFileException e) {
      throw new ConfigException(source, "", "no such file");
    } catch (IOException e) {
      throw new ConfigException(source, "", "cannot read: " + e.getMessage(), e);
    }
  }

  /**
   * Whether {@code ref} names a file rather than a shipped name (preset, model): it has a directory
   * separator or a YAML extension (so a missing one is "no such file", not an unknown name).
   */
  public static boolean looksLikePath(String ref) {
    String lower = ref.toLowerCase(java.util.Locale.ROOT);
    return ref.contains("/")
        || ref.contains("\\")
        || lower.endsWith(".yaml")
        || lower.endsWith(".yml");
  }

  /** A classpath resource (the thread's class loader first); a missing one is a one-line error. */
  private static InputStream openResource(String resourcePath) {
    String name = resourcePath.startsWith("/") ? resourcePath.substring(1) : resourcePath;
    ClassLoader cl = Thread.currentThread().getContextClassLoader();
    InputStream in = cl == null ? null : cl.getResourceAsStream(name);
    if (in == null) {
      in = ConfigLoader.class.getClassLoader().getResourceAsStream(name);
    }
    if (in == null) {
      throw new ConfigException(resourcePath, "", "no such resource on the classpath");
    }
    return in;
  }

  /**
   * Binds a tree (not modified) as a {@code type} after applying {@code overrides}; with {@code
   * requireAllKeys} every key of every record must be present (an explicit {@code null} counts)
   * unless it is marked {@link OptionalKey}: a complete configuration has no silent defaults.
   */
  public static <T> T bind(
      String sourceName,
      JsonNode tree,
      Class<T> type,
      List<String> overrides,
      boolean requireAllKeys) {
    JsonNode copy = tree.deepCopy();
    Map<String, String> overridden = new LinkedHashMap<>();
    for (String override : overrides == null ? List.<String>of() : overrides) {
      applyOverride((ObjectNode) copy, type, override, overridden);
    }
    checkShape(copy, type, "", sourceName, overridden, requireAllKeys);
    return bind(copy, type, sourceName, overridden);
  }

  /** Loads YAML text; {@code sourceName} names it in error messages. */
  public static <T> T loadString(
      String sourceName, String yaml, Class<T> type, List<String> overrides) {
    return load(
        sourceName,
        new java.io.ByteArrayInputStream(yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
        type,
        overrides);
  }

  /**
   * Writes a (fully resolved) configuration back as YAML, keys in declaration order, maps sorted.
   */
  public static String toYaml(Object config) {
    try {
      return MAPPER.writeValueAsString(config);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "cannot write "
              + config.getClass().getSimpleName()
              + " as YAML: "
              + e.getOriginalMessage(),
          e);
    }
  }

  // ---------------------------------------------------------------- parsing

  private static JsonNode parse(String source, InputStream yaml) {
    JsonNode tree;
    try {
      tree = MAPPER.readTree(yaml);
    } catch (JsonProcessingException e) {
      throw new ConfigException(
          source,
          "",
          where(e.getLocation()) + "malformed YAML: " + firstLine(e.getOriginalMessage()),
          e);
    } catch (IOException e) {
      throw new ConfigException(source, "", "cannot read: " + e.getMessage(), e);
    }
    if (tree == null || tree.isMissingNode() || tree.isNull()) {
      return JsonNodeFactory.instance.objectNode();
    }
    if (!tree.isObject()) {
      throw new ConfigException(
          source, "", "expected a mapping of keys at the top level, got " + render(tree));
    }
    return tree;
  }

  private static String where(JsonLocation loc) {
    if (loc == null || loc.getLineNr() <= 0) {
      return "";
    }
    return "line "
        + loc.getLineNr()
        + (loc.getColumnNr() > 0 ? ", column " + loc.getColumnNr() : "")
        + ": ";
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    String m = message.strip();
    int nl = m.indexOf('\n');
    String line = nl < 0 ? m : m.substring(0, nl).strip();
    // SnakeYAML often puts the useful part on the second line
    if ((line.endsWith(":") || line.startsWith("while ")) && nl >= 0) {
      String rest = m.substring(nl + 1).strip();
      for (String l : rest.split("\n")) {
        String s = l.strip();
        if (!s.isEmpty() && !s.startsWith("in ") && !s.startsWith("at [") && !s.startsWith("^")) {
          return s;
        }
      }
    }
    return line;
  }

  // ---------------------------------------------------------------- overrides

  private static void applyOverride(
      ObjectNode root, Class<?> type, String override, Map<String, String> overridden) {
    String source = "--set " + override;
    int eq = override.indexOf('=');
    if (eq <= 0) {
      throw new ConfigException(source, "", "expected key.path=value");
    }
    String keyText = override.substring(0, eq).strip().replaceAll("\\[(\\d+)]", ".$1");
    String valueText = override.substring(eq + 1);
    String[] segments = keyText.split("\\.", -1);
    JsonNode parent = root;
    Type t = type;
    StringBuilder path = new StringBuilder();
    for (int i = 0; i < segments.length; i++) {
      String seg = segments[i].strip();
      boolean last = i == segments.length - 1;
      if (seg.isEmpty()) {
        throw new ConfigException(source, keyText, "expected key.path=value with no empty key");
      }
      Class<?> raw = raw(t);
      if (raw.isAnnotationPresent(JsonTypeInfo.class)
          && raw.isAnnotationPresent(JsonSubTypes.class)
          && parent.isObject()) {
        raw = subtype(raw, parent, path.toString(), source, Map.of());
        t = raw;
      }
      if (raw.isRecord() || Map.class.isAssignableFrom(raw)) {
        if (raw.isRecord()) {
          Map<String, Type> comps = components(raw);
          Type ct = comps.get(seg);
          appendKey(path, seg);
          if (ct == null) {
            throw new ConfigException(
                source,
                path.toString(),
                "unknown key, expected one of " + new TreeSet<>(comps.keySet()));
          }
          t = ct;
        } else {
          appendKey(path, seg);
          t = typeArg(t, 1);
        }
        ObjectNode obj = (ObjectNode) parent;
        if (last) {
          obj.set(seg, parseScalar(valueText));
        } else {
          JsonNode child = obj.get(seg);
          if (child == null || child.isNull()) {
            child = isListType(t) ? null : obj.putObject(seg);
          }
          if (child == null || !(child.isObject() || child.isArray())) {
            throw new ConfigException(
                source,
                path.toString(),
                "expected "
                    + describe(t)
                    + " to set a key in, got "
                    + (child == null ? "nothing" : render(child)));
          }
          parent = child;
        }
      } else if (isListType(t)) {
        int size = parent.size();
        int idx;
        try {
          idx = Integer.parseInt(seg);
        } catch (NumberFormatException e) {
          idx = -1;
        }
        if (idx < 0 || idx >= size) {
          throw new ConfigException(
              source,
              path.toString(),
              "expected a list index in [0, " + size + "), got '" + seg + "'");
        }
        path.append('[').append(idx).append(']');
        t = elementType(t);
        ArrayNode arr = (ArrayNode) parent;
        if (last) {
          arr.set(idx, parseScalar(valueText));
        } else {
          JsonNode child = arr.get(idx);
          if (!(child.isObject() || child.isArray())) {
            throw new ConfigException(
                source,
                path.toString(),
                "expected " + describe(t) + " to set a key in, got " + render(child));
          }
          parent = child;
        }
      } else {
        throw new ConfigException(
            source,
            path.length() == 0 ? seg : path + "." + seg,
            "unknown key: " + path + " is " + describe(t) + ", it has no keys");
      }
    }
    overridden.put(path.toString(), override);
  }

  private static void appendKey(StringBuilder path, String key) {
    if (path.length() > 0) {
      path.append('.');
    }
    path.append(key);
  }

  private static JsonNode parseScalar(String text) {
    if (text.isBlank()) {
      return TextNode.valueOf(text);
    }
    try {
      JsonNode n = MAPPER.readTree(text);
      return n == null || n.isMissingNode() ? TextNode.valueOf(text) : n;
    } catch (JsonProcessingException e) {
      return TextNode.valueOf(text);
    }
  }

  // ---------------------------------------------------------------- shape check

  /**
   * Rejects unknown keys and missing required keys (primitive ones; with {@code all}, every key not
   * marked {@link OptionalKey}), with the full key path.
   */
  private static void checkShape(
      JsonNode node,
      Type type,
      String path,
      String file,
      Map<String, String> overridden,
      boolean all) {
    Class<?> raw = raw(type);
    String typeKey = null;
    if (raw.isAnnotationPresent(JsonTypeInfo.class)) {
      if (!node.isObject() || !raw.isAnnotationPresent(JsonSubTypes.class)) {
        return;
      }
      typeKey = raw.getAnnotation(JsonTypeInfo.class).property();
      raw = subtype(raw, node, path, file, overridden);
    }
    if (raw.isRecord() && node.isObject()) {
      Map<String, Type> comps = components(raw);
      Iterator<String> names = node.fieldNames();
      while (names.hasNext()) {
        String key = names.next();
        if (!comps.containsKey(key) && !key.equals(typeKey)) {
          String p = join(path, key);
          throw new ConfigException(
              sourceOf(p, file, overridden),
              p,
              "unknown key, expected one of " + new TreeSet<>(comps.keySet()));
        }
      }
      for (Map.Entry<String, Type> c : comps.entrySet()) {
        JsonNode child = node.get(c.getKey());
        String p = join(path, c.getKey());
        if (child == null && all && !optional(raw, c.getKey())) {
          throw new ConfigException(
              sourceOf(p, file, overridden),
              p,
              "missing key, expected "
                  + describe(c.getValue())
                  + (raw(c.getValue()).isPrimitive() ? "" : " or null")
                  + " (a complete configuration gives every key)");
        }
        if (child == null || child.isNull()) {
          if (raw(c.getValue()).isPrimitive()) {
            throw new ConfigException(
                sourceOf(p, file, overridden),
                p,
                "missing key, expected " + describe(c.getValue()));
          }
        } else {
          checkShape(child, c.getValue(), p, file, overridden, all);
        }
      }
    } else if (isListType(type) && node.isArray()) {
      Type et = elementType(type);
      for (int i = 0; i < node.size(); i++) {
        checkShape(node.get(i), et, path + "[" + i + "]", file, overridden, all);
      }
    } else if (Map.class.isAssignableFrom(raw) && node.isObject()) {
      Type vt = typeArg(type, 1);
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> f = fields.next();
        checkShape(f.getValue(), vt, join(path, f.getKey()), file, overridden, all);
      }
    }
  }

  /**
   * The record a polymorphic {@code base} (Jackson {@code @JsonTypeInfo} with
   * {@code @JsonSubTypes}, such as a sealed interface of layer records) stands for at {@code node}:
   * the subtype named by the node's type key; an absent or unknown name is a one-line error.
   */
  private static Class<?> subtype(
      Class<?> base, JsonNode node, String path, String file, Map<String, String> overridden) {
    String key = base.getAnnotation(JsonTypeInfo.class).property();
    Map<String, Class<?>> named = new LinkedHashMap<>();
    for (JsonSubTypes.Type t : base.getAnnotation(JsonSubTypes.class).value()) {
      named.put(t.name().isEmpty() ? t.value().getSimpleName() : t.name(), t.value());
    }
    JsonNode name = node.get(key);
    String p = join(path, key);
    if (name == null || name.isNull()) {
      throw new ConfigException(
          sourceOf(p, file, overridden), p, "missing key, expected one of " + named.keySet());
    }
    Class<?> c = named.get(name.asText());
    if (c == null) {
      throw new ConfigException(
          sourceOf(p, file, overridden),
          p,
          "unknown " + key + " " + render(name) + ", expected one of " + named.keySet());
    }
    return c;
  }

  // ---------------------------------------------------------------- binding

  private static <T> T bind(
      JsonNode tree, Class<T> type, String file, Map<String, String> overridden) {
    try {
      return MAPPER.treeToValue(tree, type);
    } catch (InvalidDefinitionException e) {
      throw new IllegalStateException(
          "cannot bind configuration type " + type.getName() + ": " + e.getOriginalMessage(), e);
    } catch (ValueInstantiationException e) {
      String path = path(e);
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      String message =
          cause.getMessage() == null
              ? cause.getClass().getSimpleName()
              : cause.getMessage().strip();
      Class<?> failing = e.getType() != null ? e.getType().getRawClass() : null;
      if (failing != null && failing.isRecord()) {
        for (String name : components(failing).keySet()) {
          if (message.startsWith(name + " ") || message.startsWith(name + ":")) {
            path = join(path, name);
            message = message.substring(name.length()).replaceFirst("^:?\\s*", "");
            break;
          }
        }
      }
      throw new ConfigException(sourceOf(path, file, overridden), path, message, e);
    } catch (UnrecognizedPropertyException e) {
      String path = join(path(e), "");
      throw new ConfigException(
          sourceOf(path, file, overridden),
          path(e),
          "unknown key, expected one of " + new TreeSet<>(stringify(e.getKnownPropertyIds())),
          e);
    } catch (InvalidFormatException e) {
      String path = path(e);
      throw new ConfigException(
          sourceOf(path, file, overridden),
          path,
          "expected " + describe(e.getTargetType()) + ", got " + renderValue(e.getValue()),
          e);
    } catch (MismatchedInputException e) {
      String path = path(e);
      JsonNode found = at(tree, e.getPath());
      String expected =
          e.getTargetType() != null
              ? describe(e.getTargetType())
              : firstLine(e.getOriginalMessage());
      throw new ConfigException(
          sourceOf(path, file, overridden),
          path,
          "expected " + expected + ", got " + (found == null ? "nothing" : render(found)),
          e);
    } catch (JsonMappingException e) {
      String path = path(e);
      if (e.getCause() instanceof com.fasterxml.jackson.core.exc.InputCoercionException c) {
        // a number too large for its field: Jackson's text names Java's int range
        String expected =
            c.getTargetType() == Integer.TYPE || c.getTargetType() == Integer.class
                ? "an integer up to " + Integer.MAX_VALUE
                : "a number that fits " + describe(c.getTargetType());
        JsonNode found = at(tree, e.getPath());
        throw new ConfigException(
            sourceOf(path, file, overridden),
            path,
            "expected " + expected + ", got " + (found == null ? "nothing" : render(found)),
            e);
      }
      throw new ConfigException(
          sourceOf(path, file, overridden), path, firstLine(e.getOriginalMessage()), e);
    } catch (JsonProcessingException e) {
      throw new ConfigException(file, "", firstLine(e.getOriginalMessage()), e);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(file, "", firstLine(e.getMessage()), e);
    }
  }

  private static List<String> stringify(Collection<Object> ids) {
    List<String> out = new ArrayList<>();
    if (ids != null) {
      for (Object o : ids) {
        out.add(String.valueOf(o));
      }
    }
    return out;
  }

  /** The source to blame for an error at {@code path}: the override that set it, or the file. */
  private static String sourceOf(String path, String file, Map<String, String> overridden) {
    String blamed = null;
    for (Map.Entry<String, String> o : overridden.entrySet()) {
      String op = o.getKey();
      if (path.equals(op) || path.startsWith(op + ".") || path.startsWith(op + "[")) {
        blamed = o.getValue();
      }
    }
    return blamed == null ? file : "--set " + blamed;
  }

  private static String path(JsonMappingException e) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference r : e.getPath()) {
      if (r.getFieldName() != null) {
        appendKey(sb, r.getFieldName());
      } else if (r.getIndex() >= 0) {
        sb.append('[').append(r.getIndex()).append(']');
      }
    }
    return sb.toString();
  }

  private static JsonNode at(JsonNode root, List<JsonMappingException.Reference> refs) {
    JsonNode n = root;
    for (JsonMappingException.Reference r : refs) {
      if (n == null) {
        return null;
      }
      n = r.getFieldName() != null ? n.get(r.getFieldName()) : n.get(r.getIndex());
    }
    return n;
  }

  private static String join(String path, String key) {
    if (key.isEmpty()) {
      return path;
    }
    return path.isEmpty() ? key : path + "." + key;
  }

  // ---------------------------------------------------------------- types

  /** Whether the key {@code key} of record {@code record} is marked {@link OptionalKey}. */
  private static boolean optional(Class<?> record, String key) {
    if (record.isAnnotationPresent(OptionalKey.class)) {
      return true;
    }
    for (RecordComponent rc : record.getRecordComponents()) {
      JsonProperty jp = rc.getAnnotation(JsonProperty.class);
      String name = jp != null && !jp.value().isEmpty() ? jp.value() : rc.getName();
      if (name.equals(key)) {
        if (rc.isAnnotationPresent(OptionalKey.class)) {
          return true;
        }
        try {
          return record.getDeclaredField(rc.getName()).isAnnotationPresent(OptionalKey.class);
        } catch (NoSuchFieldException e) {
          return false;
        }
      }
    }
    return false;
  }

  private static Map<String, Type> components(Class<?> record) {
    Map<String, Type> out = new LinkedHashMap<>();
    for (RecordComponent rc : record.getRecordComponents()) {
      JsonProperty jp = rc.getAnnotation(JsonProperty.class);
      if (jp == null) {
        try {
          jp = record.getDeclaredField(rc.getName()).getAnnotation(JsonProperty.class);
        } catch (NoSuchFieldException e) {
          jp = null;
        }
      }
      String name = jp != null && !jp.value().isEmpty() ? jp.value() : rc.getName();
      out.put(name, rc.getGenericType());
    }
    return out;
  }

  private static Class<?> raw(Type t) {
    if (t instanceof Class<?> c) {
      return c;
    }
    if (t instanceof ParameterizedType p) {
      return raw(p.getRawType());
    }
    if (t instanceof GenericArrayType g) {
      return java.lang.reflect.Array.newInstance(raw(g.getGenericComponentType()), 0).getClass();
    }
    if (t instanceof WildcardType w && w.getUpperBounds().length > 0) {
      return raw(w.getUpperBounds()[0]);
    }
    return Object.class;
  }

  private static boolean isListType(Type t) {
    Class<?> raw = raw(t);
    return Collection.class.isAssignableFrom(raw) || raw.isArray();
  }

  private static Type elementType(Type t) {
    Class<?> raw = raw(t);
    if (t instanceof GenericArrayType g) {
      return g.getGenericComponentType();
    }
    if (raw.isArray()) {
      return raw.getComponentType();
    }
    return typeArg(t, 0);
  }

  private static Type typeArg(Type t, int i) {
    if (t instanceof ParameterizedType p && p.getActualTypeArguments().length > i) {
      return p.getActualTypeArguments()[i];
    }
    return Object.class;
  }

  private static String describe(Type t) {
    Class<?> c = raw(t);
    if (c == int.class
        || c == Integer.class
        || c == long.class
        || c == Long.class
        || c == short.class
        || c == Short.class
        || c == byte.class
        || c == Byte.class) {
      return "an integer";
    }
    if (c == double.class || c == Double.class || c == float.class || c == Float.class) {
      return "a number";
    }
    if (c == boolean.class || c == Boolean.class) {
      return "true or false";
    }
    if (c == String.class || c == char.class || c == Character.class) {
      return "a string";
    }
    if (c.isEnum()) {
      List<String> names = new ArrayList<>();
      for (Object constant : c.getEnumConstants()) {
        names.add(((Enum<?>) constant).name().toLowerCase(Locale.ROOT));
      }
      return "one of " + names;
    }
    if (isListType(t)) {
      return "a list";
    }
    if (c.isRecord() || Map.class.isAssignableFrom(c)) {
      return "a mapping";
    }
    return "a " + c.getSimpleName();
  }

  private static String render(JsonNode n) {
    if (n.isTextual()) {
      return "'" + n.textValue() + "'";
    }
    if (n.isObject()) {
      return "a mapping";
    }
    if (n.isArray()) {
      return "a list";
    }
    if (n.isNull()) {
      return "null";
    }
    return n.asText();
  }

  private static String renderValue(Object v) {
    if (v instanceof String s) {
      return "'" + s + "'";
    }
    return String.valueOf(v);
  }
}
