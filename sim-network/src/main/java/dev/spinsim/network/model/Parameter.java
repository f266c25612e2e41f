package dev.spinsim.network.model;

import dev.spinsim.network.tensor.Tensor;

/**
 * A named tensor of a network with its gradient (buffers such as running_mean have no use for the
 * gradient).
 */
public final class Parameter {
  private final String name;
  private final Tensor value;
  private final Tensor grad;
  private final boolean trainable;

  Parameter(String name, Tensor value, boolean trainable) {
    this.name = name;
    this.value = value;
    this.grad = Tensor.zeros(value.shape());
    this.trainable = trainable;
  }

  /** PyTorch's state_dict key, e.g. {@code main.0.weight}. */
  public String name() {
    return name;
  }

  public Tensor value() {
    return value;
  }

  public Tensor grad() {
    return grad;
  }

  public boolean trainable() {
    return trainable;
  }

  void accumulate(Tensor g) {
    if (g != null) {
      grad.addInPlace(g);
    }
  }
}
