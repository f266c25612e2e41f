package dev.spinsim.network.run;

import static com.google.common.base.Preconditions.checkArgument;

import dev.spinsim.core.energy.ActionLedger;
import dev.spinsim.core.energy.ComponentInfo;
import dev.spinsim.core.energy.EnergyReport;
import dev.spinsim.core.energy.EnergyTable;
import dev.spinsim.core.trace.TraceLevel;
import dev.spinsim.core.trace.TraceSink;
import dev.spinsim.devices.preset.PresetEnergyTable;
import dev.spinsim.network.chip.Chip;
import dev.spinsim.network.chip.ChipBuilder;
import dev.spinsim.network.chip.NetworkPlanner;
import dev.spinsim.network.chip.RangeCalibration;
import dev.spinsim.network.chip.StagePlan;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;

/**
 * Generates images on a simulated chip: plans the crossbar stages, calibrates the converter
 * ranges, places the stages on the preset's hardware, draws the latents from the seed and runs
 * them through the chip (and through the discriminator on the same chip when asked).
 */
public final class Generation {
  private Generation() {}

  /** Builds the chip of a setup for {@code images} images (no simulation yet). */
  public static Chip buildChip(GenerationSetup s, int images) {
    List<StagePlan> plans = new ArrayList<>(NetworkPlanner.plan("G", s.generator()));
    int gStages = plans.size();
    if (s.runsDiscriminator()) {
      plans.addAll(NetworkPlanner.plan("D", s.discriminator()));
    }
    List<RangeCalibration.Range> ranges = RangeCalibration.measure(s.generator(),
        s.discriminator(), s.model().latent());
    return new ChipBuilder(s.devices(), s.strategy(), s.options(), s.seed())
        .build(plans, gStages, ranges, images);
  }

  /** The latents of a run: {@code images × latent} standard normals from {@code seed}. */
  public static float[] latents(long seed, int images, int latent) {
    SplittableRandom rng = new SplittableRandom(seed);
    float[] z = new float[images * latent];
    for (int i = 0; i < z.length; i++) {
      z[i] = (float) rng.nextGaussian();
    }
    return z;
  }

  /**
   * Runs {@code images} images; {@code trace} receives phase or layer rows at its level;
   * {@code progress} is told each finished image.
   */
  public static GenerationResult run(GenerationSetup s, int images, RunMode mode, TraceSink trace,
      IntConsumer progress) {
    checkArgument(images > 0, "images must be a positive integer, got %s", images);
    Chip chip = buildChip(s, images);
    int latent = s.model().latent();
    float[] z = latents(s.seed(), images, latent);
    float[] one = new float[latent];
    for (int i = 0; i < images; i++) {
      System.arraycopy(z, i * latent, one, 0, latent);
      chip.setLatent(i, one);
    }
    EnergyTable table = PresetEnergyTable.build(s.devices());
    ActionLedger ledger = chip.ledger();
    double[][] prices = trace.level() == TraceLevel.OFF ? null : prices(ledger, table);
    HardwareRun run = HardwareRun.run(chip.stages(), images, mode, ledger, trace, prices,
        progress);
    EnergyReport energy = EnergyReport.price(ledger, table, run.makespanPs());
    return new GenerationResult(s, chip, run, z, energy, table);
  }

  /** Energy per action of every registered component, for the trace's energy column. */
  static double[][] prices(ActionLedger ledger, EnergyTable table) {
    List<ComponentInfo> comps = ledger.components();
    List<String> actions = ledger.actions();
    double[][] p = new double[comps.size()][actions.size()];
    for (ComponentInfo c : comps) {
      for (int a = 0; a < actions.size(); a++) {
        try {
          p[c.id()][a] = table.energyPj(c, actions.get(a));
        } catch (IllegalArgumentException unknownAction) {
          p[c.id()][a] = Double.NaN; // never recorded for this class
        }
      }
    }
    return p;
  }
}
