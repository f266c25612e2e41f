package dev.spinsim.network.ops;

import static com.google.common.base.Preconditions.checkArgument;

import dev.spinsim.network.tensor.Gemm;
import dev.spinsim.network.tensor.Im2col;
import dev.spinsim.network.tensor.Tensor;

/**
 * Fully connected layer y = x·Wᵀ + b on the flattened features of each sample; the weight is
 * PyTorch's [out, in] and the output is [n, out, 1, 1] so it chains with the NCHW layers.
 */
public final class Linear {
  private Linear() {}

  public static Tensor forward(Tensor x, Tensor w, Tensor bias) {
    int n = x.dim(0), in = x.size() / n, out = w.dim(0);
    checkArgument(
        w.dim(1) == in,
        "linear weight %s expects %s input features, got %s",
        w.shapeString(),
        w.dim(1),
        in);
    float[] wt = Im2col.transpose(w.data(), out, in);
    Tensor y = Tensor.zeros(n, out, 1, 1);
    Gemm.multiply(n, out, in, x.data(), 0, in, 1, wt, 0, out, y.data(), 0, out, false);
    if (bias != null) {
      float[] yd = y.data(), bd = bias.data();
      for (int b = 0; b < n; b++) {
        for (int o = 0; o < out; o++) {
          yd[b * out + o] += bd[o];
        }
      }
    }
    return y;
  }

  /** [dx (shaped like x), dw, db or null]. */
  public static Tensor[] backward(Tensor x, Tensor w, boolean hasBias, Tensor dy) {
    int n = x.dim(0), in = x.size() / n, out = w.dim(0);
    Tensor dx = Tensor.zeros(x.shape());
    Gemm.multiply(n, in, out, dy.data(), 0, out, 1, w.data(), 0, in, dx.data(), 0, in, false);
    Tensor dw = Tensor.zeros(out, in);
    Gemm.multiply(out, in, n, dy.data(), 0, 1, out, x.data(), 0, in, dw.data(), 0, in, false);
    Tensor db = null;
    if (hasBias) {
      float[] g = new float[out];
      for (int o = 0; o < out; o++) {
        double s = 0;
        for (int b = 0; b < n; b++) {
          s += dy.data()[b * out + o];
        }
        g[o] = (float) s;
      }
      db = Tensor.of(g, out);
    }
    return new Tensor[] {dx, dw, db};
  }
}
