package dev.spinsim.cli.report;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.spinsim.network.run.RunMetrics;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The CSV files of a run folder, with fixed column orders, {@code \n} line ends and
 * locale-independent numbers, so the same report always gives byte-identical files. Energies are
 * run totals unless the column says {@code _per_image}.
 */
public final class ReportTables {
  /** Columns of {@code energy.csv}; rows sorted by component class, then action. */
  public static final ImmutableList<String> ENERGY_COLUMNS =
      ImmutableList.of("component_class", "action", "energy_pj", "energy_pj_per_image", "share");

  /**
   * Columns of {@code area.csv}: one row per layer and component class, summing to the chip's area.
   */
  public static final ImmutableList<String> AREA_COLUMNS =
      ImmutableList.of(
          "layer",
          "tiles",
          "component_class",
          "units",
          "mm2_per_unit",
          "area_mm2",
          "area_mm2_per_tile",
          "share");

  /** Columns of {@code mapping.csv}. */
  public static final ImmutableList<String> MAPPING_COLUMNS =
      ImmutableList.of(
          "network",
          "layer",
          "kind",
          "strategy",
          "phases",
          "matrix_rows",
          "matrix_cols",
          "crossbars",
          "cell_utilisation",
          "input_vectors_per_image",
          "macs_per_image",
          "zero_macs_per_image",
          "zero_fraction",
          "inserted_zero_macs_per_image",
          "replication");

  /** Columns of {@code resources.csv}. */
  public static final ImmutableList<String> RESOURCE_COLUMNS =
      ImmutableList.of(
          "resource",
          "class",
          "units",
          "requests",
          "busy_ns_per_unit",
          "utilisation",
          "mean_wait_ns_per_request",
          "max_wait_ns",
          "peak_queue",
          "capacity_bytes",
          "peak_bytes",
          "mean_bytes");

  /** Leading columns of {@code layers.csv}; the count columns follow. */
  public static final ImmutableList<String> LAYER_COLUMNS =
      ImmutableList.of(
          "network",
          "layer",
          "kind",
          "strategy",
          "start_ns",
          "end_ns",
          "latency_ns",
          "energy_pj",
          "energy_pj_per_image",
          "activation_energy_pj",
          "activation_energy_pj_per_image",
          "driven_row_fraction",
          "inserted_zero_energy_pj_per_image");

  private static final CSVFormat FORMAT =
      CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();

  private ReportTables() {}

  /**
   * {@code summary.csv}: one header line ({@link RunMetrics#COLUMNS}, the same in every run) and
   * one row.
   */
  public static String summaryCsv(RunReport report) {
    ImmutableMap<String, String> columns = report.summaryColumns();
    List<List<String>> rows = List.of(List.copyOf(columns.values()));
    return csv(List.copyOf(columns.keySet()), rows);
  }

  /** {@code layers.csv}: per layer timing, energy and operation counts. */
  public static String layersCsv(RunReport report) {
    List<String> countColumns = countColumns(report.layers());
    List<String> fractionColumns = fractionColumns(report.layers());
    List<String> header = new ArrayList<>(LAYER_COLUMNS);
    header.addAll(fractionColumns);
    header.addAll(countColumns);
    int n = report.identity().images();
    List<List<String>> rows = new ArrayList<>();
    for (LayerRow l : report.layers()) {
      List<String> row = new ArrayList<>();
      row.add(l.network());
      row.add(l.layer());
      row.add(l.kind());
      row.add(l.strategy());
      row.add(Double.isNaN(l.startNs()) ? "" : Numbers.csv(l.startNs()));
      row.add(Double.isNaN(l.endNs()) ? "" : Numbers.csv(l.endNs()));
      row.add(Double.isNaN(l.latencyNs()) ? "" : Numbers.csv(l.latencyNs()));
      row.add(Numbers.csv(l.energyPj()));
      row.add(Numbers.csv(l.energyPj() / n));
      row.add(Numbers.csv(l.activationEnergyPj()));
      row.add(Numbers.csv(l.activationEnergyPj() / n));
      row.add(Numbers.csv(l.drivenRowFraction()));
      row.add(Numbers.csv(l.insertedZeroEnergyPj() / n));
      for (String c : fractionColumns) {
        Double v = l.fractions().get(c);
        row.add(v == null ? "" : RunMetrics.number(v, 4));
      }
      for (String c : countColumns) {
        Long v = l.counts().get(c);
        row.add(v == null ? "" : Long.toString(v));
      }
      rows.add(row);
    }
    return csv(header, rows);
  }

  /** The count columns of layers.csv: the standard ones, then others in first-seen order. */
  static List<String> countColumns(List<LayerRow> layers) {
    Set<String> columns = new LinkedHashSet<>(LayerRow.STANDARD_COUNTS);
    for (LayerRow l : layers) {
      columns.addAll(l.counts().keySet());
    }
    return List.copyOf(columns);
  }

  /** The fraction columns of layers.csv: the standard ones, then others in first-seen order. */
  static List<String> fractionColumns(List<LayerRow> layers) {
    Set<String> columns = new LinkedHashSet<>(LayerRow.STANDARD_FRACTIONS);
    for (LayerRow l : layers) {
      columns.addAll(l.fractions().keySet());
    }
    return List.copyOf(columns);
  }

