package dev.spinsim.network.classifier;

import static com.google.common.base.Preconditions.checkArgument;

import dev.spinsim.network.model.Shape;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * The shape of a {@link CnnClassifier}: blocks of 3×3 convolution (padding 1), ReLU and 2×2
 * max-pool, then {@code Linear(·, features)}, ReLU — the FID feature layer — and {@code
 * Linear(features, classes)}. Tensor names follow the PyTorch {@code nn.Sequential} of {@link
 * #pytorch()}, so the weights load unchanged into that module.
 */
public record ClassifierArchitecture(
    String name, Shape input, List<Integer> convChannels, int features, List<String> classNames) {
  public ClassifierArchitecture {
    checkArgument(!name.isBlank(), "classifier name must not be blank");
    convChannels = List.copyOf(convChannels);
    classNames = List.copyOf(classNames);
    checkArgument(!convChannels.isEmpty(), "a classifier needs at least one convolution block");
    int pool = 1 << convChannels.size();
    checkArgument(
        input.height() % pool == 0 && input.width() % pool == 0,
        "input %s x %s is not divisible by the %s poolings",
        input.height(),
        input.width(),
        pool);
    checkArgument(features > 0, "features must be > 0, got %s", features);
    checkArgument(
        classNames.size() >= 2,
        "a classifier needs at least two classes, got %s",
        classNames.size());
  }

  /**
   * The Fashion-MNIST CNN (91.4 % test accuracy shipped): 28×28×1, blocks of 32 and 64, 128
   * features.
   */
  public static final ClassifierArchitecture FMNIST =
      new ClassifierArchitecture(
          "fmnist-cnn",
          new Shape(1, 28, 28),
          List.of(32, 64),
          128,
          List.of(
              "T-shirt/top",
              "Trouser",
              "Pullover",
              "Dress",
              "Coat",
              "Sandal",
              "Shirt",
              "Sneaker",
              "Bag",
              "Ankle boot"));

  /**
   * The emoji-category CNN: 64×64×3, blocks of 16, 32 and 64, 128 features, one class per {@code
   * emoji.json} category in the set's own order.
   */
  public static final ClassifierArchitecture EMOJI =
      new ClassifierArchitecture(
          "emoji-cnn",
          new Shape(3, 64, 64),
          List.of(16, 32, 64),
          128,
          List.of(
              "Smileys & Emotion",
              "People & Body",
              "Component",
              "Animals & Nature",
              "Food & Drink",
              "Travel & Places",
              "Activities",
              "Objects",
              "Symbols",
              "Flags"));

  /** The architecture whose input is {@code image}: FMNIST for 1×28×28, EMOJI for 3×64×64. */
  public static ClassifierArchitecture forImage(Shape image) {
    for (ClassifierArchitecture a : List.of(FMNIST, EMOJI)) {
      if (a.input().equals(image)) {
        return a;
      }
    }
    throw new IllegalArgumentException(
        "no feature classifier for "
            + image.channels()
            + "x"
            + image.height()
            + "x"
            + image.width()
            + " images (there are classifiers for 1x28x28 Fashion-MNIST and 3x64x64 emoji)");
  }

  public int classes() {
    return classNames.size();
  }

  /** Channels × height × width entering the first dense layer. */
  public int flattened() {
    int pool = 1 << convChannels.size();
    return convChannels.get(convChannels.size() - 1)
        * (input.height() / pool)
        * (input.width() / pool);
  }

  /** PyTorch index of the first dense layer (after the blocks and a Flatten). */
  int hiddenIndex() {
    return 3 * convChannels.size() + 1;
  }

  /** The same module in PyTorch. */
  public String pytorch() {
    StringJoiner j = new StringJoiner(", ", "nn.Sequential(", ")");
    int in = input.channels();
    for (int c : convChannels) {
      j.add(
          String.format(Locale.ROOT, "Conv2d(%d, %d, 3, padding=1), ReLU(), MaxPool2d(2)", in, c));
      in = c;
    }
    j.add("Flatten()");
    j.add(
        String.format(
            Locale.ROOT,
            "Linear(%d, %d), ReLU(), Linear(%d, %d)",
            flattened(),
            features,
            features,
            classes()));
    return j.toString();
  }

  /** Which module's output the FID features are. */
  public String featureLayer() {
    return String.format(
        Locale.ROOT,
        "main.%d (ReLU after Linear(%d, %d))",
        hiddenIndex() + 1,
        flattened(),
        features);
  }
}
