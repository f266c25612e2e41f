package dev.spinsim.network.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spinsim.core.energy.ActionLedger;
import dev.spinsim.core.event.Simulator;
import dev.spinsim.core.resource.Resource;
import dev.spinsim.core.trace.TraceSink;
import dev.spinsim.devices.preset.PresetDevices;
import dev.spinsim.devices.preset.Presets;
import dev.spinsim.network.chip.BufferWorkingSet;
import dev.spinsim.network.chip.ChipBuilder;
import dev.spinsim.network.chip.NetworkPlanner;
import dev.spinsim.network.generation.Generation;
import dev.spinsim.network.generation.GenerationSetup;
import dev.spinsim.network.generation.GenerationTest;
import dev.spinsim.network.mapping.BiasMode;
import dev.spinsim.network.mapping.ColumnStacks;
import dev.spinsim.network.mapping.ConvGeometry;
import dev.spinsim.network.mapping.DenseMapping;
import dev.spinsim.network.mapping.LayerMapping;
import dev.spinsim.network.mapping.MappingOptions;
import dev.spinsim.network.mapping.PartialSums;
import dev.spinsim.network.mapping.WeightScheme;
import dev.spinsim.network.model.ModelLoader;
import dev.spinsim.network.model.ModelSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Finite tile buffers: a producer waits while its output buffer or the next stage's input buffer is
 * full, so a smaller buffer can only slow the pipeline down; any size at or above the stage's
 * working set still finishes every image; a smaller one is refused before the run.
 */
class BufferBackPressureTest {
  /** Phase times: fetch 1, read 10 per bit cycle, convert 8, shift 0.5, accumulate 0.7, ... ns. */
  private static final StageTiming T =
      new StageTiming(1_000, 64, 10_000, 8_000, 500, 700, 2_000, 300, 400, 100, 64);

  private static final int BITS = 8;

  /** The ledger the stages of a test record into (ids are ledger-specific). */
  private ActionLedger ledger = new ActionLedger();

  private Stage stage(String layer, ConvGeometry g, Stage.Buffers buffers, Resource noc) {
    return timed(layer, g, buffers, noc, T);
  }

  private Stage timed(
      String layer, ConvGeometry g, Stage.Buffers buffers, Resource noc, StageTiming timing) {
    MappingOptions o =
        new MappingOptions(
            128, 128, WeightScheme.DIFFERENTIAL, BiasMode.DIGITAL, PartialSums.DIGITAL, Map.of());
    LayerMapping m = new DenseMapping().map(layer, g, o);
    ColumnStacks stacks = new ColumnStacks(m, 1);
    StageComponents ids = new StageComponents(ledger, "G/" + layer, "dw_relu", Map.of());
    return new Stage(
        "G",
        layer,
        m,
        timing,
        BITS,
        BITS,
        BITS,
        PartialSums.DIGITAL,
        stacks,
        Stage.closedForms(m, stacks, BITS, 8),
        16,
        1,
        noc,
        0,
        8,
        new PipelineSimulationTest.Log(layer),
        ids,
        buffers);
  }

  /** Runs {@code images} images through the stages; returns the pipeline (all images done). */
  private PipelineSimulation run(int images, Stage... stages) {
    Simulator sim = new Simulator();
    List<Integer> done = new ArrayList<>();
    PipelineSimulation p =
        new PipelineSimulation(
            sim, stages, images, ledger, TraceSink.off(), null, done::add, false);
    p.start(0);
    sim.runUntilEmpty();
    ledger = new ActionLedger(); // the next stages register afresh
    assertEquals(images, done.size(), "every image leaves the pipeline (no deadlock)");
    return p;
  }

  private static Stage.Buffers outputs(long bits) {
    return new Stage.Buffers(Long.MAX_VALUE, 2, bits, 2);
  }

  @Test
  void anOutputBufferOfOneVectorSerialisesTheVectorsIntoTheClosedForm() {
    // a 1x1 convolution over a column of N pixels: one vector per output row, 4 outputs of 8 bits
    int n = 6;
    ConvGeometry g = ConvGeometry.conv(4, 4, 1, 1, 0, n, 1);
    long vectorBits = 4L * BITS;
    // one vector alone: fetch 1 + 8 reads of 10 + convert 8 + shift 0.5 + accumulate 0.7
    // + activate 2 + write 0.3 + read out 0.1 + transfer 0.4 ns
    long single = 1_000 + 8 * 10_000 + 8_000 + 500 + 700 + 2_000 + 300 + 100 + 400;
    PipelineSimulation one = run(1, stage("l", g, outputs(vectorBits), new Resource("noc", 1)));
    // with room for one vector only, a vector starts when the previous one has been read out
    // (its transfer overlaps the next vector): (N - 1) periods of single - 0.4 ns, then one whole
    assertEquals((n - 1) * (single - 400) + single, one.imageDonePs(0));
    PipelineSimulation free =
        run(1, stage("l", g, Stage.Buffers.UNBOUNDED, new Resource("noc", 1)));
    // unbounded, the vectors overlap behind the row drivers: N reads of 80 ns, then the tail
    assertEquals(1_000 + n * 80_000 + (single - 1_000 - 80_000), free.imageDonePs(0));
  }

