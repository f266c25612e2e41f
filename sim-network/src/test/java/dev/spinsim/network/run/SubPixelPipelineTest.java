package dev.spinsim.network.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spinsim.core.energy.ActionLedger;
import dev.spinsim.core.event.Simulator;
import dev.spinsim.core.resource.Resource;
import dev.spinsim.core.trace.TraceSink;
import dev.spinsim.network.mapping.BiasMode;
import dev.spinsim.network.mapping.ConvGeometry;
import dev.spinsim.network.mapping.DenseMapping;
import dev.spinsim.network.mapping.LayerMapping;
import dev.spinsim.network.mapping.MappingOptions;
import dev.spinsim.network.mapping.MappingStrategy;
import dev.spinsim.network.mapping.PartialSums;
import dev.spinsim.network.mapping.SubPixelMapping;
import dev.spinsim.network.mapping.WeightScheme;
import dev.spinsim.network.run.PipelineSimulationTest.Log;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The schedule under the sub-pixel strategy: phases in parallel, counts, row dependencies. */
class SubPixelPipelineTest {
  private static final StageTiming T =
      new StageTiming(1_000, 64, 10_000, 8_000, 500, 700, 2_000, 300, 400, 0, 64);

  /** As {@link #T} with a 4096-bit input port, so that fetches never bound the schedule. */
  private static final StageTiming WIDE_PORT =
      new StageTiming(1_000, 4096, 10_000, 8_000, 500, 700, 2_000, 300, 400, 0, 64);

  private static Stage stage(
      ActionLedger ledger,
      String layer,
      ConvGeometry g,
      int rows,
      PartialSums ps,
      MappingStrategy strategy,
      StageValues values) {
    return stage(ledger, layer, g, rows, ps, strategy, values, T);
  }

  private static Stage stage(
      ActionLedger ledger,
      String layer,
      ConvGeometry g,
      int rows,
      PartialSums ps,
      MappingStrategy strategy,
      StageValues values,
      StageTiming timing) {
    MappingOptions o =
        new MappingOptions(rows, 128, WeightScheme.DIFFERENTIAL, BiasMode.DIGITAL, ps, Map.of());
    LayerMapping m = strategy.map(layer, g, o);
    return PipelineSimulationTest.stage(
        ledger,
        layer,
        m,
        8,
        ps,
        ps == PartialSums.ANALOG ? m.rowBlocks() : 1,
        new Resource("noc", 1),
        values,
        timing);
  }

  /** Σ of {@link PipelineSimulationTest#activity} over each vector and crossbar of a copy. */
  private static long drivenSum(Stage st, int images) {
    long sum = 0;
    for (int i = 0; i < images; i++) {
      for (int v = 0; v < st.vectorsPerImage(); v++) {
        for (int x = 0; x < st.perCopy(); x++) {
          sum += PipelineSimulationTest.activity(i, v, x);
        }
      }
    }
    return sum;
  }

  private static PipelineSimulation run(ActionLedger ledger, int images, Stage... stages) {
    Simulator sim = new Simulator();
    PipelineSimulation p =
        new PipelineSimulation(sim, stages, images, ledger, TraceSink.off(), null, i -> {});
    p.start(0);
    sim.runUntilEmpty();
    return p;
  }

  private static long count(ActionLedger l, String component, String action) {
    return l.count(l.componentId(component), l.actionId(action));
  }

