package dev.spinsim.cli.sweep;

import static com.google.common.base.Preconditions.checkArgument;

import java.io.Serializable;

/**
 * What every point of a sweep shares: the model, its weights ({@code null}: the shipped ones), the
 * base preset, images per point, the seed of latents and device noise, FID samples per point (0: no
 * FID) and where kept run folders go ({@code null}: not kept). Serializable, so a Spark task can
 * rebuild the evaluator on an executor.
 */
public record SweepSettings(
    String model,
    String weights,
    String preset,
    int images,
    long seed,
    int fidSamples,
    String keepRunsDir)
    implements Serializable {
  /** Validates. */
  public SweepSettings {
    checkArgument(model != null && !model.isBlank(), "--model is required");
    checkArgument(preset != null && !preset.isBlank(), "--preset is required");
    checkArgument(
        images >= 1 && images <= 4095, "--images must be an integer in 1..4095, got %s", images);
    checkArgument(
        fidSamples == 0 || (fidSamples >= 2 && fidSamples <= 100_000),
        "--fid-samples must be 0 (no FID) or in 2..100000, got %s",
        fidSamples);
  }
}
