package dev.spinsim.cli.sweep;

import static com.google.common.base.Preconditions.checkArgument;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * {@code results.csv} of a sweep: one row per finished point, appended the moment the point
 * finishes, each row (the first together with the header) in one {@code write} to a file opened for
 * appending and then forced to disk, so a sweep killed at any moment loses no finished point. A row
 * cut short by a crash (no line end) is cut off when the file is opened again, so the file never
 * holds a half row. Columns: {@code point_id, config_hash, status}, one per knob (named by its
 * key), the metric columns of the first finished run, then {@code reason}. Rows are keyed by {@code
 * config_hash}; the first row of a hash wins.
 */
public final class ResultsFile {
  /** Columns before the knobs. */
  public static final List<String> LEAD = List.of("point_id", "config_hash", "status");

  /** The last column: why a point is invalid or failed. */
  public static final String REASON = "reason";

  private static final CSVFormat FORMAT =
      CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();

  private final Path file;
  private final List<String> knobs;
  private List<String> metricColumns;
  private final Map<String, Map<String, String>> rows = new LinkedHashMap<>();
  private final List<PointResult> pending = new ArrayList<>();
  private final List<String> dropped = new ArrayList<>();

  private ResultsFile(Path file, List<String> knobs) {
    this.file = file;
    this.knobs = List.copyOf(knobs);
  }

  /**
   * Opens (or prepares to create) {@code file} for a sweep with {@code knobs}: reads its finished
   * rows, cuts off a trailing partial row, and refuses a file whose knob columns differ.
   */
  public static ResultsFile open(Path file, List<String> knobs) {
    ResultsFile f = new ResultsFile(file, knobs);
    if (Files.exists(file)) {
      repairTail(file);
      f.read();
    }
    return f;
  }

  /** Cuts the file after its last line end: what a kill in the middle of a write could leave. */
  static void repairTail(Path file) {
    try (FileChannel ch =
        FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      long size = ch.size();
      long keep = size;
      ByteBuffer one = ByteBuffer.allocate(1);
      while (keep > 0) {
        one.clear();
        ch.read(one, keep - 1);
        if (one.get(0) == '\n') {
          break;
        }
        keep--;
      }
      if (keep != size) {
        ch.truncate(keep);
        ch.force(true);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot repair " + file + ": " + e.getMessage(), e);
    }
  }

  private void read() {
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser p =
            CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
      List<String> header = p.getHeaderNames();
      if (header.isEmpty()) {
        return;
      }
      int n = LEAD.size() + knobs.size();
      checkArgument(
          header.size() > n
              && header.subList(0, LEAD.size()).equals(LEAD)
              && header.get(header.size() - 1).equals(REASON),
          "%s: not a spinsim sweep results file (header %s); choose another --out",
          file,
          header);
      List<String> fileKnobs = header.subList(LEAD.size(), n);
      checkArgument(
          fileKnobs.equals(knobs),
          "%s: its knob columns are %s but this sweep's knobs are %s; use another --out for another space",
          file,
          fileKnobs,
          knobs);
      metricColumns = List.copyOf(header.subList(n, header.size() - 1));
      for (CSVRecord rec : p) {
        Map<String, String> row = new LinkedHashMap<>();
        for (String h : header) {
          row.put(h, rec.isMapped(h) && rec.isSet(h) ? rec.get(h) : "");
        }
        rows.putIfAbsent(row.get("config_hash"), Collections.unmodifiableMap(row));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** Whether the point with this configuration hash has a row. */
  public synchronized boolean has(String hash) {
    return rows.containsKey(hash);
  }

  /** The row of a configuration hash (column → value), or null. */
  public synchronized Map<String, String> row(String hash) {
    return rows.get(hash);
  }

  /** Every row, in file order. */
  public synchronized List<Map<String, String>> rows() {
    return List.copyOf(rows.values());
  }

  /** The metric columns (known once a point has run; empty before). */
  public synchronized List<String> metricColumns() {
    return metricColumns == null ? List.of() : metricColumns;
  }

  /** Metric columns a run produced that this file's header does not have (reported once). */
  public synchronized List<String> droppedColumns() {
    return List.copyOf(dropped);
  }

  public Path path() {
    return file;
  }

  /**
   * Appends {@code r}'s row at once (or holds an invalid point's row until the first run gives the
   * metric columns; {@link #close()} writes what is held). A hash that already has a row is
   * ignored.
   */
  public synchronized void append(PointResult r) {
    if (rows.containsKey(r.hash())) {
      return;
    }
    if (metricColumns == null) {
      if (r.status() != PointResult.Status.OK) {
        pending.add(r);
        return;
      }
      metricColumns = List.copyOf(r.metrics().keySet());
      List<PointResult> batch = new ArrayList<>(pending);
      pending.clear();
      batch.add(0, r);
      write(true, batch);
      return;
    }
    write(false, List.of(r));
  }

  /** Writes rows still held (a sweep in which no point ran writes them without metric columns). */
  public synchronized void close() {
    if (pending.isEmpty()) {
      return;
    }
    boolean header = metricColumns == null;
    if (header) {
      metricColumns = List.of();
    }
    List<PointResult> batch = new ArrayList<>(pending);
    pending.clear();
    write(header && !Files.exists(file), batch);
  }

  private List<String> header() {
    List<String> h = new ArrayList<>(LEAD);
    h.addAll(knobs);
    h.addAll(metricColumns);
    h.add(REASON);
    return h;
  }

  private void write(boolean withHeader, List<PointResult> batch) {
    StringWriter out = new StringWriter();
    List<Map<String, String>> made = new ArrayList<>();
    try (CSVPrinter p = new CSVPrinter(out, FORMAT)) {
      if (withHeader) {
        p.printRecord(header());
      }
      for (PointResult r : batch) {
        Map<String, String> row = toRow(r);
        p.printRecord(row.values());
        made.add(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
    try (FileChannel ch =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
      ByteBuffer buf = ByteBuffer.wrap(bytes);
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
      ch.force(false);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to " + file + ": " + e.getMessage(), e);
    }
    for (Map<String, String> row : made) {
      rows.putIfAbsent(row.get("config_hash"), Collections.unmodifiableMap(row));
    }
  }

  private Map<String, String> toRow(PointResult r) {
    Map<String, String> row = new LinkedHashMap<>();
    row.put("point_id", r.point().id());
    row.put("config_hash", r.hash());
    row.put("status", r.status().label());
    for (String k : knobs) {
      row.put(k, r.point().knobs().getOrDefault(k, ""));
    }
    for (String m : metricColumns) {
      row.put(m, r.metrics().getOrDefault(m, ""));
    }
    for (String m : r.metrics().keySet()) {
      if (!metricColumns.contains(m) && !dropped.contains(m)) {
        dropped.add(m);
      }
    }
    row.put(REASON, r.reason());
    return row;
  }
}
