package dev.spinsim.network.quality;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeatureStatisticsTest {
  @TempDir Path dir;

  @Test
  void covarianceUsesTheUnbiasedDivisor() {
    float[][] x = {{1, 2}, {3, 6}, {5, 10}};
    FeatureStatistics s = FeatureStatistics.of(x);
    assertArrayEquals(new double[] {3, 6}, s.mean(), 1e-12);
    assertArrayEquals(new double[] {4, 8}, s.covariance()[0], 1e-12);
    assertArrayEquals(new double[] {8, 16}, s.covariance()[1], 1e-12);
  }

  @Test
  void aLargeOffsetDoesNotSwampTheVariance() {
    // One-pass sum-of-squares in float would lose these variances entirely.
    SplittableRandom rng = new SplittableRandom(1);
    float[][] x = new float[1000][1];
    for (int i = 0; i < x.length; i++) {
      x[i][0] = (float) (1e4 + 0.01 * (i % 2 == 0 ? 1 : -1));
    }
    double var = FeatureStatistics.of(x).covariance()[0][0];
    assertEquals(1e-4, var, 1e-5);
  }

  @Test
  void savedStatisticsLoadBackForTheSameExtractor() {
    float[][] x = FidCalculatorTest.correlated(new SplittableRandom(3), 100, 6, 1);
    FeatureStatistics s = FeatureStatistics.of(x);
    Path f = dir.resolve("ref.safetensors");
    s.save(f, "extractor-a");
    FeatureStatistics back = FeatureStatistics.load(f, "extractor-a");
    assertEquals(100, back.count());
    assertEquals(0, FidCalculator.fid(s, back), 1e-5);
  }

  @Test
  void statisticsOfAnotherExtractorAreRefused() {
    float[][] x = FidCalculatorTest.correlated(new SplittableRandom(3), 10, 2, 1);
    Path f = dir.resolve("ref.safetensors");
    FeatureStatistics.of(x).save(f, "extractor-a");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> FeatureStatistics.load(f, "extractor-b"));
    assertTrue(
        e.getMessage().contains("extractor-a") && e.getMessage().contains("extractor-b"),
        e.getMessage());
  }

  @Test
  void fewerThanTwoSamplesAreRefused() {
    assertThrows(
        IllegalArgumentException.class, () -> FeatureStatistics.of(new float[][] {{1, 2}}));
  }
}
