package dev.spinsim.network.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spinsim.network.hwaware.HardwareAwareness;
import dev.spinsim.network.tensor.Tensor;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NetworkTest {
  private static Network trainedLikeGenerator() {
    Network g = new Network(ModelLoader.load("fmnist").generator());
    g.initDcgan(new SplittableRandom(5));
    // move the running statistics away from their defaults
    g.forward(Tensor.normal(new SplittableRandom(6), 0, 1, 8, 100, 1, 1), true);
    return g;
  }

  @Test
  void perLayerEvalForwardChainsToTheFullEvalForward() {
    Network g = trainedLikeGenerator();
    Tensor z = Tensor.normal(new SplittableRandom(7), 0, 1, 3, 100, 1, 1);
    List<Tensor> trace = g.forwardTrace(z);
    Tensor full = g.forward(z, false);
    assertEquals(8, trace.size());
    assertEquals(0.0, trace.get(7).maxAbsDiff(full));
    assertEquals(0.0, g.forwardLayer(4, trace.get(3)).maxAbsDiff(trace.get(4)));
  }

  @Test
  void layerInputOfWrongShapeIsRefusedNamingTheLayer() {
    Network g = trainedLikeGenerator();
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> g.forwardLayer(3, Tensor.zeros(1, 64, 7, 7)));
    assertEquals(
        "generator layer 3 (main.3) expects input N x 128x7x7, got [1, 64, 7, 7]", e.getMessage());
  }

  @Test
  void dcganInitialisationHasTheStatedSpread() {
    Network d = new Network(ModelLoader.load("fmnist").discriminator());
    d.initDcgan(new SplittableRandom(1));
    float[] w = d.stateDict().get("main.2.weight").data();
    double s = 0, s2 = 0;
    for (float v : w) {
      s += v;
      s2 += v * v;
    }
    assertEquals(0, s / w.length, 1e-3);
    assertEquals(0.02, Math.sqrt(s2 / w.length), 1e-3);
    assertEquals(1.0, d.stateDict().get("main.3.weight").data()[0], 0.1);
    assertEquals(0.0, d.stateDict().get("main.0.bias").data()[0]);
  }

  @Test
  void hardwareAwareForwardUsesQuantisedWeightsAndSaturatingActivations() {
    ModelSpec m = ModelLoader.load("fmnist");
    Network exact = new Network(m.generator());
    Network hw = new Network(m.generator(), HardwareAwareness.builtIn(4, 0.5));
    exact.initDcgan(new SplittableRandom(3));
    hw.loadStateDict(exact.stateDict(), "test");
    Tensor z = Tensor.normal(new SplittableRandom(4), 0, 1, 2, 100, 1, 1);
    Tensor a = hw.forwardLayer(0, z);
    Tensor b = exact.forwardLayer(0, z);
    assertTrue(a.maxAbsDiff(b) > 1e-4, "4-level weights must change the output");
    Tensor x = Tensor.zeros(1, 128, 7, 7);
    x.data()[0] = -2f;
    x.data()[1] = 0.25f;
    x.data()[2] = 3f;
    Tensor y = hw.forwardLayer(2, x);
    assertEquals(0f, y.data()[0]);
    assertEquals(0.25f, y.data()[1]);
    assertEquals(0.5f, y.data()[2]); // saturates at the end of the track
  }
}
