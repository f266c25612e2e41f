package dev.spinsim.core.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTraceSinkTest {
  private static final int ROWS = 2_000_000;
  private static final String[] LAYERS = {"gen.deconv1", "gen.deconv2", "layer, with \"comma\""};

  private static void writeRow(TraceSink sink, long i) {
    sink.record(
        i * 1000,
        i * 1000 + 750,
        "tile" + (i % 64) + ".adc",
        (i & 1) == 0 ? "convert" : "read",
        LAYERS[(int) (i % 3)],
        (int) (i % 5),
        (int) (i % 64),
        i % 17,
        i * 0.125);
  }

  private static long usedHeapAfterGc() {
    MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return mem.getHeapMemoryUsage().getUsed();
  }

  @Test
  void millionsOfRowsStreamInFlatMemoryAndReadBackExactly(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("trace.csv");
    long heapAt100k = -1;
    long heapAtEnd;
    try (CsvTraceSink sink = new CsvTraceSink(file, TraceLevel.OP)) {
      for (long i = 0; i < ROWS; i++) {
        writeRow(sink, i);
        if (i == 100_000) {
          heapAt100k = usedHeapAfterGc();
        }
      }
      heapAtEnd = usedHeapAfterGc();
      assertEquals(ROWS, sink.rows());
    }
    // 20x the rows must not mean more heap: allow 8 MB of GC noise
    long growth = heapAtEnd - heapAt100k;
    assertTrue(
        growth < 8L << 20, "heap grew by " + (growth >> 10) + " KiB between 100k and 2M rows");

    try (Reader in = Files.newBufferedReader(file);
        CSVParser parser =
            CsvTraceSink.FORMAT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
      assertEquals(CsvTraceSink.COLUMNS, parser.getHeaderNames());
      Iterator<CSVRecord> it = parser.iterator();
      long i = 0;
      while (it.hasNext()) {
        CSVRecord r = it.next();
        assertEquals(i * 1000, Long.parseLong(r.get("start_ps")));
        assertEquals(i * 1000 + 750, Long.parseLong(r.get("end_ps")));
        assertEquals("tile" + (i % 64) + ".adc", r.get("component"));
        assertEquals((i & 1) == 0 ? "convert" : "read", r.get("action"));
        assertEquals(LAYERS[(int) (i % 3)], r.get("layer"));
        assertEquals(i % 64, Integer.parseInt(r.get("tile")));
        assertEquals(i % 17, Long.parseLong(r.get("count")));
        assertEquals(i * 0.125, Double.parseDouble(r.get("energy_pj")));
        i++;
      }
      assertEquals(ROWS, i);
    }
  }

  @Test
  void headerIsTheDocumentedSchema(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("t.csv");
    try (CsvTraceSink sink = new CsvTraceSink(file, TraceLevel.LAYER)) {
      sink.record(0, 10, "a", "b", "c", 3, -1, 1, 2.5);
    }
    assertEquals(
        String.join(",", documentedColumns()) + "\n0,10,a,b,c,3,-1,1,2.5\n",
        Files.readString(file));
  }

  /** The column names of the schema table in traces/README.md, in order. */
  static List<String> documentedColumns() throws Exception {
    String doc = Files.readString(Path.of("..", "traces", "README.md"));
    String schema =
        doc.substring(doc.indexOf("## Schema"), doc.indexOf("\n## ", doc.indexOf("## Schema") + 1));
    List<String> cols = new ArrayList<>();
    Matcher m = Pattern.compile("(?m)^\\| `([a-z_]+)`\\s*\\|").matcher(schema);
    while (m.find()) {
      cols.add(m.group(1));
    }
    assertEquals(
        CsvTraceSink.COLUMNS, cols, "traces/README.md schema table vs CsvTraceSink.COLUMNS");
    return cols;
  }

  @Test
  void levelsNestAndParseIgnoringCase() {
    assertEquals(TraceLevel.OP, TraceLevel.parse("Op"));
    assertEquals(TraceLevel.OFF, TraceLevel.parse("off"));
    assertTrue(TraceLevel.OP.includes(TraceLevel.LAYER));
    assertFalse(TraceLevel.LAYER.includes(TraceLevel.OP));
    assertFalse(TraceLevel.OFF.includes(TraceLevel.LAYER));
    assertThrows(IllegalArgumentException.class, () -> TraceLevel.parse("verbose"));
    assertSame(TraceLevel.OFF, TraceSink.off().level());
    assertFalse(TraceSink.off().enabled(TraceLevel.LAYER));
  }
}
