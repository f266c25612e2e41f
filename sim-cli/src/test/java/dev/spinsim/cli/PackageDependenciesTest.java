package dev.spinsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package structure of every module's main sources ({@code dev.spinsim.*}): no package cycles,
 * and each package's {@code package-info.java} names every package it depends on. A dependency is
 * an import or a fully qualified {@code dev.spinsim…Type} reference outside comments.
 */
class PackageDependenciesTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Pattern PACKAGE = Pattern.compile("(?m)^package\\s+([\\w.]+);");
  private static final Pattern REFERENCE =
      Pattern.compile("\\bdev\\.spinsim\\.((?:[a-z0-9_]+\\.)*[a-z0-9_]+)\\.[A-Z]");
  private static final Pattern COMMENT = Pattern.compile("//[^\\n]*|/\\*.*?\\*/", Pattern.DOTALL);
  private static final Pattern CODE_TOKEN = Pattern.compile("\\{@code ([a-z0-9_.]+)}");

  @Test
  void noPackageCycles() {
    Map<String, Map<String, Set<String>>> graph = graph(ROOT);
    assertTrue(
        graph.size() > 30,
        "read the packages of every module under " + ROOT + ": " + graph.keySet());
    List<String> cycles = new ArrayList<>();
    for (Set<String> component : cycles(graph)) {
      StringBuilder s = new StringBuilder("cycle " + component + ":");
      for (String from : component) {
        for (Map.Entry<String, Set<String>> e : graph.get(from).entrySet()) {
          if (component.contains(e.getKey())) {
            s.append("\n  ")
                .append(from)
                .append(" -> ")
                .append(e.getKey())
                .append(" in ")
                .append(e.getValue());
          }
        }
      }
      cycles.add(s.toString());
    }
    assertEquals(
        "",
        String.join("\n", cycles),
        "break each cycle by moving types to the package they belong to");
  }

  @Test
  void everyPackageInfoNamesWhatItsPackageDependsOn() throws IOException {
    Map<String, Map<String, Set<String>>> graph = graph(ROOT);
    Map<String, Path> infos = packageInfos(ROOT);
    List<String> wrong = new ArrayList<>();
    for (String pkg : new TreeSet<>(graph.keySet())) {
      Path info = infos.get(pkg);
      if (info == null) {
        wrong.add(pkg + ": no package-info.java");
        continue;
      }
      Set<String> allowed = allowedPrefixes(Files.readString(info, StandardCharsets.UTF_8));
      if (allowed == null) {
        wrong.add(
            info + ": no sentence \"May depend on …\" or \"Depends on no other spinsim package\"");
        continue;
      }
      for (Map.Entry<String, Set<String>> e : graph.get(pkg).entrySet()) {
        if (allowed.stream()
            .noneMatch(a -> e.getKey().equals(a) || e.getKey().startsWith(a + "."))) {
          wrong.add(
              info.getFileName()
                  + " of "
                  + pkg
                  + " does not name "
                  + e.getKey()
                  + " (used in "
                  + e.getValue()
                  + ")");
        }
      }
    }
    assertEquals("", String.join("\n", wrong));
  }

  @Test
  void theCycleFinderFindsEveryCycleAndOnlyCycles() {
    Map<String, Map<String, Set<String>>> g = new TreeMap<>();
    edge(g, "a", "b");
    edge(g, "b", "c");
    edge(g, "c", "a");
    edge(g, "c", "d");
    edge(g, "d", "e");
    edge(g, "e", "d");
    edge(g, "f", "a");
    assertEquals(Set.of(Set.of("a", "b", "c"), Set.of("d", "e")), Set.copyOf(cycles(g)));
    g.get("e").clear();
    assertEquals(Set.of(Set.of("a", "b", "c")), Set.copyOf(cycles(g)));
    g.get("c").remove("a");
    assertEquals(Set.of(), Set.copyOf(cycles(g)));
  }

  @Test
  void thePackageInfoSentenceIsReadAsWritten() {
    assertEquals(
        Set.of("dev.spinsim.core", "dev.spinsim.network.run"),
        allowedPrefixes(
            "/**\n * X.\n *\n * <p>May depend on sim-core and {@code network.run}; not on {@code network.chip}.\n */"));
    assertEquals(
        Set.of(), allowedPrefixes("/** X.\n * <p>Depends on no other spinsim package.\n */"));
    assertEquals(null, allowedPrefixes("/** X. */"));
  }

  private static void edge(Map<String, Map<String, Set<String>>> g, String from, String to) {
    g.computeIfAbsent(from, k -> new TreeMap<>()).put(to, Set.of(from + ".java"));
    g.computeIfAbsent(to, k -> new TreeMap<>());
  }

  /**
   * The packages a package-info allows: its sentence "May depend on …" (up to the first ';' or full
   * stop), where {@code {@code x.y}} is {@code dev.spinsim.x.y} and sim-core, sim-devices,
   * sim-network, sim-cli stand for their modules' packages; "every module" allows all; "Depends on
   * no other spinsim package" allows none; null when there is no such sentence.
   */
  static Set<String> allowedPrefixes(String packageInfo) {
    String text = packageInfo.replaceAll("\\s*\\n\\s*\\*\\s?", " ");
    if (text.contains("Depends on no other spinsim package")) {
      return Set.of();
    }
    Matcher m = Pattern.compile("May depend on (.*?)(;|\\.\\s|\\.$|\\*/)").matcher(text);
    if (!m.find()) {
      return null;
    }
    String sentence = m.group(1);
    Set<String> allowed = new TreeSet<>();
    if (sentence.contains("every module")) {
      allowed.add("dev.spinsim");
    }
    for (String module : List.of("core", "devices", "network", "cli")) {
      if (sentence.contains("sim-" + module)) {
        allowed.add("dev.spinsim." + module);
      }
    }
    Matcher c = CODE_TOKEN.matcher(sentence);
    while (c.find()) {
      allowed.add("dev.spinsim." + c.group(1));
    }
    return allowed;
  }

  /**
   * package → (package it references → the files that reference it), main sources of every module.
   */
  static Map<String, Map<String, Set<String>>> graph(Path root) {
    Map<String, Map<String, Set<String>>> g = new TreeMap<>();
    for (Path file : mainSources(root)) {
      String src = read(file);
      Matcher p = PACKAGE.matcher(src);
      if (!p.find() || !p.group(1).startsWith("dev.spinsim")) {
        continue;
      }
      String pkg = p.group(1);
      Map<String, Set<String>> out = g.computeIfAbsent(pkg, k -> new TreeMap<>());
      Matcher r = REFERENCE.matcher(COMMENT.matcher(src).replaceAll(""));
      while (r.find()) {
        String to = "dev.spinsim." + r.group(1);
        if (!to.equals(pkg)) {
          out.computeIfAbsent(to, k -> new TreeSet<>()).add(file.getFileName().toString());
        }
      }
    }
    return g;
  }

  private static Map<String, Path> packageInfos(Path root) {
    Map<String, Path> infos = new HashMap<>();
    for (Path file : mainSources(root)) {
      if (file.getFileName().toString().equals("package-info.java")) {
        Matcher p = PACKAGE.matcher(read(file));
        if (p.find()) {
          infos.put(p.group(1), file);
        }
      }
    }
    return infos;
  }

  private static List<Path> mainSources(Path root) {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> modules = Files.list(root)) {
      for (Path module : modules.sorted().toList()) {
        Path main = module.resolve("src/main/java");
        if (Files.isDirectory(main) && Files.exists(module.resolve("pom.xml"))) {
          try (Stream<Path> walk = Files.walk(main)) {
            walk.filter(f -> f.toString().endsWith(".java")).sorted().forEach(files::add);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The strongly connected components with more than one package (Tarjan's algorithm). */
  static List<Set<String>> cycles(Map<String, Map<String, Set<String>>> g) {
    Map<String, Integer> index = new HashMap<>();
    Map<String, Integer> low = new HashMap<>();
    Deque<String> stack = new ArrayDeque<>();
    Set<String> onStack = new HashSet<>();
    List<Set<String>> out = new ArrayList<>();
    for (String v : g.keySet()) {
      if (!index.containsKey(v)) {
        connect(v, g, index, low, stack, onStack, out);
      }
    }
    return out;
  }

  private static void connect(
      String v,
      Map<String, Map<String, Set<String>>> g,
      Map<String, Integer> index,
      Map<String, Integer> low,
      Deque<String> stack,
      Set<String> onStack,
      List<Set<String>> out) {
    index.put(v, index.size());
    low.put(v, index.get(v));
    stack.push(v);
    onStack.add(v);
    for (String w : g.getOrDefault(v, Map.of()).keySet()) {
      if (!index.containsKey(w)) {
        connect(w, g, index, low, stack, onStack, out);
        low.put(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.contains(w)) {
        low.put(v, Math.min(low.get(v), index.get(w)));
      }
    }
    if (low.get(v).equals(index.get(v))) {
      Set<String> component = new TreeSet<>();
      String w;
      do {
        w = stack.pop();
        onStack.remove(w);
        component.add(w);
      } while (!w.equals(v));
      if (component.size() > 1) {
        out.add(component);
      }
    }
  }
}
