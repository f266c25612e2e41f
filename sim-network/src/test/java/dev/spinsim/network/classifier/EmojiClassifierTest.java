package dev.spinsim.network.classifier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spinsim.network.model.Shape;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmojiClassifierTest {
  @TempDir Path dir;

  @Test
  void theFmnistArchitectureIsTheShippedOneUnchanged() {
    ClassifierArchitecture a = ClassifierArchitecture.FMNIST;
    assertEquals(
        "nn.Sequential(Conv2d(1, 32, 3, padding=1), ReLU(), MaxPool2d(2), Conv2d(32, 64, 3, padding=1), ReLU(), "
            + "MaxPool2d(2), Flatten(), Linear(3136, 128), ReLU(), Linear(128, 10))",
        a.pytorch());
    assertEquals("main.8 (ReLU after Linear(3136, 128))", a.featureLayer());
  }

  @Test
  void theEmojiCnnHasThreeBlocksAndPyTorchNames() {
    CnnClassifier c = new CnnClassifier(ClassifierArchitecture.EMOJI);
    assertEquals(
        List.of(
            "main.0.weight",
            "main.0.bias",
            "main.3.weight",
            "main.3.bias",
            "main.6.weight",
            "main.6.bias",
            "main.10.weight",
            "main.10.bias",
            "main.12.weight",
            "main.12.bias"),
        new ArrayList<>(c.stateDict().keySet()));
    assertArrayEquals(new int[] {128, 4096}, c.stateDict().get("main.10.weight").shape());
    assertArrayEquals(new int[] {10, 128}, c.stateDict().get("main.12.weight").shape());
    assertEquals(
        "main.11 (ReLU after Linear(4096, 128))", ClassifierArchitecture.EMOJI.featureLayer());
  }

  @Test
  void modelsPickTheirClassifierByImageShape() {
    assertEquals(
        ClassifierArchitecture.EMOJI, ClassifierArchitecture.forImage(new Shape(3, 64, 64)));
    assertEquals(RealDataset.FASHION_MNIST, RealDataset.forImage(new Shape(1, 28, 28)));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ClassifierArchitecture.forImage(new Shape(3, 32, 32)));
    assertTrue(e.getMessage().contains("3x32x32"), e.getMessage());
  }

  @Test
  void theEmojiSetSplitsFourToOneByFileNameWithCategoryLabels() throws Exception {
    Path images = EmojiFixture.write(dir, 10);
    LabelledImages train = RealDataset.EMOJI.train(images, null, 0);
    LabelledImages test = RealDataset.EMOJI.test(images, null);
    assertEquals(16, train.size());
    assertEquals(4, test.size());
    assertArrayEquals(
        new int[] {3, 64, 64}, java.util.Arrays.copyOfRange(test.images().shape(), 1, 4));
    // sorted names: 1f100..1f109 (flags) then 1f600..1f609 (smileys); test = indices 4, 9, 14, 19
    assertArrayEquals(new int[] {9, 9, 0, 0}, test.labels());
  }

  @Test
  void aClassifierLearnsTheFixtureCategories() throws Exception {
    Path images = EmojiFixture.write(dir, 10);
    LabelledImages train = RealDataset.EMOJI.train(images, null, 0);
    LabelledImages test = RealDataset.EMOJI.test(images, null);
    CnnClassifier net =
        new ClassifierTrainer(
                new ClassifierTrainConfig(ClassifierArchitecture.EMOJI, 6, 8, 2e-3, 1))
            .train(train, test, new ClassifierTrainer.Listener() {});
    assertEquals(1.0, ClassifierTrainer.accuracy(net, test, 4));
    int[][] confusion = ClassifierTrainer.confusion(net, test, 3);
    assertEquals(2, confusion[9][9]);
    assertEquals(2, confusion[0][0]);
    assertEquals(
        4, java.util.Arrays.stream(confusion).flatMapToInt(java.util.Arrays::stream).sum());
    assertEquals(128, net.outputs(test.images()).features()[0].length);
  }

  @Test
  void aFashionMnistImageIsRefusedByTheEmojiClassifier() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new CnnClassifier(ClassifierArchitecture.EMOJI)
                    .outputs(dev.spinsim.network.tensor.Tensor.zeros(2, 1, 28, 28)));
    assertTrue(
        e.getMessage().contains("emoji-cnn") && e.getMessage().contains("N x 3 x 64 x 64"),
        e.getMessage());
  }
}
