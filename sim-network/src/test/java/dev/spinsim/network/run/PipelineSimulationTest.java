package dev.spinsim.network.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spinsim.core.energy.ActionLedger;
import dev.spinsim.core.event.Simulator;
import dev.spinsim.core.resource.Resource;
import dev.spinsim.core.trace.TraceLevel;
import dev.spinsim.core.trace.TraceSink;
import dev.spinsim.network.mapping.BiasMode;
import dev.spinsim.network.mapping.ColumnStacks;
import dev.spinsim.network.mapping.ConvGeometry;
import dev.spinsim.network.mapping.DenseMapping;
import dev.spinsim.network.mapping.LayerMapping;
import dev.spinsim.network.mapping.MappingOptions;
import dev.spinsim.network.mapping.PartialSums;
import dev.spinsim.network.mapping.WeightScheme;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PipelineSimulationTest {
  private static final StageTiming T =
      new StageTiming(1_000, 64, 10_000, 8_000, 500, 700, 2_000, 300, 400, 0, 64);

  /** Row activity of a test stage: driven (row, bit cycle) pairs of (image, vector, crossbar). */
  static long activity(int image, int vector, int crossbar) {
    return (vector * 7L + crossbar * 3L + image) % 100;
  }

  /**
   * Records the order in which values are computed, to check dataflow; counts {@link #activity} of
   * every computed vector on each of its copy's first {@link #CROSSBARS} crossbars as the slot's
   * driven rows.
   */
  static final class Log implements StageValues {
    static final int CROSSBARS = 64;
    final List<String> events;
    final String name;
    final java.util.Map<Integer, long[]> driven = new java.util.HashMap<>();

    Log(String name) {
      this(name, new ArrayList<>());
    }

    Log(String name, List<String> events) {
      this.name = name;
      this.events = events;
    }

    @Override
    public void computeVector(int image, int vector) {
      events.add(name + " compute " + image + ":" + vector);
      long[] d = driven.computeIfAbsent(image, k -> new long[CROSSBARS]);
      for (int x = 0; x < CROSSBARS; x++) {
        d[x] += activity(image, vector, x);
      }
    }

    @Override
    public long drivenRowCycles(int slot, int crossbar) {
      long[] d = driven.get(slot);
      return d == null ? 0 : d[crossbar];
    }

    @Override
    public void beginBatch(int firstImage) {
      driven.clear();
    }

    @Override
    public void finishVector(int image, int vector) {
      events.add(name + " finish " + image + ":" + vector);
    }
  }

  private static Stage stage(
      ActionLedger ledger,
      String layer,
      ConvGeometry g,
      int bits,
      PartialSums ps,
      Resource noc,
      StageValues values) {
    MappingOptions o =
        new MappingOptions(128, 128, WeightScheme.DIFFERENTIAL, BiasMode.DIGITAL, ps, Map.of());
    LayerMapping m = new DenseMapping().map(layer, g, o);
    return stage(
        ledger, layer, m, bits, ps, ps == PartialSums.ANALOG ? m.rowBlocks() : 1, noc, values, T);
  }

  /** A stage of mapping {@code m} with column stacks of at most {@code stackHeight} crossbars. */
  static Stage stage(
      ActionLedger ledger,
      String layer,
      LayerMapping m,
      int bits,
      PartialSums ps,
      int stackHeight,
      Resource noc,
      StageValues values,
      StageTiming timing) {
    return stage(ledger, "G/" + layer, layer, m, bits, ps, stackHeight, noc, values, timing);
  }

  /** As above, with the stage's components registered under {@code tag}. */
  static Stage stage(
      ActionLedger ledger,
      String tag,
      String layer,
      LayerMapping m,
      int bits,
      PartialSums ps,
      int stackHeight,
      Resource noc,
      StageValues values,
      StageTiming timing) {
    StageComponents ids = new StageComponents(ledger, tag, "dw_relu", Map.of());
    ColumnStacks stacks = new ColumnStacks(m, stackHeight);
    return new Stage(
        "G",
        layer,
        m,
        timing,
        bits,
        bits,
        8,
        ps,
        stacks,
        Stage.closedForms(m, stacks, bits, 8),
        16,
        1,
        noc,
        0,
        8,
        values,
        ids);
  }

  /** Σ of {@link #activity} over the images, vectors and crossbars of a one-phase stage. */
  private static long drivenSum(int images, long vectors, int crossbars) {
    long sum = 0;
    for (int i = 0; i < images; i++) {
      for (int v = 0; v < vectors; v++) {
        for (int x = 0; x < crossbars; x++) {
          sum += activity(i, v, x);
        }
      }
    }
    return sum;
  }

  /** Records what the functional mode records for a stage: closed form plus each slot's drives. */
  static void recordFunctionally(Stage st, ActionLedger ledger, int images) {
    PipelineSimulation.recordClosedForm(st, ledger, (long) images * st.vectorsPerImage());
    for (int i = 0; i < images; i++) {
      for (int v = 0; v < st.vectorsPerImage(); v++) {
        st.values.computeVector(i, v);
      }
      PipelineSimulation.recordDrives(st, ledger, i);
    }
  }

  private static long count(ActionLedger l, String component, String action) {
    return l.count(l.componentId(component), l.actionId(action));
  }

  @Test
  void singleVectorLatencyIsTheSumOfItsPhasesWithReadsOverlappingConversions() {
    ActionLedger ledger = new ActionLedger();
    Resource noc = new Resource("noc", 1);
    Stage st =
        stage(
            ledger,
            "l0",
            ConvGeometry.conv(4, 3, 1, 1, 0, 1, 1),
            8,
            PartialSums.DIGITAL,
            noc,
            new Log("l0"));
    Simulator sim = new Simulator();
    PipelineSimulation p =
        new PipelineSimulation(sim, new Stage[] {st}, 1, ledger, TraceSink.off(), null, i -> {});
    p.start(0);
    sim.runUntilEmpty();
    // 4 inputs × 8 bits fit one 64-bit port access; reads back to back (conversion 8 ns < read
    // 10 ns), the last conversion after the last read
    long expected = 1_000 + 8 * 10_000 + 8_000 + 500 + 700 + 2_000 + 300 + 400;
    assertEquals(expected, p.imageDonePs(0));
    assertEquals(0, p.imageStartPs(0));
  }

  @Test
  void countsEqualClosedFormsOfTheMapping() {
    ActionLedger ledger = new ActionLedger();
    Resource noc = new Resource("noc", 1);
    ConvGeometry g = ConvGeometry.transposed(64, 1, 4, 2, 1, 0, 14, 14); // fmnist output layer
    Stage st = stage(ledger, "l2", g, 8, PartialSums.DIGITAL, noc, new Log("l2"));
    Simulator sim = new Simulator();
    int images = 3;
    PipelineSimulation p =
        new PipelineSimulation(
            sim, new Stage[] {st}, images, ledger, TraceSink.off(), null, i -> {});
    p.start(0);
    sim.runUntilEmpty();
    long vectors = 28L * 28 * images;
    int rowBlocks = 8; // 1024 rows / 128
    // row drives and cell reads are the driven ones the values reported: one physical pair per row
    long driven = drivenSum(images, 28L * 28, rowBlocks);
    assertEquals(driven, count(ledger, "G/l2/dac", "convert"));
    assertEquals(driven * 2, count(ledger, "G/l2/crossbar", "cell_read"));
    // every row in every bit cycle at most
    ActionLedger full = new ActionLedger();
    Stage twin = stage(full, "l2", g, 8, PartialSums.DIGITAL, noc, new Log("l2"));
    PipelineSimulation.recordFullDrives(twin, full, vectors);
    assertEquals(vectors * 1024 * 8, count(full, "G/l2/dac", "convert"));
    assertEquals(vectors * 1024 * 2 * 8, count(full, "G/l2/crossbar", "cell_read"));
    assertEquals(vectors * rowBlocks * 8, count(ledger, "G/l2/adc", "convert"));
    assertEquals(vectors * rowBlocks * 8, count(ledger, "G/l2/sample_hold", "sample"));
    assertEquals(
        vectors * (rowBlocks * 8 + (rowBlocks - 1)), count(ledger, "G/l2/shift_add", "op"));
    assertEquals(vectors, count(ledger, "G/l2/dw_relu", "activate"));
    // only original pixels are fetched: (performed - zero MACs) / C_out inputs per image
    assertEquals(
        images * (g.macsPerformed() - g.zeroMacs()) * 8,
        count(ledger, "G/l2/input_buffer", "read_bit"));
    assertEquals(vectors * 8, count(ledger, "G/l2/output_buffer", "write_bit"));
    assertEquals(vectors * 8, count(ledger, "G/l2/interconnect", "transfer_bit"));
  }

  @Test
  void eventDrivenCountsEqualTheClosedFormForBothPartialSumModes() {
    for (PartialSums ps : PartialSums.values()) {
      ActionLedger events = new ActionLedger();
      ActionLedger closed = new ActionLedger();
      ConvGeometry g = ConvGeometry.transposed(128, 64, 4, 2, 1, 0, 7, 7);
      Stage a = stage(events, "l1", g, 6, ps, new Resource("noc", 1), new Log("l1"));
      Stage b = stage(closed, "l1", g, 6, ps, new Resource("noc", 1), new Log("l1"));
      Simulator sim = new Simulator();
      PipelineSimulation p =
          new PipelineSimulation(sim, new Stage[] {a}, 2, events, TraceSink.off(), null, i -> {});
      p.start(0);
      sim.runUntilEmpty();
      recordFunctionally(b, closed, 2);
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
              ps + " " + events.components().get(comp).name() + " " + action);
        }
      }
    }
  }

  @Test
  void analogPartialSumsConvertOncePerColumnStack() {
    ActionLedger ledger = new ActionLedger();
    ConvGeometry g = ConvGeometry.transposed(64, 1, 4, 2, 1, 0, 14, 14);
    Stage st = stage(ledger, "l2", g, 8, PartialSums.ANALOG, new Resource("noc", 1), new Log("l2"));
    Simulator sim = new Simulator();
    PipelineSimulation p =
        new PipelineSimulation(sim, new Stage[] {st}, 1, ledger, TraceSink.off(), null, i -> {});
    p.start(0);
    sim.runUntilEmpty();
    assertEquals(784L * 8, count(ledger, "G/l2/adc", "convert"));
    assertEquals(784L * 8, count(ledger, "G/l2/shift_add", "op"));
  }

  @Test
  void nextLayerStartsARowOnceItsInputRowsExistAndImagesPipeline() {
    ActionLedger ledger = new ActionLedger();
    Resource noc = new Resource("noc", 1);
    List<String> events = new ArrayList<>();
    Log a = new Log("a", events);
    Log b = new Log("b", events);
    ConvGeometry ga = ConvGeometry.transposed(8, 4, 4, 2, 1, 0, 4, 4); // 4x4 -> 8x8
    ConvGeometry gb = ConvGeometry.conv(4, 2, 3, 1, 1, 8, 8); // 8x8 -> 8x8
    Stage sa = stage(ledger, "a", ga, 4, PartialSums.DIGITAL, noc, a);
    Stage sb = stage(ledger, "b", gb, 4, PartialSums.DIGITAL, noc, b);
    Simulator sim = new Simulator();
    List<Integer> done = new ArrayList<>();
    PipelineSimulation p =
        new PipelineSimulation(
            sim, new Stage[] {sa, sb}, 2, ledger, TraceSink.off(), null, done::add);
    p.start(0);
    sim.runUntilEmpty();
    assertEquals(List.of(0, 1), done);
    // b's output row 0 needs a's rows 0..1: it starts before a has finished image 0
    int firstB = events.indexOf("b compute 0:0");
    int lastA = events.indexOf("a finish 0:63");
    assertTrue(firstB > events.indexOf("a finish 0:15"), "b row 0 waits for a's rows 0-1");
    assertTrue(firstB < lastA, "b starts before a finishes the image");
    // every vector of b reads only after the a rows it needs were finished
    for (int r = 0; r < 8; r++) {
      int need = Math.min(7, r + 1);
      int bIdx = events.indexOf("b compute 0:" + (r * 8));
      int aIdx = events.indexOf("a finish 0:" + (need * 8 + 7));
      assertTrue(aIdx < bIdx, "row " + r);
    }
    // image 1 overlaps image 0
    assertTrue(p.imageStartPs(1) < p.imageDonePs(0));
    assertTrue(p.stageStartPs(1, 0) < p.stageEndPs(0, 0));
  }

  /**
   * Everything a two-layer run shows: image and stage times, every count, and every resource's and
   * buffer's statistics.
   */
  private static String twoLayerRun(PartialSums ps, TraceSink trace) {
    ActionLedger ledger = new ActionLedger();
    Resource noc = new Resource("noc", 1);
    // 9 row blocks on one shift-adder: the shift-and-adds of a bit cycle queue for it
    ConvGeometry ga = ConvGeometry.conv(128, 64, 3, 1, 1, 7, 7);
    ConvGeometry gb = ConvGeometry.transposed(64, 1, 4, 2, 1, 0, 7, 7);
    MappingOptions o =
        new MappingOptions(128, 128, WeightScheme.DIFFERENTIAL, BiasMode.DIGITAL, ps, Map.of());
    Stage[] stages = new Stage[2];
    ConvGeometry[] geometries = {ga, gb};
    for (int s = 0; s < 2; s++) {
      String layer = s == 0 ? "a" : "b";
      LayerMapping m = new DenseMapping().map(layer, geometries[s], o);
      int height = ps == PartialSums.ANALOG ? m.rowBlocks() : 1;
      // tagged as the chip tags a stage, so its tiles' activity is kept too
      stages[s] = stage(ledger, "G." + layer, layer, m, 8, ps, height, noc, new Log(layer), T);
    }
    Simulator sim = new Simulator();
    int images = 2;
    double[][] prices = new double[ledger.components().size()][ledger.actions().size()];
    PipelineSimulation p =
        new PipelineSimulation(
            sim,
            stages,
            images,
            ledger,
            trace,
            prices,
            i -> {},
            true,
            null,
            new TileActivity(stages, ledger));
    p.start(0);
    sim.runUntilEmpty();
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < images; i++) {
      b.append("image ").append(p.imageStartPs(i)).append(' ').append(p.imageDonePs(i));
      for (int s = 0; s < stages.length; s++) {
        b.append(" stage ").append(p.stageStartPs(s, i)).append(' ').append(p.stageEndPs(s, i));
      }
      b.append('\n');
    }
    for (var c : ledger.components()) {
      for (int a = 0; a < ledger.actions().size(); a++) {
        b.append(c.name()).append(' ').append(ledger.count(c.id(), a)).append('\n');
      }
    }
    List<Resource> resources = new ArrayList<>(List.of(noc));
    for (Stage st : stages) {
      resources.addAll(st.resources());
      for (var buffer : st.buffers()) {
        b.append(buffer).append(' ').append(buffer.waitPs()).append('\n');
      }
    }
    for (Resource r : resources) {
      b.append(r.name())
          .append(' ')
          .append(r.acquisitions())
          .append(' ')
          .append(r.busyPs())
          .append(' ')
          .append(r.waitPs())
          .append(' ')
          .append(r.maxWaitPs())
          .append(' ')
          .append(r.peakQueueLength())
          .append(' ')
          .append(r.lastFinishPs())
          .append('\n');
    }
    return b.toString();
  }

  @Test
  void bookedBitCyclesGiveTheTimesCountsAndWaitsOfAnEventPerBitCycle() {
    for (PartialSums ps : PartialSums.values()) {
      String booked = twoLayerRun(ps, TraceSink.off());
      // an op trace writes a row per phase as it happens, so nothing is booked ahead
      String unbooked = twoLayerRun(ps, new TraceDocumentationTest.Collector(TraceLevel.OP));
      assertEquals(unbooked, booked, ps.toString());
      // digital partial sums: 9 conversions a bit cycle, so some shift-and-adds waited for the
      // one shift-adder (analog ones: one conversion of the summed stack)
      String shiftAdd =
          booked.lines().filter(l -> l.startsWith("G.a.shift-add ")).findFirst().orElseThrow();
      long waitPs = Long.parseLong(shiftAdd.split(" ")[3]);
      assertEquals(ps == PartialSums.DIGITAL, waitPs > 0, shiftAdd);
    }
  }
}
