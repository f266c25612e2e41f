package dev.spinsim.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spinsim.cli.Main;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --executor spark} on an embedded {@code local[2]} master gives the local executor's rows,
 * and resumes a folder the local executor started.
 */
class SparkExecutorTest {
  @TempDir Path tmp;

  private static final String[] SPACE = {"sweep", "--set", "adc.bits=7,8", "--images", "1"};

  private static Map<String, Map<String, String>> rows(Path file) throws IOException {
    Map<String, Map<String, String>> out = new TreeMap<>();
    try (Reader r = Files.newBufferedReader(file);
        CSVParser p =
            CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
      for (CSVRecord rec : p) {
        out.put(rec.get("config_hash"), rec.toMap());
      }
    }
    return out;
  }

  private static String[] with(String... more) {
    String[] a = new String[SPACE.length + more.length];
    System.arraycopy(SPACE, 0, a, 0, SPACE.length);
    System.arraycopy(more, 0, a, SPACE.length, more.length);
    return a;
  }

  @Test
  void sparkRowsEqualLocalRowsAndSparkResumesALocalSweep() throws IOException {
    Path local = tmp.resolve("local");
    assertEquals(
        0, Main.execute(with("--executor", "local", "--parallel", "2", "--out", local.toString())));
    Map<String, Map<String, String>> expected = rows(local.resolve("results.csv"));
    assertEquals(2, expected.size());

    // a folder the local executor started: its header and the row of adc.bits=8 only
    Path spark = Files.createDirectories(tmp.resolve("spark"));
    List<String> lines = Files.readAllLines(local.resolve("results.csv"), StandardCharsets.UTF_8);
    String kept = lines.stream().filter(l -> l.startsWith("1,")).findFirst().orElseThrow();
    Files.writeString(
        spark.resolve("results.csv"), lines.get(0) + "\n" + kept + "\n", StandardCharsets.UTF_8);

    assertEquals(
        0,
        Main.execute(
            with("--executor", "spark", "--spark-master", "local[2]", "--out", spark.toString())));
    assertEquals(expected, rows(spark.resolve("results.csv")));
    List<String> timings = Files.readAllLines(spark.resolve("timings.csv"));
    assertEquals(2, timings.size(), "one point ran on Spark, one was reused: " + timings);
    assertTrue(timings.get(1).contains(",spark,"), timings.get(1));
  }
}
