package dev.spinsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spinsim.network.chip.NetworkPlanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fresh user's faults on the command line (issue 13's input round): layer names that match no
 * layer, and the one-line errors for bad values, files and numbers. Each case runs no simulation.
 */
class UserInputFaultsTest {
  @TempDir Path tmp;

  /** Runs {@code args}; returns [exit code, stdout, stderr]. */
  private static Object[] run(String... args) {
    return Cli.runWithStdout(args);
  }

  /** Refused in one line containing every {@code expected}, and {@code out} not made. */
  private static String refused(Path out, List<String> expected, String... args) {
    Object[] r = run(args);
    String err = ((String) r[2]).strip();
    assertNotEquals(0, r[0], String.join(" ", args) + ": " + err);
    assertEquals(1, err.lines().count(), err);
    assertTrue(err.startsWith("spinsim: error: "), err);
    for (String e : expected) {
      assertTrue(err.contains(e), "expected '" + e + "' in: " + err);
    }
    if (out != null) {
      assertFalse(Files.exists(out), out + " left behind");
    }
    return err;
  }

  @Test
  void aLayerNameIsTheMappingsOrUnprefixedWhenUnambiguous() {
    List<NetworkPlanner.MatrixLayer> gd = new java.util.ArrayList<>();
    var model = dev.spinsim.network.model.ModelLoader.load("fmnist");
    gd.addAll(NetworkPlanner.matrixLayers("G", model.generator()));
    gd.addAll(NetworkPlanner.matrixLayers("D", model.discriminator()));
    assertEquals("G.main.6", RunInputs.layerNamed("--replicate ", "G.main.6", gd));
    assertEquals("G.main.6", RunInputs.layerNamed("--replicate ", "main.6", gd));
    assertEquals("D.main.5", RunInputs.layerNamed("--replicate ", "main.5", gd));
    IllegalArgumentException ambiguous =
        assertThrows(
            IllegalArgumentException.class,
            () -> RunInputs.layerNamed("--replicate ", "main.0", gd));
    assertTrue(ambiguous.getMessage().contains("G.main.0 or D.main.0"), ambiguous.getMessage());
    IllegalArgumentException none =
        assertThrows(
            IllegalArgumentException.class,
            () -> RunInputs.layerNamed("--replicate ", "G.main.9", gd));
    assertEquals(
        "--replicate G.main.9: no such layer; expected one of G.main.0, G.main.3, G.main.6,"
            + " D.main.0, D.main.2, D.main.5",
        none.getMessage());
  }

  @Test
  void anUnknownLayerToReplicateIsRefusedByGenerateMapAndSweep() throws IOException {
    Path out = tmp.resolve("run");
    List<String> valid = List.of("G.main.0, G.main.3, G.main.6");
    refused(
        out,
        List.of("--replicate G.main.9: no such layer", valid.get(0)),
        "generate",
        "--images",
        "1",
        "--replicate",
        "G.main.9=2",
        "--out",
        out.toString());
    refused(null, List.of("--replicate main.9: no such layer"), "map", "--replicate", "main.9=2");
    Path sweep = tmp.resolve("sweep");
    refused(
        sweep,
        List.of("replicate.G.main.9: no such layer", valid.get(0)),
        "sweep",
        "--set",
        "replicate.G.main.9=1,2",
        "--images",
        "1",
        "--out",
        sweep.toString());
    Path space = tmp.resolve("space.yaml");
    Files.writeString(space, "knobs:\n  replicate.G.main.9: [1, 2]\n");
    refused(
        sweep,
        List.of(space + ": replicate.G.main.9: no such layer", valid.get(0)),
        "sweep",
        "--space",
        space.toString(),
        "--images",
        "1",
        "--out",
        sweep.toString());
  }

  @Test
  void theUnprefixedNameReplicatesTheGeneratorsLayer() {
    Object[] r = run("map", "--generator-only", "--replicate", "main.6=3");
    assertEquals(0, r[0], (String) r[2]);
    String row =
        ((String) r[1]).lines().filter(l -> l.matches("^G\\s+main\\.6\\s.*")).findFirst().get();
    assertTrue(row.strip().endsWith(" 3"), row);
  }

  @Test
  void aMissingPresetOrModelFileIsSaidToBeMissing() {
    Path out = tmp.resolve("run");
    String missing = tmp.resolve("bad").resolve("missing.yaml").toString();
    String err =
        refused(
            out,
            List.of(missing + ": no such preset file"),
            "generate",
            "--preset",
            missing,
            "--out",
            out.toString());
    assertFalse(err.contains("unknown preset"), err);
    err =
        refused(
            out,
            List.of(missing + ": no such model file"),
            "generate",
            "--model",
            missing,
            "--out",
            out.toString());
    assertFalse(err.contains("unknown model"), err);
    // a name is still an unknown name
    refused(out, List.of("unknown preset 'nope'"), "generate", "--preset", "nope");
  }

  @Test
  void everyBadAdcWidthGetsTheSameLine() {
    Path out = tmp.resolve("run");
    String expected =
        "adc.bits: must be in [2, 16], or 0 with device ideal-adc (an ideal ADC), got ";
    for (String bits : List.of("0", "1", "40", "-2")) {
      refused(
          out,
          List.of("--set adc.bits=" + bits + ": " + expected + bits),
          "generate",
          "--set",
          "adc.bits=" + bits,
          "--out",
          out.toString());
    }
  }

  @Test
  void theSweepSpaceFileNamesTheKeyOnceAndWhereItIsMalformed() throws IOException {
    Path out = tmp.resolve("sweep");
    Path space = tmp.resolve("space.yaml");
    Files.writeString(space, "knobs:\n  adc.bitz: [4, 8]\n");
    String err =
        refused(
            out,
            List.of(space + ": adc.bitz: unknown key"),
            "sweep",
            "--space",
            space.toString(),
            "--out",
            out.toString());
    assertFalse(err.contains("adc.bitz: adc.bitz"), err);
    Files.writeString(space, "knobs:\n  adc.bits: [4, 8\n  crossbar.rows: [64]\n");
    refused(
        out,
        List.of(space + ": line ", ", column ", "malformed YAML"),
        "sweep",
        "--space",
        space.toString(),
        "--out",
        out.toString());
  }

  @Test
  void aValueThatIsNoNumberIsOneLineNotTheUsage() {
    refused(
        null, List.of("--seed", "'abc'", "spinsim generate --help"), "generate", "--seed", "abc");
    refused(null, List.of("--images", "'99999999999'"), "generate", "--images", "99999999999");
    refused(null, List.of("--nope"), "map", "--nope");
  }

  @Test
  void theModelKeyExampleInTheHelpRunsOnTheShippedModel() {
    for (String command : List.of("generate", "map")) {
      Object[] help = run(command, "--help");
      assertEquals(0, help[0]);
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile("\\((model\\.[^)\\s]+=[^)\\s]+)\\)")
              .matcher(((String) help[1]).replaceAll("\\s+", "")); // picocli wraps at '['
      assertTrue(m.find(), (String) help[1]);
      String example = m.group(1);
      Path out = tmp.resolve(command + "-example");
      Object[] r =
          command.equals("map")
              ? run("map", "--set", example)
              : run(
                  "generate",
                  "--functional",
                  "--images",
                  "1",
                  "--set",
                  example,
                  "--out",
                  out.toString());
      assertEquals(0, r[0], example + ": " + r[2]);
    }
  }
}
