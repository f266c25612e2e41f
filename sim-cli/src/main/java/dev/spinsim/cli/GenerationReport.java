package dev.spinsim.cli;

import dev.spinsim.cli.report.AreaRow;
import dev.spinsim.cli.report.ImageBatch;
import dev.spinsim.cli.report.LayerRow;
import dev.spinsim.cli.report.MappingRow;
import dev.spinsim.cli.report.ResourceRow;
import dev.spinsim.cli.report.RunIdentity;
import dev.spinsim.cli.report.RunReport;
import dev.spinsim.cli.report.TerminalSummary;
import dev.spinsim.core.config.ConfigLoader;
import dev.spinsim.core.energy.ActionLedger;
import dev.spinsim.core.energy.ComponentInfo;
import dev.spinsim.core.resource.BoundedBuffer;
import dev.spinsim.core.resource.Resource;
import dev.spinsim.devices.energy.AreaTable;
import dev.spinsim.devices.energy.ComponentClasses;
import dev.spinsim.network.chip.Chip;
import dev.spinsim.network.chip.StagePlan;
import dev.spinsim.network.generation.GenerationResult;
import dev.spinsim.network.mapping.LayerMapping;
import dev.spinsim.network.model.LayerSpec;
import dev.spinsim.network.model.NetworkSpec;
import dev.spinsim.network.model.Shape;
import dev.spinsim.network.run.HardwareRun;
import dev.spinsim.network.run.ImageQuality;
import dev.spinsim.network.run.QualityDiagnosis;
import dev.spinsim.network.run.RunMetrics;
import dev.spinsim.network.run.RunMode;
import dev.spinsim.network.run.Stage;
import dev.spinsim.network.run.StageStats;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Turns a finished generation run into the plain-data report the run folder is written from. */
final class GenerationReport {
  private GenerationReport() {}

  static RunReport build(
      RunInputs in,
      GenerationResult r,
      String presetLabel,
      long seed,
      String trace,
      Map<String, String> details) {
    Shape img = in.model.image();
    int n = r.run().images();
    float[] reference = r.floatImages();
    return build(
        in,
        r,
        presetLabel,
        seed,
        trace,
        details,
        new ImageBatch(n, img.channels(), img.height(), img.width(), r.images()),
        r.latents(),
        new ImageBatch(n, img.channels(), img.height(), img.width(), clip(reference)),
        ImageQuality.compare(r.images(), reference, img.channels() * img.height() * img.width()),
        GenerationResult.outsideUnitRange(r.images()));
  }

  /**
   * As above for a run that streamed its images: {@code preview} holds the first images (with their
   * {@code previewLatents} and the float network's {@code previewReference}, clipped to [−1, 1]);
   * {@code quality} compares every image of the run with its float reference and {@code
   * outsideUnitRange} counts the run's pixel values outside [−1, 1].
   */
  static RunReport build(
      RunInputs in,
      GenerationResult r,
      String presetLabel,
      long seed,
      String trace,
      Map<String, String> details,
      ImageBatch preview,
      float[] previewLatents,
      ImageBatch previewReference,
      ImageQuality quality,
      long outsideUnitRange) {
    return build(
        in,
        r,
        presetLabel,
        seed,
        trace,
        details,
        preview,
        previewLatents,
        previewReference,
        quality,
        outsideUnitRange,
        () -> runYaml(in, presetLabel, seed, r.run().images(), r.run().mode(), trace));
  }

