package dev.spinsim.devices.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DigitalActivationTest {
  @Test
  void tanhAndSigmoidComputeTheirFunctions() {
    DigitalActivation t = new DigitalActivation(DigitalActivation.Function.TANH);
    DigitalActivation s = new DigitalActivation(DigitalActivation.Function.SIGMOID);
    assertEquals(Math.tanh(0.7), t.transfer(0.7), 0);
    assertEquals(1 / (1 + Math.exp(-0.7)), s.transfer(0.7), 0);
  }

  @Test
  void saturateAtTheirBounds() {
    DigitalActivation t = new DigitalActivation(DigitalActivation.Function.TANH);
    DigitalActivation s = new DigitalActivation(DigitalActivation.Function.SIGMOID);
    assertEquals(1, t.transfer(30), 1e-12);
    assertEquals(-1, t.transfer(-30), 1e-12);
    assertEquals(0, s.transfer(-50), 1e-12);
  }

  @Test
  void quantisedOutputHasTheConfiguredLevels() {
    DigitalActivation t = new DigitalActivation(DigitalActivation.Function.TANH, 0.217, 0.833, 4);
    assertEquals(16, t.levels());
    double y = t.transfer(0.3);
    double k = (y + 1) / 2 * 15;
    assertEquals(Math.rint(k), k, 1e-9);
    assertTrue(Math.abs(y - Math.tanh(0.3)) <= 1.0 / 15);
  }
}
