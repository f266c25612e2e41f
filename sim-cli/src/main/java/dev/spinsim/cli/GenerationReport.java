package dev.spinsim.cli;

import dev.spinsim.core.config.ConfigLoader;
import dev.spinsim.core.energy.ActionLedger;
import dev.spinsim.core.energy.ComponentInfo;
import dev.spinsim.core.resource.Resource;
import dev.spinsim.devices.energy.ComponentClasses;
import dev.spinsim.cli.report.ImageBatch;
import dev.spinsim.cli.report.LayerRow;
import dev.spinsim.cli.report.MappingRow;
import dev.spinsim.cli.report.NetworkTotals;
import dev.spinsim.cli.report.ResourceRow;
import dev.spinsim.cli.report.RunIdentity;
import dev.spinsim.cli.report.RunReport;
import dev.spinsim.cli.report.RunSummary;
import dev.spinsim.cli.report.SimulationMode;
import dev.spinsim.network.chip.Chip;
import dev.spinsim.network.chip.StagePlan;
import dev.spinsim.network.mapping.LayerMapping;
import dev.spinsim.network.model.Shape;
import dev.spinsim.network.run.GenerationResult;
import dev.spinsim.network.run.HardwareRun;
import dev.spinsim.network.run.RunMode;
import dev.spinsim.network.run.Stage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns a finished generation run into the plain-data report the run folder is written from. */
final class GenerationReport {
  private GenerationReport() {}