  /** The energy rows sorted by component class, then action. */
  static List<EnergyRow> sortedEnergy(RunReport report) {
    List<EnergyRow> rows = new ArrayList<>(report.energy());
    rows.sort(Comparator.comparing(EnergyRow::componentClass).thenComparing(EnergyRow::action));
    return rows;
  }

  /** {@code energy.csv}: component class × action → pJ; the energy_pj column sums to the total. */
  public static String energyCsv(RunReport report) {
    double total = report.metrics().energyPj();
    int n = report.identity().images();
    List<List<String>> rows = new ArrayList<>();
    for (EnergyRow e : sortedEnergy(report)) {
      rows.add(
          List.of(
              e.componentClass(),
              e.action(),
              Numbers.csv(e.energyPj()),
              Numbers.csv(e.energyPj() / n),
              Numbers.csv(total == 0 ? 0 : e.energyPj() / total)));
    }
    return csv(ENERGY_COLUMNS, rows);
  }

  /**
   * {@code area.csv}: the area reference table applied to the chip, per layer and component class
   * (sum a column group for the area per class, per layer or per tile).
   */
  public static String areaCsv(RunReport report) {
    double total = report.metrics().areaMm2();
    List<List<String>> rows = new ArrayList<>();
    for (AreaRow a : report.area()) {
      rows.add(
          List.of(
              a.layer(),
              Integer.toString(a.tiles()),
              a.componentClass(),
              Numbers.csv(a.units()),
              Numbers.csv(a.mm2PerUnit()),
              Numbers.csv(a.areaMm2()),
              Numbers.csv(a.tiles() == 0 ? 0 : a.areaMm2() / a.tiles()),
              Numbers.csv(total == 0 ? 0 : a.areaMm2() / total)));
    }
    return csv(AREA_COLUMNS, rows);
  }

  /** {@code mapping.csv}: how each layer sits on the crossbars. */
  public static String mappingCsv(RunReport report) {
    List<List<String>> rows = new ArrayList<>();
    for (MappingRow m : report.mapping()) {
      rows.add(
          List.of(
              m.network(),
              m.layer(),
              m.kind(),
              m.strategy(),
              Integer.toString(m.phases()),
              Integer.toString(m.matrixRows()),
              Integer.toString(m.matrixCols()),
              Integer.toString(m.crossbars()),
              Numbers.csv(m.cellUtilisation()),
              Long.toString(m.inputVectorsPerImage()),
              Long.toString(m.macsPerImage()),
              Long.toString(m.zeroMacsPerImage()),
              Numbers.csv(m.zeroFraction()),
              Long.toString(m.insertedZeroMacsPerImage()),
              Integer.toString(m.replication())));
    }
    return csv(MAPPING_COLUMNS, rows);
  }

  /** {@code resources.csv}: utilisation of the shared resources. */
  public static String resourcesCsv(RunReport report) {
    List<List<String>> rows = new ArrayList<>();
    for (ResourceRow r : report.resources()) {
      rows.add(
          List.of(
              r.resource(),
              r.resourceClass(),
              Integer.toString(r.units()),
              Long.toString(r.requests()),
              r.holdsData() ? "" : RunMetrics.number(r.busyNsPerUnit(), 6),
              RunMetrics.number(r.utilisation(), 4),
              RunMetrics.number(r.meanWaitNsPerRequest(), 6),
              RunMetrics.number(r.maxWaitNs(), 6),
              Integer.toString(r.peakQueue()),
              r.holdsData() ? Long.toString(r.capacityBytes()) : "",
              r.holdsData() ? Long.toString(r.peakBytes()) : "",
              r.holdsData() ? RunMetrics.number(r.meanBytes(), 6) : ""));
    }
    return csv(RESOURCE_COLUMNS, rows);
  }

  /** {@code scores.csv}: D's score per image (only when D ran). */
  public static String scoresCsv(RunReport report) {
    List<List<String>> rows = new ArrayList<>();
    List<Double> scores = report.discriminatorScores();
    for (int i = 0; i < scores.size(); i++) {
      rows.add(List.of(Integer.toString(i), Numbers.csv(scores.get(i))));
    }
    return csv(List.of("image", "d_score"), rows);
  }

  /**
   * {@code images.csv}: per image its PSNR (dB; {@code inf} when identical) and RMSE against the
   * float network's image of the same latent, and D's score when D ran (empty otherwise).
   */
  public static String imagesCsv(RunReport report) {
    List<List<String>> rows = new ArrayList<>();
    var q = report.quality();
    List<Double> scores = report.discriminatorScores();
    for (int i = 0; i < report.identity().images(); i++) {
      rows.add(
          List.of(
              Integer.toString(i),
              q == null ? "" : RunMetrics.number(q.psnrDb(i), 4),
              q == null ? "" : RunMetrics.number(q.rmse(i), 4),
              scores.isEmpty() ? "" : RunMetrics.number(scores.get(i), 6)));
    }
    return csv(IMAGE_COLUMNS, rows);
  }

  /** Columns of {@code images.csv}. */
  public static final ImmutableList<String> IMAGE_COLUMNS =
      ImmutableList.of("image", "psnr_db_vs_float", "rmse_vs_float", "d_score");

  /** Writes {@code text} as UTF-8. */
  static void write(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private static String csv(List<String> header, List<List<String>> rows) {
    StringWriter out = new StringWriter();
    try (CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
      printer.printRecord(header);
      for (List<String> row : rows) {
        printer.printRecord(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
