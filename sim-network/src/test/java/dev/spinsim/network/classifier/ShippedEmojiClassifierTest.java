package dev.spinsim.network.classifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spinsim.network.data.EmojiCategories;
import dev.spinsim.network.data.ImageFolder;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShippedEmojiClassifierTest {
  /** 20 real test-split emoji with their categories (see the README beside them). */
  static LabelledImages realFixture() throws Exception {
    Path dir =
        Path.of(
                ShippedEmojiClassifierTest.class
                    .getResource("/dev/spinsim/network/classifier/emoji/emoji.json")
                    .toURI())
            .getParent();
    List<Path> files = ImageFolder.files(dir.resolve("img"));
    int[] labels =
        EmojiCategories.read(dir.resolve("emoji.json"))
            .labels(
                files.stream().map(p -> p.getFileName().toString()).toList(),
                ClassifierArchitecture.EMOJI.classNames());
    return new LabelledImages(ImageFolder.load(files, 64), labels);
  }

  @Test
  void shippedWeightsClassifyRealTestSplitEmoji() throws Exception {
    ClassifierWeights.Loaded loaded = ClassifierWeights.load(ClassifierArchitecture.EMOJI, null);
    double acc = ClassifierTrainer.accuracy(loaded.classifier(), realFixture(), 10);
    // 84.7 % on the whole 757-image test split (spinsim classifier eval --dataset emoji); 20 images
    // bound it loosely.
    assertTrue(acc >= 0.7, "accuracy on 20 test emoji " + acc);
  }

  @Test
  void shippedWeightsRecordTheCommandAndAccuracy() {
    ClassifierWeights.Loaded loaded = ClassifierWeights.load(ClassifierArchitecture.EMOJI, null);
    assertTrue(
        loaded.metadata().get("command").startsWith("spinsim classifier train --dataset emoji"),
        loaded.metadata().toString());
    assertEquals("0.8468", loaded.metadata().get("test_accuracy"));
    assertEquals(
        String.join("|", ClassifierArchitecture.EMOJI.classNames()),
        loaded.metadata().get("classes"));
  }
}
