package dev.spinsim.network.quality;

import static com.google.common.base.Preconditions.checkArgument;

import dev.spinsim.network.tensor.Tensor;
import java.util.SplittableRandom;

/**
 * A seeded random subset (without replacement) of a fixed set of real images, e.g. the test split.
 */
public final class RealImageSource implements ImageSource {
  private final String name;
  private final Tensor images;

  public RealImageSource(String name, Tensor images) {
    this.name = name;
    this.images = images;
  }

  @Override
  public String name() {
    return name;
  }

  /** How many images there are to draw from. */
  public int available() {
    return images.n();
  }

  @Override
  public Tensor generate(int n, long seed) {
    int total = images.n();
    checkArgument(n > 0 && n <= total, "%s has %s images, cannot draw %s", name, total, n);
    int[] index = new int[total];
    for (int i = 0; i < total; i++) {
      index[i] = i;
    }
    SplittableRandom rng = new SplittableRandom(seed);
    for (int i = 0; i < n; i++) {
      int j = i + rng.nextInt(total - i);
      int t = index[i];
      index[i] = index[j];
      index[j] = t;
    }
    int per = images.size() / total;
    int[] shape = images.shape();
    shape[0] = n;
    Tensor out = Tensor.zeros(shape);
    for (int i = 0; i < n; i++) {
      System.arraycopy(images.data(), index[i] * per, out.data(), i * per, per);
    }
    return out;
  }
}