  static RunReport build(RunInputs in, GenerationResult r, String presetLabel, long seed,
      String trace, Map<String, String> details) {
    Chip chip = r.chip();
    HardwareRun run = r.run();
    int n = run.images();
    boolean timed = run.mode() == RunMode.CYCLE_ACCURATE;
    Stage[] stages = chip.stages();
    RunReport.Builder b = RunReport.builder();

    Map<String, String> d = new LinkedHashMap<>(details);
    d.put("generator weights", in.generatorWeights);
    if (in.discriminatorWeights != null) {
      d.put("discriminator weights", in.discriminatorWeights);
    }
    d.put("mapping", in.mapping.strategy() + ", bias " + in.mapping.biasMode() + ", partial sums "
        + in.mapping.partialSums());
    d.put("tiles", Integer.toString(chip.tiles()));
    List<String> notes = new ArrayList<>(in.notes);
    notes.add("activation energy counts the domain-wall ReLU and Leaky ReLU units only, as the"
        + " paper's testing energy does");
    b.identity(new RunIdentity(in.model.name(), presetLabel, n, seed,
        timed ? SimulationMode.CYCLE_ACCURATE : SimulationMode.FUNCTIONAL, d, notes));

    double totalPj = r.energy().totalPj();
    double makespanNs = run.makespanPs() / 1e3;
    // the first image meets an empty pipeline: its latency is the chip's latency per image;
    // later images also wait behind earlier ones (the mean is reported beside it)
    double latencyNs = timed ? run.latencyPs(0) / 1e3 : 0;
    double throughput = timed && makespanNs > 0 ? n / (makespanNs * 1e-9) : 0;
    List<NetworkTotals> nets = new ArrayList<>();
    if (in.discriminator != null) {
      int g = chip.generatorStages();
      double gLat = 0;
      double dLat = 0;
      if (timed) {
        gLat = (run.stageEndPs(g - 1, 0) - run.imageStartPs(0)) / 1e3;
        dLat = (run.stageEndPs(stages.length - 1, 0) - run.stageStartPs(g, 0)) / 1e3;
      }
      nets.add(new NetworkTotals("G", gLat, r.energyPj("G"), r.activationEnergyPj("G")));
      nets.add(new NetworkTotals("D", dLat, r.energyPj("D"), r.activationEnergyPj("D")));
    }
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("mean_latency_ns_with_queueing", timed ? run.meanLatencyPs() / 1e3 : 0);
    extra.put("dynamic_energy_pj_per_image", r.energy().dynamicPj() / n);
    extra.put("leakage_energy_pj_per_image", r.energy().leakagePj() / n);
    extra.put("crossbars", chip.mappings().stream().mapToInt(LayerMapping::crossbars).sum());
    extra.put("tiles", chip.tiles());
    extra.put("events", run.eventsProcessed());
    b.summary(new RunSummary(latencyNs, throughput, makespanNs, totalPj,
        r.activationEnergyPj(), nets, extra));

    ActionLedger ledger = chip.ledger();
    Map<String, Double> byTag = r.energy().byTagPj();
    Map<String, Double> byComponent = r.energy().byComponentPj();
    for (int s = 0; s < stages.length; s++) {
      Stage st = stages[s];
      StagePlan plan = chip.plans().get(s);
      // as for the run: the first image, through an empty pipeline
      double lat = timed ? (run.stageEndPs(s, 0) - run.stageStartPs(s, 0)) / 1e3 : 0;
      double act = 0;
      Map<String, Long> counts = new LinkedHashMap<>();
      for (String k : LayerRow.STANDARD_COUNTS) {
        counts.put(k, 0L);
      }
      counts.put("crossbar_reads", (long) n * st.mapping().vectorsPerImage()
          * st.mapping().crossbarsPerCopy() * st.bitCycles());
      long rowCycles = (long) n * st.mapping().vectorsPerImage() * st.rowCyclesPerVector();
      counts.put("row_cycles", rowCycles);
      double periphery = 0;
      for (ComponentInfo c : ledger.components()) {
        if (!c.tag().equals(st.tag())) {
          continue;
        }
        String cls = c.componentClass();
        if (cls.equals(ComponentClasses.RELU) || cls.equals(ComponentClasses.LEAKY_RELU)) {
          act += byComponent.getOrDefault(c.name(), 0.0);
        }
        if (cls.equals(ComponentClasses.ADC) || cls.equals(ComponentClasses.SAMPLE_HOLD)
            || cls.equals(ComponentClasses.SHIFT_ADD)) {
          periphery += byComponent.getOrDefault(c.name(), 0.0);
        }
        addCount(counts, ledger, c, cls);
      }
      long driven = counts.get("dac_ops");
      b.addLayer(new LayerRow(st.network(), st.layer(), plan.kind() + describe(plan), lat,
          timed ? run.stageStartPs(s, 0) / 1e3 : 0, timed ? run.stageEndPs(s, 0) / 1e3 : 0,
          byTag.getOrDefault(st.tag(), 0.0), act, counts,
          rowCycles == 0 ? 0 : (double) driven / rowCycles,
          st.mapping().zeroFraction() * periphery));
      LayerMapping m = st.mapping();
      b.addMapping(new MappingRow(st.network(), st.layer(), plan.kind(), m.matrixRows(),
          m.matrixCols(), m.crossbars(), m.cellUtilisation(), m.vectorsPerImage(),
          m.macsPerformed(), m.zeroMacs(), m.replication()));
    }
    r.energy().byClassAndActionPj().forEach((key, pj) -> {
      int slash = key.lastIndexOf('/');
      b.addEnergy(key.substring(0, slash), key.substring(slash + 1), pj);
    });
    if (timed) {
      for (Stage st : stages) {
        for (ResourceRow row : resourceRows(st.tag(), st.resources(), run.makespanPs())) {
          b.addResource(row);
        }
      }
      b.addResource(resourceRows("chip", List.of(chip.interconnect()), run.makespanPs()).get(0));
    }
    Shape img = in.model.image();
    b.images(new ImageBatch(n, img.channels(), img.height(), img.width(), r.images()));
    b.latents(n, in.model.latent(), r.latents());
    if (r.scores() != null) {
      b.discriminatorScores(r.scores());
    }
    b.runYaml(runYaml(in, presetLabel, seed, n, run.mode(), trace));
    return b.build();
  }

