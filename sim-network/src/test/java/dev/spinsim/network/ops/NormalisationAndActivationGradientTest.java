package dev.spinsim.network.ops;

import static dev.spinsim.network.ops.GradCheck.check;
import static dev.spinsim.network.ops.GradCheck.randn;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.spinsim.network.tensor.Tensor;
import org.junit.jupiter.api.Test;

class NormalisationAndActivationGradientTest {
  private static Tensor awayFromZero(Tensor x) {
    for (int i = 0; i < x.size(); i++) {
      float v = x.data()[i];
      if (Math.abs(v) < 0.05f) {
        x.data()[i] = v < 0 ? v - 0.1f : v + 0.1f;
      }
    }
    return x;
  }

  @Test
  void batchNormTrainingGradientsMatchFiniteDifferences() {
    Tensor x = randn(1, 4, 3, 3, 2);
    Tensor gamma = randn(2, 3);
    Tensor beta = randn(3, 3);
    BatchNorm.Cache[] cache = new BatchNorm.Cache[1];
    Tensor y =
        BatchNorm.forwardTrain(x, gamma, beta, Tensor.zeros(3), Tensor.zeros(3), 1e-5, 0.1, cache);
    Tensor r = randn(4, y.shape());
    Tensor[] g = BatchNorm.backwardTrain(cache[0], gamma, r);
    java.util.function.Supplier<Tensor> f =
        () ->
            BatchNorm.forwardTrain(
                x, gamma, beta, Tensor.zeros(3), Tensor.zeros(3), 1e-5, 0.1, null);
    check("dx", x, g[0], f, r, 72);
    check("dgamma", gamma, g[1], f, r, 3);
    check("dbeta", beta, g[2], f, r, 3);
  }

  @Test
  void batchNormEvalGradientsMatchFiniteDifferences() {
    Tensor x = randn(5, 2, 3, 2, 2);
    Tensor gamma = randn(6, 3);
    Tensor beta = randn(7, 3);
    Tensor mean = randn(8, 3);
    Tensor var = Tensor.of(new float[] {0.5f, 1.5f, 2f}, 3);
    Tensor r = randn(9, 2, 3, 2, 2);
    Tensor[] g = BatchNorm.backwardEval(x, gamma, mean, var, 1e-5, r);
    java.util.function.Supplier<Tensor> f =
        () -> BatchNorm.forwardEval(x, gamma, beta, mean, var, 1e-5);
    check("dx", x, g[0], f, r, 24);
    check("dgamma", gamma, g[1], f, r, 3);
    check("dbeta", beta, g[2], f, r, 3);
  }

  @Test
  void batchNormUpdatesRunningStatisticsLikePyTorch() {
    Tensor x = Tensor.of(new float[] {1, 2, 3, 6}, 4, 1, 1, 1);
    Tensor mean = Tensor.zeros(1);
    Tensor var = Tensor.of(new float[] {1}, 1);
    BatchNorm.forwardTrain(
        x, Tensor.of(new float[] {1}, 1), Tensor.zeros(1), mean, var, 1e-5, 0.1, null);
    assertEquals(0.3, mean.data()[0], 1e-6); // 0.9·0 + 0.1·3
    assertEquals(0.9 + 0.1 * (14.0 / 3), var.data()[0], 1e-6); // unbiased variance 14/3
  }

  @Test
  void reluGradientMatchesFiniteDifferences() {
    Tensor x = awayFromZero(randn(10, 2, 3, 4, 4));
    Tensor r = randn(11, x.shape());
    check("dx", x, Activations.reluBackward(x, r), () -> Activations.relu(x), r, 96);
  }

  @Test
  void leakyReluGradientMatchesFiniteDifferences() {
    Tensor x = awayFromZero(randn(12, 2, 3, 4, 4));
    Tensor r = randn(13, x.shape());
    check(
        "dx",
        x,
        Activations.leakyReluBackward(x, 0.2, r),
        () -> Activations.leakyRelu(x, 0.2),
        r,
        96);
  }

  @Test
  void tanhGradientMatchesFiniteDifferences() {
    Tensor x = randn(14, 2, 3, 4, 4);
    Tensor r = randn(15, x.shape());
    check(
        "dx",
        x,
        Activations.tanhBackward(Activations.tanh(x), r),
        () -> Activations.tanh(x),
        r,
        96);
  }

  @Test
  void sigmoidGradientMatchesFiniteDifferences() {
    Tensor x = randn(16, 2, 3, 4, 4);
    Tensor r = randn(17, x.shape());
    check(
        "dx",
        x,
        Activations.sigmoidBackward(Activations.sigmoid(x), r),
        () -> Activations.sigmoid(x),
        r,
        96);
  }

  @Test
  void binaryCrossEntropyGradientMatchesFiniteDifferences() {
    Tensor p = Activations.sigmoid(randn(18, 8, 1, 1, 1));
    for (float target : new float[] {0f, 1f}) {
      Tensor g = BinaryCrossEntropy.gradient(p, target);
      float eps = 1e-3f;
      for (int i = 0; i < p.size(); i++) {
        float o = p.data()[i];
        p.data()[i] = o + eps;
        double lp = BinaryCrossEntropy.loss(p, target);
        p.data()[i] = o - eps;
        double lm = BinaryCrossEntropy.loss(p, target);
        p.data()[i] = o;
        assertEquals((lp - lm) / (2 * eps), g.data()[i], 2e-3 + 1e-2 * Math.abs(g.data()[i]));
      }
    }
  }

  @Test
  void binaryCrossEntropyOfHalfIsLogTwo() {
    Tensor p = Tensor.of(new float[] {0.5f, 0.5f}, 2, 1, 1, 1);
    assertEquals(Math.log(2), BinaryCrossEntropy.loss(p, 1f), 1e-7);
  }
}