  @Test
  void latencyRisesAsTheBufferShrinks() {
    int n = 6;
    ConvGeometry g = ConvGeometry.conv(4, 4, 1, 1, 0, n, 1);
    long vectorBits = 4L * BITS;
    long previous = Long.MAX_VALUE;
    List<Long> latencies = new ArrayList<>();
    for (int vectors = 1; vectors <= n + 1; vectors++) {
      long ps =
          run(1, stage("l", g, outputs(vectors * vectorBits), new Resource("noc", 1)))
              .imageDonePs(0);
      latencies.add(ps);
      assertTrue(ps <= previous, "a larger buffer is never slower: " + latencies);
      previous = ps;
    }
    assertTrue(latencies.get(0) > latencies.get(latencies.size() - 1), latencies.toString());
  }

  @Test
  void aFullInputBufferStallsTheProducingStage() {
    // an 8x8 -> 8x8 layer (8 vectors a row) feeding an 8x8 -> 16x16 upsampling one (32 vectors
    // per input row): with the consumer's input buffer at its 2-row window the producer cannot
    // run ahead
    ConvGeometry ga = ConvGeometry.conv(4, 4, 3, 1, 1, 8, 8);
    ConvGeometry gb = ConvGeometry.transposed(4, 2, 4, 2, 1, 0, 8, 8);
    long inRow = 8L * 4 * BITS;
    Resource noc = new Resource("noc", 1);
    Stage a = stage("a", ga, Stage.Buffers.UNBOUNDED, noc);
    Stage b = stage("b", gb, new Stage.Buffers(2 * inRow, 2, Long.MAX_VALUE, 2), noc);
    PipelineSimulation small = run(2, a, b);
    assertTrue(b.inputSpace.peakBits() <= 2 * inRow);
    assertTrue(b.inputSpace.waitedRequests() > 0, "rows waited for room");
    Resource noc2 = new Resource("noc", 1);
    PipelineSimulation free =
        run(
            2,
            stage("a", ga, Stage.Buffers.UNBOUNDED, noc2),
            stage("b", gb, Stage.Buffers.UNBOUNDED, noc2));
    assertTrue(
        small.stageEndPs(0, 1) > free.stageEndPs(0, 1),
        "the producer finishes later when it must wait for room");
    assertTrue(small.imageDonePs(1) >= free.imageDonePs(1));
  }

  @Test
  void fewerBufferPortsSerialiseFetchesAndArrivals() {
    // fetch-bound: 64 inputs of 8 bits through a 64-bit port at 50 ns an access (400 ns a fetch,
    // 5x a vector's reads); with one port the arriving rows' writes (and, on the output side, the
    // reads out) take turns with the fetches, with two they have a port of their own; a third
    // helps only when several row drivers fetch at once (phases, copies), not here
    StageTiming slow =
        new StageTiming(50_000, 64, 10_000, 8_000, 500, 700, 2_000, 300, 400, 100, 64);
    ConvGeometry ga = ConvGeometry.conv(4, 64, 1, 1, 0, 6, 2);
    ConvGeometry gb = ConvGeometry.conv(64, 4, 1, 1, 0, 6, 2);
    List<Long> latencies = new ArrayList<>();
    for (int ports = 1; ports <= 3; ports++) {
      Resource noc = new Resource("noc", 1);
      Stage.Buffers buffers = new Stage.Buffers(Long.MAX_VALUE, ports, Long.MAX_VALUE, ports);
      Stage a = timed("a", ga, buffers, noc, slow);
      Stage b = timed("b", gb, buffers, noc, slow);
      latencies.add(run(2, a, b).imageDonePs(1));
    }
    assertTrue(
        latencies.get(0) > latencies.get(1) && latencies.get(1) >= latencies.get(2),
        "1, 2, 3 ports: " + latencies);
  }

