package dev.spinsim.cli;

import dev.spinsim.core.config.ConfigLoader;
import dev.spinsim.devices.preset.Preset;
import dev.spinsim.devices.preset.PresetDevices;
import dev.spinsim.devices.preset.Presets;
import dev.spinsim.network.chip.ChipBuilder;
import dev.spinsim.network.mapping.MappingConfig;
import dev.spinsim.network.mapping.MappingOptions;
import dev.spinsim.network.model.ModelLoader;
import dev.spinsim.network.model.ModelSpec;
import dev.spinsim.network.model.Network;
import dev.spinsim.network.run.GenerationSetup;
import dev.spinsim.network.weights.ShippedWeights;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Resolves what a hardware command was asked for: the model, its weights (shipped, a file, or
 * seeded random ones when none exist, said in the notes), the preset with its {@code --set}
 * overrides ({@code mapping.*} keys go to the mapping section) and the mapping options.
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

  RunInputs(String modelName, Path weights, Path discriminatorWeightsFile, boolean discriminator,
      String presetName, List<String> sets, Map<String, Integer> replication, long seed) {
    this(modelName, weights, ShippedWeights.FLOAT, discriminatorWeightsFile, discriminator, presetName, sets,
        replication, seed);
  }

  /**
   * As above, with the generator's shipped weights taken from {@code variant} (e.g. {@code hw-paper})
   * when {@code weights} is null; a variant other than float that is not shipped is an error.
   */
  RunInputs(String modelName, Path weights, String variant, Path discriminatorWeightsFile, boolean discriminator,
      String presetName, List<String> sets, Map<String, Integer> replication, long seed) {
    this.overrides = List.copyOf(sets);
    this.replication = new LinkedHashMap<>(replication);
    this.model = ModelLoader.load(modelName);
    this.preset = Presets.load(presetName, presetSets(sets));
    this.devices = PresetDevices.of(preset);
    this.mapping = mappingConfig(sets, replication);
    this.options = ChipBuilder.optionsFor(preset, mapping.biasModeValue(),
        mapping.partialSumsValue(), mapping.replication());
    this.generator = new Network(model.generator());
    this.generatorWeights = load(generator, weights, variant, seed);
    if (discriminator) {
      this.discriminator = new Network(model.discriminator());
      this.discriminatorWeights = load(this.discriminator, discriminatorWeightsFile, ShippedWeights.FLOAT, seed + 1);
    } else {
      this.discriminator = null;
      this.discriminatorWeights = null;
    }
  }

  /** The {@code --set} overrides that address the preset (all but {@code mapping.*}). */
  static List<String> presetSets(List<String> sets) {
    List<String> out = new ArrayList<>();
    for (String s : sets) {
      if (!s.contains("=")) {
        throw new IllegalArgumentException("--set " + s + ": expected key=value");
      }
      if (!s.startsWith(MAPPING_PREFIX)) {
        out.add(s);
      }
    }
    return out;
  }

  /** The mapping section: defaults, the {@code --set mapping.*} overrides, then replication. */
  static MappingConfig mappingConfig(List<String> sets, Map<String, Integer> replication) {
    List<String> mappingSets = new ArrayList<>();
    for (String s : sets) {
      if (s.startsWith(MAPPING_PREFIX)) {
        mappingSets.add(s.substring(MAPPING_PREFIX.length()));
      }
    }
    MappingConfig m = ConfigLoader.loadString("--set mapping", MappingConfig.DEFAULT_YAML,
        MappingConfig.class, mappingSets);
    Map<String, Integer> rep = new LinkedHashMap<>(m.replication());
    rep.putAll(replication);
    return new MappingConfig(m.strategy(), m.biasMode(), m.partialSums(), rep);
  }

  private static final String MAPPING_PREFIX = "mapping.";

  private String load(Network net, Path file, String variant, long seed) {
    String role = net.spec().role();
    if (file == null && ShippedWeights.FLOAT.equals(variant) && !ShippedWeights.available(model.name(), role)) {
      net.initDcgan(new SplittableRandom(seed));
      notes.add("no trained " + role + " weights for " + model.name()
          + ": running on seeded random weights (DCGAN init, seed " + seed + ")");
      return "random (seed " + seed + ")";
    }
    return ShippedWeights.load(net, model.name(), variant, file);
  }

  /**
   * The run's overrides in readable form, in the order given: {@code --set} pairs, then
   * {@code --replicate} ones ({@code adc.bits=4,replicate:G.main.3=2}); empty without overrides.
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
    return new GenerationSetup(model, generator, discriminator, devices,
        mapping.strategyObject(), options, seed);
  }
}
