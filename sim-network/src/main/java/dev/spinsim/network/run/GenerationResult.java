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
    EnergyTable table) {

  /** The generated images, {@code N×C×H×W} in [−1, 1] (tanh outputs). */
  public float[] images() {
    int n = run.images();
    int size = chip.image(0).length;
    float[] out = new float[n * size];
    for (int i = 0; i < n; i++) {
      System.arraycopy(chip.image(i), 0, out, i * size, size);
    }
    return out;
  }

  /** The discriminator's scores, or null when D did not run. */
  public double[] scores() {
    if (!setup.runsDiscriminator()) {
      return null;
    }
    double[] s = new double[run.images()];
    for (int i = 0; i < s.length; i++) {
      s[i] = chip.score(i);
    }
    return s;
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