  /** Any sizes at or above the working sets finish every image, in order, never over capacity. */
  @Property(tries = 60)
  void noDeadlockAtOrAboveTheWorkingSet(
      @ForAll @IntRange(min = 0, max = 40) int extraInA,
      @ForAll @IntRange(min = 0, max = 40) int extraOutA,
      @ForAll @IntRange(min = 0, max = 40) int extraInB,
      @ForAll @IntRange(min = 0, max = 40) int extraOutB,
      @ForAll @IntRange(min = 0, max = 40) int extraInC,
      @ForAll @IntRange(min = 1, max = 3) int images) {
    MappingOptions o =
        new MappingOptions(
            128, 128, WeightScheme.DIFFERENTIAL, BiasMode.DIGITAL, PartialSums.DIGITAL, Map.of());
    ConvGeometry[] gs = {
      ConvGeometry.transposed(8, 4, 4, 2, 1, 0, 2, 2),
      ConvGeometry.conv(4, 6, 3, 1, 1, 4, 4),
      ConvGeometry.transposed(6, 2, 4, 2, 1, 0, 4, 4)
    };
    int[][] extra = {{extraInA, extraOutA}, {extraInB, extraOutB}, {extraInC, 0}};
    Resource noc = new Resource("noc", 1);
    Stage[] stages = new Stage[gs.length];
    for (int s = 0; s < gs.length; s++) {
      LayerMapping m = new DenseMapping().map("l" + s, gs[s], o);
      BufferWorkingSet w = BufferWorkingSet.of(m, BITS, s == 0);
      // extra capacity in units of 8 bits, so sizes between whole rows are tried too
      stages[s] =
          stage(
              "l" + s,
              gs[s],
              new Stage.Buffers(
                  w.inputBits() + 8L * extra[s][0], 1, w.outputBits() + 8L * extra[s][1], 1),
              noc);
    }
    PipelineSimulation p = run(images, stages);
    for (int i = 1; i < images; i++) {
      assertTrue(p.imageDonePs(i) > p.imageDonePs(i - 1));
    }
    for (Stage st : stages) {
      assertTrue(st.inputSpace.peakBits() <= st.inputSpace.capacityBits());
      assertTrue(st.outputSpace.peakBits() <= st.outputSpace.capacityBits());
      assertEquals(0, st.inputSpace.usedBits(), "every input row was released");
      assertEquals(0, st.outputSpace.usedBits(), "every output row left");
    }
  }

  private static final ModelSpec FMNIST = ModelLoader.load("fmnist");

  private static long fmnistLatencyPs(String... sets) {
    PresetDevices d = PresetDevices.of(Presets.load("paper", List.of(sets)));
    GenerationSetup s =
        new GenerationSetup(
            FMNIST,
            GenerationTest.randomNetwork(true, 1),
            null,
            d,
            new DenseMapping(),
            ChipBuilder.optionsFor(d.preset(), BiasMode.DIGITAL, PartialSums.DIGITAL, Map.of()),
            1);
    return Generation.run(s, 1, RunMode.CYCLE_ACCURATE, TraceSink.off(), i -> {})
        .run()
        .latencyPs(0);
  }

  @Test
  void smallButLegalBuffersRaiseTheLatencyOfTheFmnistPaperChip() {
    // the smallest buffers the working sets allow (1,792 B in, 32 B out per tile): G.main.3's two
    // tiles hold one vector's 64 outputs, so its vectors no longer overlap
    long shipped = fmnistLatencyPs();
    long small =
        fmnistLatencyPs("tile.inputBuffer.sizeBytes=1792", "tile.outputBuffer.sizeBytes=32");
    assertTrue(small > shipped * 1.1, small + " > " + shipped + " ps");
  }

  @Test
  void buffersBelowTheWorkingSetAreRefusedNamingTheStageAndTheMinimum() {
    var p = Presets.load("paper", List.of("tile.outputBuffer.sizeBytes=31"));
    var layers = NetworkPlanner.matrixLayers("G", FMNIST.generator());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                BufferWorkingSet.check(
                    p,
                    new DenseMapping(),
                    ChipBuilder.optionsFor(p, BiasMode.DIGITAL, PartialSums.DIGITAL, Map.of()),
                    layers));
    assertEquals(
        "tile.outputBuffer.sizeBytes: 31 bytes is too small for G.main.3 (2 tiles): one"
            + " vector's outputs of 512 bits needs at least 32 bytes per tile",
        e.getMessage());
    var q = Presets.load("paper", List.of("tile.inputBuffer.sizeBytes=895"));
    e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                BufferWorkingSet.check(
                    q,
                    new DenseMapping(),
                    ChipBuilder.optionsFor(q, BiasMode.DIGITAL, PartialSums.DIGITAL, Map.of()),
                    layers));
    // the size named is the least all layers accept (G.main.3 needs 896, G.main.6 1,792)
    assertEquals(
        "tile.inputBuffer.sizeBytes: 895 bytes is too small for G.main.6 (1 tile): its input"
            + " window of 14336 bits needs at least 1792 bytes per tile",
        e.getMessage());
    // the chip builder refuses the same way
    PresetDevices d = PresetDevices.of(q);
    GenerationSetup s =
        new GenerationSetup(
            FMNIST,
            GenerationTest.randomNetwork(true, 1),
            null,
            d,
            new DenseMapping(),
            ChipBuilder.optionsFor(q, BiasMode.DIGITAL, PartialSums.DIGITAL, Map.of()),
            1);
    IllegalArgumentException built =
        assertThrows(
            IllegalArgumentException.class,
            () -> Generation.run(s, 1, RunMode.FUNCTIONAL, TraceSink.off(), i -> {}));
    assertEquals(e.getMessage(), built.getMessage());
    // at the minimum, both pass
    var ok =
        Presets.load(
            "paper", List.of("tile.inputBuffer.sizeBytes=1792", "tile.outputBuffer.sizeBytes=32"));
    BufferWorkingSet.check(
        ok,
        new DenseMapping(),
        ChipBuilder.optionsFor(ok, BiasMode.DIGITAL, PartialSums.DIGITAL, Map.of()),
        layers);
  }
}
