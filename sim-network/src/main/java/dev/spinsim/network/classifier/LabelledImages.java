package dev.spinsim.network.classifier;

import static com.google.common.base.Preconditions.checkArgument;

import dev.spinsim.network.data.EmojiCategories;
import dev.spinsim.network.data.FashionMnist;
import dev.spinsim.network.data.ImageFolder;
import dev.spinsim.network.model.Shape;
import dev.spinsim.network.tensor.Tensor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Images [n, C, H, W] in [−1, 1] with their class labels. */
public record LabelledImages(Tensor images, int[] labels) {
  public LabelledImages {
    checkArgument(images.rank() == 4, "images must be NCHW, got %s", images.shapeString());
    checkArgument(
        images.n() == labels.length, "%s images but %s labels", images.n(), labels.length);
  }

  /** The Fashion-MNIST training split (first {@code limit} when limit > 0) from {@code dir}. */
  public static LabelledImages fashionMnistTrain(Path dir, int limit) {
    return new LabelledImages(
        FashionMnist.images(dir.resolve(FashionMnist.TRAIN_IMAGES), limit),
        IdxLabels.read(dir.resolve(IdxLabels.TRAIN_LABELS), limit));
  }

  /** The Fashion-MNIST test split (first {@code limit} when limit > 0) from {@code dir}. */
  public static LabelledImages fashionMnistTest(Path dir, int limit) {
    return new LabelledImages(
        FashionMnist.images(dir.resolve(FashionMnist.TEST_IMAGES), limit),
        IdxLabels.read(dir.resolve(IdxLabels.TEST_LABELS), limit));
  }

  /**
   * Every {@value #EMOJI_TEST_EVERY}th image of the emoji folder (sorted by name) is in the test
   * split, the rest in train.
   */
  public static final int EMOJI_TEST_EVERY = 5;

  /**
   * The training split of the emoji folder {@code dir}, labelled by category from {@code index}
   * (emoji.json).
   */
  public static LabelledImages emojiTrain(Path dir, Path index) {
    return emoji(dir, index, false);
  }

  /**
   * The test split of the emoji folder {@code dir}: images {@code 4, 9, 14, …} in file-name order.
   */
  public static LabelledImages emojiTest(Path dir, Path index) {
    return emoji(dir, index, true);
  }

  private static LabelledImages emoji(Path dir, Path index, boolean test) {
    List<Path> all = ImageFolder.files(dir);
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      if ((i % EMOJI_TEST_EVERY == EMOJI_TEST_EVERY - 1) == test) {
        files.add(all.get(i));
      }
    }
    checkArgument(
        !files.isEmpty(), "%s: too few images for a %s split", dir, test ? "test" : "training");
    List<String> names = files.stream().map(p -> p.getFileName().toString()).toList();
    int[] labels =
        EmojiCategories.read(index).labels(names, ClassifierArchitecture.EMOJI.classNames());
    Shape in = ClassifierArchitecture.EMOJI.input();
    return new LabelledImages(ImageFolder.load(files, in.height()), labels);
  }

  public int size() {
    return labels.length;
  }
}
