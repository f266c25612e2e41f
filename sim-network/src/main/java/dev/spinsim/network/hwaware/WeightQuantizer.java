package dev.spinsim.network.hwaware;

import dev.spinsim.network.tensor.Tensor;

/**
 * Maps a layer's float weights to the values a synapse array can hold, for hardware-aware training:
 * the forward pass uses the quantised copy and the gradient passes straight through to the float
 * weights (straight-through estimator).
 */
public interface WeightQuantizer {
  /** A quantised copy of {@code weights} (same shape), using one scale for the whole layer. */
  Tensor quantize(Tensor weights);

  /** Conductance levels per device. */
  int levels();
}
