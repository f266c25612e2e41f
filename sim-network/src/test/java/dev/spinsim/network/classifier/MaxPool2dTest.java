package dev.spinsim.network.classifier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.spinsim.network.tensor.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MaxPool2dTest {
  @Test
  void picksTheLargestValueOfEachWindow() {
    Tensor x =
        Tensor.of(
            new float[] {
              1, 5, 2, 0,
              3, 4, 8, 7,
              -1, -2, 0, 0,
              -3, -4, 0, 9
            },
            1,
            1,
            4,
            4);
    MaxPool2d.Forward f = MaxPool2d.forward(x, 2);
    assertArrayEquals(new float[] {5, 8, -1, 9}, f.output().data());
    assertArrayEquals(new int[] {1, 6, 8, 15}, f.argmax());
  }

  @Test
  void backwardMatchesFiniteDifferences() {
    SplittableRandom rng = new SplittableRandom(3);
    Tensor x = Tensor.normal(rng, 0, 1, 2, 3, 6, 6);
    Tensor upstream = Tensor.normal(rng, 0, 1, 2, 3, 3, 3);
    MaxPool2d.Forward f = MaxPool2d.forward(x, 2);
    Tensor dx = MaxPool2d.backward(x.shape(), f.argmax(), upstream);
    double h = 1e-3;
    for (int i = 0; i < x.size(); i += 7) {
      float keep = x.data()[i];
      x.data()[i] = (float) (keep + h);
      double plus = dot(MaxPool2d.forward(x, 2).output(), upstream);
      x.data()[i] = (float) (keep - h);
      double minus = dot(MaxPool2d.forward(x, 2).output(), upstream);
      x.data()[i] = keep;
      assertEquals((plus - minus) / (2 * h), dx.data()[i], 1e-3, "element " + i);
    }
  }

  private static double dot(Tensor a, Tensor b) {
    double s = 0;
    for (int i = 0; i < a.size(); i++) {
      s += (double) a.data()[i] * b.data()[i];
    }
    return s;
  }
}
