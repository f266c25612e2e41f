package dev.spinsim.network.hwaware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spinsim.network.tensor.Tensor;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class UniformWeightQuantizerTest {
  @Test
  void sixtyFourLevelDevicesGiveAtMost127SignedValues() {
    Tensor w = Tensor.normal(new SplittableRandom(1), 0, 0.02, 5000);
    Tensor q = new UniformWeightQuantizer(64).quantize(w);
    TreeSet<Float> values = new TreeSet<>();
    for (float v : q.data()) {
      values.add(v);
    }
    assertTrue(values.size() <= 127, "distinct values " + values.size());
    assertEquals(UniformWeightQuantizer.scale(w), Math.max(-values.first(), values.last()), 1e-7);
  }

  @Test
  void errorIsAtMostHalfAStep() {
    Tensor w = Tensor.normal(new SplittableRandom(2), 0, 1, 2000);
    Tensor q = new UniformWeightQuantizer(64).quantize(w);
    double step = UniformWeightQuantizer.scale(w) / 63;
    assertTrue(w.maxAbsDiff(q) <= step / 2 + 1e-6);
  }

  @Test
  void transferCurveHasItsSlopesAndSaturation() {
    PiecewiseLinearTransfer t = new PiecewiseLinearTransfer(0.2, 4);
    assertEquals(1.5, t.apply(1.5));
    assertEquals(-0.2, t.apply(-1), 1e-12);
    assertEquals(4, t.apply(10));
    assertEquals(-0.8, t.apply(-10), 1e-12);
    assertEquals(1, t.derivative(1));
    assertEquals(0.2, t.derivative(-1));
    assertEquals(0, t.derivative(5));
  }
}
