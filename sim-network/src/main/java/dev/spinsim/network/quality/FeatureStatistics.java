package dev.spinsim.network.quality;

import static com.google.common.base.Preconditions.checkArgument;

import dev.spinsim.network.tensor.Tensor;
import dev.spinsim.network.weights.SafeTensors;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Mean and covariance (unbiased, divisor n − 1, as numpy's {@code np.cov}) of a set of feature
 * vectors, accumulated in double with two passes (mean first, then centred products) so large means
 * do not cancel away the variance. Statistics can be saved and loaded, so a data set's reference
 * statistics are computed once.
 */
public final class FeatureStatistics {
  private final int count;
  private final double[] mean;
  private final double[][] covariance;

  private FeatureStatistics(int count, double[] mean, double[][] covariance) {
    this.count = count;
    this.mean = mean;
    this.covariance = covariance;
  }

  /** Statistics of {@code features} (n rows of d values; n ≥ 2). */
  public static FeatureStatistics of(float[][] features) {
    int n = features.length;
    checkArgument(n >= 2, "feature statistics need at least 2 samples, got %s", n);
    int d = features[0].length;
    checkArgument(d > 0, "feature vectors must not be empty");
    double[] mean = new double[d];
    for (float[] row : features) {
      checkArgument(row.length == d, "feature rows differ in length: %s vs %s", row.length, d);
      for (int j = 0; j < d; j++) {
        mean[j] += row[j];
      }
    }
    for (int j = 0; j < d; j++) {
      mean[j] /= n;
    }
    double[][] cov = new double[d][d];
    double[] centred = new double[d];
    for (float[] row : features) {
      for (int j = 0; j < d; j++) {
        centred[j] = row[j] - mean[j];
      }
      for (int a = 0; a < d; a++) {
        double ca = centred[a];
        if (ca == 0) {
          continue;
        }
        double[] covA = cov[a];
        for (int b = a; b < d; b++) {
          covA[b] += ca * centred[b];
        }
      }
    }
    for (int a = 0; a < d; a++) {
      for (int b = a; b < d; b++) {
        double v = cov[a][b] / (n - 1);
        cov[a][b] = v;
        cov[b][a] = v;
      }
    }
    return new FeatureStatistics(n, mean, cov);
  }

  /**
   * Statistics given directly (e.g. a closed form); the covariance must be square, symmetric and
   * match the mean.
   */
  public static FeatureStatistics of(int count, double[] mean, double[][] covariance) {
    int d = mean.length;
    checkArgument(count >= 2, "count must be >= 2, got %s", count);
    checkArgument(d > 0 && covariance.length == d, "covariance must be %s x %s", d, d);
    double[][] cov = new double[d][];
    for (int a = 0; a < d; a++) {
      checkArgument(covariance[a].length == d, "covariance must be %s x %s", d, d);
      cov[a] = covariance[a].clone();
    }
    for (int a = 0; a < d; a++) {
      for (int b = 0; b < a; b++) {
        double scale = Math.max(1e-300, Math.abs(cov[a][b]) + Math.abs(cov[b][a]));
        checkArgument(
            Math.abs(cov[a][b] - cov[b][a]) <= 1e-9 * scale,
            "covariance is not symmetric at (%s, %s)",
            a,
            b);
      }
    }
    return new FeatureStatistics(count, mean.clone(), cov);
  }

  public int count() {
    return count;
  }

  public int dims() {
    return mean.length;
  }

  /** A copy of the mean. */
  public double[] mean() {
    return mean.clone();
  }

  /** A copy of the covariance matrix. */
  public double[][] covariance() {
    double[][] c = new double[covariance.length][];
    for (int i = 0; i < c.length; i++) {
      c[i] = covariance[i].clone();
    }
    return c;
  }

  double meanAt(int i) {
    return mean[i];
  }

  double covarianceAt(int a, int b) {
    return covariance[a][b];
  }

  /**
   * Writes {@code mu} [d] and {@code sigma} [d, d] as a safetensors file (pytorch-fid's names),
   * with the sample count and {@code description} (e.g. the extractor) in the metadata. Values are
   * stored as float32.
   */
  public void save(Path file, String description) {
    int d = dims();
    float[] mu = new float[d];
    float[] sigma = new float[d * d];
    for (int a = 0; a < d; a++) {
      mu[a] = (float) mean[a];
      for (int b = 0; b < d; b++) {
        sigma[a * d + b] = (float) covariance[a][b];
      }
    }
    Map<String, Tensor> t = new LinkedHashMap<>();
    t.put("mu", Tensor.of(mu, d));
    t.put("sigma", Tensor.of(sigma, d, d));
    Map<String, String> meta = new LinkedHashMap<>();
    meta.put("count", Integer.toString(count));
    meta.put("description", description);
    SafeTensors.write(file, t, meta);
  }

  /**
   * Reads statistics written by {@link #save}; the description must equal {@code
   * expectedDescription}.
   */
  public static FeatureStatistics load(Path file, String expectedDescription) {
    SafeTensors.Contents c = SafeTensors.read(file);
    Tensor mu = c.tensors().get("mu");
    Tensor sigma = c.tensors().get("sigma");
    String countText = c.metadata().get("count");
    if (mu == null || sigma == null || countText == null) {
      throw new IllegalArgumentException(
          file + ": feature statistics need tensors 'mu' [d], 'sigma' [d, d] and metadata 'count'");
    }
    int d = mu.size();
    if (!sigma.hasShape(d, d)) {
      throw new IllegalArgumentException(
          file
              + ": tensor 'sigma' has shape "
              + sigma.shapeString()
              + " but 'mu' needs ["
              + d
              + ", "
              + d
              + "]");
    }
    String description = c.metadata().getOrDefault("description", "");
    if (!description.equals(expectedDescription)) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "%s: statistics are for '%s', expected '%s'",
              file,
              description,
              expectedDescription));
    }
    double[] m = new double[d];
    double[][] s = new double[d][d];
    for (int a = 0; a < d; a++) {
      m[a] = mu.data()[a];
      for (int b = 0; b < d; b++) {
        s[a][b] = sigma.data()[a * d + b];
      }
    }
    int count;
    try {
      count = Integer.parseInt(countText);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          file + ": metadata 'count' is not an integer: " + countText, e);
    }
    return of(count, m, s);
  }
}
