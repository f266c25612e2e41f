package dev.spinsim.cli;

import com.google.common.math.IntMath;
import dev.spinsim.devices.energy.AreaTable;
import dev.spinsim.devices.preset.Preset;
import dev.spinsim.devices.preset.PresetAreaTable;
import dev.spinsim.devices.preset.PresetDevices;
import dev.spinsim.devices.preset.PresetEnergyTable;
import dev.spinsim.network.chip.ChipBuilder;
import dev.spinsim.network.chip.NetworkPlanner;
import dev.spinsim.network.chip.NetworkPlanner.MatrixLayer;
import dev.spinsim.network.mapping.LayerMapping;
import dev.spinsim.network.mapping.MappingConfig;
import dev.spinsim.network.mapping.MappingOptions;
import dev.spinsim.network.model.LayerSpec;
import dev.spinsim.network.model.ModelSpec;
import dev.spinsim.network.model.NetworkSpec;
import java.io.IOException;
import java.io.Writer;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code spinsim map}: how a model's layers occupy a preset's crossbars. */
@Command(
    name = "map",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description =
        "Print the mapping table under mapping.strategy (dense or sub-pixel, e.g."
            + " --set mapping.strategy=sub-pixel): per layer the matrix and its phases, crossbars,"
            + " tiles and their area (the preset's tile area), cell utilisation, input vectors, MACs, those on zeros and their share, and"
            + " those on inserted zeros.")
final class MapCommand implements Callable<Integer> {
  @Option(
      names = "--model",
      defaultValue = "fmnist",
      description = "fmnist, dcgan64 or a model YAML file (default: ${DEFAULT-VALUE})")
  String model;

  @Option(
      names = "--preset",
      defaultValue = "paper",
      description =
          "paper, isaac, neurosim, ideal or a preset YAML file (default: ${DEFAULT-VALUE})")
  String preset;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description =
          "override a preset key, a mapping.* key or a model.* key"
              + " (model.generator[1].eps=1e-3); repeatable")
  List<String> sets = new ArrayList<>();

  @Option(
      names = "--replicate",
      paramLabel = "LAYER=COPIES",
      description = "replicate a layer, e.g. G.main.3=2; repeatable")
  Map<String, Integer> replicate = new LinkedHashMap<>();

  @Option(names = "--generator-only", description = "leave out the discriminator")
  boolean generatorOnly;

  @Option(names = "--csv", description = "also write the table as CSV to this file")
  Path csv;

  static final List<String> COLUMNS =
      List.of(
          "network",
          "layer",
          "kind",
          "matrix_rows",
          "matrix_cols",
          "phases",
          "row_blocks",
          "col_blocks",
          "crossbars",
          "tiles",
          "area_mm2",
          "cell_utilisation",
          "input_vectors_per_image",
          "macs_per_image",
          "zero_macs_per_image",
          "zero_fraction",
          "inserted_zero_macs_per_image",
          "replication");

  @Override
  public Integer call() throws IOException {
    RunInputs.Chip chip = RunInputs.chip(model, preset, sets, replicate, !generatorOnly);
    ModelSpec spec = chip.model();
    Preset p = chip.preset();
    MappingConfig m = chip.mapping();
    MappingOptions o = chip.options();
    List<MatrixLayer> layers = new ArrayList<>(NetworkPlanner.matrixLayers("G", spec.generator()));
    if (!generatorOnly) {
      layers.addAll(NetworkPlanner.matrixLayers("D", spec.discriminator()));
    }
    List<List<String>> rows = new ArrayList<>();
    PresetDevices devices = PresetDevices.of(p);
    AreaTable area = PresetAreaTable.build(devices);
    long crossbars = 0;
    int allTiles = 0;
    double areaMm2 = 0;
    for (MatrixLayer l : layers) {
      LayerMapping lm = m.strategyObject().map(l.network() + "." + l.layer(), l.geometry(), o);
      int perTile = p.tile().crossbarsPerTile();
      int tiles = IntMath.divide(lm.crossbars(), perTile, RoundingMode.CEILING);
      // each layer sits on its own tiles; its area is the components a run registers for it,
      // priced by the same area table
      NetworkSpec net = l.network().equals("G") ? spec.generator() : spec.discriminator();
      String act =
          activates(net, l.layer()) ? PresetEnergyTable.activationClass(devices, "relu") : null;
      double layerAreaMm2 = area.areaMm2(ChipBuilder.componentAttributes(devices, lm, act));
      areaMm2 += layerAreaMm2;
      crossbars += lm.crossbars();
      allTiles += tiles;
      rows.add(
          List.of(
              l.network(),
              l.layer(),
              l.kind(),
              str(lm.matrixRows()),
              str(lm.matrixCols()),
              str(lm.layout().phases()),
              str(lm.rowBlocks()),
              str(lm.colBlocks()),
              str(lm.crossbars()),
              str(tiles),
              String.format(Locale.ROOT, "%.4f", layerAreaMm2),
              pct(lm.cellUtilisation()),
              str(lm.vectorsPerImage()),
              str(lm.macsPerformed()),
              str(lm.zeroMacs()),
              pct(lm.zeroFraction()),
              str(lm.insertedZeroMacs()),
              str(lm.replication())));
    }
    System.out.printf(
        Locale.ROOT,
        "mapping of %s onto %s (%d×%d crossbars, %s, %s strategy)%n",
        spec.name(),
        p.name(),
        o.crossbarRows(),
        o.crossbarCols(),
        p.crossbar().weightMapping(),
        m.strategy());
    System.out.print(Table.render(COLUMNS, rows));
    System.out.printf(
        Locale.ROOT, "total: %d crossbars, %d tiles, %.4f mm2%n", crossbars, allTiles, areaMm2);
    if (csv != null) {
      Path tmp = Files.createTempFile(csv.toAbsolutePath().getParent(), ".map", ".csv");
      try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
          CSVPrinter out =
              new CSVPrinter(
                  w,
                  CSVFormat.DEFAULT
                      .builder()
                      .setRecordSeparator("\n")
                      .setHeader(COLUMNS.toArray(String[]::new))
                      .build())) {
        for (List<String> r : rows) {
          out.printRecord(r);
        }
      }
      Files.move(tmp, csv, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      System.out.println("wrote " + csv);
    }
    return 0;
  }

  /**
   * True when an activation unit follows matrix layer {@code layer} (after an optional batchnorm),
   * as the chip builder places one; every activation unit has the preset's one unit area.
   */
  private static boolean activates(NetworkSpec net, String layer) {
    int i = Integer.parseInt(layer.substring(layer.lastIndexOf('.') + 1)) + 1;
    List<LayerSpec> ls = net.layers();
    if (i < ls.size() && ls.get(i) instanceof LayerSpec.BatchNorm2d) {
      i++;
    }
    return i < ls.size() && !ls.get(i).isMatrixLayer();
  }

  private static String str(long v) {
    return Long.toString(v);
  }

  private static String pct(double f) {
    return String.format(Locale.ROOT, "%.1f%%", 100 * f);
  }
}
