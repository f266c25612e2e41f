package dev.spinsim.network.model;

import java.util.Arrays;

/**
 * A named tensor a layer owns: {@code suffix} is PyTorch's attribute name ("weight", "bias",
 * "running_mean", "running_var"); buffers are state that is saved but not trained.
 */
public record ParamSpec(String suffix, int[] shape, boolean trainable) {
  public ParamSpec {
    shape = shape.clone();
  }

  @Override
  public int[] shape() {
    return shape.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ParamSpec p
        && p.suffix.equals(suffix)
        && Arrays.equals(p.shape, shape)
        && p.trainable == trainable;
  }

  @Override
  public int hashCode() {
    return suffix.hashCode() * 31 + Arrays.hashCode(shape);
  }

  @Override
  public String toString() {
    return suffix + Arrays.toString(shape);
  }
}
