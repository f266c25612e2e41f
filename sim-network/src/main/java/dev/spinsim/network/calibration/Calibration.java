package dev.spinsim.network.calibration;

import dev.spinsim.core.energy.ComponentInfo;
import dev.spinsim.core.energy.EnergyReport;
import dev.spinsim.core.energy.EnergyTable;
import dev.spinsim.devices.energy.ComponentClasses;
import dev.spinsim.devices.preset.Preset;
import dev.spinsim.devices.preset.PresetAreaTable;
import dev.spinsim.devices.preset.PresetDevices;
import dev.spinsim.devices.preset.PresetEnergyTable;
import dev.spinsim.devices.preset.Presets;
import dev.spinsim.devices.preset.TileBudget;
import dev.spinsim.network.chip.Chip;
import dev.spinsim.network.chip.ChipBuilder;
import dev.spinsim.network.chip.NetworkPlanner;
import dev.spinsim.network.generation.Generation;
import dev.spinsim.network.generation.GenerationResult;
import dev.spinsim.network.generation.GenerationSetup;
import dev.spinsim.network.mapping.BiasMode;
import dev.spinsim.network.mapping.ConvGeometry;
import dev.spinsim.network.mapping.DenseMapping;
import dev.spinsim.network.mapping.LayerMapping;
import dev.spinsim.network.mapping.PartialSums;
import dev.spinsim.network.model.ModelLoader;
import dev.spinsim.network.model.ModelSpec;
import dev.spinsim.network.model.Network;
import dev.spinsim.network.run.PipelineSimulation;
import dev.spinsim.network.run.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The built-in calibration workloads: each runs the simulator's own machinery (chip building, the
 * closed-form action counts the event-driven run is tested against, the preset energy tables) and
 * compares the result with a published figure (docs/REFERENCE.md).
 */
public final class Calibration {
  private Calibration() {}

  /** Every calibration row, in a fixed order. */
  public static List<CalibrationRow> all() {
    List<CalibrationRow> rows = new ArrayList<>();
    rows.add(dcgan64ActivationEnergy());
    rows.addAll(isaacTile());
    rows.addAll(unitEnergies());
    rows.addAll(dcgan64Macs());
    return rows;
  }

  /**
   * The 64×64 DCGAN's activation-only energy of one G + D pass on the paper preset: 122,880 DW ReLU
   * and 122,880 DW Leaky ReLU activations, counted by the simulator.
   */
  public static CalibrationRow dcgan64ActivationEnergy() {
    ModelSpec spec = ModelLoader.load("dcgan64");
    Network g = new Network(spec.generator());
    Network d = new Network(spec.discriminator());
    g.initDcgan(new SplittableRandom(1));
    d.initDcgan(new SplittableRandom(2));
    PresetDevices devices = PresetDevices.of(Presets.load("paper"));
    GenerationSetup s =
        new GenerationSetup(
            spec,
            g,
            d,
            devices,
            new DenseMapping(),
            ChipBuilder.optionsFor(
                devices.preset(), BiasMode.DIGITAL, PartialSums.DIGITAL, Map.of()),
            1);
    Chip chip = Generation.buildChip(s, 1);
    for (Stage st : chip.stages()) {
      PipelineSimulation.recordClosedForm(st, chip.ledger(), st.mapping().vectorsPerImage());
    }
    EnergyReport energy = EnergyReport.price(chip.ledger(), PresetEnergyTable.build(devices), 0);
    return new CalibrationRow(
        "dcgan64 activation-only energy, one G + D pass (paper)",
        24.72,
        GenerationResult.activationEnergyPj(chip, energy, null, true) / 1000,
        "nJ",
        0.5,
        "arXiv 2601.01441 (testing energy, Anime 64x64); docs/REFERENCE.md derivation");
  }

