package dev.spinsim.network.quality;

import dev.spinsim.network.tensor.Tensor;

/**
 * Maps images to feature vectors for FID. FID values are only comparable between runs that use the
 * same extractor (same {@link #name()}) and the same sample count.
 */
public interface FeatureExtractor {
  /** Identifies the extractor in every output, including a digest of its weights. */
  String name();

  /** Width of a feature vector. */
  int dims();

  /** One feature row per image of {@code images} (N × C × H × W, values in [−1, 1]). */
  float[][] features(Tensor images);
}
