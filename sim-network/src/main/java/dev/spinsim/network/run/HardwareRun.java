package dev.spinsim.network.run;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;

import dev.spinsim.core.energy.ActionLedger;
import dev.spinsim.core.event.Simulator;
import dev.spinsim.core.trace.TraceLevel;
import dev.spinsim.core.trace.TraceSink;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Runs a chain of stages on {@code images} images, cycle-accurately through the event engine or
 * functionally in a loop; both produce the same values and the same action counts.
 */
public final class HardwareRun {
  private final Stage[] stages;
  private final int images;
  private final RunMode mode;

  /**
   * Images whose times are kept one by one (the first ones; all of them when the layer trace asks
   * for a row per image): a long run's memory does not grow with its images, 64 bytes an image of
   * fmnist otherwise (8 GB for 10^8 images, found by a fresh-user try).
   */
  static final int KEPT_IMAGE_TIMES = 4096;

  private long[] imageStartPs;
  private long[] imageDonePs;
  private long[][] stageStartPs;
  private long[][] stageEndPs;

  /** Σ of every image's latency, ps (exact: ps sums stay far below 2^63). */
  private long latencySumPs;

  private long makespanPs;
  private long events;

  /** Row drives of the images of the next window, {@code [stage][image][crossbar]}. */
  private long[][][] windowDrives;

  /** The cycle-accurate actions per tile and time window (null until the first window). */
  private TileActivity activity;

  private HardwareRun(Stage[] stages, int images, RunMode mode) {
    this.stages = stages;
    this.images = images;
    this.mode = mode;
    keepTimes(Math.min(images, KEPT_IMAGE_TIMES));
  }

  /** Keeps the times of the first {@code n} images one by one (those kept so far stay). */
  private void keepTimes(int n) {
    if (imageStartPs != null && imageStartPs.length >= n) {
      return;
    }
    imageStartPs = grow(imageStartPs, n);
    imageDonePs = grow(imageDonePs, n);
    long[][] start = new long[stages.length][];
    long[][] end = new long[stages.length][];
    for (int s = 0; s < stages.length; s++) {
      start[s] = grow(stageStartPs == null ? null : stageStartPs[s], n);
      end[s] = grow(stageEndPs == null ? null : stageEndPs[s], n);
    }
    stageStartPs = start;
    stageEndPs = end;
  }

  private static long[] grow(long[] a, int n) {
    return a == null ? new long[n] : java.util.Arrays.copyOf(a, n);
  }

  /** A trace with a row per (stage, image) needs every image's times. */
  private void keepTimesFor(TraceSink trace) {
    if (mode == RunMode.CYCLE_ACCURATE && trace.enabled(TraceLevel.LAYER)) {
      keepTimes(images);
    }
  }

  /**
   * Runs the stages on image slots {@code 0..images} in one go (values computed as the events ask
   * for them); {@code progress} is told each finished image; {@code pricePj} ({@code
   * [component][action]}) fills the trace's energy column and may be null when tracing is off.
   */
  public static HardwareRun run(
      Stage[] stages,
      int images,
      RunMode mode,
      ActionLedger ledger,
      TraceSink trace,
      double[][] pricePj,
      IntConsumer progress) {
    HardwareRun r = new HardwareRun(stages, images, mode);
    if (mode == RunMode.FUNCTIONAL) {
      for (int i = 0; i < images; i++) {
        for (Stage st : stages) {
          st.values.computeImages(i, i + 1, st.vectorsPerImage());
        }
        progress.accept(i);
      }
      r.countFunctional(images, ledger);
    } else {
      r.simulateWindow(0, images, ledger, trace, pricePj, progress, true);
    }
    r.finish(trace, ledger, pricePj);
    return r;
  }

  /**
   * A run of {@code images} images whose time and counts are filled in window by window ({@link
   * #countFunctional}, {@link #simulateWindow}), then {@link #finish}ed: how a long run streams.
   */
  public static HardwareRun begin(Stage[] stages, int images, RunMode mode) {
    return new HardwareRun(stages, images, mode);
  }

  /**
   * Functional mode: records the action counts of {@code count} more images, computed in image
   * slots {@code 0 .. count}: the closed form and the row drives the values counted per slot.
   */
  public void countFunctional(int count, ActionLedger ledger) {
    for (Stage st : stages) {
      PipelineSimulation.recordClosedForm(st, ledger, (long) count * st.vectorsPerImage());
      for (int i = 0; i < count; i++) {
        PipelineSimulation.recordDrives(st, ledger, i);
      }
    }
  }

