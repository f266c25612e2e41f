package dev.spinsim.cli.sweep;

import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.ImmutableList;
import com.google.common.math.LongMath;
import dev.spinsim.core.config.ConfigException;
import dev.spinsim.core.config.ConfigLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The design space of a sweep: an ordered list of {@link Dimension}s (a knob, or a zip group of
 * knobs that move together), each with a finite list of levels. A point is one level per dimension;
 * its id is the mixed-radix number of its level indices (first dimension most significant), so the
 * id of a point never depends on how it was found.
 *
 * <p>Built from {@code --set KEY=V1,V2,…} (two or more values make a knob; one value is a fixed
 * override applied to every point) and from a YAML file:
 *
 * <pre>{@code
 * knobs:
 *   adc.bits: [4, 6, 8]                              # a list
 *   crossbar.rows: {from: 64, to: 512, scale: log2}  # 64, 128, 256, 512
 *   adc.columnsPerAdc: {from: 2, to: 8, step: 2}     # 2, 4, 6, 8
 *   mapping.partialSums: {choices: [digital, analog]}
 * zip:                                               # knobs that move together
 *   - {crossbar.rows: [64, 128], crossbar.columns: [64, 128]}
 * fixed:                                             # applied to every point
 *   adc.fullScaleFraction: 0.25
 * }</pre>
 */
public final class SweepSpace {
  /**
   * One axis of the space: {@code keys} move together; {@code levels.get(i).get(k)} is key k's
   * value at level i.
   */
  public record Dimension(List<String> keys, List<List<String>> levels) {
    /** Validates and copies. */
    public Dimension {
      keys = ImmutableList.copyOf(keys);
      checkArgument(!keys.isEmpty(), "a dimension needs at least one key");
      List<List<String>> copy = new ArrayList<>();
      for (List<String> l : levels) {
        checkArgument(
            l.size() == keys.size(),
            "every level of %s needs %s values, got %s",
            keys,
            keys.size(),
            l);
        copy.add(ImmutableList.copyOf(l));
      }
      levels = ImmutableList.copyOf(copy);
      checkArgument(!levels.isEmpty(), "knob %s has no values", keys);
    }

    /** A single knob. */
    static Dimension knob(String key, List<String> values) {
      List<List<String>> levels = new ArrayList<>();
      for (String v : values) {
        levels.add(List.of(v));
      }
      return new Dimension(List.of(key), levels);
    }

    public int size() {
      return levels.size();
    }
  }

  private static final int MAX_LEVELS = 4096;

  private final List<Dimension> dimensions;
  private final Map<String, String> fixed;

