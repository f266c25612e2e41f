package dev.spinsim.network.generation;

import static com.google.common.base.Preconditions.checkArgument;

import dev.spinsim.core.energy.ActionLedger;
import dev.spinsim.core.energy.ComponentInfo;
import dev.spinsim.core.energy.EnergyReport;
import dev.spinsim.core.energy.EnergyTable;
import dev.spinsim.core.trace.TraceLevel;
import dev.spinsim.core.trace.TraceSink;
import dev.spinsim.devices.preset.PresetEnergyTable;
import dev.spinsim.network.chip.Chip;
import dev.spinsim.network.chip.ChipBuildCache;
import dev.spinsim.network.chip.ChipBuilder;
import dev.spinsim.network.chip.NetworkPlanner;
import dev.spinsim.network.chip.RangeCalibration;
import dev.spinsim.network.chip.StagePlan;
import dev.spinsim.network.run.HardwareRun;
import dev.spinsim.network.run.ImageSink;
import dev.spinsim.network.run.PhaseTimes;
import dev.spinsim.network.run.RunMode;
import dev.spinsim.network.run.Stage;
import dev.spinsim.network.tensor.Parallel;
import dev.spinsim.network.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.IntConsumer;

/**
 * Generates images on a simulated chip: plans the crossbar stages, calibrates the converter ranges,
 * places the stages on the preset's hardware, draws the latents from the seed and runs them through
 * the chip (and through the discriminator on the same chip when asked).
 */
public final class Generation {
  private Generation() {}

  /** Builds the chip of a setup for {@code images} images (no simulation yet). */
  public static Chip buildChip(GenerationSetup s, int images) {
    return buildChip(s, images, 0);
  }

  private static Chip buildChip(GenerationSetup s, int images, int firstImage) {
    return buildChip(s, plans(s), images, firstImage);
  }

  /** The crossbar stages of a setup: the generator's, then the discriminator's when it runs. */
  private static List<StagePlan> plans(GenerationSetup s) {
    List<StagePlan> plans = new ArrayList<>(NetworkPlanner.plan("G", s.generator()));
    if (s.runsDiscriminator()) {
      plans.addAll(NetworkPlanner.plan("D", s.discriminator()));
    }
    return plans;
  }

