package dev.spinsim.network.train;

import static com.google.common.base.Preconditions.checkArgument;

import dev.spinsim.network.hwaware.HardwareAwareness;
import dev.spinsim.network.model.ModelSpec;
import java.nio.file.Path;

/**
 * Everything a training run depends on; the same config and data give byte-identical checkpoints.
 */
public record TrainConfig(
    ModelSpec model,
    int epochs,
    int batch,
    long seed,
    HardwareAwareness hardware,
    String hardwareName,
    Path out,
    boolean resume,
    double lr,
    double beta1,
    double beta2,
    int sampleCount,
    double realLabel) {
  public TrainConfig {
    checkArgument(
        realLabel > 0.5 && realLabel <= 1, "--real-label must be in (0.5, 1], got %s", realLabel);
    checkArgument(epochs > 0, "--epochs must be > 0, got %s", epochs);
    checkArgument(batch >= 2, "--batch must be >= 2 (batchnorm needs a batch), got %s", batch);
    checkArgument(lr > 0, "learning rate must be > 0");
    checkArgument(sampleCount > 0, "sample count must be > 0");
  }

  /** The DCGAN defaults: Adam lr 2e-4, β1 0.5, β2 0.999, 64 samples per grid. */
  public static TrainConfig dcgan(
      ModelSpec model,
      int epochs,
      int batch,
      long seed,
      HardwareAwareness hw,
      String hwName,
      Path out,
      boolean resume) {
    return new TrainConfig(
        model, epochs, batch, seed, hw, hwName, out, resume, 2e-4, 0.5, 0.999, 64, 1.0);
  }

  /**
   * This config with the discriminator's target for real images set to {@code label} (one-sided
   * label smoothing, e.g. 0.9: keeps a small data set's discriminator from saturating).
   */
  public TrainConfig withRealLabel(double label) {
    return new TrainConfig(
        model,
        epochs,
        batch,
        seed,
        hardware,
        hardwareName,
        out,
        resume,
        lr,
        beta1,
        beta2,
        sampleCount,
        label);
  }
}
