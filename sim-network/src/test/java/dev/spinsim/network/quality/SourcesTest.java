package dev.spinsim.network.quality;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spinsim.network.classifier.Fixture;
import dev.spinsim.network.model.ModelLoader;
import dev.spinsim.network.model.ModelSpec;
import dev.spinsim.network.model.Network;
import dev.spinsim.network.tensor.Tensor;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SourcesTest {
  @Test
  void realSourceDrawsTheSameSubsetForTheSameSeed() {
    RealImageSource s = new RealImageSource("real-test", Fixture.test300().images());
    assertArrayEquals(s.generate(50, 3).data(), s.generate(50, 3).data());
    assertFalse(Arrays.equals(s.generate(50, 3).data(), s.generate(50, 4).data()));
  }

  @Test
  void realSourceRefusesMoreImagesThanItHas() {
    RealImageSource s = new RealImageSource("real-test", Fixture.test300().images());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> s.generate(301, 1));
    assertTrue(e.getMessage().contains("300 images"), e.getMessage());
  }

  @Test
  void generatorSourceIsDeterministicAndBatchesLikeOneForwardPass() {
    ModelSpec spec = ModelLoader.load("fmnist");
    Network g = new Network(spec.generator());
    g.initDcgan(new SplittableRandom(1));
    GeneratorSource source = new GeneratorSource("float", g, spec.latent());
    Tensor images = source.generate(260, 5); // two batches of 250 and 10
    assertArrayEquals(new int[] {260, 1, 28, 28}, images.shape());
    assertArrayEquals(images.data(), source.generate(260, 5).data());
    Tensor direct =
        g.forward(GeneratorSource.latents(260, spec.latent(), 5).slice(250, 260), false);
    assertEquals(0, direct.maxAbsDiff(images.slice(250, 260)), 1e-6);
  }

  @Test
  void evaluatorScoresASourceAgainstTheReference() {
    Tensor images = Fixture.test300().images();
    FeatureExtractor pixels =
        new FeatureExtractor() {
          @Override
          public String name() {
            return "mean-rows";
          }

          @Override
          public int dims() {
            return 28;
          }

          @Override
          public float[][] features(Tensor x) {
            float[][] f = new float[x.n()][28];
            for (int i = 0; i < x.n(); i++) {
              for (int p = 0; p < 784; p++) {
                f[i][p / 28] += x.data()[i * 784 + p] / 28;
              }
            }
            return f;
          }
        };
    FidEvaluator ev = new FidEvaluator(pixels, FidEvaluator.statistics(pixels, images), "fixture");
    FidEvaluator.Scored scored = ev.score(new RealImageSource("fixture", images), 300, 1);
    assertEquals(0, scored.row().fid(), 1e-6);
    assertEquals("mean-rows", scored.row().extractor());
    assertTrue(ev.score(new RealImageSource("part", images), 100, 1).row().fid() > 0);
  }
}
