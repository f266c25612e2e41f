package dev.spinsim.network.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LevelSweepTest {
  @Test
  void parsesACommaSeparatedList() {
    LevelSweep s = LevelSweep.parse(Knob.VARIATION, "--variation", "0, 0.05,0.1,0.2");
    assertEquals(List.of(0.0, 0.05, 0.1, 0.2), s.levels());
    assertEquals(Knob.VARIATION, s.knob());
  }

  @Test
  void negativeLevelIsAOneLineErrorNamingTheOption() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> LevelSweep.parse(Knob.VARIATION, "--variation", "-1"));
    assertTrue(
        e.getMessage().startsWith("--variation -1: levels must be finite numbers >= 0"),
        e.getMessage());
    assertEquals(1, e.getMessage().lines().count());
  }

  @Test
  void nonNumberIsRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> LevelSweep.parse(Knob.READ_NOISE, "--read-noise", "0,,0.1"));
    assertTrue(e.getMessage().contains("'' is not a number"), e.getMessage());
  }

  @Test
  void repeatedLevelIsRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> LevelSweep.parse(Knob.READ_NOISE, "--read-noise", "0.1,0.10"));
    assertTrue(e.getMessage().contains("given twice"), e.getMessage());
  }

  @Test
  void levelsPrintAsPlainDecimals() {
    assertEquals("0", Knob.format(0));
    assertEquals("0.05", Knob.format(0.05));
    assertEquals("0.0001", Knob.format(1e-4));
    assertEquals("2", Knob.format(2.0));
    assertEquals("crossbar.synapse.variationSigma=0.1", Knob.VARIATION.override(0.1));
  }
}
