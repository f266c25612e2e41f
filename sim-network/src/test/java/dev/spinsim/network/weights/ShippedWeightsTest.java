package dev.spinsim.network.weights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spinsim.network.model.ModelLoader;
import dev.spinsim.network.model.ModelSpec;
import dev.spinsim.network.model.Network;
import dev.spinsim.network.tensor.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ShippedWeightsTest {
  @Test
  void shippedFmnistGeneratorAndDiscriminatorLoadAndAgreeOnRealism() {
    ModelSpec m = ModelLoader.load("fmnist");
    Network g = new Network(m.generator());
    Network d = new Network(m.discriminator());
    ShippedWeights.load(g, "fmnist", null);
    ShippedWeights.load(d, "fmnist", null);
    Tensor images = g.forward(Tensor.normal(new SplittableRandom(1), 0, 1, 16, 100, 1, 1), false);
    double min = 1, max = -1, mean = 0;
    for (float v : images.data()) {
      min = Math.min(min, v);
      max = Math.max(max, v);
      mean += v;
    }
    mean /= images.size();
    assertTrue(
        min < -0.9 && max > 0.9,
        "a trained generator uses the whole tanh range: " + min + ".." + max);
    assertTrue(mean < -0.2, "Fashion-MNIST images are mostly black background, mean " + mean);
    double score = 0;
    for (float p : d.forward(images, false).data()) {
      score += p;
    }
    assertTrue(
        score / 16 > 0.02 && score / 16 < 0.98,
        "D of its own G's samples is not saturated: " + score / 16);
  }

  @Test
  void sameLatentGivesIdenticalImages() {
    Network g = new Network(ModelLoader.load("fmnist").generator());
    ShippedWeights.load(g, "fmnist", null);
    Tensor z = Tensor.normal(new SplittableRandom(2), 0, 1, 2, 100, 1, 1);
    assertEquals(0.0, g.forward(z, false).maxAbsDiff(g.forward(z.copy(), false)));
  }

  @Test
  void hardwareAwareVariantLoadsUnderItsOwnName() {
    Network g = new Network(ModelLoader.load("fmnist").generator());
    assertEquals(
        "classpath:/dev/spinsim/network/weights/fmnist-hw-paper/generator.safetensors",
        ShippedWeights.load(g, "fmnist", "hw-paper", null));
  }

  @Test
  void missingVariantIsRefusedWithAHint() {
    Network g = new Network(ModelLoader.load("dcgan64").generator());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ShippedWeights.load(g, "dcgan64", "hw-paper", null));
    assertEquals(
        "no shipped generator weights for model 'dcgan64' variant 'hw-paper'; pass --weights FILE.safetensors",
        e.getMessage());
  }

  @Test
  void theEmojiTrainedDcgan64GeneratorMakesColourImages() {
    Network g = new Network(ModelLoader.load("dcgan64").generator());
    assertEquals(
        "classpath:/dev/spinsim/network/weights/dcgan64/generator.safetensors",
        ShippedWeights.load(g, "dcgan64", null));
    Tensor x = g.forward(Tensor.normal(new SplittableRandom(1), 0, 1, 4, 100, 1, 1), false);
    // Colour: the channels of a trained emoji generator differ (random or grey output would not).
    float[] d = x.data();
    int plane = 64 * 64;
    double diff = 0;
    for (int i = 0; i < 4; i++) {
      for (int p = 0; p < plane; p++) {
        diff += Math.abs(d[i * 3 * plane + p] - d[i * 3 * plane + 2 * plane + p]);
      }
    }
    assertTrue(diff / (4 * plane) > 0.05, "mean |R - B| " + diff / (4 * plane));
  }
}