  /**
   * Cycle-accurate mode: simulates images {@code first .. first + count} of the run, as image slots
   * {@code 0 .. count} of the stages, starting when the previous window's last image finished (the
   * pipeline drains between windows). With {@code computeValues} false the stages have computed the
   * slots' values already and the events only keep time and count.
   */
  public void simulateWindow(
      int first,
      int count,
      ActionLedger ledger,
      TraceSink trace,
      double[][] pricePj,
      IntConsumer progress,
      boolean computeValues) {
    keepTimesFor(trace);
    Simulator sim = new Simulator();
    if (activity == null) {
      activity = new TileActivity(stages, ledger);
    }
    PipelineSimulation p =
        new PipelineSimulation(
            sim,
            stages,
            count,
            ledger,
            trace,
            pricePj,
            i -> progress.accept(first + i),
            computeValues,
            computeValues ? null : windowDrives,
            activity);
    p.start(makespanPs);
    sim.runUntilEmpty();
    collect(p, sim, first, count);
  }

  /** Keeps the times of a window's images and its events, and moves the makespan on. */
  private void collect(PipelineSimulation p, Simulator sim, int first, int count) {
    events += sim.eventsProcessed();
    for (int i = 0; i < count; i++) {
      latencySumPs += p.imageDonePs(i) - p.imageStartPs(i);
      makespanPs = Math.max(makespanPs, p.imageDonePs(i));
      int k = first + i;
      if (k < imageStartPs.length) {
        imageStartPs[k] = p.imageStartPs(i);
        imageDonePs[k] = p.imageDonePs(i);
        for (int s = 0; s < stages.length; s++) {
          stageStartPs[s][k] = p.stageStartPs(s, i);
          stageEndPs[s][k] = p.stageEndPs(s, i);
        }
      }
    }
  }

  /** A window of images whose events run on their own thread ({@link #startWindow}). */
  private static final class Window {
    final int first;
    final int count;
    final ActionLedger ledger;
    final TraceSink trace;
    final double[][] pricePj;
    final IntConsumer progress;
    PipelineSimulation pipeline;
    Simulator engine;
    Thread thread;
    volatile Throwable failure;

    /** The window's images in the order their events finished; {@code finished} of them so far. */
    int[] order;

    final AtomicInteger finished = new AtomicInteger();

    /** Images captured ({@link #captureDrives}) and reported to {@code progress}. */
    int captured;

    int reported;

    Window(
        int first,
        int count,
        ActionLedger ledger,
        TraceSink trace,
        double[][] pricePj,
        IntConsumer progress) {
      this.first = first;
      this.count = count;
      this.ledger = ledger;
      this.trace = trace;
      this.pricePj = pricePj;
      this.progress = progress;
    }
  }

  /** The window under way between {@link #startWindow} and {@link #finishWindow}, or null. */
  private Window window;

  /**
   * Cycle-accurate mode: starts simulating images {@code first .. first + count} of the run (image
   * slots {@code 0 .. count} of the stages) on a thread of their own, while the caller computes
   * their values in batches and hands each batch's row drives to {@link #captureDrives}; {@link
   * #finishWindow} waits for the events and records the drives. The events need nothing from the
   * values (the drives, the only counts that depend on them, are recorded afterwards in the order
   * the stages finished their images), so the times and counts are those of {@link #simulateWindow}
   * after the values. With an op trace (a row per phase, in time order) the events run in {@link
   * #finishWindow} instead. {@code progress} is told each image whose events and values are both
   * done, on the caller's thread.
   */
  public void startWindow(
      int first,
      int count,
      ActionLedger ledger,
      TraceSink trace,
      double[][] pricePj,
      IntConsumer progress) {
    checkState(window == null, "a window is under way");
    keepTimesFor(trace);
    Window w = new Window(first, count, ledger, trace, pricePj, progress);
    window = w;
    if (trace.enabled(TraceLevel.OP)) {
      return;
    }
    if (activity == null) {
      activity = new TileActivity(stages, ledger);
    }
    w.order = new int[count];
    w.engine = new Simulator();
    w.pipeline =
        new PipelineSimulation(
            w.engine,
            stages,
            count,
            ledger,
            trace,
            pricePj,
            i -> {
              int k = w.finished.get();
              w.order[k] = i;
              w.finished.set(k + 1);
            },
            false,
            null,
            activity);
    w.pipeline.deferDrives();
    long startPs = makespanPs;
    w.thread =
        new Thread(
            () -> {
              try {
                w.pipeline.start(startPs);
                w.engine.runUntilEmpty();
              } catch (Throwable e) {
                w.failure = e;
              }
            },
            "spinsim-events");
    w.thread.setDaemon(true);
    w.thread.start();
  }

