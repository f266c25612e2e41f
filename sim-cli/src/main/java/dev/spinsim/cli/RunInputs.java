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

  RunInputs(String modelName, Path weights, Path discriminatorWeightsFile, boolean discriminator,
      String presetName, List<String> sets, Map<String, Integer> replication, long seed) {
    this.overrides = List.copyOf(sets);
    List<String> presetSets = new ArrayList<>();
    List<String> mappingSets = new ArrayList<>();
    for (String s : sets) {
      if (!s.contains("=")) {
        throw new IllegalArgumentException("--set " + s + ": expected key=value");
      }
      if (s.startsWith("mapping.")) {
        mappingSets.add(s.substring("mapping.".length()));
      } else {
        presetSets.add(s);
      }
    }
    this.model = ModelLoader.load(modelName);
    this.preset = Presets.load(presetName, presetSets);
    this.devices = PresetDevices.of(preset);
    MappingConfig m = ConfigLoader.loadString("--set mapping", MappingConfig.DEFAULT_YAML,
        MappingConfig.class, mappingSets);
    Map<String, Integer> rep = new LinkedHashMap<>(m.replication());
    rep.putAll(replication);
    this.mapping = new MappingConfig(m.strategy(), m.biasMode(), m.partialSums(), rep);
    this.options = ChipBuilder.optionsFor(preset, mapping.biasModeValue(),
        mapping.partialSumsValue(), mapping.replication());
    this.generator = new Network(model.generator());
    this.generatorWeights = load(generator, weights, seed);
    if (discriminator) {
      this.discriminator = new Network(model.discriminator());
      this.discriminatorWeights = load(this.discriminator, discriminatorWeightsFile, seed + 1);
    } else {
      this.discriminator = null;
      this.discriminatorWeights = null;
    }
  }

  private String load(Network net, Path file, long seed) {
    String role = net.spec().role();
    if (file == null && !ShippedWeights.available(model.name(), role)) {
      net.initDcgan(new SplittableRandom(seed));
      notes.add("no trained " + role + " weights for " + model.name()
          + ": running on seeded random weights (DCGAN init, seed " + seed + ")");
      return "random (seed " + seed + ")";
    }
    return ShippedWeights.load(net, model.name(), file);
  }

  GenerationSetup setup(long seed) {
    return new GenerationSetup(model, generator, discriminator, devices,
        mapping.strategyObject(), options, seed);
  }
}
