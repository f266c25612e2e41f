package dev.spinsim.cli.report;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Arrays;

/**
 * Generated images, float32 in N×C×H×W (C order) with C = 1 (grayscale) or 3 (RGB), held as the
 * generator computed them: a generator ending in Tanh gives values in [−1, 1], one ending in a
 * linear layer may overshoot (the run metrics count those; the PNGs clip them). The pixels are
 * copied in, so an instance never changes.
 */
public final class ImageBatch {
  private final int count;
  private final int channels;
  private final int height;
  private final int width;
  private final float[] pixels;

  /** Validates and copies {@code pixels}. */
  public ImageBatch(int count, int channels, int height, int width, float[] pixels) {
    checkArgument(count > 0, "image count must be positive, got %s", count);
    checkArgument(
        channels == 1 || channels == 3, "images must have 1 or 3 channels, got %s", channels);
    checkArgument(height > 0 && width > 0, "image size must be positive, got %sx%s", height, width);
    checkArgument(pixels != null, "image pixels are required");
    long expected = (long) count * channels * height * width;
    checkArgument(
        pixels.length == expected,
        "images %sx%sx%sx%s need %s values, got %s",
        count,
        channels,
        height,
        width,
        expected,
        pixels.length);
    this.count = count;
    this.channels = channels;
    this.height = height;
    this.width = width;
    this.pixels = pixels.clone();
  }

  /** Number of images N. */
  public int count() {
    return count;
  }

  /** Channels C (1 or 3). */
  public int channels() {
    return channels;
  }

  /** Height H in pixels. */
  public int height() {
    return height;
  }

  /** Width W in pixels. */
  public int width() {
    return width;
  }

  /** The shape {N, C, H, W}. */
  public int[] shape() {
    return new int[] {count, channels, height, width};
  }

  /** A copy of the pixels in C order. */
  public float[] pixels() {
    return pixels.clone();
  }

  /** The pixels without copying, for writers in this package that only read them. */
  float[] pixelsUnsafe() {
    return pixels;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ImageBatch other
        && Arrays.equals(shape(), other.shape())
        && Arrays.equals(pixels, other.pixels);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(shape()) + Arrays.hashCode(pixels);
  }

  @Override
  public String toString() {
    return "ImageBatch" + Arrays.toString(shape());
  }
}
