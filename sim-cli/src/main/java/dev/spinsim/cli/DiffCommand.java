package dev.spinsim.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code spinsim diff RUN_A RUN_B}: two run folders side by side — the configuration keys that
 * differ ({@code run.yaml}), then the summary metrics, per-layer latency and energy per image, and
 * energy per image by component class, each with B − A and (B − A) / A.
 */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description = {
      "Compare two run folders: configuration keys that differ (run.yaml), summary metrics (summary.csv),"
          + " per-layer latency and energy (layers.csv) and energy by component class (energy.csv),"
          + " with absolute (B - A) and relative ((B - A) / A) differences."
    })
final class DiffCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "RUN_A", description = "the first run folder")
  Path a;

  @Parameters(index = "1", paramLabel = "RUN_B", description = "the second run folder")
  Path b;

  @Option(
      names = "--csv",
      paramLabel = "FILE",
      description = "also write every row as CSV: section, key, a, b, abs_diff, rel_diff")
  Path csv;

  @Option(names = "--all", description = "list summary metrics that are equal too")
  boolean all;

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** One compared quantity. */
  record Row(String section, String key, String a, String b) {
    Double abs() {
      Double x = number(a), y = number(b);
      return x == null || y == null ? null : y - x;
    }

    Double rel() {
      Double x = number(a), d = abs();
      return d == null || x == 0 ? null : d / Math.abs(x);
    }

    boolean differs() {
      Double d = abs();
      return d == null ? !a.equals(b) : d != 0;
    }
  }

  @Override
  public Integer call() throws IOException {
    for (Path p : List.of(a, b)) {
      if (!Files.isRegularFile(p.resolve("summary.csv"))) {
        throw new IllegalArgumentException(p + ": not a run folder (no summary.csv)");
      }
    }
    List<Row> rows = new ArrayList<>();
    rows.addAll(config(a, b));
    rows.addAll(summary(a, b));
    rows.addAll(layers(a, b));
    rows.addAll(energyByClass(a, b));
    System.out.print(render(rows, a, b, all));
    if (csv != null) {
      Files.writeString(csv, csv(rows), StandardCharsets.UTF_8);
      System.out.println("written to " + csv);
    }
    return 0;
  }

  static Double number(String s) {
    if (s == null || s.isEmpty()) {
      return null;
    }
    try {
      return Double.parseDouble(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** run.yaml flattened to dotted keys; keys whose values differ (or exist on one side only). */
  static List<Row> config(Path a, Path b) throws IOException {
    Map<String, String> fa = flatten(a.resolve("run.yaml"));
    Map<String, String> fb = flatten(b.resolve("run.yaml"));
    Set<String> keys = new LinkedHashSet<>(fa.keySet());
    keys.addAll(fb.keySet());
    List<Row> out = new ArrayList<>();
    for (String k : keys) {
      String x = fa.getOrDefault(k, "");
      String y = fb.getOrDefault(k, "");
      if (!x.equals(y)) {
        out.add(new Row("config", k, x, y));
      }
    }
    return out;
  }

  static Map<String, String> flatten(Path yaml) throws IOException {
    Map<String, String> out = new TreeMap<>();
    if (Files.isRegularFile(yaml)) {
      flatten("", YAML.readTree(Files.readString(yaml)), out);
    }
    return out;
  }

  private static void flatten(String prefix, JsonNode n, Map<String, String> out) {
    if (n == null || n.isNull()) {
      out.put(prefix, "");
    } else if (n.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out);
      }
    } else if (n.isArray()) {
      for (int i = 0; i < n.size(); i++) {
        flatten(prefix + "[" + i + "]", n.get(i), out);
      }
    } else {
      out.put(prefix, n.asText());
    }
  }

  static List<Map<String, String>> readCsv(Path file) throws IOException {
    List<Map<String, String>> rows = new ArrayList<>();
    if (!Files.isRegularFile(file)) {
      return rows;
    }
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser p =
            CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
      for (CSVRecord rec : p) {
        rows.add(rec.toMap());
      }
    }
    return rows;
  }

  static List<Row> summary(Path a, Path b) throws IOException {
    List<Map<String, String>> ra = readCsv(a.resolve("summary.csv"));
    List<Map<String, String>> rb = readCsv(b.resolve("summary.csv"));
    Map<String, String> x = ra.isEmpty() ? Map.of() : ra.get(0);
    Map<String, String> y = rb.isEmpty() ? Map.of() : rb.get(0);
    Set<String> keys = new LinkedHashSet<>(x.keySet());
    keys.addAll(y.keySet());
    List<Row> out = new ArrayList<>();
    for (String k : keys) {
      out.add(new Row("summary", k, x.getOrDefault(k, ""), y.getOrDefault(k, "")));
    }
    return out;
  }

  static List<Row> layers(Path a, Path b) throws IOException {
    Map<String, Map<String, String>> la = byLayer(readCsv(a.resolve("layers.csv")));
    Map<String, Map<String, String>> lb = byLayer(readCsv(b.resolve("layers.csv")));
    Set<String> keys = new LinkedHashSet<>(la.keySet());
    keys.addAll(lb.keySet());
    List<Row> out = new ArrayList<>();
    for (String col : List.of("latency_ns", "energy_pj_per_image")) {
      for (String k : keys) {
        out.add(
            new Row(
                "layer " + col,
                k,
                la.getOrDefault(k, Map.of()).getOrDefault(col, ""),
                lb.getOrDefault(k, Map.of()).getOrDefault(col, "")));
      }
    }
    return out;
  }

  private static Map<String, Map<String, String>> byLayer(List<Map<String, String>> rows) {
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    for (Map<String, String> r : rows) {
      out.put(r.getOrDefault("network", "") + " " + r.getOrDefault("layer", ""), r);
    }
    return out;
  }

  static List<Row> energyByClass(Path a, Path b) throws IOException {
    Map<String, Double> ea = classTotals(readCsv(a.resolve("energy.csv")));
    Map<String, Double> eb = classTotals(readCsv(b.resolve("energy.csv")));
    Set<String> keys = new LinkedHashSet<>(ea.keySet());
    keys.addAll(eb.keySet());
    List<Row> out = new ArrayList<>();
    for (String k : keys) {
      out.add(
          new Row(
              "energy_pj_per_image by class",
              k,
              ea.containsKey(k) ? fmt(ea.get(k)) : "",
              eb.containsKey(k) ? fmt(eb.get(k)) : ""));
    }
    return out;
  }

  private static Map<String, Double> classTotals(List<Map<String, String>> rows) {
    Map<String, Double> out = new TreeMap<>();
    for (Map<String, String> r : rows) {
      Double v = number(r.get("energy_pj_per_image"));
      if (v != null) {
        out.merge(r.get("component_class"), v, Double::sum);
      }
    }
    return out;
  }

  private static String fmt(double v) {
    return SweepEvaluator.format(v);
  }

  static String render(List<Row> rows, Path a, Path b, boolean all) {
    StringBuilder s = new StringBuilder();
    s.append("A = ").append(a).append('\n').append("B = ").append(b).append('\n');
    String section = null;
    for (Row r : rows) {
      boolean show =
          r.section().equals("config")
              || all
              || r.differs()
              || r.section().startsWith("layer")
              || r.section().startsWith("energy");
      if (!show) {
        continue;
      }
      if (!r.section().equals(section)) {
        section = r.section();
        s.append('\n')
            .append(section.equals("config") ? "configuration keys that differ" : section)
            .append('\n');
      }
      Double d = r.abs(), rel = r.rel();
      s.append(
          String.format(
              Locale.ROOT,
              "  %-44s %16s %16s %14s %9s%n",
              clip(r.key(), 44),
              clip(r.a(), 16),
              clip(r.b(), 16),
              d == null ? "" : String.format(Locale.ROOT, "%+.4g", d),
              rel == null ? "" : String.format(Locale.ROOT, "%+.1f %%", 100 * rel)));
    }
    if (rows.stream().noneMatch(r -> r.section().equals("config"))) {
      s.append("\nconfiguration: identical\n");
    }
    return s.toString();
  }

  private static String clip(String v, int n) {
    return v.length() <= n ? v : v.substring(0, n - 1) + "~";
  }

  static String csv(List<Row> rows) throws IOException {
    StringWriter w = new StringWriter();
    try (CSVPrinter p =
        new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
      p.printRecord("section", "key", "a", "b", "abs_diff", "rel_diff");
      for (Row r : rows) {
        Double d = r.abs(), rel = r.rel();
        p.printRecord(
            r.section(),
            r.key(),
            r.a(),
            r.b(),
            d == null ? "" : fmt(d),
            rel == null ? "" : fmt(rel));
      }
    }
    return w.toString();
  }
}