  /**
   * Ends the window {@link #startWindow} began: waits for its events, records the row drives
   * captured for it, and tells {@code progress} the images not yet reported.
   */
  public void finishWindow() {
    Window w = window;
    checkState(w != null, "no window is under way");
    window = null;
    if (w.thread == null) {
      simulateWindow(w.first, w.count, w.ledger, w.trace, w.pricePj, w.progress, false);
      return;
    }
    boolean interrupted = false;
    while (true) {
      try {
        w.thread.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    if (w.failure instanceof RuntimeException e) {
      throw e;
    }
    if (w.failure instanceof Error e) {
      throw e;
    }
    checkState(w.failure == null, "the events failed: %s", w.failure);
    w.pipeline.recordDeferredDrives(windowDrives);
    collect(w.pipeline, w.engine, w.first, w.count);
    w.captured = w.count;
    report(w);
  }

  /** Tells the window's progress the images whose events and values are done, in order. */
  private static void report(Window w) {
    int done = w.finished.get();
    while (w.reported < done && w.order[w.reported] < w.captured) {
      w.progress.accept(w.first + w.order[w.reported++]);
    }
  }

  /**
   * Keeps the row drives the stages' values counted in image slots {@code 0 .. count} as images
   * {@code offset ..} of the window under way ({@link #startWindow}) or the next {@link
   * #simulateWindow} (whose events record them): how a window computed in several batches of slots
   * keeps each image's drives. Tells the window's progress the images now done.
   */
  public void captureDrives(int offset, int count) {
    int needed = offset + count;
    if (windowDrives == null || windowDrives[0].length < needed) {
      int n = Math.max(needed, windowDrives == null ? 0 : windowDrives[0].length);
      long[][][] grown = new long[stages.length][n][];
      for (int s = 0; s < stages.length; s++) {
        for (int i = 0; i < n; i++) {
          grown[s][i] =
              windowDrives != null && i < windowDrives[s].length
                  ? windowDrives[s][i]
                  : new long[stages[s].perCopy()];
        }
      }
      windowDrives = grown;
    }
    for (int s = 0; s < stages.length; s++) {
      for (int i = 0; i < count; i++) {
        for (int x = 0; x < stages[s].perCopy(); x++) {
          windowDrives[s][offset + i][x] = stages[s].values.drivenRowCycles(i, x);
        }
      }
    }
    Window w = window;
    if (w != null && w.thread != null) {
      w.captured = Math.max(w.captured, needed);
      report(w);
    }
  }

  /** The actions per tile and time window of a cycle-accurate run (null for a functional one). */
  public TileActivity activity() {
    return activity;
  }

  /** Ends the run: the layer-level trace rows, when asked for. */
  public void finish(TraceSink trace, ActionLedger ledger, double[][] pricePj) {
    if (mode == RunMode.CYCLE_ACCURATE && trace.enabled(TraceLevel.LAYER)) {
      traceLayers(trace, ledger, pricePj);
    }
  }

  /** One trace row per (stage, image): its span and the stage's energy per image. */
  private void traceLayers(TraceSink trace, ActionLedger ledger, double[][] pricePj) {
    for (int s = 0; s < stages.length; s++) {
      Stage st = stages[s];
      double energy = 0;
      for (var c : ledger.components()) {
        if (!c.tag().equals(st.traceLayer)) {
          continue;
        }
        for (int a = 0; a < ledger.actions().size(); a++) {
          long n = ledger.count(c.id(), a);
          if (n != 0) {
            energy += n * pricePj[c.id()][a];
          }
        }
      }
      long count = st.vectorsPerImage();
      for (int i = 0; i < images; i++) {
        trace.record(
            stageStartPs[s][i],
            stageEndPs[s][i],
            st.traceLayer,
            "layer",
            st.traceLayer,
            i,
            st.firstTile,
            count,
            energy / images);
      }
    }
  }

  public RunMode mode() {
    return mode;
  }

  public int images() {
    return images;
  }

  /** Time from the start of the first image to the end of the last, ps (0 when functional). */
  public long makespanPs() {
    return makespanPs;
  }

  public long eventsProcessed() {
    return events;
  }

  /**
   * Latency of image {@code i}: from its first input fetch to its last output, ps. Per-image times
   * are kept for the first {@value #KEPT_IMAGE_TIMES} images (all with a layer trace).
   *
   * @throws IllegalArgumentException for an image whose times were not kept
   */
  public long latencyPs(int i) {
    kept(i);
    return imageDonePs[i] - imageStartPs[i];
  }

  private void kept(int i) {
    checkArgument(
        i >= 0 && i < imageStartPs.length,
        "image %s: per-image times are kept for the first %s images of a run",
        i,
        imageStartPs.length);
  }

  public long imageStartPs(int i) {
    kept(i);
    return imageStartPs[i];
  }

  public long imageDonePs(int i) {
    kept(i);
    return imageDonePs[i];
  }

  public long stageStartPs(int s, int i) {
    kept(i);
    return stageStartPs[s][i];
  }

  public long stageEndPs(int s, int i) {
    kept(i);
    return stageEndPs[s][i];
  }

  /** Mean over images of the latency, ps. */
  public double meanLatencyPs() {
    return (double) latencySumPs / images;
  }
}
