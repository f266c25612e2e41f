package dev.spinsim.network.classifier;

import dev.spinsim.network.data.EmojiCategories;
import dev.spinsim.network.data.FashionMnist;
import dev.spinsim.network.model.Shape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A labelled real image set with a train and a test split and the classifier that defines its FID
 * feature space: Fashion-MNIST (IDX files, 60,000 / 10,000) or the emoji set (a PNG folder labelled
 * by {@code emoji.json} category, split 4:1 by file-name order).
 */
public enum RealDataset {
  FASHION_MNIST("fmnist", "Fashion-MNIST", ClassifierArchitecture.FMNIST, FashionMnist.DEFAULT_DIR),
  EMOJI(
      "emoji",
      "emoji (Noto, emoji-datasource-google 16.0.0)",
      ClassifierArchitecture.EMOJI,
      Path.of("package", "img", "google", "64"));

  private final String id;
  private final String title;
  private final ClassifierArchitecture architecture;
  private final Path defaultDir;

  RealDataset(String id, String title, ClassifierArchitecture architecture, Path defaultDir) {
    this.id = id;
    this.title = title;
    this.architecture = architecture;
    this.defaultDir = defaultDir;
  }

  /** Short name used in file names and on the command line ({@code fmnist}, {@code emoji}). */
  public String id() {
    return id;
  }

  public String title() {
    return title;
  }

  public ClassifierArchitecture architecture() {
    return architecture;
  }

  /** The data set whose images have the shape {@code image}. */
  public static RealDataset forImage(Shape image) {
    ClassifierArchitecture a = ClassifierArchitecture.forImage(image);
    for (RealDataset d : values()) {
      if (d.architecture == a) {
        return d;
      }
    }
    throw new IllegalStateException("no data set for " + a.name());
  }

  /** The data set named {@code id}. */
  public static RealDataset of(String id) {
    for (RealDataset d : values()) {
      if (d.id.equals(id.toLowerCase(Locale.ROOT))) {
        return d;
      }
    }
    throw new IllegalArgumentException("--dataset " + id + ": unknown, expected fmnist or emoji");
  }

  /**
   * {@code dir}, or where the data set is by default (the Debian package, or the npm package
   * unpacked here).
   */
  public Path dir(Path dir) {
    if (dir != null) {
      return dir;
    }
    if (this == EMOJI && !Files.isDirectory(defaultDir)) {
      throw new IllegalArgumentException(
          "the emoji set is not at "
              + defaultDir
              + ": run `npm pack emoji-datasource-google@16.0.0"
              + " && tar xzf emoji-datasource-google-16.0.0.tgz` here, or pass --data DIR (the folder of 64x64 PNGs)");
    }
    return defaultDir;
  }

  /** The training split ({@code limit} > 0 keeps the first images; emoji ignores it). */
  public LabelledImages train(Path dir, Path labels, int limit) {
    return switch (this) {
      case FASHION_MNIST -> LabelledImages.fashionMnistTrain(dir(dir), limit);
      case EMOJI -> LabelledImages.emojiTrain(dir(dir), index(dir, labels));
    };
  }

  /** The test split. */
  public LabelledImages test(Path dir, Path labels) {
    return switch (this) {
      case FASHION_MNIST -> LabelledImages.fashionMnistTest(dir(dir), 0);
      case EMOJI -> LabelledImages.emojiTest(dir(dir), index(dir, labels));
    };
  }

  private Path index(Path dir, Path labels) {
    return labels != null ? labels : EmojiCategories.locate(dir(dir));
  }
}
