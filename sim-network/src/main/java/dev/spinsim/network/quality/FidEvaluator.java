package dev.spinsim.network.quality;

import static com.google.common.base.Preconditions.checkArgument;

import dev.spinsim.network.tensor.Tensor;

/**
 * Scores image sources against fixed reference statistics in one feature space: each source draws
 * {@code n} images with the seed, they go through the extractor, and their statistics are compared
 * with the reference.
 */
public final class FidEvaluator {
  /** A scored source and the images it produced (for the side-by-side grid). */
  public record Scored(FidRow row, Tensor images) {}

  private final FeatureExtractor extractor;
  private final FeatureStatistics reference;
  private final String referenceName;

  public FidEvaluator(
      FeatureExtractor extractor, FeatureStatistics reference, String referenceName) {
    checkArgument(
        reference.dims() == extractor.dims(),
        "reference statistics have %s dims but extractor %s gives %s",
        reference.dims(),
        extractor.name(),
        extractor.dims());
    this.extractor = extractor;
    this.reference = reference;
    this.referenceName = referenceName;
  }

  /** Reference statistics of {@code images} in {@code extractor}'s feature space. */
  public static FeatureStatistics statistics(FeatureExtractor extractor, Tensor images) {
    return FeatureStatistics.of(extractor.features(images));
  }

  public Scored score(ImageSource source, int n, long seed) {
    long start = System.nanoTime();
    Tensor images = source.generate(n, seed);
    checkArgument(
        images.n() == n,
        "source %s returned %s images, asked for %s",
        source.name(),
        images.n(),
        n);
    double fid = FidCalculator.fid(statistics(extractor, images), reference);
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Scored(
        new FidRow(source.name(), n, fid, extractor.name(), referenceName, seconds), images);
  }

  public FeatureExtractor extractor() {
    return extractor;
  }
}
