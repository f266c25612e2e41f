package dev.spinsim.network.ops;

import static com.google.common.base.Preconditions.checkArgument;

import dev.spinsim.network.tensor.Gemm;
import dev.spinsim.network.tensor.Im2col;
import dev.spinsim.network.tensor.Tensor;

/**
 * Square-kernel 2-D convolution and transposed convolution on NCHW tensors, forward and backward,
 * through im2col and {@link Gemm}. Weights use PyTorch layouts: Conv2d [out, in, k, k],
 * ConvTranspose2d [in, out, k, k]. Direct loop versions are kept as the reference the fast paths
 * are tested against.
 */
public final class Convolution {
  private Convolution() {}

  /** Output size of a convolution along one axis. */
  public static int convOut(int in, int k, int stride, int pad) {
    return (in + 2 * pad - k) / stride + 1;
  }

  /** Output size of a transposed convolution along one axis. */
  public static int transposedOut(int in, int k, int stride, int pad, int outputPad) {
    return (in - 1) * stride - 2 * pad + k + outputPad;
  }

  /** Gradients of a layer; entries not asked for are null. */
  public record Grads(Tensor input, Tensor weight, Tensor bias) {}

  /** Forward result with the patch matrix kept for the backward pass. */
  public record Forward(Tensor output, float[] cols) {}

  // ---------------------------------------------------------------- conv2d

  /** y = conv2d(x, w) + bias; {@code bias} may be null. */
  public static Forward conv2d(Tensor x, Tensor w, Tensor bias, int stride, int pad) {
    int n = x.n(), c = x.c(), h = x.h(), wd = x.w();
    int cout = w.dim(0), k = w.dim(2);
    checkArgument(
        w.dim(1) == c,
        "conv2d weight %s expects %s input channels, got %s",
        w.shapeString(),
        w.dim(1),
        c);
    int oh = convOut(h, k, stride, pad), ow = convOut(wd, k, stride, pad);
    checkArgument(oh > 0 && ow > 0, "conv2d output would be empty for input %s", x.shapeString());
    int ckk = c * k * k;
    int rows = n * oh * ow;
    float[] cols = new float[rows * ckk];
    Im2col.im2col(x.data(), n, c, h, wd, k, stride, pad, oh, ow, cols);
    float[] wt = Im2col.transpose(w.data(), cout, ckk); // [ckk, cout]
    float[] yRows = new float[rows * cout];
    Gemm.multiply(rows, cout, ckk, cols, 0, ckk, 1, wt, 0, cout, yRows, 0, cout, false);
    Tensor y = Tensor.zeros(n, cout, oh, ow);
    Im2col.fromRows(yRows, n, cout, oh * ow, y.data());
    addBias(y, bias);
    return new Forward(y, cols);
  }

  /** Backward of {@link #conv2d}; {@code cols} is the patch matrix of its forward pass. */
  public static Grads conv2dBackward(
      Tensor x,
      float[] cols,
      Tensor w,
      boolean hasBias,
      Tensor dy,
      int stride,
      int pad,
      boolean needInput,
      boolean needParams) {
    int n = x.n(), c = x.c(), h = x.h(), wd = x.w();
    int cout = w.dim(0), k = w.dim(2);
    int oh = dy.h(), ow = dy.w();
    int ckk = c * k * k;
    int rows = n * oh * ow;
    float[] dyRows = new float[rows * cout];
    Im2col.toRows(dy.data(), n, cout, oh * ow, dyRows);
    Tensor dx = null, dw = null, db = null;
    if (needParams) {
      float[] dwt = new float[ckk * cout]; // [ckk, cout] = cols^T · dyRows
      Gemm.multiply(ckk, cout, rows, cols, 0, 1, ckk, dyRows, 0, cout, dwt, 0, cout, false);
      dw = Tensor.of(Im2col.transpose(dwt, ckk, cout), w.shape());
      if (hasBias) {
        db = biasGrad(dy);
      }
    }
    if (needInput) {
      float[] dcols = new float[rows * ckk];
      Gemm.multiply(rows, ckk, cout, dyRows, 0, cout, 1, w.data(), 0, ckk, dcols, 0, ckk, false);
      dx = Tensor.zeros(n, c, h, wd);
      Im2col.col2im(dcols, n, c, h, wd, k, stride, pad, oh, ow, dx.data());
    }
    return new Grads(dx, dw, db);
  }

