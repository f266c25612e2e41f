package dev.spinsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class MainTest {
  @Test
  void helpAndVersionExitZero() {
    assertEquals(0, Main.execute("--help"));
    assertEquals(0, Main.execute("--version"));
    assertEquals(0, Main.execute("generate", "--help"));
  }

  @Test
  void unknownOptionExitsNonZero() {
    assertNotEquals(0, Main.execute("--no-such-option"));
  }
}