  private static String describe(StagePlan p) {
    StringBuilder s = new StringBuilder();
    if (!p.foldedBatchNorm().isEmpty()) {
      s.append("+BN");
    }
    if (p.hasActivation()) {
      s.append('+').append(p.activation());
    }
    return s.toString();
  }

  private static void addCount(Map<String, Long> counts, ActionLedger ledger, ComponentInfo c,
      String cls) {
    String key;
    String[] actions;
    switch (cls) {
      case ComponentClasses.DAC -> { key = "dac_ops"; actions = new String[] {ComponentClasses.CONVERT}; }
      case ComponentClasses.CROSSBAR -> { key = "cells_read"; actions = new String[] {ComponentClasses.CELL_READ}; }
      case ComponentClasses.ADC -> { key = "conversions"; actions = new String[] {ComponentClasses.CONVERT}; }
      case ComponentClasses.SHIFT_ADD -> { key = "shift_adds"; actions = new String[] {ComponentClasses.OP}; }
      case ComponentClasses.RELU, ComponentClasses.LEAKY_RELU, ComponentClasses.TANH,
          ComponentClasses.SIGMOID -> { key = "activation_pulses"; actions = new String[] {ComponentClasses.ACTIVATE}; }
      case ComponentClasses.INPUT_BUFFER, ComponentClasses.OUTPUT_BUFFER -> {
        key = "buffer_bits";
        actions = new String[] {ComponentClasses.READ_BIT, ComponentClasses.WRITE_BIT};
      }
      case ComponentClasses.INTERCONNECT -> { key = "interconnect_bits"; actions = new String[] {ComponentClasses.TRANSFER_BIT}; }
      default -> { return; }
    }
    long sum = 0;
    for (String a : actions) {
      sum += ledger.count(c.id(), ledger.actionId(a));
    }
    counts.merge(key, sum, Long::sum);
  }

  /**
   * One row per kind of resource of a stage (its crossbars together, its ADC banks together, …):
   * capacities and busy/wait times summed, the longest queue, utilisation over the makespan.
   */
  private static List<ResourceRow> resourceRows(String tag, List<Resource> resources,
      long makespanPs) {
    Map<String, long[]> groups = new LinkedHashMap<>(); // capacity, busy, wait, peak
    for (Resource r : resources) {
      String name = r.name();
      String cls = name.substring(name.lastIndexOf('.') + 1).replaceAll("\\d+$", "");
      long[] g = groups.computeIfAbsent(cls, k -> new long[4]);
      g[0] += r.capacity();
      g[1] += r.busyPs();
      g[2] += r.waitPs();
      g[3] = Math.max(g[3], r.peakQueueLength());
    }
    List<ResourceRow> rows = new ArrayList<>();
    groups.forEach((cls, g) -> {
      double util = makespanPs == 0 ? 0 : Math.min(1, g[1] / ((double) g[0] * makespanPs));
      rows.add(new ResourceRow(tag + " " + cls, cls, (int) g[0], g[1] / 1e3, g[2] / 1e3,
          (int) g[3], util));
    });
    return rows;
  }

  /** The fully resolved configuration of the run, weights paths included. */
  static String runYaml(RunInputs in, String presetLabel, long seed, int images, RunMode mode,
      String trace) {
    Map<String, Object> run = new LinkedHashMap<>();
    run.put("model", in.model.name());
    run.put("modelSource", in.model.source());
    Map<String, Object> weights = new LinkedHashMap<>();
    weights.put("generator", in.generatorWeights);
    if (in.discriminatorWeights != null) {
      weights.put("discriminator", in.discriminatorWeights);
    }
    run.put("weights", weights);
    run.put("images", images);
    run.put("seed", seed);
    run.put("mode", mode.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
    run.put("trace", trace);
    run.put("discriminator", in.discriminator != null);
    run.put("presetSource", presetLabel);
    run.put("overrides", in.overrides);
    run.put("mapping", in.mapping);
    run.put("preset", in.preset);
    return ConfigLoader.toYaml(run);
  }
}
