package dev.spinsim.network.ops;

import static dev.spinsim.network.ops.GradCheck.check;
import static dev.spinsim.network.ops.GradCheck.randn;

import dev.spinsim.network.tensor.Tensor;
import org.junit.jupiter.api.Test;

class ConvolutionGradientTest {
  @Test
  void conv2dInputWeightAndBiasGradientsMatchFiniteDifferences() {
    Tensor x = randn(1, 2, 3, 6, 5);
    Tensor w = randn(2, 4, 3, 3, 3);
    Tensor b = randn(3, 4);
    int s = 2, p = 1;
    Convolution.Forward f = Convolution.conv2d(x, w, b, s, p);
    Tensor r = randn(4, f.output().shape());
    Convolution.Grads g = Convolution.conv2dBackward(x, f.cols(), w, true, r, s, p, true, true);
    check("dx", x, g.input(), () -> Convolution.conv2d(x, w, b, s, p).output(), r, 40);
    check("dw", w, g.weight(), () -> Convolution.conv2d(x, w, b, s, p).output(), r, 40);
    check("db", b, g.bias(), () -> Convolution.conv2d(x, w, b, s, p).output(), r, 4);
  }

  @Test
  void convTranspose2dInputWeightAndBiasGradientsMatchFiniteDifferences() {
    Tensor x = randn(5, 2, 3, 4, 3);
    Tensor w = randn(6, 3, 2, 4, 4);
    Tensor b = randn(7, 2);
    int s = 2, p = 1, op = 1;
    Tensor y = Convolution.convTranspose2d(x, w, b, s, p, op);
    Tensor r = randn(8, y.shape());
    Convolution.Grads g = Convolution.convTranspose2dBackward(x, w, true, r, s, p, true, true);
    check("dx", x, g.input(), () -> Convolution.convTranspose2d(x, w, b, s, p, op), r, 40);
    check("dw", w, g.weight(), () -> Convolution.convTranspose2d(x, w, b, s, p, op), r, 40);
    check("db", b, g.bias(), () -> Convolution.convTranspose2d(x, w, b, s, p, op), r, 2);
  }

  @Test
  void linearGradientsMatchFiniteDifferences() {
    Tensor x = randn(9, 3, 2, 2, 2);
    Tensor w = randn(10, 5, 8);
    Tensor b = randn(11, 5);
    Tensor y = Linear.forward(x, w, b);
    Tensor r = randn(12, y.shape());
    Tensor[] g = Linear.backward(x, w, true, r);
    check("dx", x, g[0], () -> Linear.forward(x, w, b), r, 24);
    check("dw", w, g[1], () -> Linear.forward(x, w, b), r, 40);
    check("db", b, g[2], () -> Linear.forward(x, w, b), r, 5);
  }

  @Test
  void conv2dMatchesDirectReference() {
    Tensor x = randn(13, 3, 5, 9, 8);
    Tensor w = randn(14, 7, 5, 4, 4);
    Tensor b = randn(15, 7);
    double d =
        Convolution.conv2d(x, w, b, 2, 1)
            .output()
            .maxAbsDiff(Convolution.conv2dReference(x, w, b, 2, 1));
    org.junit.jupiter.api.Assertions.assertTrue(d <= 1e-4, "max diff " + d);
  }
}
