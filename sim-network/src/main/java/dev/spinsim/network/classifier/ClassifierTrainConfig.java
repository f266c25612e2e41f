package dev.spinsim.network.classifier;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * Hyper-parameters of a classifier training run: Adam (β₁ 0.9, β₂ 0.999, ε 1e-8) at a constant
 * rate.
 */
public record ClassifierTrainConfig(
    ClassifierArchitecture architecture, int epochs, int batch, double learningRate, long seed) {
  public ClassifierTrainConfig {
    checkArgument(epochs > 0, "epochs must be > 0, got %s", epochs);
    checkArgument(batch > 0, "batch must be > 0, got %s", batch);
    checkArgument(
        learningRate > 0 && learningRate < 1,
        "learning rate must be in (0, 1), got %s",
        learningRate);
  }
}