  /**
   * As above with the run.yaml text from {@code runYaml} (what {@link #runYaml} gives for this
   * run's inputs, images and mode: a run may write it out before the report).
   */
  static RunReport build(
      RunInputs in,
      GenerationResult r,
      String presetLabel,
      long seed,
      String trace,
      Map<String, String> details,
      ImageBatch preview,
      float[] previewLatents,
      ImageBatch previewReference,
      ImageQuality quality,
      long outsideUnitRange,
      Supplier<String> runYaml) {
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
    d.put(
        "mapping",
        in.mapping.strategy()
            + ", bias "
            + in.mapping.biasMode()
            + ", partial sums "
            + in.mapping.partialSums());
    d.put("tiles", Integer.toString(chip.tiles()));
    List<String> notes = new ArrayList<>(in.notes);
    java.util.SortedSet<String> actClasses = r.activationClasses(false);
    java.util.SortedSet<String> dwClasses = r.activationClasses(true);
    d.put(
        TerminalSummary.ACTIVATION_DEVICES,
        actClasses.isEmpty() ? "none" : String.join(", ", actClasses));
    d.put(
        TerminalSummary.DW_DEVICES,
        dwClasses.isEmpty() ? "none on this chip" : String.join(", ", dwClasses));
    notes.add(
        dwClasses.isEmpty()
            ? "this chip has no domain-wall activation units (it uses "
                + String.join(", ", actClasses)
                + "): the domain-wall energy is 0 and the activation-unit energy counts the CMOS units"
            : "domain-wall energy counts "
                + String.join(", ", dwClasses)
                + " only, as the paper's testing"
                + " energy does; activation-unit energy counts every activation unit ("
                + String.join(", ", actClasses)
                + ")");
    if (!timed) {
      notes.add(
          "functional mode: no time is simulated, so latency and throughput are not measured"
              + " (empty cells) and the energy leaves out leakage (static power x time)");
    }
    long pixels = (long) n * preview.channels() * preview.height() * preview.width();
    RunMetrics metrics = r.metrics(presetLabel, in.overridesLabel(), quality, outsideUnitRange);
    b.metrics(metrics);
    QualityDiagnosis.warning(quality, List.of(stages)).ifPresent(b::warning);
    long outside = metrics.pixelsOutsideUnitRange();
    if (outside > 0) {
      notes.add(
          String.format(
              java.util.Locale.ROOT,
              "%d of %d pixel values (%.1f %%) lie outside [-1, 1]"
                  + " (the generator ends in %s, not Tanh): images.npy holds them as computed, the PNGs clip"
                  + " them",
              outside,
              pixels,
              100.0 * outside / pixels,
              lastType(in.model.generator())));
    }
    if (in.discriminator != null
        && !(lastLayer(in.model.discriminator()) instanceof LayerSpec.Sigmoid)) {
      notes.add(
          "the discriminator ends in "
              + lastType(in.model.discriminator())
              + ", not Sigmoid:"
              + " its scores are logits, not probabilities");
    }
    b.identity(
        new RunIdentity(
            in.model.name(),
            presetLabel,
            n,
            seed,
            timed ? RunMode.CYCLE_ACCURATE : RunMode.FUNCTIONAL,
            d,
            notes));

    ActionLedger ledger = chip.ledger();
    Map<String, Double> byTag = r.energy().byTagPj();
    Map<String, Double> byComponent = r.energy().byComponentPj();
    for (int s = 0; s < stages.length; s++) {
      Stage st = stages[s];
      StagePlan plan = chip.plans().get(s);
      // as for the run: the first image, through an empty pipeline
      double lat = timed ? (run.stageEndPs(s, 0) - run.stageStartPs(s, 0)) / 1e3 : Double.NaN;
      double act = 0;
      Map<String, Long> counts = new LinkedHashMap<>();
      for (String k : LayerRow.STANDARD_COUNTS) {
        counts.put(k, 0L);
      }
      counts.put(
          "crossbar_reads", (long) n * st.mapping().crossbarReadsPerImage() * st.bitCycles());
      long rowCycles = (long) n * st.rowCyclesPerImage();
      counts.put("row_cycles", rowCycles);
      double periphery = 0;
      for (ComponentInfo c : ledger.components()) {
        if (!c.tag().equals(st.tag())) {
          continue;
        }
        String cls = c.componentClass();
        boolean activation = ComponentClasses.ACTIVATION_ROLE.equals(c.role());
        if (activation) {
          act += byComponent.getOrDefault(c.name(), 0.0);
        }
        if (cls.equals(ComponentClasses.ADC)
            || cls.equals(ComponentClasses.SAMPLE_HOLD)
            || cls.equals(ComponentClasses.SHIFT_ADD)) {
          periphery += byComponent.getOrDefault(c.name(), 0.0);
        }
        addCount(counts, ledger, c, activation ? ComponentClasses.ACTIVATION_ROLE : cls);
      }
      long driven = counts.get("dac_ops");
      b.addLayer(
          new LayerRow(
              st.network(),
              st.layer(),
              plan.kind() + describe(plan),
              st.mapping().strategy(),
              lat,
              timed ? run.stageStartPs(s, 0) / 1e3 : Double.NaN,
              timed ? run.stageEndPs(s, 0) / 1e3 : Double.NaN,
              byTag.getOrDefault(st.tag(), 0.0),
              act,
              counts,
              fractions(st.stats()),
              rowCycles == 0 ? 0 : (double) driven / rowCycles,
              st.mapping().zeroFraction() * periphery));
      LayerMapping m = st.mapping();
      b.addMapping(
          new MappingRow(
              st.network(),
              st.layer(),
              plan.kind(),
              m.strategy(),
              m.layout().phases(),
              m.matrixRows(),
              m.matrixCols(),
              m.crossbars(),
              m.cellUtilisation(),
              m.vectorsPerImage(),
              m.macsPerformed(),
              m.zeroMacs(),
              m.insertedZeroMacs(),
              m.replication()));
    }
    addArea(b, r);
    r.energy()
        .byClassAndActionPj()
        .cellSet()
        .forEach(c -> b.addEnergy(c.getRowKey(), c.getColumnKey(), c.getValue()));
    if (timed) {
      for (Stage st : stages) {
        for (ResourceRow row : resourceRows(st.tag(), st.resources(), run.makespanPs())) {
          b.addResource(row);
        }
        for (BoundedBuffer buf : st.buffers()) {
          b.addResource(bufferRow(st, buf, run.makespanPs()));
        }
      }
      b.addResource(resourceRows("chip", List.of(chip.interconnect()), run.makespanPs()).get(0));
    }
    b.images(preview);
    b.floatReference(previewReference, quality);
    b.latents(preview.count(), in.model.latent(), previewLatents);
    if (r.scores() != null) {
      b.discriminatorScores(r.scores());
    }
    b.runYaml(runYaml.get());
    return b.build();
  }

