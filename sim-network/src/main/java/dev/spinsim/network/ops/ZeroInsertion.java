package dev.spinsim.network.ops;

import static com.google.common.base.Preconditions.checkArgument;

import dev.spinsim.network.tensor.Tensor;

/**
 * The rewrite that lets a crossbar built for convolutions run a transposed convolution: insert
 * stride−1 zeros between input pixels, pad by k−1−p on each side (plus the output padding on the
 * far side), flip the kernel, swap its input/output channels and convolve with stride 1.
 */
public final class ZeroInsertion {
  private ZeroInsertion() {}

  /** The zero-inserted, padded input for a transposed convolution with the given geometry. */
  public static Tensor expandInput(Tensor x, int k, int stride, int pad, int outputPad) {
    checkArgument(pad <= k - 1, "zero-insertion needs padding %s <= k-1 = %s", pad, k - 1);
    int n = x.n(), c = x.c(), h = x.h(), w = x.w();
    int edge = k - 1 - pad;
    int eh = (h - 1) * stride + 1 + 2 * edge + outputPad;
    int ew = (w - 1) * stride + 1 + 2 * edge + outputPad;
    Tensor e = Tensor.zeros(n, c, eh, ew);
    float[] xd = x.data(), ed = e.data();
    for (int b = 0; b < n; b++) {
      for (int ch = 0; ch < c; ch++) {
        int xo = (b * c + ch) * h * w;
        int eo = (b * c + ch) * eh * ew;
        for (int iy = 0; iy < h; iy++) {
          for (int ix = 0; ix < w; ix++) {
            ed[eo + (edge + iy * stride) * ew + edge + ix * stride] = xd[xo + iy * w + ix];
          }
        }
      }
    }
    return e;
  }

  /**
   * A ConvTranspose2d weight [in, out, k, k] as the equivalent Conv2d weight [out, in, k, k],
   * flipped.
   */
  public static Tensor convWeight(Tensor wT) {
    int cin = wT.dim(0), cout = wT.dim(1), k = wT.dim(2);
    Tensor w = Tensor.zeros(cout, cin, k, k);
    float[] s = wT.data(), d = w.data();
    for (int i = 0; i < cin; i++) {
      for (int o = 0; o < cout; o++) {
        for (int ky = 0; ky < k; ky++) {
          for (int kx = 0; kx < k; kx++) {
            d[((o * cin + i) * k + ky) * k + kx] =
                s[((i * cout + o) * k + (k - 1 - ky)) * k + (k - 1 - kx)];
          }
        }
      }
    }
    return w;
  }

  /** conv_transpose2d computed as a stride-1 conv2d of the zero-inserted input. */
  public static Tensor convTranspose2d(
      Tensor x, Tensor wT, Tensor bias, int stride, int pad, int outputPad) {
    int k = wT.dim(2);
    return Convolution.conv2d(expandInput(x, k, stride, pad, outputPad), convWeight(wT), bias, 1, 0)
        .output();
  }
}
