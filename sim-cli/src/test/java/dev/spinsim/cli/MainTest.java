package dev.spinsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MainTest {
  @Test
  void helpAndVersionExitZero() {
    assertEquals(0, Main.execute("--help"));
    assertEquals(0, Main.execute("--version"));
    assertEquals(0, Main.execute("generate", "--help"));
  }

  @Test
  void aRunOfOneCommandBuildsOnlyThatCommandAndHelpListsThemAll() {
    for (Map.Entry<String, Class<?>> e : Main.SUBCOMMANDS.entrySet()) {
      assertEquals(e.getKey(), e.getValue().getAnnotation(CommandLine.Command.class).name());
    }
    assertEquals(
        List.of("generate"),
        List.copyOf(Main.commandLine("generate", "--images", "1").getSubcommands().keySet()));
    assertEquals(
        List.copyOf(Main.SUBCOMMANDS.keySet()),
        List.copyOf(Main.commandLine("--help").getSubcommands().keySet()));
    assertEquals(
        List.copyOf(Main.SUBCOMMANDS.keySet()),
        List.copyOf(Main.commandLine("help", "generate").getSubcommands().keySet()));
    assertEquals(
        List.copyOf(Main.SUBCOMMANDS.keySet()),
        List.copyOf(Main.commandLine("genrate").getSubcommands().keySet()));
  }

  @Test
  void unknownOptionExitsNonZero() {
    assertNotEquals(0, Main.execute("--no-such-option"));
  }
}
