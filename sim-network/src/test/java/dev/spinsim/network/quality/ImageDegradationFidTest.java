package dev.spinsim.network.quality;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spinsim.network.classifier.ClassifierWeights;
import dev.spinsim.network.classifier.Fixture;
import dev.spinsim.network.tensor.Tensor;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** FID in the shipped classifier's feature space rises steadily as real images are degraded. */
class ImageDegradationFidTest {
  private static final Tensor IMAGES = Fixture.test300().images();
  private static final FeatureExtractor EXTRACTOR =
      new ClassifierFeatureExtractor(ClassifierWeights.load(null).classifier());
  private static final FeatureStatistics CLEAN = FidEvaluator.statistics(EXTRACTOR, IMAGES);

  @Test
  void fidGrowsMonotonicallyWithGaussianNoise() {
    double[] fids = new double[5];
    double[] sigmas = {0, 0.1, 0.2, 0.4, 0.8};
    for (int k = 0; k < sigmas.length; k++) {
      fids[k] = fidOf(noisy(IMAGES, sigmas[k], 7));
    }
    assertIncreasing(fids, "noise sigma " + Arrays.toString(sigmas));
  }

  @Test
  void fidGrowsMonotonicallyWithBlur() {
    double[] fids = new double[4];
    for (int r = 0; r < fids.length; r++) {
      fids[r] = fidOf(boxBlur(IMAGES, r));
    }
    assertIncreasing(fids, "box blur radius 0..3");
  }

  private static double fidOf(Tensor images) {
    return FidCalculator.fid(FidEvaluator.statistics(EXTRACTOR, images), CLEAN);
  }

  private static void assertIncreasing(double[] fids, String what) {
    assertTrue(fids[0] < 1e-6, "undegraded images: FID " + fids[0]);
    for (int k = 1; k < fids.length; k++) {
      assertTrue(fids[k] > fids[k - 1], what + " gave FIDs " + Arrays.toString(fids));
    }
  }

  /** Adds N(0, sigma²) per pixel, clipped to [−1, 1]. */
  static Tensor noisy(Tensor images, double sigma, long seed) {
    Tensor out = images.copy();
    SplittableRandom rng = new SplittableRandom(seed);
    float[] d = out.data();
    for (int i = 0; i < d.length; i++) {
      d[i] = (float) Math.max(-1, Math.min(1, d[i] + sigma * rng.nextGaussian()));
    }
    return out;
  }

  /** Mean over a (2r+1)² window, clamped at the borders. */
  static Tensor boxBlur(Tensor images, int r) {
    Tensor out = images.copy();
    int h = images.h(), w = images.w(), planes = images.n() * images.c();
    float[] src = images.data(), dst = out.data();
    for (int p = 0; p < planes; p++) {
      int base = p * h * w;
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          double s = 0;
          int count = 0;
          for (int dy = -r; dy <= r; dy++) {
            for (int dx = -r; dx <= r; dx++) {
              int yy = y + dy, xx = x + dx;
              if (yy >= 0 && yy < h && xx >= 0 && xx < w) {
                s += src[base + yy * w + xx];
                count++;
              }
            }
          }
          dst[base + y * w + x] = (float) (s / count);
        }
      }
    }
    return out;
  }
}
