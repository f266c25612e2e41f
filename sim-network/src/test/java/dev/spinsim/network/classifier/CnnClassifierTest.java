package dev.spinsim.network.classifier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spinsim.network.tensor.Tensor;
import dev.spinsim.network.weights.SafeTensors;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CnnClassifierTest {
  @TempDir Path dir;

  @Test
  void tensorsCarryThePyTorchSequentialNames() {
    assertEquals(
        List.of(
            "main.0.weight",
            "main.0.bias",
            "main.3.weight",
            "main.3.bias",
            "main.7.weight",
            "main.7.bias",
            "main.9.weight",
            "main.9.bias"),
        new ArrayList<>(new CnnClassifier(ClassifierArchitecture.FMNIST).stateDict().keySet()));
    assertArrayEquals(
        new int[] {128, 3136},
        new CnnClassifier(ClassifierArchitecture.FMNIST).stateDict().get("main.7.weight").shape());
  }

  @Test
  void weightsSurviveASafetensorsRoundTrip() {
    CnnClassifier a = new CnnClassifier(ClassifierArchitecture.FMNIST);
    a.initialise(9);
    Path f = dir.resolve("c.safetensors");
    SafeTensors.write(f, a.stateDict(), Map.of());
    CnnClassifier b = ClassifierWeights.load(f).classifier();
    Tensor x = Fixture.test300().images().slice(0, 8);
    assertArrayEquals(a.outputs(x).logits().data(), b.outputs(x).logits().data());
  }

  @Test
  void aMisshapenTensorIsRefusedByName() {
    Map<String, Tensor> state =
        new java.util.LinkedHashMap<>(new CnnClassifier(ClassifierArchitecture.FMNIST).stateDict());
    state.put("main.9.weight", Tensor.zeros(10, 64));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new CnnClassifier(ClassifierArchitecture.FMNIST)
                    .loadStateDict(state, "x.safetensors"));
    assertTrue(
        e.getMessage().contains("'main.9.weight'") && e.getMessage().contains("[10, 128]"),
        e.getMessage());
  }

  @Test
  void featuresAreTheNonNegative128WideFeatureLayer() {
    CnnClassifier c = new CnnClassifier(ClassifierArchitecture.FMNIST);
    c.initialise(2);
    float[][] f = c.outputs(Fixture.test300().images().slice(0, 5)).features();
    assertEquals(5, f.length);
    for (float[] row : f) {
      assertEquals(ClassifierArchitecture.FMNIST.features(), row.length);
      for (float v : row) {
        assertTrue(v >= 0);
      }
    }
  }

  @Test
  void wrongImageShapeIsRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new CnnClassifier(ClassifierArchitecture.FMNIST)
                    .outputs(Tensor.zeros(2, 3, 28, 28)));
    assertTrue(e.getMessage().contains("N x 1 x 28 x 28"), e.getMessage());
  }
}
