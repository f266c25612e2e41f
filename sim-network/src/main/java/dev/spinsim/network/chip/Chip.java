package dev.spinsim.network.chip;

import dev.spinsim.core.energy.ActionLedger;
import dev.spinsim.core.resource.Resource;
import dev.spinsim.core.time.Clock;
import dev.spinsim.network.mapping.LayerMapping;
import dev.spinsim.network.run.Stage;
import java.util.ArrayList;
import java.util.List;

/**
 * A network placed on tiles of crossbars: the stages in dataflow order (generator, then
 * discriminator when it runs), the maps their values flow through, the action ledger their
 * components are registered in and the shared interconnect.
 */
public final class Chip {
  private final Stage[] stages;
  private final List<StagePlan> plans;
  private float[][][] maps;
  private final int generatorStages;
  private final ActionLedger ledger;
  private final ActionLedger programming;
  private final Resource interconnect;
  private final Clock clock;
  private final int tiles;

  Chip(
      Stage[] stages,
      List<StagePlan> plans,
      float[][][] maps,
      int generatorStages,
      ActionLedger ledger,
      ActionLedger programming,
      Resource interconnect,
      Clock clock,
      int tiles) {
    this.stages = stages;
    this.plans = List.copyOf(plans);
    this.maps = maps;
    this.generatorStages = generatorStages;
    this.ledger = ledger;
    this.programming = programming;
    this.interconnect = interconnect;
    this.clock = clock;
    this.tiles = tiles;
  }

  public Stage[] stages() {
    return stages.clone();
  }

  public List<StagePlan> plans() {
    return plans;
  }

  public List<LayerMapping> mappings() {
    List<LayerMapping> out = new ArrayList<>();
    for (Stage s : stages) {
      out.add(s.mapping());
    }
    return out;
  }

  /** The map feeding stage {@code s} for {@code image}; {@code s == stages} is the last output. */
  public float[] map(int s, int image) {
    return maps()[s][image];
  }

  /** Image slots the chip's maps hold: the most images one batch can carry. */
  public int slots() {
    return maps()[0].length;
  }

  /**
   * Lets the chip's values go once its run is over: every stage's device models ({@link
   * Stage#releaseValues()}) and the maps between the stages, most of the run's memory (a {@code
   * dcgan64} run on {@code paper}: the live heap goes from about 320 MB to 85 MB). The stages,
   * plans, ledgers, resources and counts stay for the report; reading a map or computing afterwards
   * throws {@link IllegalStateException}.
   */
  public void releaseValues() {
    for (Stage s : stages) {
      s.releaseValues();
    }
    maps = null;
  }

  private float[][][] maps() {
    if (maps == null) {
      throw new IllegalStateException("the chip's values were released after its run");
    }
    return maps;
  }

  /**
   * Chooses the Vector API loops (true, the default) or the scalar loops for every crossbar read of
   * the chip; both give the same bits. A short run is faster scalar: the JVM runs vector code in
   * slow fallbacks until it has compiled it, which a run of a few images never amortises.
   */
  public void setVectorised(boolean vector) {
    for (Stage s : stages) {
      if (s.values() instanceof CrossbarStageValues v) {
        v.setVectorised(vector);
      }
    }
  }

  /**
   * Starts a batch: slot {@code i} now carries image {@code firstImage + i} of the run (the read
   * noise is keyed on that index), for streaming a long run through {@link #slots()} slots.
   */
  public void beginBatch(int firstImage) {
    for (Stage s : stages) {
      s.values().beginBatch(firstImage);
    }
  }

  /** Loads a latent (C×1×1) as the first stage's input. */
  public void setLatent(int image, float[] z) {
    System.arraycopy(z, 0, maps()[0][image], 0, z.length);
  }

  /** The generated image ({@code C×H×W}, the generator's last output). */
  public float[] image(int image) {
    return maps()[generatorStages][image];
  }

  /** The discriminator's score of {@code image}, or NaN when it did not run. */
  public double score(int image) {
    return stages.length > generatorStages ? maps()[stages.length][image][0] : Double.NaN;
  }

  public int generatorStages() {
    return generatorStages;
  }

  public ActionLedger ledger() {
    return ledger;
  }

  /**
   * The one-time work of programming the weights: per layer, the crossbars' {@code program_step}
   * actions (level steps of every written cell), priced by the same energy table as the images.
   */
  public ActionLedger programming() {
    return programming;
  }

  public Resource interconnect() {
    return interconnect;
  }

  public Clock clock() {
    return clock;
  }

  /** Tiles the chip holds (each stage on its own tiles). */
  public int tiles() {
    return tiles;
  }
}
