package dev.spinsim.network.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spinsim.core.trace.TraceLevel;
import dev.spinsim.core.trace.TraceSink;
import dev.spinsim.devices.preset.PresetDevices;
import dev.spinsim.devices.preset.Presets;
import dev.spinsim.network.chip.ChipBuilder;
import dev.spinsim.network.generation.Generation;
import dev.spinsim.network.generation.GenerationSetup;
import dev.spinsim.network.hwaware.HardwareAwareness;
import dev.spinsim.network.mapping.BiasMode;
import dev.spinsim.network.mapping.DenseMapping;
import dev.spinsim.network.mapping.PartialSums;
import dev.spinsim.network.model.ModelLoader;
import dev.spinsim.network.model.ModelSpec;
import dev.spinsim.network.model.Network;
import dev.spinsim.network.weights.ShippedWeights;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * traces/README.md as a specification: each trace level of a real run (the shipped fmnist generator
 * on {@code paper}, one image, seed 1: the README's own command) writes exactly the actions the
 * Levels table lists, only the component classes it names, and the rows of {@code
 * sample-trace.csv}.
 */
class TraceDocumentationTest {
  private static final Path DOC = Path.of("..", "traces", "README.md");
  private static String doc;

  /** Collects what a run wrote at one level. */
  static final class Collector implements TraceSink {
    final TraceLevel level;
    final Set<String> actions = new TreeSet<>();
    final Set<String> classes = new TreeSet<>();
    final Set<String> keys = new LinkedHashSet<>();
    final List<String> layerRows = new ArrayList<>();
    double opEnergyPj;
    double layerEnergyPj;
    long rows;

    Collector(TraceLevel level) {
      this.level = level;
    }

    @Override
    public TraceLevel level() {
      return level;
    }

    @Override
    public void record(
        long startPs,
        long endPs,
        String component,
        String action,
        String layer,
        int image,
        int tile,
        long count,
        double energyPj) {
      rows++;
      actions.add(action);
      if (action.equals("layer")) {
        layerRows.add(component + "," + layer + "," + image + "," + tile);
        layerEnergyPj += energyPj;
      } else {
        classes.add(component.substring(component.indexOf('/') + 1));
        opEnergyPj += energyPj;
      }
      keys.add(component + "," + action + "," + layer + "," + image + "," + tile);
    }

    @Override
    public void close() {}
  }

  @BeforeAll
  static void readDoc() throws Exception {
    doc = Files.readString(DOC);
  }

  private static final Map<TraceLevel, Collector> RUNS = new java.util.EnumMap<>(TraceLevel.class);

  /** One run per level, shared by the tests (each takes seconds). */
  private static synchronized Collector run(TraceLevel level) {
    return RUNS.computeIfAbsent(level, TraceDocumentationTest::simulate);
  }

  private static Collector simulate(TraceLevel level) {
    ModelSpec m = ModelLoader.load("fmnist");
    Network g =
        ShippedWeights.build(
                m.generator(), HardwareAwareness.NONE, "fmnist", ShippedWeights.FLOAT, null)
            .network();
    PresetDevices d = PresetDevices.of(Presets.load("paper"));
    GenerationSetup s =
        new GenerationSetup(
            m,
            g,
            null,
            d,
            new DenseMapping(),
            ChipBuilder.optionsFor(d.preset(), BiasMode.DIGITAL, PartialSums.DIGITAL, Map.of()),
            1);
    Collector c = new Collector(level);
    Generation.run(s, 1, RunMode.CYCLE_ACCURATE, c, i -> {});
    return c;
  }

  /** The Levels table: level -> the actions in its last column. */
  private static Map<String, Set<String>> documentedActions() {
    String levels = section("## Levels");
    Map<String, Set<String>> out = new LinkedHashMap<>();
    Matcher row =
        Pattern.compile("(?m)^\\| `([a-z]+)`\\s*\\|[^|]*\\|([^|\\n]*)\\|").matcher(levels);
    while (row.find()) {
      Set<String> actions = new TreeSet<>();
      Matcher a = Pattern.compile("`([a-z_]+)`").matcher(row.group(2));
      while (a.find()) {
        actions.add(a.group(1));
      }
      out.put(row.group(1), actions);
    }
    return out;
  }

  private static String section(String heading) {
    int at = doc.indexOf(heading);
    assertTrue(at >= 0, "traces/README.md has no section " + heading);
    int next = doc.indexOf("\n## ", at + 1);
    return doc.substring(at, next < 0 ? doc.length() : next);
  }

  @Test
  void everyLevelWritesExactlyTheDocumentedActions() {
    Map<String, Set<String>> documented = documentedActions();
    assertEquals(Set.of("off", "layer", "op"), documented.keySet(), "levels in the table");
    for (TraceLevel level : List.of(TraceLevel.OFF, TraceLevel.LAYER, TraceLevel.OP)) {
      String name = level.name().toLowerCase(java.util.Locale.ROOT);
      Collector c = level == TraceLevel.OFF ? null : run(level);
      Set<String> written = c == null ? Set.of() : c.actions;
      assertEquals(documented.get(name), written, "actions written at level " + name);
    }
  }

  @Test
  void opIncludesTheLayerRowsWithTheirImageAndEnergySumsOnceEachWay() {
    Collector layer = run(TraceLevel.LAYER);
    Collector op = run(TraceLevel.OP);
    assertEquals(3, layer.layerRows.size(), "one layer row per generator stage and image");
    assertEquals(layer.layerRows, op.layerRows, "op includes the layer rows");
    assertEquals(
        List.of("G.main.0,G.main.0,0,0", "G.main.3,G.main.3,0,10", "G.main.6,G.main.6,0,12"),
        op.layerRows);
    // the documented way to sum: op rows alone, or layer rows alone, give the same energy
    assertEquals(op.opEnergyPj, op.layerEnergyPj, 1e-6 * op.opEnergyPj);
    Matcher classes =
        Pattern.compile("`([a-z_]+)`")
            .matcher(section("## Traces of `spinsim generate`").split("\n\n")[0]);
    Set<String> named = new TreeSet<>();
    while (classes.find()) {
      named.add(classes.group(1));
    }
    assertTrue(
        named.containsAll(op.classes), "classes written " + op.classes + " vs documented " + named);
  }

  @Test
  void theSampleTraceIsCutFromARealRun() throws Exception {
    Collector op = run(TraceLevel.OP);
    List<String> sample = Files.readAllLines(Path.of("..", "traces", "sample-trace.csv"));
    assertEquals(
        "start_ps,end_ps,component,action,layer,image,tile,count,energy_pj", sample.get(0));
    for (String line : sample.subList(1, sample.size())) {
      String[] f = line.split(",");
      String key = f[2] + "," + f[3] + "," + f[4] + "," + f[5] + "," + f[6];
      assertTrue(op.keys.contains(key), "sample row not written by the run: " + line);
    }
  }
}
