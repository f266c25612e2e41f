package dev.spinsim.network.train;

import dev.spinsim.network.model.Parameter;
import dev.spinsim.network.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Adam as PyTorch implements it (bias-corrected moments, eps added after the square root). */
public final class Adam {
  private final List<Parameter> params;
  private final double lr;
  private final double beta1;
  private final double beta2;
  private final double eps;
  private final float[][] m;
  private final float[][] v;
  private long step;

  public Adam(List<Parameter> params, double lr, double beta1, double beta2, double eps) {
    this.params = List.copyOf(params);
    this.lr = lr;
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.eps = eps;
    this.m = new float[params.size()][];
    this.v = new float[params.size()][];
    for (int i = 0; i < params.size(); i++) {
      m[i] = new float[params.get(i).value().size()];
      v[i] = new float[params.get(i).value().size()];
    }
  }

  /** One update from the accumulated gradients. */
  public void step() {
    step++;
    double bc1 = 1 - Math.pow(beta1, step);
    double bc2 = 1 - Math.pow(beta2, step);
    double stepSize = lr / bc1;
    double sqrtBc2 = Math.sqrt(bc2);
    float b1 = (float) beta1, b2 = (float) beta2;
    for (int i = 0; i < params.size(); i++) {
      float[] w = params.get(i).value().data();
      float[] g = params.get(i).grad().data();
      float[] mi = m[i], vi = v[i];
      for (int j = 0; j < w.length; j++) {
        float gj = g[j];
        mi[j] = b1 * mi[j] + (1 - b1) * gj;
        vi[j] = b2 * vi[j] + (1 - b2) * gj * gj;
        double denom = Math.sqrt(vi[j]) / sqrtBc2 + eps;
        w[j] = (float) (w[j] - stepSize * mi[j] / denom);
      }
    }
  }

  public long steps() {
    return step;
  }

  /** Moments by parameter name ({@code <name>.exp_avg}, {@code <name>.exp_avg_sq}), live arrays. */
  public Map<String, Tensor> state(String prefix) {
    Map<String, Tensor> s = new LinkedHashMap<>();
    for (int i = 0; i < params.size(); i++) {
      int[] shape = params.get(i).value().shape();
      s.put(prefix + params.get(i).name() + ".exp_avg", Tensor.of(m[i], shape));
      s.put(prefix + params.get(i).name() + ".exp_avg_sq", Tensor.of(v[i], shape));
    }
    return s;
  }

  /** Restores moments written by {@link #state} and the step count. */
  public void load(Map<String, Tensor> tensors, String prefix, long steps, String source) {
    for (int i = 0; i < params.size(); i++) {
      for (int k = 0; k < 2; k++) {
        String name = prefix + params.get(i).name() + (k == 0 ? ".exp_avg" : ".exp_avg_sq");
        Tensor t = tensors.get(name);
        float[] dst = k == 0 ? m[i] : v[i];
        if (t == null || t.size() != dst.length) {
          throw new IllegalArgumentException(
              source
                  + ": optimizer tensor '"
                  + name
                  + "' missing or not of shape "
                  + java.util.Arrays.toString(params.get(i).value().shape()));
        }
        System.arraycopy(t.data(), 0, dst, 0, dst.length);
      }
    }
    this.step = steps;
  }
}
