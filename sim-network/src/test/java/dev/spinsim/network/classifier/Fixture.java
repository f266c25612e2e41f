package dev.spinsim.network.classifier;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** The first 300 Fashion-MNIST test images and labels, cut into test resources (IDX, gzip). */
public final class Fixture {
  private Fixture() {}

  public static Path dir() {
    try {
      return Path.of(
              Fixture.class
                  .getResource("/dev/spinsim/network/classifier/t10k-images-idx3-ubyte.gz")
                  .toURI())
          .getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  public static LabelledImages test300() {
    return LabelledImages.fashionMnistTest(dir(), 0);
  }
}
