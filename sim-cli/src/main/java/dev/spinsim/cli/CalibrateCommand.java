package dev.spinsim.cli;

import dev.spinsim.network.calibration.Calibration;
import dev.spinsim.network.calibration.CalibrationRow;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code spinsim calibrate}: simulated figures against the published ones. */
@Command(
    name = "calibrate",
    mixinStandardHelpOptions = true,
    description =
        "Run the built-in calibration workloads and compare with published figures;"
            + " exits non-zero when a row is outside its tolerance.")
final class CalibrateCommand implements Callable<Integer> {
  static final List<String> COLUMNS =
      List.of(
          "name",
          "published",
          "simulated",
          "unit",
          "error_pct",
          "tolerance_pct",
          "within_tolerance",
          "source");

  @Option(names = "--csv", description = "also write the table to this CSV file")
  Path csv;

  @Override
  public Integer call() throws IOException {
    List<CalibrationRow> rows = Calibration.all();
    List<List<String>> cells = new ArrayList<>();
    for (CalibrationRow r : rows) {
      cells.add(cells(r));
    }
    System.out.print(Table.render(COLUMNS, cells));
    if (csv != null) {
      Path dir = csv.toAbsolutePath().getParent();
      Path tmp = Files.createTempFile(dir, ".calibrate", ".csv");
      try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
          CSVPrinter out =
              new CSVPrinter(
                  w,
                  CSVFormat.DEFAULT
                      .builder()
                      .setRecordSeparator("\n")
                      .setHeader(COLUMNS.toArray(String[]::new))
                      .build())) {
        for (List<String> c : cells) {
          out.printRecord(c);
        }
      }
      Files.move(tmp, csv, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      System.out.println("wrote " + csv);
    }
    long failed = rows.stream().filter(r -> !r.withinTolerance()).count();
    if (failed > 0) {
      System.err.println("spinsim: error: " + failed + " calibration row(s) outside tolerance");
      return 1;
    }
    System.out.println("all " + rows.size() + " rows within tolerance");
    return 0;
  }

  static List<String> cells(CalibrationRow r) {
    return List.of(
        r.name(),
        fmt(r.published()),
        fmt(r.simulated()),
        r.unit(),
        String.format(Locale.ROOT, "%+.3f", r.errorPct()),
        fmt(r.tolerancePct()),
        Boolean.toString(r.withinTolerance()),
        r.source());
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.6g", v);
  }
}
