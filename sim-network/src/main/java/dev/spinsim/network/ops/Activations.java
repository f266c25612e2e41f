package dev.spinsim.network.ops;

import dev.spinsim.network.tensor.Tensor;

/**
 * Element-wise activations and their derivatives (backward passes take the forward input or output
 * as noted).
 */
public final class Activations {
  private Activations() {}

  public static Tensor relu(Tensor x) {
    return leakyRelu(x, 0);
  }

  /** Backward of ReLU from its input. */
  public static Tensor reluBackward(Tensor x, Tensor dy) {
    return leakyReluBackward(x, 0, dy);
  }

  public static Tensor leakyRelu(Tensor x, double alpha) {
    Tensor y = Tensor.zeros(x.shape());
    float a = (float) alpha;
    float[] xd = x.data(), yd = y.data();
    for (int i = 0; i < xd.length; i++) {
      float v = xd[i];
      yd[i] = v > 0 ? v : a * v;
    }
    return y;
  }

  /** Backward of LeakyReLU from its input. */
  public static Tensor leakyReluBackward(Tensor x, double alpha, Tensor dy) {
    Tensor dx = Tensor.zeros(x.shape());
    float a = (float) alpha;
    float[] xd = x.data(), g = dy.data(), d = dx.data();
    for (int i = 0; i < xd.length; i++) {
      d[i] = xd[i] > 0 ? g[i] : a * g[i];
    }
    return dx;
  }

  public static Tensor tanh(Tensor x) {
    Tensor y = Tensor.zeros(x.shape());
    float[] xd = x.data(), yd = y.data();
    for (int i = 0; i < xd.length; i++) {
      yd[i] = (float) Math.tanh(xd[i]);
    }
    return y;
  }

  /** Backward of tanh from its output y: dy·(1 − y²). */
  public static Tensor tanhBackward(Tensor y, Tensor dy) {
    Tensor dx = Tensor.zeros(y.shape());
    float[] yd = y.data(), g = dy.data(), d = dx.data();
    for (int i = 0; i < yd.length; i++) {
      d[i] = g[i] * (1 - yd[i] * yd[i]);
    }
    return dx;
  }

  public static Tensor sigmoid(Tensor x) {
    Tensor y = Tensor.zeros(x.shape());
    float[] xd = x.data(), yd = y.data();
    for (int i = 0; i < xd.length; i++) {
      yd[i] = (float) (1.0 / (1.0 + Math.exp(-xd[i])));
    }
    return y;
  }

  /** Backward of sigmoid from its output y: dy·y·(1 − y). */
  public static Tensor sigmoidBackward(Tensor y, Tensor dy) {
    Tensor dx = Tensor.zeros(y.shape());
    float[] yd = y.data(), g = dy.data(), d = dx.data();
    for (int i = 0; i < yd.length; i++) {
      d[i] = g[i] * yd[i] * (1 - yd[i]);
    }
    return dx;
  }
}