  // ---------------------------------------------------------------- conv-transpose2d

  /** y = conv_transpose2d(x, w) + bias with PyTorch semantics; {@code bias} may be null. */
  public static Tensor convTranspose2d(
      Tensor x, Tensor w, Tensor bias, int stride, int pad, int outputPad) {
    int n = x.n(), cin = x.c(), h = x.h(), wd = x.w();
    checkArgument(
        w.dim(0) == cin,
        "conv_transpose2d weight %s expects %s input channels, got %s",
        w.shapeString(),
        w.dim(0),
        cin);
    int cout = w.dim(1), k = w.dim(2);
    checkArgument(
        outputPad < stride || outputPad == 0,
        "output padding %s must be smaller than stride %s",
        outputPad,
        stride);
    int oh = transposedOut(h, k, stride, pad, outputPad),
        ow = transposedOut(wd, k, stride, pad, outputPad);
    checkArgument(
        oh > 0 && ow > 0, "conv_transpose2d output would be empty for input %s", x.shapeString());
    int rows = n * h * wd;
    int okk = cout * k * k;
    float[] xRows = new float[rows * cin];
    Im2col.toRows(x.data(), n, cin, h * wd, xRows);
    float[] cols = new float[rows * okk];
    Gemm.multiply(rows, okk, cin, xRows, 0, cin, 1, w.data(), 0, okk, cols, 0, okk, false);
    Tensor y = Tensor.zeros(n, cout, oh, ow);
    Im2col.col2im(cols, n, cout, oh, ow, k, stride, pad, h, wd, y.data());
    addBias(y, bias);
    return y;
  }

  /** Backward of {@link #convTranspose2d}. */
  public static Grads convTranspose2dBackward(
      Tensor x,
      Tensor w,
      boolean hasBias,
      Tensor dy,
      int stride,
      int pad,
      boolean needInput,
      boolean needParams) {
    int n = x.n(), cin = x.c(), h = x.h(), wd = x.w();
    int cout = w.dim(1), k = w.dim(2);
    int rows = n * h * wd;
    int okk = cout * k * k;
    float[] dcols = new float[rows * okk];
    Im2col.im2col(dy.data(), n, cout, dy.h(), dy.w(), k, stride, pad, h, wd, dcols);
    Tensor dx = null, dw = null, db = null;
    if (needInput) {
      float[] wt = Im2col.transpose(w.data(), cin, okk); // [okk, cin]
      float[] dxRows = new float[rows * cin];
      Gemm.multiply(rows, cin, okk, dcols, 0, okk, 1, wt, 0, cin, dxRows, 0, cin, false);
      dx = Tensor.zeros(n, cin, h, wd);
      Im2col.fromRows(dxRows, n, cin, h * wd, dx.data());
    }
    if (needParams) {
      float[] xRows = new float[rows * cin];
      Im2col.toRows(x.data(), n, cin, h * wd, xRows);
      dw = Tensor.zeros(w.shape());
      Gemm.multiply(cin, okk, rows, xRows, 0, 1, cin, dcols, 0, okk, dw.data(), 0, okk, false);
      if (hasBias) {
        db = biasGrad(dy);
      }
    }
    return new Grads(dx, dw, db);
  }

  // ---------------------------------------------------------------- direct references

