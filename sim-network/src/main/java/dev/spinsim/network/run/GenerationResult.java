package dev.spinsim.network.run;

import dev.spinsim.core.energy.EnergyReport;
import dev.spinsim.core.energy.EnergyTable;
import dev.spinsim.devices.energy.ComponentClasses;
import dev.spinsim.network.chip.Chip;
import java.util.Map;

/** What a generation run produced: images, scores, timing and the priced action ledger. */
public record GenerationResult(
    GenerationSetup setup,
    Chip chip,
    HardwareRun run,
    float[] latents,
    EnergyReport energy,
    EnergyTable table,
    float[] images,
    double[] scores) {

  /** The same run with its latents, images and scores kept (a run that collected them). */
  GenerationResult withImages(float[] latents, float[] images, double[] scores) {
    return new GenerationResult(setup, chip, run, latents, energy, table, images, scores);
  }

  /**
   * The generated images, {@code N×C×H×W} in [−1, 1] (tanh outputs), or null when the run
   * streamed them to an {@link ImageSink} instead of keeping them.
   */
  @Override
  public float[] images() {
    return images;
  }

  /** The discriminator's scores, or null when D did not run or the run streamed them. */
  @Override
  public double[] scores() {
    return scores;
  }

  /**
   * Energy of the domain-wall activation units (ReLU and Leaky ReLU), pJ: the paper's "testing
   * energy" counts only these.
   */
  public double activationEnergyPj() {
    return activationEnergyPj(null);
  }

  /** As {@link #activationEnergyPj()}, of one network ({@code G} or {@code D}; null for both). */
  public double activationEnergyPj(String network) {
    return activationEnergyPj(chip, energy, network);
  }

  /**
   * Energy of the domain-wall activation units of {@code chip}'s network {@code network}
   * ({@code G}, {@code D}, or null for both) in a priced ledger, pJ.
   */
  public static double activationEnergyPj(Chip chip, EnergyReport energy, String network) {
    double sum = 0;
    Map<String, Double> byComponent = energy.byComponentPj();
    for (var c : chip.ledger().components()) {
      boolean dw = c.componentClass().equals(ComponentClasses.RELU)
          || c.componentClass().equals(ComponentClasses.LEAKY_RELU);
      if (dw && (network == null || c.tag().startsWith(network + "."))) {
        sum += byComponent.getOrDefault(c.name(), 0.0);
      }
    }
    return sum;
  }

  /** Total energy of one network's components ({@code G} or {@code D}), pJ. */
  public double energyPj(String network) {
    double sum = 0;
    for (Map.Entry<String, Double> e : energy.byTagPj().entrySet()) {
      if (e.getKey().startsWith(network + ".")) {
        sum += e.getValue();
      }
    }
    return sum;
  }
}
