package dev.spinsim.network.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.spinsim.network.hwaware.HardwareAwareness;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A fingerprint changes with anything the eval-mode forward pass reads, and with nothing else. */
class NetworkFingerprintTest {
  private static Network fmnist(long seed) {
    Network n = new Network(ModelLoader.load("fmnist").generator());
    n.initDcgan(new SplittableRandom(seed));
    return n;
  }

  @Test
  void equalWeightsGiveEqualFingerprints() {
    assertEquals(fmnist(1).fingerprint(), fmnist(1).fingerprint());
    assertEquals(32, fmnist(1).fingerprint().length());
  }

  @Test
  void oneParameterBitOrOneBufferValueChangesTheFingerprint() {
    Network n = fmnist(1);
    String before = n.fingerprint();
    float[] w = n.stateDict().get("main.0.weight").data();
    w[123] = Math.nextUp(w[123]);
    String afterWeight = n.fingerprint();
    assertNotEquals(before, afterWeight);
    n.stateDict().get("main.1.running_var").data()[0] = 2f;
    assertNotEquals(afterWeight, n.fingerprint());
    assertNotEquals(before, fmnist(2).fingerprint());
  }

  @Test
  void aLayerSettingChangesTheFingerprint() {
    Network base = new Network(ModelLoader.load("fmnist").generator());
    Network otherEps =
        new Network(
            ModelLoader.load("fmnist", java.util.List.of("generator[1].eps=1.0e-3")).generator());
    assertNotEquals(base.fingerprint(), otherEps.fingerprint());
  }

  @Test
  void aHardwareAwareNetworkHasNoFingerprint() {
    assertNull(
        new Network(ModelLoader.load("fmnist").generator(), HardwareAwareness.builtIn(64, 4))
            .fingerprint());
  }
}
