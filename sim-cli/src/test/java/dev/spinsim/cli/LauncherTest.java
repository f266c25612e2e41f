package dev.spinsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The {@code spinsim} launcher's choice of JIT (C1 only and no Vector API module for a short run,
 * "quick"; C2 with the Vector API otherwise, "full"), read from its dry run, which builds and runs
 * nothing.
 */
class LauncherTest {
  private static final Path LAUNCHER = Path.of("..", "spinsim").toAbsolutePath().normalize();

  /** The flavour the launcher picks for {@code args} with {@code env} set. */
  private static String flavour(Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    return launch(env, args)[1];
  }

  /** Exit code and output of a dry run. */
  private static String[] launch(Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("bash", LAUNCHER.toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().remove("SPINSIM_JIT");
    pb.environment().put("SPINSIM_LAUNCHER_DRY_RUN", "1");
    pb.environment().putAll(env);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertTrue(p.waitFor(30, TimeUnit.SECONDS), "launcher did not finish");
    return new String[] {
      String.valueOf(p.exitValue()), out.startsWith("flavour=") ? out.substring(8) : out
    };
  }

  private static String flavour(String... args) throws IOException, InterruptedException {
    return flavour(Map.of(), args);
  }

  @Test
  void shortGenerateRunsAreQuickAndLongOnesFull() throws Exception {
    assertTrue(Files.isRegularFile(LAUNCHER), LAUNCHER.toString());
    // the default model (fmnist) up to 32 images, the default count (16) included
    assertEquals("quick", flavour("generate"));
    assertEquals("quick", flavour("generate", "--images", "1", "--out", "x"));
    assertEquals("quick", flavour("generate", "--images=32"));
    assertEquals("full", flavour("generate", "--images", "33"));
    assertEquals("full", flavour("generate", "--images=1000000000000"));
    assertEquals("quick", flavour("generate", "--model", "fmnist", "--images", "32"));
    // any other model, or a weights file that picks one, up to 4
    assertEquals("quick", flavour("generate", "--model", "dcgan64", "--images", "4"));
    assertEquals("full", flavour("generate", "--model=dcgan64", "--images", "5"));
    assertEquals("full", flavour("generate", "--model", "dcgan64"));
    assertEquals("full", flavour("generate", "--weights", "g.safetensors", "--images", "5"));
    assertEquals("quick", flavour("generate", "--model", "m.yaml", "--images", "2"));
    // a replay's length is in its run.yaml, which the launcher does not read
    assertEquals("full", flavour("generate", "--config", "run.yaml"));
  }

  @Test
  void informationalCommandsAreQuickAndTheRestFull() throws Exception {
    for (String quick : List.of("help", "--help", "-h", "--version", "-V", "preset", "devices")) {
      assertEquals("quick", flavour(quick), quick);
    }
    assertEquals("quick", flavour());
    assertEquals("quick", flavour("generate", "--images", "100", "--help"));
    for (String full : List.of("fid", "sweep", "train", "sample", "map", "calibrate")) {
      assertEquals("full", flavour(full), full);
    }
  }

  @Test
  void spinsimJitForcesAFlavourAndRefusesOtherValues() throws Exception {
    assertEquals("full", flavour(Map.of("SPINSIM_JIT", "full"), "generate", "--images", "1"));
    assertEquals("quick", flavour(Map.of("SPINSIM_JIT", "quick"), "fid"));
    assertEquals("quick", flavour(Map.of("SPINSIM_JIT", "auto"), "generate"));
    String[] bad = launch(Map.of("SPINSIM_JIT", "fast"), "generate");
    assertEquals("2", bad[0]);
    assertEquals("spinsim: SPINSIM_JIT must be auto, quick or full, got 'fast'", bad[1]);
  }
}
