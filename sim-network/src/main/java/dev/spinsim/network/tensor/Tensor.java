package dev.spinsim.network.tensor;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A dense float32 tensor in row-major order; four-dimensional tensors are NCHW. The data array is
 * exposed on purpose: the hot loops of the ops work on it directly.
 */
public final class Tensor {
  private final int[] shape;
  private final float[] data;

  private Tensor(int[] shape, float[] data) {
    this.shape = shape;
    this.data = data;
  }

  /** A zero tensor of the given shape. */
  public static Tensor zeros(int... shape) {
    return new Tensor(shape.clone(), new float[checkedSize(shape)]);
  }

  /** Wraps {@code data} (not copied) as a tensor of the given shape. */
  public static Tensor of(float[] data, int... shape) {
    checkArgument(
        data.length == checkedSize(shape),
        "tensor data has %s values but shape %s needs %s",
        data.length,
        Arrays.toString(shape),
        checkedSize(shape));
    return new Tensor(shape.clone(), data);
  }

  /** A tensor of independent N(mean, std^2) values drawn from {@code rng}. */
  public static Tensor normal(SplittableRandom rng, double mean, double std, int... shape) {
    Tensor t = zeros(shape);
    for (int i = 0; i < t.data.length; i++) {
      t.data[i] = (float) (mean + std * rng.nextGaussian());
    }
    return t;
  }

  private static int checkedSize(int[] shape) {
    long n = 1;
    for (int d : shape) {
      checkArgument(d > 0, "tensor dimensions must be positive, got %s", Arrays.toString(shape));
      n *= d;
    }
    checkArgument(n <= Integer.MAX_VALUE, "tensor too large: %s", Arrays.toString(shape));
    return (int) n;
  }

  public float[] data() {
    return data;
  }

  public int[] shape() {
    return shape.clone();
  }

  public int rank() {
    return shape.length;
  }

  public int dim(int i) {
    return shape[i];
  }

  public int size() {
    return data.length;
  }

  /** Batch size of an NCHW tensor. */
  public int n() {
    return shape[0];
  }

  /** Channels of an NCHW tensor. */
  public int c() {
    return shape[1];
  }

  /** Height of an NCHW tensor. */
  public int h() {
    return shape[2];
  }

  /** Width of an NCHW tensor. */
  public int w() {
    return shape[3];
  }

  public float get(int... index) {
    return data[offset(index)];
  }

  public void set(float v, int... index) {
    data[offset(index)] = v;
  }

  private int offset(int[] index) {
    checkArgument(
        index.length == shape.length,
        "index rank %s != tensor rank %s",
        index.length,
        shape.length);
    int off = 0;
    for (int i = 0; i < shape.length; i++) {
      checkArgument(
          index[i] >= 0 && index[i] < shape[i],
          "index %s out of shape %s",
          Arrays.toString(index),
          Arrays.toString(shape));
      off = off * shape[i] + index[i];
    }
    return off;
  }

  public boolean hasShape(int... s) {
    return Arrays.equals(shape, s);
  }

  /** A deep copy. */
  public Tensor copy() {
    return new Tensor(shape.clone(), data.clone());
  }

  /** The same data viewed with another shape of equal size. */
  public Tensor reshape(int... newShape) {
    return of(data, newShape);
  }

  /** Images {@code from} (inclusive) to {@code to} (exclusive) of the leading dimension, copied. */
  public Tensor slice(int from, int to) {
    checkArgument(
        0 <= from && from < to && to <= shape[0], "slice [%s, %s) out of %s", from, to, shape[0]);
    int per = data.length / shape[0];
    int[] s = shape.clone();
    s[0] = to - from;
    return new Tensor(s, Arrays.copyOfRange(data, from * per, to * per));
  }

  public void fill(float v) {
    Arrays.fill(data, v);
  }

  /** Adds {@code other} element-wise into this tensor. */
  public void addInPlace(Tensor other) {
    checkArgument(
        other.data.length == data.length,
        "size mismatch %s vs %s",
        Arrays.toString(shape),
        Arrays.toString(other.shape));
    float[] o = other.data;
    for (int i = 0; i < data.length; i++) {
      data[i] += o[i];
    }
  }

  /** Largest absolute element-wise difference to {@code other} (same size required). */
  public double maxAbsDiff(Tensor other) {
    checkArgument(
        other.data.length == data.length,
        "size mismatch %s vs %s",
        Arrays.toString(shape),
        Arrays.toString(other.shape));
    double m = 0;
    for (int i = 0; i < data.length; i++) {
      m = Math.max(m, Math.abs((double) data[i] - other.data[i]));
    }
    return m;
  }

  public String shapeString() {
    return Arrays.toString(shape);
  }

  @Override
  public String toString() {
    return "Tensor" + Arrays.toString(shape);
  }
}