  @Test
  void phasesOfOneRowRunOnTheirOwnCrossbarsAtOnce() {
    // fmnist's output layer: 4 phases of 256 rows; dense reads 8 crossbars per vector, one vector
    // at a time; sub-pixel reads 2 crossbars per vector, four phases at a time
    ConvGeometry g = ConvGeometry.transposed(64, 1, 4, 2, 1, 0, 14, 14);
    List<String> ignore = new ArrayList<>();
    ActionLedger a = new ActionLedger();
    ActionLedger b = new ActionLedger();
    PipelineSimulation dense =
        run(
            a,
            1,
            stage(
                a,
                "l",
                g,
                128,
                PartialSums.DIGITAL,
                new DenseMapping(),
                new Log("l", ignore),
                WIDE_PORT));
    PipelineSimulation sub =
        run(
            b,
            1,
            stage(
                b,
                "l",
                g,
                128,
                PartialSums.DIGITAL,
                new SubPixelMapping(),
                new Log("l", ignore),
                WIDE_PORT));
    // both are bound by the row drivers: 784 vectors × 8 bit cycles × 10 ns, over 1 or 4 phases
    long driversBusy = 784L * 8 * 10_000;
    assertTrue(dense.imageDonePs(0) >= driversBusy, "dense " + dense.imageDonePs(0));
    assertTrue(sub.imageDonePs(0) >= driversBusy / 4, "sub-pixel " + sub.imageDonePs(0));
    assertTrue(sub.imageDonePs(0) < driversBusy / 4 + 200_000, "sub-pixel " + sub.imageDonePs(0));
    double speedup = (double) dense.imageDonePs(0) / sub.imageDonePs(0);
    assertTrue(speedup > 3.8 && speedup <= 4.0, "speed-up " + speedup);
    // and a quarter of the rows to drive (what the zeros cost when every row is driven: with
    // activity pricing the undriven inserted zeros cost no drive either way)
    ActionLedger fa = new ActionLedger();
    ActionLedger fb = new ActionLedger();
    PipelineSimulation.recordFullDrives(
        stage(fa, "l", g, 128, PartialSums.DIGITAL, new DenseMapping(), new Log("l", ignore)),
        fa,
        784);
    PipelineSimulation.recordFullDrives(
        stage(fb, "l", g, 128, PartialSums.DIGITAL, new SubPixelMapping(), new Log("l", ignore)),
        fb,
        784);
    assertEquals(
        4 * count(fb, "G/l/crossbar", "cell_read"), count(fa, "G/l/crossbar", "cell_read"));
    assertEquals(4 * count(fb, "G/l/dac", "convert"), count(fa, "G/l/dac", "convert"));
    // and a quarter of the conversions
    assertEquals(4 * count(b, "G/l/adc", "convert"), count(a, "G/l/adc", "convert"));
  }

  @Test
  void eventDrivenCountsEqualTheClosedFormWithUnequalAndEmptyPhases() {
    ConvGeometry[] layers = {
      ConvGeometry.transposed(5, 70, 5, 2, 2, 1, 4, 5), // sub-kernels 3 and 2 taps, 2 col blocks
      ConvGeometry.transposed(3, 4, 2, 3, 0, 1, 3, 3), // residue 2 has no tap: bias-only phases
      ConvGeometry.transposed(40, 6, 4, 1, 0, 0, 1, 1), // a single pixel: one wide vector
    };
    for (ConvGeometry g : layers) {
      for (PartialSums ps : PartialSums.values()) {
        ActionLedger events = new ActionLedger();
        ActionLedger closed = new ActionLedger();
        List<String> log = new ArrayList<>();
        Stage a = stage(events, "l", g, 16, ps, new SubPixelMapping(), new Log("l", log));
        Stage b = stage(closed, "l", g, 16, ps, new SubPixelMapping(), new Log("l", log));
        PipelineSimulation p = run(events, 2, a);
        assertTrue(p.imageDonePs(1) > 0, g + " " + ps + " finished");
        PipelineSimulationTest.recordFunctionally(b, closed, 2);
        for (int comp = 0; comp < events.components().size(); comp++) {
          for (int act = 0; act < events.actions().size(); act++) {
            String action = events.actions().get(act);
            long expected =
                closed.actionId(action) < closed.actions().size()
                    ? closed.count(comp, closed.actionId(action))
                    : 0;
            assertEquals(
                expected,
                events.count(comp, act),
                g + " " + ps + " " + events.components().get(comp).name() + " " + action);
          }
        }
        // every output pixel was finished once per image
        long finishes = log.stream().filter(e -> e.contains("finish")).count();
        assertEquals(drivenSum(a, 2), count(events, "G/l/dac", "convert"), g + " " + ps);
        assertEquals(2L * a.vectorsPerImage(), finishes);
      }
    }
  }