  private static Chip buildChip(
      GenerationSetup s, List<StagePlan> plans, int images, int firstImage) {
    int gStages = (int) plans.stream().filter(p -> p.network().equals("G")).count();
    List<RangeCalibration.Range> ranges =
        ChipBuildCache.shared()
            .ranges(
                s.generator(),
                s.discriminator(),
                s.model().latent(),
                () ->
                    RangeCalibration.measure(s.generator(), s.discriminator(), s.model().latent()));
    return new ChipBuilder(s.devices(), s.strategy(), s.options(), s.seed())
        .build(plans, gStages, ranges, images, firstImage);
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
   * Runs {@code images} images; {@code trace} receives phase or layer rows at its level; {@code
   * progress} is told each finished image.
   */
  public static GenerationResult run(
      GenerationSetup s, int images, RunMode mode, TraceSink trace, IntConsumer progress) {
    return run(s, images, mode, trace, progress, new PhaseTimes());
  }

  /** As above, marking the chip build and the simulation in {@code phases}. */
  public static GenerationResult run(
      GenerationSetup s,
      int images,
      RunMode mode,
      TraceSink trace,
      IntConsumer progress,
      PhaseTimes phases) {
    checkArgument(images > 0, "images must be a positive integer, got %s", images);
    return run(s, latents(s.seed(), images, s.model().latent()), 0, mode, trace, progress, phases);
  }

  /**
   * Runs the given latents ({@code images × latent}) as images {@code firstImage ..} of a run: how
   * a long run (thousands of images for FID) is generated in batches with the same chip and the
   * same noise as one long run would have. The result holds every image.
   */
  public static GenerationResult run(
      GenerationSetup s,
      float[] z,
      int firstImage,
      RunMode mode,
      TraceSink trace,
      IntConsumer progress) {
    return run(s, z, firstImage, mode, trace, progress, new PhaseTimes());
  }

  private static GenerationResult run(
      GenerationSetup s,
      float[] z,
      int firstImage,
      RunMode mode,
      TraceSink trace,
      IntConsumer progress,
      PhaseTimes phases) {
    int latent = s.model().latent();
    checkArgument(
        z.length > 0 && z.length % latent == 0,
        "latents must hold a positive multiple of %s values, got %s",
        latent,
        z.length);
    int images = z.length / latent;
    float[][] kept = new float[images][];
    double[] scores = new double[images];
    GenerationResult r =
        stream(
            s,
            images,
            firstImage,
            (i, into) -> System.arraycopy(z, i * latent, into, 0, latent),
            mode,
            trace,
            (i, pixels, ref, zi, score) -> {
              kept[i - firstImage] = pixels.clone();
              scores[i - firstImage] = score;
            },
            progress,
            MAX_SLOTS,
            EVENT_WINDOW,
            phases,
            false);
    int size = kept[0].length;
    float[] all = new float[images * size];
    for (int i = 0; i < images; i++) {
      System.arraycopy(kept[i], 0, all, i * size, size);
    }
    return r.withImages(z, all, s.runsDiscriminator() ? scores : null);
  }

  /**
   * Generates {@code images} images from the seed's latents (the same z as {@link #latents}) and
   * hands each to {@code sink} as soon as it is finished, in order: the chip is built once, the
   * images stream through it in batches of a few slots, so memory does not grow with the image
   * count. Functional mode computes each batch stage by stage; cycle-accurate mode computes the
   * values the same way while a thread of its own simulates the events for time, in windows of up
   * to {@link #EVENT_WINDOW} images (the pipeline drains between windows). The result carries the
   * timing, the ledger and the energy, not the images.
   */
  public static GenerationResult stream(
      GenerationSetup s,
      int images,
      RunMode mode,
      TraceSink trace,
      ImageSink sink,
      IntConsumer progress) {
    return stream(s, images, mode, trace, sink, progress, new PhaseTimes());
  }

  /** As above, marking the chip build and the simulation in {@code phases}. */
  public static GenerationResult stream(
      GenerationSetup s,
      int images,
      RunMode mode,
      TraceSink trace,
      ImageSink sink,
      IntConsumer progress,
      PhaseTimes phases) {
    return seeded(s, images, mode, trace, sink, progress, MAX_SLOTS, EVENT_WINDOW, phases);
  }

  /** As above with at most {@code maxSlots} image slots and event windows of {@code window}. */
  static GenerationResult stream(
      GenerationSetup s,
      int images,
      RunMode mode,
      TraceSink trace,
      ImageSink sink,
      IntConsumer progress,
      int maxSlots,
      int window) {
    return seeded(s, images, mode, trace, sink, progress, maxSlots, window, new PhaseTimes());
  }

  /** {@code images} images from latents drawn with the setup's seed, from image 0. */
  private static GenerationResult seeded(
      GenerationSetup s,
      int images,
      RunMode mode,
      TraceSink trace,
      ImageSink sink,
      IntConsumer progress,
      int maxSlots,
      int window,
      PhaseTimes phases) {
    checkArgument(images > 0, "images must be a positive integer, got %s", images);
    return stream(
        s,
        images,
        0,
        gaussianLatents(s.seed()),
        mode,
        trace,
        sink,
        progress,
        maxSlots,
        window,
        phases,
        true);
  }

  /**
   * Runs shorter than this read the crossbars with the scalar loops (the same bits): the JVM runs
   * Vector API code in slow Java fallbacks until C2 has compiled it, which a few images never pay
   * back (a 1-image run's reads are cold).
   */
  static final int VECTOR_MIN_IMAGES = 8;

  /** Images the cycle-accurate mode simulates in one event window (the pipeline's reach). */
  public static final int EVENT_WINDOW = 1024;

  /** Bytes of stage maps one batch of image slots may hold. */
  static final long BATCH_BYTES = 32L << 20;

  /** The most image slots of a batch. */
  static final int MAX_SLOTS = 64;

  /** Fills the latent of image {@code index} (called in index order). */
  interface LatentSource {
    void fill(int index, float[] into);
  }

  /**
   * Standard-normal latents drawn in image order from one {@link SplittableRandom} seeded {@code
   * seed}.
   */
  private static LatentSource gaussianLatents(long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    return (i, into) -> {
      for (int k = 0; k < into.length; k++) {
        into[k] = (float) rng.nextGaussian();
      }
    };
  }

  private static GenerationResult stream(
      GenerationSetup s,
      int images,
      int firstImage,
      LatentSource latents,
      RunMode mode,
      TraceSink trace,
      ImageSink sink,
      IntConsumer progress,
      int maxSlots,
      int eventWindow,
      PhaseTimes phases,
      boolean reference) {
    int window = Math.min(images, eventWindow);
    List<StagePlan> plans = plans(s);
    int slots = Math.min(window, Math.min(maxSlots, slotsFor(plans)));
    Chip chip = buildChip(s, plans, slots, firstImage);
    chip.setVectorised(images >= VECTOR_MIN_IMAGES);
    phases.mark("chip build (plan, range calibration, programming)");
    EnergyTable table = PresetEnergyTable.build(s.devices());
    ActionLedger ledger = chip.ledger();
    double[][] prices = trace.level() == TraceLevel.OFF ? null : prices(ledger, table);
    Stage[] stages = chip.stages();
    HardwareRun run = HardwareRun.begin(stages, images, mode);
    boolean timed = mode == RunMode.CYCLE_ACCURATE;
    int latent = s.model().latent();
    float[][] zs = new float[slots][latent];
    double[] scores = s.runsDiscriminator() ? new double[images] : null;
    float[] ref = null;
    for (int w0 = 0; w0 < images; w0 += window) {
      int wCount = Math.min(window, images - w0);
      if (timed) {
        run.startWindow(w0, wCount, ledger, trace, prices, progress);
      }
      for (int b0 = w0; b0 < w0 + wCount; b0 += slots) {
        int count = Math.min(slots, w0 + wCount - b0);
        chip.beginBatch(firstImage + b0);
        for (int i = 0; i < count; i++) {
          latents.fill(b0 + i, zs[i]);
          chip.setLatent(i, zs[i]);
        }
        // the float network's images of the batch's latents (cheap: float batched ops); with
        // fewer images than compute threads the crossbar reads leave a core idle (an image is read
        // by one thread), so the reference runs there meanwhile (the same bits on any thread)
        FutureTask<float[]> refsTask = null;
        if (reference) {
          float[] zb = new float[count * latent];
          for (int i = 0; i < count; i++) {
            System.arraycopy(zs[i], 0, zb, i * latent, latent);
          }
          refsTask =
              new FutureTask<>(
                  () -> s.generator().forward(Tensor.of(zb, count, latent, 1, 1), false).data());
          if (count < Parallel.threads()) {
            Thread t = new Thread(refsTask, "spinsim-reference");
            t.setDaemon(true);
            t.start();
          }
        }
        for (Stage st : stages) {
          st.values().computeImages(0, count, st.vectorsPerImage());
        }
        if (timed) {
          run.captureDrives(b0 - w0, count);
        }
        float[] refs = refsTask == null ? null : reference(refsTask);
        for (int i = 0; i < count; i++) {
          float[] img = chip.image(i);
          if (refs != null) {
            ref = ref == null ? new float[img.length] : ref;
            System.arraycopy(refs, i * img.length, ref, 0, img.length);
          }
          if (scores != null) {
            scores[b0 + i] = chip.score(i);
          }
          try {
            sink.accept(firstImage + b0 + i, img, ref, zs[i], chip.score(i));
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
          if (!timed) {
            progress.accept(b0 + i);
          }
        }
        if (!timed) {
          run.countFunctional(count, ledger);
        }
      }
      if (timed) {
        run.finishWindow();
      }
    }
    run.finish(trace, ledger, prices);
    EnergyReport energy = EnergyReport.price(ledger, table, run.makespanPs());
    phases.mark(
        timed ? "simulation (values, events, image files)" : "simulation (values, image files)");
    return new GenerationResult(s, chip, run, null, energy, table, null, scores);
  }

  /**
   * The float reference images of {@code task}: run here unless a thread of its own has run it (or
   * is running it: waits), its exception thrown as the forward pass threw it.
   */
  private static float[] reference(FutureTask<float[]> task) {
    task.run(); // does nothing when another thread has run or is running it
    try {
      return task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /** Image slots of a batch: as many as {@link #BATCH_BYTES} of stage maps hold, 1..MAX_SLOTS. */
  private static int slotsFor(List<StagePlan> plans) {
    var g0 = plans.get(0).geometry();
    long floats = (long) g0.inChannels() * g0.inHeight() * g0.inWidth();
    for (StagePlan p : plans) {
      var g = p.geometry();
      // the stage's output map, and its pre-activation sums (one double per output value)
      floats += 3L * g.outChannels() * g.outHeight() * g.outWidth();
    }
    long perImage = 4 * floats;
    return (int) Math.max(1, Math.min(MAX_SLOTS, BATCH_BYTES / perImage));
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
