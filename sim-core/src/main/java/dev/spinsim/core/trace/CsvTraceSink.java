package dev.spinsim.core.trace;

import static com.google.common.base.Preconditions.checkArgument;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Streams trace rows to a CSV file through Commons CSV, one row at a time, so memory stays flat
 * however long the run. The schema is documented in {@code traces/README.md}.
 */
public final class CsvTraceSink implements TraceSink {
  /** The columns, in order. */
  public static final List<String> COLUMNS =
      List.of(
          "start_ps",
          "end_ps",
          "component",
          "action",
          "layer",
          "image",
          "tile",
          "count",
          "energy_pj");

  /** The CSV dialect written (and to be used when reading a trace back). */
  public static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();

  private static final int BUFFER_BYTES = 1 << 16;

  private final String name;
  private final TraceLevel level;
  private final CSVPrinter printer;
  private long rows;
  private boolean closed;

  /** Creates (or truncates) {@code file} and writes the header. */
  public CsvTraceSink(Path file, TraceLevel level) {
    this(open(file), level, file.toString());
  }

  /** Streams to {@code out} (closed with the sink); {@code name} is used in error messages. */
  public CsvTraceSink(Writer out, TraceLevel level, String name) {
    checkArgument(level != null, "trace level must not be null");
    this.name = name;
    this.level = level;
    try {
      this.printer = new CSVPrinter(out, FORMAT);
      printer.printRecord(COLUMNS);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write trace " + name + ": " + e.getMessage(), e);
    }
  }

  private static Writer open(Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      return new BufferedWriter(
          new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8),
          BUFFER_BYTES);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create trace " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public TraceLevel level() {
    return level;
  }

  @Override
  public void record(
      long startPs,
      long endPs,
      String component,
      String action,
      String layer,
      int image,
      int tile,
      long count,
      double energyPj) {
    if (closed) {
      throw new IllegalStateException("trace " + name + " is closed");
    }
    try {
      CSVPrinter p = printer;
      p.print(Long.toString(startPs));
      p.print(Long.toString(endPs));
      p.print(component);
      p.print(action);
      p.print(layer);
      p.print(Integer.toString(image));
      p.print(Integer.toString(tile));
      p.print(Long.toString(count));
      p.print(Double.toString(energyPj));
      p.println();
      rows++;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write trace " + name + ": " + e.getMessage(), e);
    }
  }

  /** Rows written so far (header excluded). */
  public long rows() {
    return rows;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      printer.close(true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close trace " + name + ": " + e.getMessage(), e);
    }
  }
}