  @Test
  void closedFormCountsOfTheFourPhaseLayer() {
    ActionLedger ledger = new ActionLedger();
    ConvGeometry g = ConvGeometry.transposed(64, 1, 4, 2, 1, 0, 14, 14);
    Stage st =
        stage(
            ledger,
            "l",
            g,
            128,
            PartialSums.DIGITAL,
            new SubPixelMapping(),
            new Log("l", new ArrayList<>()));
    run(ledger, 1, st);
    long vectors = 28L * 28;
    // each vector drives at most its phase's 256 rows (2 blocks) for 8 bit cycles
    ActionLedger full = new ActionLedger();
    PipelineSimulation.recordFullDrives(
        stage(
            full,
            "l",
            g,
            128,
            PartialSums.DIGITAL,
            new SubPixelMapping(),
            new Log("l", new ArrayList<>())),
        full,
        vectors);
    assertEquals(vectors * 256 * 8, count(full, "G/l/dac", "convert"));
    assertEquals(vectors * 256 * 2 * 8, count(full, "G/l/crossbar", "cell_read"));
    // and drives the rows its values report
    assertEquals(drivenSum(st, 1), count(ledger, "G/l/dac", "convert"));
    assertEquals(2 * drivenSum(st, 1), count(ledger, "G/l/crossbar", "cell_read"));
    assertEquals(vectors * 2 * 8, count(ledger, "G/l/adc", "convert"));
    assertEquals(vectors * (2 * 8 + 1), count(ledger, "G/l/shift_add", "op"));
    assertEquals(vectors, count(ledger, "G/l/dw_relu", "activate"));
    assertEquals(
        (g.macsPerformed() - g.zeroMacs()) * 8, count(ledger, "G/l/input_buffer", "read_bit"));
  }

  @Test
  void rowDependenciesStayExact() {
    ActionLedger ledger = new ActionLedger();
    List<String> events = new ArrayList<>();
    ConvGeometry ga = ConvGeometry.transposed(8, 4, 4, 1, 0, 0, 1, 1); // 1x1 -> 4x4, one vector
    ConvGeometry gb = ConvGeometry.transposed(4, 4, 4, 2, 1, 0, 4, 4); // 4x4 -> 8x8, 4 phases
    ConvGeometry gc = ConvGeometry.conv(4, 2, 3, 1, 1, 8, 8); // 8x8 -> 8x8
    Stage sa =
        stage(
            ledger, "a", ga, 128, PartialSums.DIGITAL, new SubPixelMapping(), new Log("a", events));
    Stage sb =
        stage(
            ledger, "b", gb, 128, PartialSums.DIGITAL, new SubPixelMapping(), new Log("b", events));
    Stage sc =
        stage(
            ledger, "c", gc, 128, PartialSums.DIGITAL, new SubPixelMapping(), new Log("c", events));
    PipelineSimulation p = run(ledger, 2, sa, sb, sc);
    assertTrue(p.imageDonePs(1) > p.imageDonePs(0));
    // b starts only after a's one vector wrote the whole 4x4 map
    assertTrue(events.indexOf("a finish 0:0") < events.indexOf("b compute 0:0"));
    // b's output row r reads input rows floor((r-1)/2)..floor((r+2)/2) (clipped): it waits
    // for none of a's rows beyond; c's row r needs b's rows r-1..r+1
    for (int r = 0; r < 8; r++) {
      int need = Math.min(7, r + 1);
      int cIdx = events.indexOf("c compute 0:" + (r * 8));
      for (int x = 0; x < 8; x++) {
        assertTrue(events.indexOf("b finish 0:" + (need * 8 + x)) < cIdx, "row " + r);
      }
    }
    // c starts before b has finished the image: the pipeline still overlaps
    assertTrue(events.indexOf("c compute 0:0") < events.indexOf("b finish 0:63"));
  }
}
