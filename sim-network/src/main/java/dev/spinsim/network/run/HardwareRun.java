package dev.spinsim.network.run;

import dev.spinsim.core.energy.ActionLedger;
import dev.spinsim.core.event.Simulator;
import dev.spinsim.core.trace.TraceLevel;
import dev.spinsim.core.trace.TraceSink;
import java.util.function.IntConsumer;

/**
 * Runs a chain of stages on {@code images} images, cycle-accurately through the event engine or
 * functionally in a loop; both produce the same values and the same action counts.
 */
public final class HardwareRun {
  private final Stage[] stages;
  private final int images;
  private final RunMode mode;
  private final long[] imageStartPs;
  private final long[] imageDonePs;
  private final long[][] stageStartPs;
  private final long[][] stageEndPs;
  private long makespanPs;
  private long events;

  private HardwareRun(Stage[] stages, int images, RunMode mode) {
    this.stages = stages;
    this.images = images;
    this.mode = mode;
    this.imageStartPs = new long[images];
    this.imageDonePs = new long[images];
    this.stageStartPs = new long[stages.length][images];
    this.stageEndPs = new long[stages.length][images];
  }

  /**
   * Runs the stages; {@code progress} is told each finished image; {@code pricePj}
   * ({@code [component][action]}) fills the trace's energy column and may be null when tracing
   * is off.
   */
  public static HardwareRun run(Stage[] stages, int images, RunMode mode,
      ActionLedger ledger, TraceSink trace, double[][] pricePj,
      IntConsumer progress) {
    HardwareRun r = new HardwareRun(stages, images, mode);
    if (mode == RunMode.FUNCTIONAL) {
      for (int i = 0; i < images; i++) {
        for (Stage st : stages) {
          int vectors = st.vectorsPerImage();
          for (int v = 0; v < vectors; v++) {
            st.values.computeVector(i, v);
            PipelineSimulation.recordDrives(st, ledger, v);
            st.values.finishVector(i, v);
          }
        }
        progress.accept(i);
      }
      for (Stage st : stages) {
        PipelineSimulation.recordClosedForm(st, ledger, (long) images * st.vectorsPerImage());
      }
      return r;
    }
    Simulator sim = new Simulator();
    PipelineSimulation p = new PipelineSimulation(sim, stages, images, ledger, trace, pricePj,
        progress);
    p.start(0);
    sim.runUntilEmpty();
    r.events = sim.eventsProcessed();
    for (int i = 0; i < images; i++) {
      r.imageStartPs[i] = p.imageStartPs(i);
      r.imageDonePs[i] = p.imageDonePs(i);
      r.makespanPs = Math.max(r.makespanPs, r.imageDonePs[i]);
      for (int s = 0; s < stages.length; s++) {
        r.stageStartPs[s][i] = p.stageStartPs(s, i);
        r.stageEndPs[s][i] = p.stageEndPs(s, i);
      }
    }
    if (trace.enabled(TraceLevel.LAYER)) {
      r.traceLayers(trace, ledger, pricePj);
    }
    return r;
  }

  /** One trace row per (stage, image): its span and the stage's energy per image. */
  private void traceLayers(TraceSink trace, ActionLedger ledger,
      double[][] pricePj) {
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
        trace.record(stageStartPs[s][i], stageEndPs[s][i], st.traceLayer, "layer", st.traceLayer,
            i, st.firstTile, count, energy / images);
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

  /** Latency of image {@code i}: from its first input fetch to its last output, ps. */
  public long latencyPs(int i) {
    return imageDonePs[i] - imageStartPs[i];
  }

  public long imageStartPs(int i) {
    return imageStartPs[i];
  }

  public long imageDonePs(int i) {
    return imageDonePs[i];
  }

  public long stageStartPs(int s, int i) {
    return stageStartPs[s][i];
  }

  public long stageEndPs(int s, int i) {
    return stageEndPs[s][i];
  }

  /** Mean over images of the latency, ps. */
  public double meanLatencyPs() {
    double sum = 0;
    for (int i = 0; i < images; i++) {
      sum += latencyPs(i);
    }
    return sum / images;
  }
}
