package dev.spinsim.network.classifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spinsim.network.tensor.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SoftmaxCrossEntropyTest {
  @Test
  void equalLogitsCostLogOfTheClassCount() {
    SoftmaxCrossEntropy.Result r =
        SoftmaxCrossEntropy.compute(Tensor.zeros(4, 10, 1, 1), new int[] {0, 3, 5, 9});
    assertEquals(Math.log(10), r.loss(), 1e-9);
  }

  @Test
  void hugeLogitsDoNotOverflow() {
    Tensor logits = Tensor.of(new float[] {1e30f, 0, -1e30f}, 1, 3);
    SoftmaxCrossEntropy.Result r = SoftmaxCrossEntropy.compute(logits, new int[] {0});
    assertEquals(0, r.loss(), 1e-12);
    assertEquals(1, r.correct());
  }

  @Test
  void gradientMatchesFiniteDifferences() {
    SplittableRandom rng = new SplittableRandom(5);
    Tensor logits = Tensor.normal(rng, 0, 2, 3, 10, 1, 1);
    int[] labels = {2, 7, 0};
    Tensor g = SoftmaxCrossEntropy.compute(logits, labels).gradLogits();
    double h = 1e-2;
    for (int i = 0; i < logits.size(); i++) {
      float keep = logits.data()[i];
      logits.data()[i] = (float) (keep + h);
      double plus = SoftmaxCrossEntropy.compute(logits, labels).loss();
      logits.data()[i] = (float) (keep - h);
      double minus = SoftmaxCrossEntropy.compute(logits, labels).loss();
      logits.data()[i] = keep;
      assertEquals((plus - minus) / (2 * h), g.data()[i], 2e-4, "logit " + i);
    }
  }

  @Test
  void labelOutsideTheClassesIsRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> SoftmaxCrossEntropy.compute(Tensor.zeros(1, 10), new int[] {10}));
    assertTrue(e.getMessage().contains("outside [0, 10)"), e.getMessage());
  }
}
