package dev.spinsim.network.classifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spinsim.network.quality.ClassifierFeatureExtractor;
import org.junit.jupiter.api.Test;

class ShippedClassifierTest {
  @Test
  void shippedWeightsClassifyTheFixtureImages() {
    ClassifierWeights.Loaded loaded = ClassifierWeights.load(null);
    double acc = ClassifierTrainer.accuracy(loaded.classifier(), Fixture.test300(), 100);
    // The full 10,000-image test accuracy is measured by `spinsim classifier eval`; 300 images only
    // bound it loosely.
    assertTrue(acc >= 0.85, "accuracy on 300 test images " + acc);
  }

  @Test
  void shippedWeightsRecordTheCommandThatMadeThem() {
    String command = ClassifierWeights.load(null).metadata().get("command");
    assertTrue(
        command != null && command.startsWith("spinsim classifier train"), String.valueOf(command));
  }

  @Test
  void theShippedExtractorKeepsTheNameItsPublishedFiguresCarry() {
    // README, fid.csv and the statistics cache name this extractor; a change to names, shapes or
    // values changes it.
    assertEquals(
        "fmnist-cnn-relu128@3cd3d4b2",
        new ClassifierFeatureExtractor(ClassifierWeights.load(null).classifier()).name());
  }
}
