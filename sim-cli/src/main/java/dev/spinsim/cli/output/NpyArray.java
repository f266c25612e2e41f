package dev.spinsim.cli.output;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Arrays;

/**
 * A float32 array with a C-order shape, as stored in a NumPy {@code .npy} file. The arrays are
 * copied in and out so that an instance never changes.
 */
public final class NpyArray {
  private final int[] shape;
  private final float[] data;

  /**
   * Wraps a copy of {@code data} with the given shape; the shape's product must equal its length.
   */
  public NpyArray(int[] shape, float[] data) {
    checkArgument(shape != null && data != null, "shape and data are required");
    long size = 1;
    for (int dim : shape) {
      checkArgument(dim >= 0, "npy shape %s has a negative dimension", Arrays.toString(shape));
      size *= dim;
    }
    checkArgument(
        size == data.length,
        "npy shape %s holds %s values but the data has %s",
        Arrays.toString(shape),
        size,
        data.length);
    this.shape = shape.clone();
    this.data = data.clone();
  }

  /** The shape (a copy). */
  public int[] shape() {
    return shape.clone();
  }

  /** The values in C order (a copy). */
  public float[] data() {
    return data.clone();
  }

  /** Number of values. */
  public int size() {
    return data.length;
  }

  /** The value at flat C-order index {@code i}. */
  public float get(int i) {
    return data[i];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NpyArray other
        && Arrays.equals(shape, other.shape)
        && Arrays.equals(data, other.data);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return "NpyArray" + Arrays.toString(shape);
  }
}