  /**
   * An ISAAC tile kept fully busy on the isaac preset: power (the run's energy table on the tile's
   * steady-state actions) and area (ISAAC Table I) — the area of a layer that fills exactly one
   * tile, counted by the chip builder and priced by the area table as a run's area is.
   */
  public static List<CalibrationRow> isaacTile() {
    Preset p = Presets.load("isaac");
    TileBudget b = TileBudget.fullyBusy(p);
    return List.of(
        new CalibrationRow(
            "ISAAC tile power, fully busy (isaac)",
            330,
            b.powerMw(),
            "mW",
            5,
            "Shafiee et al., ISCA 2016, Table I"),
        new CalibrationRow(
            "ISAAC tile area (isaac)",
            0.372,
            oneTileLayerAreaMm2(p),
            "mm2",
            5,
            "Shafiee et al., ISCA 2016, Table I"));
  }

  /**
   * Area of a layer that fills exactly one tile of {@code p} (a crossbar-tall 1×1 convolution over
   * as many weight columns as the tile's crossbars hold), as a run registers and prices it.
   */
  public static double oneTileLayerAreaMm2(Preset p) {
    PresetDevices d = PresetDevices.of(p);
    int weightCols = p.crossbar().mapping().weightColumns(p.crossbar().cols());
    int crossbars = p.tile().crossbarsPerTile();
    ConvGeometry g = ConvGeometry.conv(p.crossbar().rows(), crossbars * weightCols, 1, 1, 0, 1, 1);
    LayerMapping m =
        new DenseMapping()
            .map(
                "tile",
                g,
                ChipBuilder.optionsFor(p, BiasMode.DIGITAL, PartialSums.DIGITAL, Map.of()));
    return PresetAreaTable.build(d)
        .areaMm2(
            ChipBuilder.componentAttributes(d, m, PresetEnergyTable.activationClass(d, "relu")));
  }

  /** Per-operation energies the presets price actions with. */
  public static List<CalibrationRow> unitEnergies() {
    EnergyTable isaac = PresetEnergyTable.build(Presets.load("isaac"));
    ComponentInfo adc =
        new ComponentInfo(
            0, "adc", ComponentClasses.ADC, "calibration", Map.of(ComponentClasses.BITS, 8.0));
    PresetDevices paper = PresetDevices.of(Presets.load("paper"));
    return List.of(
        new CalibrationRow(
            "ISAAC 8-bit ADC energy per conversion (isaac)",
            1.67,
            isaac.energyPj(adc, ComponentClasses.CONVERT),
            "pJ",
            2,
            "ISAAC Table I: 16 mW / 8 ADCs / 1.2 GS/s"),
        new CalibrationRow(
            "DW ReLU energy per activation (paper)",
            9.16,
            paper.activation("relu").energyPjPerActivation() * 1000,
            "fJ",
            0.5,
            "DOI 10.1063/5.0282158"),
        new CalibrationRow(
            "DW Leaky ReLU energy per activation (paper)",
            0.192,
            paper.activation("leaky-relu").energyPjPerActivation(),
            "pJ",
            0.5,
            "arXiv 2601.01441"),
        new CalibrationRow(
            "skyrmion synapse energy per state step (paper)",
            0.87,
            paper.synapse().programEnergyPj(0, 1) * 1000,
            "fJ",
            0.5,
            "arXiv 2407.08469"));
  }

  /** The 64×64 generator's MACs with and without the inserted zeros (docs/REFERENCE.md). */
  public static List<CalibrationRow> dcgan64Macs() {
    ModelSpec spec = ModelLoader.load("dcgan64");
    long performed = 0;
    long reference = 0;
    for (NetworkPlanner.MatrixLayer l : NetworkPlanner.matrixLayers("G", spec.generator())) {
      ConvGeometry g = l.geometry();
      performed += g.macsPerformed();
      reference += g.referenceMacs();
    }
    return List.of(
        new CalibrationRow(
            "dcgan64 generator MACs with inserted zeros",
            428.3,
            performed / 1e6,
            "M",
            0.1,
            "docs/REFERENCE.md (Radford DCGAN shapes)"),
        new CalibrationRow(
            "dcgan64 generator MACs as a transposed convolution",
            104.6,
            reference / 1e6,
            "M",
            0.1,
            "docs/REFERENCE.md (Radford DCGAN shapes)"));
  }
}