  public SweepSpace(List<Dimension> dimensions, Map<String, String> fixed) {
    this.dimensions = ImmutableList.copyOf(dimensions);
    this.fixed = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fixed));
    Set<String> seen = new LinkedHashSet<>();
    for (Dimension d : this.dimensions) {
      for (String k : d.keys()) {
        checkArgument(seen.add(k), "knob %s is given twice", k);
      }
    }
    for (String k : this.fixed.keySet()) {
      checkArgument(!seen.contains(k), "knob %s is both swept and fixed", k);
    }
    checkArgument(
        !this.dimensions.isEmpty(),
        "the sweep space is empty: give --set KEY=V1,V2,... or --space FILE.yaml");
    double size = 1;
    for (Dimension d : this.dimensions) {
      size *= d.size();
    }
    checkArgument(size < Long.MAX_VALUE / 2, "the sweep space is too large (%s points)", size);
  }

  public List<Dimension> dimensions() {
    return dimensions;
  }

  /** Overrides applied to every point (single-valued {@code --set}, the file's {@code fixed:}). */
  public Map<String, String> fixed() {
    return fixed;
  }

  /** Every knob key, in dimension order (the knob columns of results.csv). */
  public List<String> knobs() {
    List<String> out = new ArrayList<>();
    for (Dimension d : dimensions) {
      out.addAll(d.keys());
    }
    return out;
  }

  /** Number of points (the product of the dimensions' sizes). */
  public long size() {
    long n = 1;
    for (Dimension d : dimensions) {
      n *= d.size();
    }
    return n;
  }

  /** The point with mixed-radix id {@code id}. */
  public SweepPoint point(long id) {
    checkArgument(id >= 0 && id < size(), "point id %s outside [0, %s)", id, size());
    int[] levels = new int[dimensions.size()];
    long rest = id;
    for (int d = dimensions.size() - 1; d >= 0; d--) {
      int n = dimensions.get(d).size();
      levels[d] = (int) (rest % n);
      rest /= n;
    }
    return point(levels);
  }

  /** The point at the given level index per dimension. */
  public SweepPoint point(int[] levels) {
    checkArgument(
        levels.length == dimensions.size(),
        "need %s level indices, got %s",
        dimensions.size(),
        levels.length);
    Map<String, String> values = new LinkedHashMap<>();
    long id = 0;
    for (int d = 0; d < dimensions.size(); d++) {
      Dimension dim = dimensions.get(d);
      checkArgument(
          levels[d] >= 0 && levels[d] < dim.size(),
          "level %s of %s outside [0, %s)",
          levels[d],
          dim.keys(),
          dim.size());
      id = id * dim.size() + levels[d];
      List<String> v = dim.levels().get(levels[d]);
      for (int k = 0; k < dim.keys().size(); k++) {
        values.put(dim.keys().get(k), v.get(k));
      }
    }
    return new SweepPoint(Long.toString(id), values);
  }

  /** All points in id order. */
  public List<SweepPoint> all() {
    long n = size();
    checkArgument(
        n <= 1_000_000, "a grid of %s points is too large; use --strategy random or nsga2", n);
    List<SweepPoint> out = new ArrayList<>((int) n);
    for (long i = 0; i < n; i++) {
      out.add(point(i));
    }
    return out;
  }

  /**
   * Builds a space from a YAML file (may be null) and {@code --set} strings: {@code KEY=V1,V2,…}
   * with two or more values is a knob (appended after the file's), one value is fixed.
   */
  public static SweepSpace of(Path file, List<String> sets) {
    List<Dimension> dims = new ArrayList<>();
    Map<String, String> fixed = new LinkedHashMap<>();
    if (file != null) {
      readFile(file, dims, fixed);
    }
    for (String s : sets) {
      int eq = s.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("--set " + s + ": expected KEY=V1,V2,...");
      }
      String key = s.substring(0, eq).strip();
      List<String> values = new ArrayList<>();
      for (String v : s.substring(eq + 1).split(",", -1)) {
        String t = v.strip();
        if (t.isEmpty()) {
          throw new IllegalArgumentException("--set " + s + ": empty value in the comma list");
        }
        values.add(t);
      }
      if (new LinkedHashSet<>(values).size() != values.size()) {
        throw new IllegalArgumentException("--set " + s + ": a value is listed twice");
      }
      if (values.size() == 1) {
        fixed.put(key, values.get(0));
      } else {
        dims.add(Dimension.knob(key, values));
      }
    }
    try {
      return new SweepSpace(dims, fixed);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException((file != null ? file + ": " : "") + e.getMessage());
    }
  }

  private static void readFile(Path file, List<Dimension> dims, Map<String, String> fixed) {
    JsonNode root;
    try {
      // the preset loader's reading: a malformed file is one line with its line and column
      root = ConfigLoader.readTree(file);
    } catch (ConfigException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException(
          file + ": expected a mapping with knobs:, zip: and fixed:");
    }
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!Set.of("knobs", "zip", "fixed").contains(f)) {
        throw new IllegalArgumentException(
            file + ": " + f + ": unknown key, expected knobs, zip or fixed");
      }
    }
    JsonNode knobs = root.path("knobs");
    if (!knobs.isMissingNode()) {
      requireObject(file, "knobs", knobs);
      for (Iterator<Map.Entry<String, JsonNode>> it = knobs.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        dims.add(Dimension.knob(e.getKey(), values(file, "knobs." + e.getKey(), e.getValue())));
      }
    }
    JsonNode zip = root.path("zip");
    if (!zip.isMissingNode()) {
      if (!zip.isArray()) {
        throw new IllegalArgumentException(
            file + ": zip: expected a list of groups {KEY: values, ...}");
      }
      for (int g = 0; g < zip.size(); g++) {
        String where = "zip[" + g + "]";
        JsonNode group = zip.get(g);
        requireObject(file, where, group);
        List<String> keys = new ArrayList<>();
        List<List<String>> columns = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = group.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          keys.add(e.getKey());
          columns.add(values(file, where + "." + e.getKey(), e.getValue()));
        }
        if (keys.isEmpty()) {
          throw new IllegalArgumentException(file + ": " + where + ": expected at least one knob");
        }
        int n = columns.get(0).size();
        for (int k = 1; k < keys.size(); k++) {
          if (columns.get(k).size() != n) {
            throw new IllegalArgumentException(
                file
                    + ": "
                    + where
                    + "."
                    + keys.get(k)
                    + ": expected "
                    + n
                    + " values (as many as "
                    + keys.get(0)
                    + "), got "
                    + columns.get(k).size());
          }
        }
        List<List<String>> levels = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          List<String> l = new ArrayList<>();
          for (List<String> c : columns) {
            l.add(c.get(i));
          }
          levels.add(l);
        }
        dims.add(new Dimension(keys, levels));
      }
    }
    JsonNode fix = root.path("fixed");
    if (!fix.isMissingNode()) {
      requireObject(file, "fixed", fix);
      for (Iterator<Map.Entry<String, JsonNode>> it = fix.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!e.getValue().isValueNode()) {
          throw new IllegalArgumentException(
              file + ": fixed." + e.getKey() + ": expected a single value");
        }
        fixed.put(e.getKey(), e.getValue().asText());
      }
    }
  }

  /** The levels of one knob: a list, a {from, to, step|scale: log2} range or {choices: [...]}. */
  static List<String> values(Path file, String where, JsonNode n) {
    String expected =
        "expected a list, {from: A, to: B[, step: S | scale: log2]} or {choices: [...]}";
    List<String> out = new ArrayList<>();
    if (n.isArray()) {
      for (JsonNode v : n) {
        if (!v.isValueNode()) {
          throw new IllegalArgumentException(
              file + ": " + where + ": list values must be scalars, got " + v);
        }
        out.add(v.asText());
      }
    } else if (n.isObject() && n.has("choices")) {
      if (n.size() != 1) {
        throw new IllegalArgumentException(file + ": " + where + ": " + expected);
      }
      return values(file, where + ".choices", n.get("choices"));
    } else if (n.isObject() && n.has("from") && n.has("to")) {
      for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
        String f = it.next();
        if (!Set.of("from", "to", "step", "scale").contains(f)) {
          throw new IllegalArgumentException(
              file + ": " + where + "." + f + ": unknown key, " + expected);
        }
      }
      if (!n.get("from").canConvertToLong()
          || !n.get("to").canConvertToLong()
          || !n.get("from").isIntegralNumber()
          || !n.get("to").isIntegralNumber()) {
        throw new IllegalArgumentException(file + ": " + where + ": from and to must be integers");
      }
      long from = n.get("from").asLong();
      long to = n.get("to").asLong();
      if (to < from) {
        throw new IllegalArgumentException(
            file + ": " + where + ": expected from <= to, got " + from + " > " + to);
      }
      String scale = n.path("scale").asText("linear");
      if (scale.equals("log2")) {
        if (n.has("step")) {
          throw new IllegalArgumentException(
              file + ": " + where + ": give step or scale: log2, not both");
        }
        if (!LongMath.isPowerOfTwo(from) || !LongMath.isPowerOfTwo(to)) {
          throw new IllegalArgumentException(
              file
                  + ": "
                  + where
                  + ": a log2 range needs powers of two, got "
                  + from
                  + " to "
                  + to);
        }
        for (long v = from; v <= to; v *= 2) {
          out.add(Long.toString(v));
        }
      } else if (scale.equals("linear")) {
        JsonNode stepNode = n.path("step");
        long step = stepNode.isMissingNode() ? 1 : stepNode.asLong(0);
        if (step <= 0 || (!stepNode.isMissingNode() && !stepNode.isIntegralNumber())) {
          throw new IllegalArgumentException(
              file + ": " + where + ".step: expected a positive integer, got " + stepNode);
        }
        for (long v = from; v <= to; v += step) {
          out.add(Long.toString(v));
          if (out.size() > MAX_LEVELS) {
            break;
          }
        }
      } else {
        throw new IllegalArgumentException(
            file + ": " + where + ".scale: expected linear or log2, got " + scale);
      }
    } else {
      throw new IllegalArgumentException(file + ": " + where + ": " + expected + ", got " + n);
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException(file + ": " + where + ": no values");
    }
    if (out.size() > MAX_LEVELS) {
      throw new IllegalArgumentException(
          file + ": " + where + ": more than " + MAX_LEVELS + " values");
    }
    if (new LinkedHashSet<>(out).size() != out.size()) {
      throw new IllegalArgumentException(file + ": " + where + ": a value is listed twice");
    }
    return out;
  }

  private static void requireObject(Path file, String where, JsonNode n) {
    if (!n.isObject()) {
      throw new IllegalArgumentException(
          file + ": " + where + ": expected a mapping KEY: values, got " + n);
    }
  }

  /** The space as plain data for sweep.yaml. */
  public Map<String, Object> describe() {
    Map<String, Object> m = new LinkedHashMap<>();
    Map<String, Object> knobs = new LinkedHashMap<>();
    List<Object> zips = new ArrayList<>();
    for (Dimension d : dimensions) {
      if (d.keys().size() == 1) {
        List<String> v = new ArrayList<>();
        for (List<String> l : d.levels()) {
          v.add(l.get(0));
        }
        knobs.put(d.keys().get(0), v);
      } else {
        Map<String, Object> g = new LinkedHashMap<>();
        for (int k = 0; k < d.keys().size(); k++) {
          List<String> v = new ArrayList<>();
          for (List<String> l : d.levels()) {
            v.add(l.get(k));
          }
          g.put(d.keys().get(k), v);
        }
        zips.add(g);
      }
    }
    m.put("knobs", knobs);
    if (!zips.isEmpty()) {
      m.put("zip", zips);
    }
    if (!fixed.isEmpty()) {
      m.put("fixed", fixed);
    }
    m.put("points", size());
    return m;
  }
}
