package dev.spinsim.network.generation;

import dev.spinsim.core.energy.EnergyReport;
import dev.spinsim.core.energy.EnergyTable;
import dev.spinsim.devices.energy.AreaReport;
import dev.spinsim.devices.energy.AreaTable;
import dev.spinsim.devices.energy.ComponentClasses;
import dev.spinsim.devices.preset.PresetAreaTable;
import dev.spinsim.network.chip.Chip;
import dev.spinsim.network.run.HardwareRun;
import dev.spinsim.network.run.ImageQuality;
import dev.spinsim.network.run.ImageSink;
import dev.spinsim.network.run.RunMetrics;
import dev.spinsim.network.run.RunMode;
import dev.spinsim.network.run.Stage;
import dev.spinsim.network.run.TileActivity;
import dev.spinsim.network.tensor.Tensor;
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
   * The generated images, {@code N×C×H×W} in [−1, 1] (tanh outputs), or null when the run streamed
   * them to an {@link ImageSink} instead of keeping them (then {@link #latents} is null too).
   */
  @Override
  public float[] images() {
    return images;
  }

  /**
   * The float network's images of the same latents ({@code N×C×H×W}, eval-mode batchnorm): the
   * reference the chip's images are scored against.
   */
  public float[] floatImages() {
    int latent = setup.model().latent();
    int n = latents.length / latent;
    Tensor z = Tensor.of(latents.clone(), n, latent, 1, 1);
    return setup.generator().forward(z, false).data();
  }

  /** The chip's images against {@link #floatImages()}. */
  public ImageQuality quality() {
    return ImageQuality.compare(images(), floatImages(), images().length / run.images());
  }

  /**
   * The run's headline figures; {@code presetLabel} names the preset and {@code overrides} the
   * {@code --set} changes in readable form (empty for none); {@code quality} may be null.
   */
  public RunMetrics metrics(String presetLabel, String overrides, ImageQuality quality) {
    return metrics(presetLabel, overrides, quality, outsideUnitRange(images()));
  }

  /**
   * As above for a run that streamed its images: {@code pixelsOutsideUnitRange} is the count of
   * pixel values outside [−1, 1] over all of them.
   */
  public RunMetrics metrics(
      String presetLabel, String overrides, ImageQuality quality, long pixelsOutsideUnitRange) {
    int n = run.images();
    boolean timed = run.mode() == RunMode.CYCLE_ACCURATE;
    RunMetrics.Builder b =
        RunMetrics.builder()
            .identity(setup.model().name(), presetLabel, overrides, run.mode(), n, setup.seed());
    if (timed) {
      // the first image meets an empty pipeline: its latency is the chip's latency per image
      b.timing(run.latencyPs(0) / 1e3, run.meanLatencyPs() / 1e3, run.makespanPs() / 1e3);
    }
    b.energy(
        energy.totalPj(),
        energy.dynamicPj(),
        timed ? energy.leakagePj() : Double.NaN,
        activationEnergyPj(),
        dwActivationEnergyPj(null));
    if (setup.runsDiscriminator()) {
      int g = chip.generatorStages();
      int last = chip.stages().length - 1;
      double gLat = timed ? (run.stageEndPs(g - 1, 0) - run.imageStartPs(0)) / 1e3 : Double.NaN;
      double dLat = timed ? (run.stageEndPs(last, 0) - run.stageStartPs(g, 0)) / 1e3 : Double.NaN;
      b.networks(
          new RunMetrics.NetworkPart(
              gLat, energyPj("G"), activationEnergyPj("G"), dwActivationEnergyPj("G")),
          new RunMetrics.NetworkPart(
              dLat, energyPj("D"), activationEnergyPj("D"), dwActivationEnergyPj("D")));
      double sum = 0;
      for (double s : scores()) {
        sum += s;
      }
      b.discriminatorScoreMean(sum / n);
    }
    int crossbars = 0;
    for (var m : chip.mappings()) {
      crossbars += m.crossbars();
    }
    b.areaAndPower(area().totalMm2(), timed ? peakTilePowerMw() : Double.NaN, macsPerImage());
    b.programming(programSteps(), programmingEnergyPj());
    return b.quality(quality)
        .chip(chip.tiles(), crossbars, run.eventsProcessed())
        .pixelsOutsideUnitRange(pixelsOutsideUnitRange)
        .build();
  }

  /** Pixel values outside [−1, 1] (NaN included) in {@code pixels}. */
  public static long outsideUnitRange(float[] pixels) {
    long outside = 0;
    for (float v : pixels) {
      if (!(v >= -1f && v <= 1f)) {
        outside++;
      }
    }
    return outside;
  }

  /**
   * The area of the chip's registered components (the preset's area table on the run's ledger):
   * total, per component class and per layer (tag).
   */
  public AreaReport area() {
    return areaTable().report(chip.ledger());
  }

  /** The preset's area reference table (mm² per unit of each component class). */
  public AreaTable areaTable() {
    return PresetAreaTable.build(setup.devices());
  }

  /** Level steps of every cell programmed with the weights (one-time, before the first image). */
  public long programSteps() {
    return chip.programming()
        .countByClass(ComponentClasses.CROSSBAR, ComponentClasses.PROGRAM_STEP);
  }

  /** Energy of programming the weights, pJ: the programming ledger priced by the run's table. */
  public double programmingEnergyPj() {
    return EnergyReport.price(chip.programming(), table, 0).totalPj();
  }

  /** Useful MACs of one image over every stage: performed MACs minus inserted zeros and padding. */
  public long macsPerImage() {
    long macs = 0;
    for (Stage s : chip.stages()) {
      var g = s.mapping().geometry();
      macs += g.macsPerformed() - g.zeroMacs();
    }
    return macs;
  }

  /**
   * The busiest tile's power, mW: the most any tile draws over a time window of the run ({@link
   * TileActivity#peakPowerMw}: its actions in the window priced by the energy table plus its share
   * of its layer's leakage, over the window); NaN for a functional run.
   */
  public double peakTilePowerMw() {
    TileActivity a = run.activity();
    return a == null ? Double.NaN : a.peakPowerMw(chip.stages(), chip.ledger(), table);
  }

  /**
   * The busiest layer's mean power per tile over its busy interval, mW ({@link
   * TileActivity#meanPowerMw}): the average {@link #peakTilePowerMw} is never below; NaN for a
   * functional run.
   */
  public double meanTilePowerMw() {
    TileActivity a = run.activity();
    return a == null ? Double.NaN : a.meanPowerMw(chip.stages(), chip.ledger(), table);
  }

  /** The discriminator's score per image, or null when D did not run. */
  @Override
  public double[] scores() {
    return scores;
  }

  /** Energy of every activation unit (role {@code activation}, any device), pJ. */
  public double activationEnergyPj() {
    return activationEnergyPj(null);
  }

  /** As {@link #activationEnergyPj()}, of one network ({@code G} or {@code D}; null for both). */
  public double activationEnergyPj(String network) {
    return activationEnergyPj(chip, energy, network, false);
  }

  /**
   * Energy of the domain-wall activation units only (classes {@code dw_…}), pJ: the paper's
   * "testing energy" counts only these; 0 on a chip without DW devices. Of one network ({@code G},
   * {@code D}) or of both (null).
   */
  public double dwActivationEnergyPj(String network) {
    return activationEnergyPj(chip, energy, network, true);
  }

  /**
   * Energy of {@code chip}'s activation units in a priced ledger, pJ: all of them, or only the
   * domain-wall devices; of network {@code network} ({@code G}, {@code D}, or null for both).
   */
  public static double activationEnergyPj(
      Chip chip, EnergyReport energy, String network, boolean domainWallOnly) {
    double sum = 0;
    Map<String, Double> byComponent = energy.byComponentPj();
    for (var c : chip.ledger().components()) {
      boolean counted =
          ComponentClasses.ACTIVATION_ROLE.equals(c.role())
              && (!domainWallOnly || ComponentClasses.isDomainWall(c.componentClass()));
      if (counted && (network == null || c.tag().startsWith(network + "."))) {
        sum += byComponent.getOrDefault(c.name(), 0.0);
      }
    }
    return sum;
  }

  /**
   * The activation devices the figures count, as ledger classes: {@code all} of them, or the
   * domain-wall ones alone (for the note that says what a figure counted).
   */
  public java.util.SortedSet<String> activationClasses(boolean domainWallOnly) {
    java.util.SortedSet<String> out = new java.util.TreeSet<>();
    for (var c : chip.ledger().components()) {
      if (ComponentClasses.ACTIVATION_ROLE.equals(c.role())
          && (!domainWallOnly || ComponentClasses.isDomainWall(c.componentClass()))) {
        out.add(c.componentClass());
      }
    }
    return out;
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