  /** Direct (loop) conv2d, the reference for tests. */
  public static Tensor conv2dReference(Tensor x, Tensor w, Tensor bias, int stride, int pad) {
    int n = x.n(), c = x.c(), h = x.h(), wd = x.w();
    int cout = w.dim(0), k = w.dim(2);
    int oh = convOut(h, k, stride, pad), ow = convOut(wd, k, stride, pad);
    Tensor y = Tensor.zeros(n, cout, oh, ow);
    float[] xd = x.data(), wdata = w.data(), yd = y.data();
    for (int b = 0; b < n; b++) {
      for (int o = 0; o < cout; o++) {
        for (int oy = 0; oy < oh; oy++) {
          for (int ox = 0; ox < ow; ox++) {
            double acc = bias == null ? 0 : bias.data()[o];
            for (int ch = 0; ch < c; ch++) {
              for (int ky = 0; ky < k; ky++) {
                int iy = oy * stride - pad + ky;
                if (iy < 0 || iy >= h) {
                  continue;
                }
                for (int kx = 0; kx < k; kx++) {
                  int ix = ox * stride - pad + kx;
                  if (ix < 0 || ix >= wd) {
                    continue;
                  }
                  acc +=
                      (double) xd[((b * c + ch) * h + iy) * wd + ix]
                          * wdata[((o * c + ch) * k + ky) * k + kx];
                }
              }
            }
            yd[((b * cout + o) * oh + oy) * ow + ox] = (float) acc;
          }
        }
      }
    }
    return y;
  }

  /**
   * Direct (scatter) transposed convolution: every input pixel adds its weighted kernel into the
   * output at stride spacing, minus the padding. The definition the other forms are checked
   * against.
   */
  public static Tensor convTranspose2dReference(
      Tensor x, Tensor w, Tensor bias, int stride, int pad, int outputPad) {
    int n = x.n(), cin = x.c(), h = x.h(), wd = x.w();
    int cout = w.dim(1), k = w.dim(2);
    int oh = transposedOut(h, k, stride, pad, outputPad),
        ow = transposedOut(wd, k, stride, pad, outputPad);
    double[] acc = new double[n * cout * oh * ow];
    float[] xd = x.data(), wdata = w.data();
    for (int b = 0; b < n; b++) {
      for (int ci = 0; ci < cin; ci++) {
        for (int iy = 0; iy < h; iy++) {
          for (int ix = 0; ix < wd; ix++) {
            double v = xd[((b * cin + ci) * h + iy) * wd + ix];
            for (int o = 0; o < cout; o++) {
              for (int ky = 0; ky < k; ky++) {
                int oy = iy * stride - pad + ky;
                if (oy < 0 || oy >= oh) {
                  continue;
                }
                for (int kx = 0; kx < k; kx++) {
                  int ox = ix * stride - pad + kx;
                  if (ox < 0 || ox >= ow) {
                    continue;
                  }
                  acc[((b * cout + o) * oh + oy) * ow + ox] +=
                      v * wdata[((ci * cout + o) * k + ky) * k + kx];
                }
              }
            }
          }
        }
      }
    }
    Tensor y = Tensor.zeros(n, cout, oh, ow);
    float[] yd = y.data();
    for (int i = 0; i < yd.length; i++) {
      int o = (i / (oh * ow)) % cout;
      yd[i] = (float) (acc[i] + (bias == null ? 0 : bias.data()[o]));
    }
    return y;
  }

  // ---------------------------------------------------------------- helpers

  static void addBias(Tensor y, Tensor bias) {
    if (bias == null) {
      return;
    }
    int n = y.n(), c = y.c(), hw = y.h() * y.w();
    float[] yd = y.data(), bd = bias.data();
    for (int b = 0; b < n; b++) {
      for (int ch = 0; ch < c; ch++) {
        int off = (b * c + ch) * hw;
        float v = bd[ch];
        for (int i = 0; i < hw; i++) {
          yd[off + i] += v;
        }
      }
    }
  }

  static Tensor biasGrad(Tensor dy) {
    int n = dy.n(), c = dy.c(), hw = dy.h() * dy.w();
    float[] d = dy.data();
    float[] g = new float[c];
    for (int ch = 0; ch < c; ch++) {
      double s = 0;
      for (int b = 0; b < n; b++) {
        int off = (b * c + ch) * hw;
        for (int i = 0; i < hw; i++) {
          s += d[off + i];
        }
      }
      g[ch] = (float) s;
    }
    return Tensor.of(g, c);
  }
}