  /** The layer's ADC and activation fractions that were counted (NaN ones left out). */
  private static Map<String, Double> fractions(StageStats s) {
    Map<String, Double> f = new LinkedHashMap<>();
    if (s.adcConversions() > 0) {
      f.put("adc_clip_fraction", s.adcClipFraction());
      f.put("adc_zero_code_fraction", s.adcZeroCodeFraction());
    }
    if (s.activations() > 0) {
      f.put("activation_saturation_fraction", s.activationSaturationFraction());
    }
    return f;
  }

  /** The area table on the chip's components: one row per layer and component class. */
  private static void addArea(RunReport.Builder b, GenerationResult r) {
    AreaTable table = r.areaTable();
    Map<String, Integer> tiles = new LinkedHashMap<>();
    for (Stage st : r.chip().stages()) {
      tiles.put(st.tag(), st.tiles());
    }
    Map<String, double[]> rows = new java.util.TreeMap<>();
    for (ComponentInfo c : r.chip().ledger().components()) {
      double[] acc =
          rows.computeIfAbsent(c.tag() + "\u0000" + c.componentClass(), k -> new double[2]);
      acc[0] += c.attribute(ComponentClasses.COUNT, 1.0);
      acc[1] += table.areaMm2(c);
    }
    rows.forEach(
        (key, v) -> {
          int cut = key.indexOf('\u0000');
          String layer = key.substring(0, cut);
          String cls = key.substring(cut + 1);
          b.addArea(
              new AreaRow(
                  layer, tiles.getOrDefault(layer, 0), cls, v[0], table.mm2PerUnit(cls), v[1]));
        });
  }

  private static LayerSpec lastLayer(NetworkSpec net) {
    return net.layers().get(net.size() - 1);
  }

  private static String lastType(NetworkSpec net) {
    return lastLayer(net).type();
  }

