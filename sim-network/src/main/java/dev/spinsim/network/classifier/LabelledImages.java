package dev.spinsim.network.classifier;

import static com.google.common.base.Preconditions.checkArgument;

import dev.spinsim.network.data.FashionMnist;
import dev.spinsim.network.tensor.Tensor;
import java.nio.file.Path;

/** Images [n, 1, 28, 28] in [−1, 1] with their class labels. */
public record LabelledImages(Tensor images, int[] labels) {
  public LabelledImages {
    checkArgument(images.rank() == 4, "images must be NCHW, got %s", images.shapeString());
    checkArgument(images.n() == labels.length, "%s images but %s labels", images.n(), labels.length);
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

  public int size() {
    return labels.length;
  }
}
