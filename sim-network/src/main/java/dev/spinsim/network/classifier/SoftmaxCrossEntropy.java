package dev.spinsim.network.classifier;

import static com.google.common.base.Preconditions.checkArgument;

import dev.spinsim.network.tensor.Tensor;

/**
 * Mean softmax cross-entropy over a batch of logits (PyTorch's {@code nn.CrossEntropyLoss}),
 * computed with the log-sum-exp shift so large logits do not overflow.
 */
public final class SoftmaxCrossEntropy {
  /**
   * The mean loss, its gradient with respect to the logits, and how many argmaxes hit the label.
   */
  public record Result(double loss, Tensor gradLogits, int correct) {}

  private SoftmaxCrossEntropy() {}

  /** {@code logits} has n rows of k classes (any trailing 1×1 dimensions); labels are in [0, k). */
  public static Result compute(Tensor logits, int[] labels) {
    int n = logits.dim(0), k = logits.size() / n;
    checkArgument(
        labels.length == n, "cross-entropy: %s labels for %s logit rows", labels.length, n);
    float[] z = logits.data();
    Tensor grad = Tensor.zeros(logits.shape());
    float[] g = grad.data();
    double total = 0;
    int correct = 0;
    for (int i = 0; i < n; i++) {
      int label = labels[i];
      checkArgument(
          label >= 0 && label < k,
          "cross-entropy: label %s of row %s outside [0, %s)",
          label,
          i,
          k);
      int off = i * k;
      double max = Double.NEGATIVE_INFINITY;
      int arg = 0;
      for (int j = 0; j < k; j++) {
        if (z[off + j] > max) {
          max = z[off + j];
          arg = j;
        }
      }
      double sum = 0;
      for (int j = 0; j < k; j++) {
        sum += Math.exp(z[off + j] - max);
      }
      double logSum = Math.log(sum) + max;
      total += logSum - z[off + label];
      for (int j = 0; j < k; j++) {
        double p = Math.exp(z[off + j] - logSum);
        g[off + j] = (float) ((p - (j == label ? 1 : 0)) / n);
      }
      if (arg == label) {
        correct++;
      }
    }
    return new Result(total / n, grad, correct);
  }

  /** Index of the largest logit of every row. */
  public static int[] predictions(Tensor logits) {
    int n = logits.dim(0), k = logits.size() / n;
    float[] z = logits.data();
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      int arg = 0;
      for (int j = 1; j < k; j++) {
        if (z[i * k + j] > z[i * k + arg]) {
          arg = j;
        }
      }
      out[i] = arg;
    }
    return out;
  }
}