  /** Float images clipped to [−1, 1] for display (a generator without tanh may leave it). */
  static float[] clip(float[] x) {
    float[] out = x.clone();
    for (int i = 0; i < out.length; i++) {
      out[i] = Float.isNaN(out[i]) ? 0f : Math.max(-1f, Math.min(1f, out[i]));
    }
    return out;
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

  private static void addCount(
      Map<String, Long> counts, ActionLedger ledger, ComponentInfo c, String cls) {
    String key;
    String[] actions;
    switch (cls) {
      case ComponentClasses.DAC -> {
        key = "dac_ops";
        actions = new String[] {ComponentClasses.CONVERT};
      }
      case ComponentClasses.CROSSBAR -> {
        key = "cells_read";
        actions = new String[] {ComponentClasses.CELL_READ};
      }
      case ComponentClasses.ADC -> {
        key = "conversions";
        actions = new String[] {ComponentClasses.CONVERT};
      }
      case ComponentClasses.SHIFT_ADD -> {
        key = "shift_adds";
        actions = new String[] {ComponentClasses.OP};
      }
      case ComponentClasses.ACTIVATION_ROLE -> {
        key = "activation_pulses";
        actions = new String[] {ComponentClasses.ACTIVATE};
      }
      case ComponentClasses.INPUT_BUFFER, ComponentClasses.OUTPUT_BUFFER -> {
        key = "buffer_bits";
        actions = new String[] {ComponentClasses.READ_BIT, ComponentClasses.WRITE_BIT};
      }
      case ComponentClasses.INTERCONNECT -> {
        key = "interconnect_bits";
        actions = new String[] {ComponentClasses.TRANSFER_BIT};
      }
      default -> {
        return;
      }
    }
    long sum = 0;
    for (String a : actions) {
      sum += ledger.count(c.id(), ledger.actionId(a));
    }
    counts.merge(key, sum, Long::sum);
  }

  /**
   * A stage's input or output buffer space (its tiles' buffers pooled): requests for room, the mean
   * and longest time they waited for it, the longest queue, capacity, peak and time-averaged
   * occupancy over the makespan (utilisation = mean occupancy / capacity). A pooled credit counter
   * has no busy time per unit: that column is NaN.
   */
  private static ResourceRow bufferRow(Stage st, BoundedBuffer b, long makespanPs) {
    String cls = b.name().substring(b.name().lastIndexOf('.') + 1);
    long capacityBytes = b.capacityBits() / 8;
    long peakBytes = Math.min(capacityBytes, (b.peakBits() + 7) / 8);
    double meanBytes =
        makespanPs == 0 ? 0 : Math.min(peakBytes, b.occupancyBitPs(makespanPs) / makespanPs / 8);
    double meanWaitNs = b.requests() == 0 ? 0 : b.waitPs() / 1e3 / b.requests();
    return new ResourceRow(
        st.tag() + " " + cls + "-space",
        cls + "-space",
        st.tiles(),
        b.requests(),
        Double.NaN,
        Math.min(1, meanBytes / capacityBytes),
        meanWaitNs,
        b.maxWaitPs() / 1e3,
        b.peakWaiting(),
        capacityBytes,
        peakBytes,
        meanBytes);
  }

  /**
   * One row per kind of resource of a stage (its crossbars together, its ADC banks together, …):
   * units and requests summed, busy time per unit, utilisation over the makespan, mean wait per
   * request, the longest wait and the longest queue.
   */
  private static List<ResourceRow> resourceRows(
      String tag, List<Resource> resources, long makespanPs) {
    Map<String, long[]> groups =
        new LinkedHashMap<>(); // units, busy, wait, peak, requests, max wait
    for (Resource r : resources) {
      String name = r.name();
      String cls = name.substring(name.lastIndexOf('.') + 1).replaceAll("\\d+$", "");
      long[] g = groups.computeIfAbsent(cls, k -> new long[6]);
      g[0] += r.capacity();
      g[1] += r.busyPs();
      g[2] += r.waitPs();
      g[3] = Math.max(g[3], r.peakQueueLength());
      g[4] += r.acquisitions();
      g[5] = Math.max(g[5], r.maxWaitPs());
    }
    List<ResourceRow> rows = new ArrayList<>();
    groups.forEach(
        (cls, g) -> {
          double util = makespanPs == 0 ? 0 : Math.min(1, g[1] / ((double) g[0] * makespanPs));
          double meanWaitNs = g[4] == 0 ? 0 : g[2] / 1e3 / g[4];
          rows.add(
              new ResourceRow(
                  tag + " " + cls,
                  cls,
                  (int) g[0],
                  g[4],
                  g[1] / 1e3 / g[0],
                  util,
                  meanWaitNs,
                  g[5] / 1e3,
                  (int) g[3]));
        });
    return rows;
  }

  /** The fully resolved configuration of the run, weights paths included. */
  static String runYaml(
      RunInputs in, String presetLabel, long seed, int images, RunMode mode, String trace) {
    Map<String, Object> run = new LinkedHashMap<>();
    run.put("model", in.model.name());
    run.put("modelSource", in.model.source());
    Map<String, Object> weights = new LinkedHashMap<>();
    weights.put("generator", in.generatorWeights);
    if (in.discriminatorWeights != null) {
      weights.put("discriminator", in.discriminatorWeights);
    }
    run.put("weights", weights);
    if (!in.biasesFromWeights.isEmpty()) {
      // biases the model left to the weights files, as the files decided them
      run.put("biasesFromWeights", in.biasesFromWeights);
    }
    run.put("images", images);
    run.put("seed", seed);
    run.put("mode", mode.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
    run.put("trace", trace);
    run.put("discriminator", in.discriminator != null);
    run.put("presetSource", presetLabel);
    run.put("overrides", in.overrides);
    run.put("mapping", in.mapping);
    run.put("preset", in.preset);
    // every phase time as the chip used it (before rounding to clock edges), derived or pinned
    run.put("timing", in.devices.timing().describe());
    return ConfigLoader.toYaml(run);
  }
}
