package dev.spinsim.core.config;

import static com.google.common.base.Preconditions.checkArgument;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.spinsim.core.trace.TraceLevel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  record Crossbar(int rows, int columns, double readEnergyPj) {
    Crossbar {
      checkArgument(rows > 0, "rows must be a positive integer, got %s", rows);
      checkArgument(columns > 0, "columns must be a positive integer, got %s", columns);
      checkArgument(readEnergyPj >= 0, "readEnergyPj must be >= 0, got %s", readEnergyPj);
    }
  }

  record Adc(int bits, Integer shared) {
    Adc {
      checkArgument(bits >= 1 && bits <= 16, "bits must be in [1, 16], got %s", bits);
      shared = shared == null ? 1 : shared; // optional, defaults to 1
    }
  }

  record Layer(String name, int kernel) {}

  record Preset(
      String name,
      Crossbar crossbar,
      Adc adc,
      List<Layer> layers,
      Map<String, Double> energies,
      TraceLevel trace) {
    Preset {
      checkArgument(crossbar != null, "crossbar is required");
      layers = layers == null ? List.of() : List.copyOf(layers);
      energies = energies == null ? Map.of() : Map.copyOf(energies);
      trace = trace == null ? TraceLevel.OFF : trace;
    }
  }

  private static final String GOOD =
      """
      name: paper
      crossbar:
        rows: 128
        columns: 64
        readEnergyPj: 1.5e-3
      adc:
        bits: 6
      layers:
        - name: deconv1
          kernel: 4
        - name: deconv2
          kernel: 4
      energies:
        relu: 0.02
      trace: Layer
      """;

  private static Preset load(String yaml, String... overrides) {
    return ConfigLoader.loadString("preset.yaml", yaml, Preset.class, List.of(overrides));
  }

  private static String error(String yaml, String... overrides) {
    return assertThrows(ConfigException.class, () -> load(yaml, overrides)).getMessage();
  }

  @Test
  void aValidFileBindsToRecordsWithDefaults() {
    Preset p = load(GOOD);
    assertEquals(new Crossbar(128, 64, 1.5e-3), p.crossbar());
    assertEquals(1, p.adc().shared());
    assertEquals(List.of(new Layer("deconv1", 4), new Layer("deconv2", 4)), p.layers());
    assertEquals(TraceLevel.LAYER, p.trace());
  }

  @Test
  void malformedYamlNamesTheFileAndLine() {
    String msg = error("name: paper\ncrossbar:\n  rows: 128\n   columns: [64\n");
    assertEquals(true, msg.startsWith("preset.yaml: line "), msg);
    assertEquals(true, msg.contains("malformed YAML"), msg);
    assertEquals(false, msg.contains("\n"), msg);
  }

  @Test
  void duplicateKeyIsMalformed() {
    String msg = error("name: a\nname: b\ncrossbar: {rows: 1, columns: 1, readEnergyPj: 0}\n");
    assertEquals(true, msg.startsWith("preset.yaml: line 2"), msg);
    assertEquals(true, msg.contains("name"), msg);
  }

  @Test
  void unknownKeyNamesItsPathAndTheKnownKeys() {
    assertEquals(
        "preset.yaml: crossbar.rowz: unknown key, expected one of [columns, readEnergyPj, rows]",
        error(GOOD.replace("rows: 128", "rowz: 128")));
    assertEquals(
        "preset.yaml: layers[1].stride: unknown key, expected one of [kernel, name]",
        error(GOOD.replace("name: deconv2\n    kernel: 4", "name: deconv2\n    stride: 2")));
  }

  @Test
  void aNumberTooLargeForItsFieldSaysTheRangeInTheFieldsTerms() {
    assertEquals(
        "preset.yaml: crossbar.rows: expected an integer up to 2147483647, got 99999999999999",
        error(GOOD.replace("rows: 128", "rows: 99999999999999")));
  }

  @Test
  void wrongTypeSaysWhatWasExpectedAndWhatWasFound() {
    assertEquals(
        "preset.yaml: crossbar.rows: expected an integer, got 'many'",
        error(GOOD.replace("rows: 128", "rows: many")));
    assertEquals(
        "preset.yaml: crossbar.rows: expected an integer, got 12.5",
        error(GOOD.replace("rows: 128", "rows: 12.5")));
    assertEquals(
        "preset.yaml: crossbar: expected a mapping, got 'big'",
        error(
            GOOD.replace(
                "crossbar:\n  rows: 128\n  columns: 64\n  readEnergyPj: 1.5e-3", "crossbar: big")));
    assertEquals(
        "preset.yaml: trace: expected one of [off, layer, op], got 'verbose'",
        error(GOOD.replace("trace: Layer", "trace: verbose")));
  }

  @Test
  void outOfRangeValueReportsTheValidationMessageAtItsKey() {
    assertEquals(
        "preset.yaml: crossbar.rows: must be a positive integer, got 0",
        error(GOOD.replace("rows: 128", "rows: 0")));
    assertEquals(
        "preset.yaml: adc.bits: must be in [1, 16], got 40",
        error(GOOD.replace("bits: 6", "bits: 40")));
  }

  @Test
  void missingRequiredKeyIsNamed() {
    assertEquals(
        "preset.yaml: crossbar.columns: missing key, expected an integer",
        error(GOOD.replace("  columns: 64\n", "")));
    assertEquals("preset.yaml: crossbar: is required", error("name: x\n"));
  }

  @Test
  void overridesApplyBeforeBindingAsYamlScalars() {
    Preset p =
        load(
            GOOD,
            "crossbar.rows=256",
            "adc.shared=4",
            "layers[1].kernel=3",
            "energies.dac=0.5",
            "trace=op",
            "name=paper 2");
    assertEquals(256, p.crossbar().rows());
    assertEquals(4, p.adc().shared());
    assertEquals(3, p.layers().get(1).kernel());
    assertEquals(0.5, p.energies().get("dac"));
    assertEquals(TraceLevel.OP, p.trace());
    assertEquals("paper 2", p.name());
  }

  @Test
  void badOverridesAreOneLineErrorsNamingTheOverride() {
    assertEquals(
        "--set crossbar.rowz=3: crossbar.rowz: unknown key, expected one of [columns, readEnergyPj,"
            + " rows]",
        error(GOOD, "crossbar.rowz=3"));
    assertEquals(
        "--set crossbar.rows=0: crossbar.rows: must be a positive integer, got 0",
        error(GOOD, "crossbar.rows=0"));
    assertEquals(
        "--set crossbar.rows=lots: crossbar.rows: expected an integer, got 'lots'",
        error(GOOD, "crossbar.rows=lots"));
    assertEquals(
        "--set layers.7.kernel=3: layers: expected a list index in [0, 2), got '7'",
        error(GOOD, "layers.7.kernel=3"));
    assertEquals("--set crossbar.rows: expected key.path=value", error(GOOD, "crossbar.rows"));
  }

  @Test
  void fileErrorsNameTheFile(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("chip.yaml");
    Files.writeString(f, GOOD.replace("rows: 128", "rows: -3"));
    ConfigException e =
        assertThrows(ConfigException.class, () -> ConfigLoader.load(f, Preset.class, List.of()));
    assertEquals(f + ": crossbar.rows: must be a positive integer, got -3", e.getMessage());
    assertEquals("crossbar.rows", e.keyPath());
    ConfigException missing =
        assertThrows(
            ConfigException.class,
            () -> ConfigLoader.load(dir.resolve("nope.yaml"), Preset.class, List.of()));
    assertEquals(dir.resolve("nope.yaml") + ": no such file", missing.getMessage());
  }

  @Test
  void toYamlWritesTheResolvedConfigThatLoadsBackEqual() {
    Preset p = load(GOOD, "crossbar.rows=256");
    String yaml = ConfigLoader.toYaml(p);
    assertEquals(p, load(yaml));
    assertEquals(yaml, ConfigLoader.toYaml(load(yaml)));
  }
}
