package dev.spinsim.network.classifier;

import static com.google.common.base.Preconditions.checkArgument;

import dev.spinsim.network.tensor.Tensor;

/**
 * Non-overlapping max pooling (PyTorch's {@code nn.MaxPool2d(k)}: kernel = stride = k, no padding,
 * floor mode) on NCHW tensors. The forward pass remembers which input won each window so the
 * backward pass routes the gradient there alone (the first maximum wins ties, as in PyTorch).
 */
public final class MaxPool2d {
  /** The pooled output and, per output element, the flat index of the winning input element. */
  public record Forward(Tensor output, int[] argmax) {}

  private MaxPool2d() {}

  public static Forward forward(Tensor x, int k) {
    checkArgument(k > 0, "max-pool kernel must be > 0, got %s", k);
    int n = x.n(), c = x.c(), h = x.h(), w = x.w();
    int oh = h / k, ow = w / k;
    checkArgument(oh > 0 && ow > 0, "max-pool kernel %s does not fit input %s", k, x.shapeString());
    Tensor y = Tensor.zeros(n, c, oh, ow);
    int[] arg = new int[y.size()];
    float[] xd = x.data(), yd = y.data();
    int o = 0;
    for (int plane = 0; plane < n * c; plane++) {
      int base = plane * h * w;
      for (int oy = 0; oy < oh; oy++) {
        for (int ox = 0; ox < ow; ox++) {
          int best = base + oy * k * w + ox * k;
          float bestValue = xd[best];
          for (int ky = 0; ky < k; ky++) {
            int row = base + (oy * k + ky) * w + ox * k;
            for (int kx = 0; kx < k; kx++) {
              float v = xd[row + kx];
              if (v > bestValue) {
                bestValue = v;
                best = row + kx;
              }
            }
          }
          yd[o] = bestValue;
          arg[o] = best;
          o++;
        }
      }
    }
    return new Forward(y, arg);
  }

  /** dL/dx for an input shaped {@code inputShape} from dL/dy and the forward pass's winners. */
  public static Tensor backward(int[] inputShape, int[] argmax, Tensor dy) {
    checkArgument(
        argmax.length == dy.size(),
        "max-pool backward: %s winners for %s gradients",
        argmax.length,
        dy.size());
    Tensor dx = Tensor.zeros(inputShape);
    float[] g = dy.data(), d = dx.data();
    for (int i = 0; i < argmax.length; i++) {
      d[argmax[i]] += g[i];
    }
    return dx;
  }
}
