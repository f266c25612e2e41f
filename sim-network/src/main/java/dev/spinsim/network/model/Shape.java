package dev.spinsim.network.model;

import static com.google.common.base.Preconditions.checkArgument;

/** Shape of one sample (channels × height × width) flowing between layers. */
public record Shape(int channels, int height, int width) {
  public Shape {
    checkArgument(
        channels > 0 && height > 0 && width > 0,
        "shape must be positive, got %sx%sx%s",
        channels,
        height,
        width);
  }

  public int size() {
    return channels * height * width;
  }

  @Override
  public String toString() {
    return channels + "x" + height + "x" + width;
  }
}
