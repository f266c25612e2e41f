package dev.spinsim.cli;

import dev.spinsim.core.config.ConfigLoader;
import dev.spinsim.devices.preset.Preset;
import dev.spinsim.devices.preset.PresetDevices;
import dev.spinsim.network.chip.BufferWorkingSet;
import dev.spinsim.network.chip.ChipBuilder;
import dev.spinsim.network.chip.NetworkPlanner;
import dev.spinsim.network.generation.GenerationSetup;
import dev.spinsim.network.mapping.MappingConfig;
import dev.spinsim.network.mapping.MappingOptions;
import dev.spinsim.network.model.ModelLoader;
import dev.spinsim.network.model.ModelSpec;
import dev.spinsim.network.model.Network;
import dev.spinsim.network.model.NetworkSpec;
import dev.spinsim.network.weights.DcganLayout;
import dev.spinsim.network.weights.ShippedWeights;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Resolves what a hardware command was asked for: the model (with {@code --set model.*} overrides),
 * its weights (shipped, a file, or seeded random ones when none exist, said in the notes), the
 * preset with its {@code --set} overrides ({@code mapping.*} keys go to the mapping section) and
 * the mapping options. {@link #chip} is the one validation that {@code map} and {@code generate}
 * share: whatever one refuses, the other refuses with the same line.
 */
final class RunInputs {
  final ModelSpec model;
  final Network generator;
  final Network discriminator;
  final String generatorWeights;
  final String discriminatorWeights;
  final Preset preset;
  final PresetDevices devices;
  final MappingConfig mapping;
  final MappingOptions options;
  final List<String> notes = new ArrayList<>();
  final List<String> overrides;
  final Map<String, Integer> replication;

  /**
   * Per network ("G"/"D") and layer: what the weights file decided for a bias the model left open.
   */
  final Map<String, Boolean> biasesFromWeights = new LinkedHashMap<>();

  /**
   * The chip side of a run, checked without weights: what {@code map} and {@code generate} share.
   */
  record Chip(ModelSpec model, Preset preset, MappingConfig mapping, MappingOptions options) {}

  RunInputs(
      String modelName,
      Path weights,
      Path discriminatorWeightsFile,
      boolean discriminator,
      String presetName,
      List<String> sets,
      Map<String, Integer> replication,
      long seed) {
    this(
        modelName,
        weights,
        ShippedWeights.FLOAT,
        discriminatorWeightsFile,
        discriminator,
        presetName,
        sets,
        replication,
        seed);
  }

  /**
   * As above, with the generator's shipped weights taken from {@code variant} (e.g. {@code
   * hw-paper}) when {@code weights} is null; a variant other than float that is not shipped is an
   * error. A null {@code modelName} picks the shipped model whose generator the weights file fits
   * ({@code fmnist} without a file).
   */
  RunInputs(
      String modelName,
      Path weights,
      String variant,
      Path discriminatorWeightsFile,
      boolean discriminator,
      String presetName,
      List<String> sets,
      Map<String, Integer> replication,
      long seed) {
    this(
        modelName,
        weights,
        variant,
        discriminatorWeightsFile,
        discriminator,
        presetName,
        null,
        sets,
        replication,
        seed);
  }

  /**
   * As above with the preset already resolved ({@code resolvedPreset}, e.g. from a run's {@code
   * run.yaml}, its overrides applied): {@code sets} then only address the model and the mapping,
   * and are kept for the run's labels.
   */
  RunInputs(
      String modelName,
      Path weights,
      String variant,
      Path discriminatorWeightsFile,
      boolean discriminator,
      Preset resolvedPreset,
      List<String> sets,
      Map<String, Integer> replication,
      long seed) {
    this(
        modelName,
        weights,
        variant,
        discriminatorWeightsFile,
        discriminator,
        null,
        resolvedPreset,
        sets,
        replication,
        seed);
  }

  private RunInputs(
      String modelName,
      Path weights,
      String variant,
      Path discriminatorWeightsFile,
      boolean discriminator,
      String presetName,
      Preset resolvedPreset,
      List<String> sets,
      Map<String, Integer> replication,
      long seed) {
    this.overrides = List.copyOf(sets);
    this.replication = new LinkedHashMap<>(replication);
    ModelSpec detected = modelName == null ? detectModel(weights, sets) : null;
    Chip c =
        detected != null
            ? chip(detected, presetName, resolvedPreset, sets, replication, discriminator)
            : chip(modelName, presetName, resolvedPreset, sets, replication, discriminator);
    if (detected != null && detected.source().endsWith(DcganLayout.SOURCE_SUFFIX)) {
      notes.add(
          weights
              + " fits no shipped model as it is; its generator was read by the DCGAN conventions: "
              + DcganLayout.describe(detected.generator())
              + " ("
              + detected.name()
              + "'s discriminator)");
    }
    this.preset = c.preset();
    this.devices = PresetDevices.of(preset);
    this.mapping = c.mapping();
    this.options = c.options();
    ModelSpec m = c.model();
    this.generator = load(m, m.generator(), "G", weights, variant, seed);
    this.generatorWeights = lastSource;
    NetworkSpec d = m.discriminator();
    if (discriminator) {
      this.discriminator =
          load(m, m.discriminator(), "D", discriminatorWeightsFile, ShippedWeights.FLOAT, seed + 1);
      this.discriminatorWeights = lastSource;
      d = this.discriminator.spec();
    } else {
      this.discriminator = null;
      this.discriminatorWeights = null;
    }
    this.model = m.withNetworks(generator.spec(), d);
  }

  /**
   * Loads and checks everything a run needs except weights: the model (with {@code model.*}
   * overrides), the preset, the mapping, and that the chip can run the generator (and the
   * discriminator when {@code withDiscriminator}).
   */
  static Chip chip(
      String modelName,
      String presetName,
      List<String> sets,
      Map<String, Integer> replication,
      boolean withDiscriminator) {
    return chip(modelName, presetName, null, sets, replication, withDiscriminator);
  }

  private static Chip chip(
      String modelName,
      String presetName,
      Preset resolvedPreset,
      List<String> sets,
      Map<String, Integer> replication,
      boolean withDiscriminator) {
    return chip(
        Prefetch.model(modelName, prefixed(sets, MODEL_PREFIX)),
        presetName,
        resolvedPreset,
        sets,
        replication,
        withDiscriminator);
  }

  private static Chip chip(
      ModelSpec model,
      String presetName,
      Preset resolvedPreset,
      List<String> sets,
      Map<String, Integer> replication,
      boolean withDiscriminator) {
    Preset preset =
        resolvedPreset != null ? resolvedPreset : Prefetch.preset(presetName, presetSets(sets));
    List<NetworkPlanner.MatrixLayer> layers =
        new ArrayList<>(NetworkPlanner.matrixLayers("G", model.generator()));
    if (withDiscriminator) {
      layers.addAll(NetworkPlanner.matrixLayers("D", model.discriminator()));
    }
    MappingConfig mapping = mappingConfig(sets, replication);
    Map<String, Integer> rep = new LinkedHashMap<>();
    mapping
        .replication()
        .forEach(
            (name, copies) ->
                rep.merge(
                    layerNamed(
                        replication.containsKey(name)
                            ? "--replicate "
                            : "--set mapping.replication.",
                        name,
                        layers),
                    copies,
                    (a, b) -> b));
    mapping = new MappingConfig(mapping.strategy(), mapping.biasMode(), mapping.partialSums(), rep);
    MappingOptions options =
        ChipBuilder.optionsFor(
            preset, mapping.biasModeValue(), mapping.partialSumsValue(), mapping.replication());
    BufferWorkingSet.check(preset, mapping.strategyObject(), options, layers);
    return new Chip(model, preset, mapping, options);
  }

  /** The generator's matrix layers of {@code modelName} with the {@code model.*} overrides. */
  static List<NetworkPlanner.MatrixLayer> generatorLayers(String modelName, List<String> sets) {
    return NetworkPlanner.matrixLayers(
        "G", Prefetch.model(modelName, prefixed(sets, MODEL_PREFIX)).generator());
  }

  /**
   * The mapping's name ({@code G.main.6}, as {@code layers.csv} and {@code mapping.csv} write it)
   * of the layer {@code name} gives: the name itself, or the one layer of that name without its
   * network ({@code main.6}) when only one network of {@code layers} has it.
   *
   * @param option what the name follows in the message ({@code "--replicate "}, {@code
   *     "replicate."})
   * @throws IllegalArgumentException (one line naming {@code option}, the name and the valid names)
   *     when {@code name} matches no layer of {@code layers}, or more than one
   */
  static String layerNamed(String option, String name, List<NetworkPlanner.MatrixLayer> layers) {
    List<String> valid = new ArrayList<>();
    List<String> matches = new ArrayList<>();
    for (NetworkPlanner.MatrixLayer l : layers) {
      String full = l.network() + "." + l.layer();
      valid.add(full);
      if (full.equals(name) || l.layer().equals(name)) {
        matches.add(full);
      }
    }
    if (matches.size() == 1) {
      return matches.get(0);
    }
    throw new IllegalArgumentException(
        option
            + name
            + (matches.isEmpty()
                ? ": no such layer; expected one of "
                : ": ambiguous layer (" + String.join(" or ", matches) + "); expected one of ")
            + String.join(", ", valid));
  }

  /**
   * The shipped model whose generator fits the tensors of {@code weights} (names and shapes, a bias
   * the model leaves open either way); else a shipped model with the generator the file describes
   * by the DCGAN conventions ({@link DcganLayout}: other channel widths, with or without BatchNorm
   * and biases) when it produces that model's image; {@code fmnist} when there is no file.
   */
  static ModelSpec detectModel(Path weights, List<String> sets) {
    List<String> modelSets = prefixed(sets, MODEL_PREFIX);
    if (weights == null) {
      return Prefetch.model("fmnist", modelSets);
    }
    List<ModelSpec> shipped = new ArrayList<>();
    for (String name : ModelLoader.SHIPPED) {
      ModelSpec m = ModelLoader.load(name, modelSets);
      if (ShippedWeights.fits(m.generator(), weights)) {
        return m;
      }
      shipped.add(m);
    }
    return DcganLayout.infer(weights, shipped)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    weights
                        + ": its tensors fit none of the shipped generators "
                        + ModelLoader.SHIPPED
                        + ", nor a DCGAN generator"
                        + " (main.i ConvTranspose2d/BatchNorm2d) ending in their images; pass --model FILE.yaml"
                        + " (tools/pt2spinsim.py writes one from a PyTorch state_dict)"));
  }

  /**
   * The {@code --set} overrides that address the preset (all but {@code mapping.*} and {@code
   * model.*}).
   */
  static List<String> presetSets(List<String> sets) {
    List<String> out = new ArrayList<>();
    for (String s : sets) {
      if (!s.contains("=")) {
        throw new IllegalArgumentException("--set " + s + ": expected key=value");
      }
      if (!s.startsWith(MAPPING_PREFIX) && !s.startsWith(MODEL_PREFIX)) {
        out.add(s);
      }
    }
    return out;
  }

  /** The mapping section: defaults, the {@code --set mapping.*} overrides, then replication. */
  static MappingConfig mappingConfig(List<String> sets, Map<String, Integer> replication) {
    MappingConfig m =
        ConfigLoader.loadString(
            "--set mapping",
            MappingConfig.DEFAULT_YAML,
            MappingConfig.class,
            prefixed(sets, MAPPING_PREFIX));
    Map<String, Integer> rep = new LinkedHashMap<>(m.replication());
    rep.putAll(replication);
    return new MappingConfig(m.strategy(), m.biasMode(), m.partialSums(), rep);
  }

  private static List<String> prefixed(List<String> sets, String prefix) {
    List<String> out = new ArrayList<>();
    for (String s : sets) {
      if (s.startsWith(prefix)) {
        out.add(s.substring(prefix.length()));
      }
    }
    return out;
  }

  private static final String MAPPING_PREFIX = "mapping.";
  private static final String MODEL_PREFIX = "model.";

  private String lastSource;

  private Network load(
      ModelSpec m, NetworkSpec spec, String tag, Path file, String variant, long seed) {
    String role = spec.role();
    if (file == null
        && ShippedWeights.FLOAT.equals(variant)
        && !ShippedWeights.available(m.name(), role)) {
      Network net = new Network(spec);
      net.initDcgan(new SplittableRandom(seed));
      notes.add(
          "no trained "
              + role
              + " weights for "
              + m.name()
              + ": running on seeded random weights (DCGAN init, seed "
              + seed
              + ")");
      lastSource = "random (seed " + seed + ")";
      return net;
    }
    ShippedWeights.Loaded l = Prefetch.weights(spec, m.name(), variant, file);
    notes.addAll(l.notes());
    l.biasesFromFile()
        .forEach((layer, present) -> biasesFromWeights.put(tag + "." + layer, present));
    lastSource = l.source();
    return l.network();
  }

  /**
   * The run's overrides in readable form, in the order given: {@code --set} pairs, then {@code
   * --replicate} ones ({@code adc.bits=4,replicate:G.main.3=2}); empty without overrides.
   */
  String overridesLabel() {
    List<String> parts = new ArrayList<>();
    for (String s : overrides) {
      parts.add(s.strip());
    }
    replication.forEach((layer, copies) -> parts.add("replicate:" + layer + "=" + copies));
    return String.join(",", parts);
  }

  GenerationSetup setup(long seed) {
    return new GenerationSetup(
        model, generator, discriminator, devices, mapping.strategyObject(), options, seed);
  }
}
