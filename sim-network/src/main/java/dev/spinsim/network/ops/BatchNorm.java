package dev.spinsim.network.ops;

import dev.spinsim.network.tensor.Parallel;
import dev.spinsim.network.tensor.Tensor;

/**
 * 2-D batch normalisation over (N, H, W) per channel, as PyTorch's BatchNorm2d: training mode
 * normalises with the biased batch variance and moves the running statistics (unbiased variance) by
 * {@code momentum}; eval mode uses the running statistics. Sums run in double.
 */
public final class BatchNorm {
  private BatchNorm() {}

  /** What the training-mode backward pass needs. */
  public record Cache(Tensor normalized, float[] invStd) {}

  /** Training-mode forward; updates {@code runningMean}/{@code runningVar} in place. */
  public static Tensor forwardTrain(
      Tensor x,
      Tensor gamma,
      Tensor beta,
      Tensor runningMean,
      Tensor runningVar,
      double eps,
      double momentum,
      Cache[] cacheOut) {
    int n = x.n(), c = x.c(), hw = x.h() * x.w();
    long count = (long) n * hw;
    Tensor y = Tensor.zeros(x.shape());
    Tensor xhat = Tensor.zeros(x.shape());
    float[] invStd = new float[c];
    float[] xd = x.data(), yd = y.data(), hd = xhat.data();
    float[] g = gamma.data(), bt = beta.data(), rm = runningMean.data(), rv = runningVar.data();
    Parallel.forRange(
        c,
        1,
        count * 4,
        (c0, c1) -> {
          for (int ch = c0; ch < c1; ch++) {
            double sum = 0;
            for (int b = 0; b < n; b++) {
              int off = (b * c + ch) * hw;
              for (int i = 0; i < hw; i++) {
                sum += xd[off + i];
              }
            }
            double mean = sum / count;
            double sq = 0;
            for (int b = 0; b < n; b++) {
              int off = (b * c + ch) * hw;
              for (int i = 0; i < hw; i++) {
                double d = xd[off + i] - mean;
                sq += d * d;
              }
            }
            double var = sq / count;
            double is = 1.0 / Math.sqrt(var + eps);
            invStd[ch] = (float) is;
            float gg = g[ch], bb = bt[ch];
            for (int b = 0; b < n; b++) {
              int off = (b * c + ch) * hw;
              for (int i = 0; i < hw; i++) {
                float h = (float) ((xd[off + i] - mean) * is);
                hd[off + i] = h;
                yd[off + i] = h * gg + bb;
              }
            }
            double unbiased = count > 1 ? sq / (count - 1) : var;
            rm[ch] = (float) ((1 - momentum) * rm[ch] + momentum * mean);
            rv[ch] = (float) ((1 - momentum) * rv[ch] + momentum * unbiased);
          }
        });
    if (cacheOut != null) {
      cacheOut[0] = new Cache(xhat, invStd);
    }
    return y;
  }

  /** Eval-mode forward with the running statistics. */
  public static Tensor forwardEval(
      Tensor x, Tensor gamma, Tensor beta, Tensor runningMean, Tensor runningVar, double eps) {
    int n = x.n(), c = x.c(), hw = x.h() * x.w();
    Tensor y = Tensor.zeros(x.shape());
    float[] xd = x.data(), yd = y.data();
    for (int ch = 0; ch < c; ch++) {
      double is = 1.0 / Math.sqrt(runningVar.data()[ch] + eps);
      double scale = gamma.data()[ch] * is;
      double shift = beta.data()[ch] - runningMean.data()[ch] * scale;
      for (int b = 0; b < n; b++) {
        int off = (b * c + ch) * hw;
        for (int i = 0; i < hw; i++) {
          yd[off + i] = (float) (xd[off + i] * scale + shift);
        }
      }
    }
    return y;
  }

  /** Gradients of the training-mode forward: [dx, dgamma, dbeta]. */
  public static Tensor[] backwardTrain(Cache cache, Tensor gamma, Tensor dy) {
    Tensor xhat = cache.normalized();
    int n = dy.n(), c = dy.c(), hw = dy.h() * dy.w();
    long count = (long) n * hw;
    Tensor dx = Tensor.zeros(dy.shape());
    float[] dgamma = new float[c], dbeta = new float[c];
    float[] dyd = dy.data(), hd = xhat.data(), dxd = dx.data(), g = gamma.data();
    Parallel.forRange(
        c,
        1,
        count * 3,
        (c0, c1) -> {
          for (int ch = c0; ch < c1; ch++) {
            double sumDy = 0, sumDyH = 0;
            for (int b = 0; b < n; b++) {
              int off = (b * c + ch) * hw;
              for (int i = 0; i < hw; i++) {
                sumDy += dyd[off + i];
                sumDyH += (double) dyd[off + i] * hd[off + i];
              }
            }
            dgamma[ch] = (float) sumDyH;
            dbeta[ch] = (float) sumDy;
            double k = g[ch] * cache.invStd()[ch] / count;
            double meanDy = sumDy, meanDyH = sumDyH;
            for (int b = 0; b < n; b++) {
              int off = (b * c + ch) * hw;
              for (int i = 0; i < hw; i++) {
                dxd[off + i] =
                    (float) (k * (count * (double) dyd[off + i] - meanDy - hd[off + i] * meanDyH));
              }
            }
          }
        });
    return new Tensor[] {dx, Tensor.of(dgamma, c), Tensor.of(dbeta, c)};
  }

  /** Gradients of the eval-mode forward: [dx, dgamma, dbeta]. */
  public static Tensor[] backwardEval(
      Tensor x, Tensor gamma, Tensor runningMean, Tensor runningVar, double eps, Tensor dy) {
    int n = dy.n(), c = dy.c(), hw = dy.h() * dy.w();
    Tensor dx = Tensor.zeros(dy.shape());
    float[] dgamma = new float[c], dbeta = new float[c];
    for (int ch = 0; ch < c; ch++) {
      double is = 1.0 / Math.sqrt(runningVar.data()[ch] + eps);
      double mean = runningMean.data()[ch];
      double sg = 0, sb = 0;
      for (int b = 0; b < n; b++) {
        int off = (b * c + ch) * hw;
        for (int i = 0; i < hw; i++) {
          double d = dy.data()[off + i];
          sb += d;
          sg += d * (x.data()[off + i] - mean) * is;
          dx.data()[off + i] = (float) (d * gamma.data()[ch] * is);
        }
      }
      dgamma[ch] = (float) sg;
      dbeta[ch] = (float) sb;
    }
    return new Tensor[] {dx, Tensor.of(dgamma, c), Tensor.of(dbeta, c)};
  }
}
