package dev.spinsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spinsim.network.chip.NetworkPlanner;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
    PrintStream out = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      Object[] r = Cli.run(args);
      return new Object[] {r[0], buf.toString(StandardCharsets.UTF_8), r[1]};
    } finally {
      System.setOut(out);
    }
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
}
