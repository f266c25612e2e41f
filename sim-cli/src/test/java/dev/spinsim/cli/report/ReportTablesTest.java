package dev.spinsim.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class ReportTablesTest {
  private static List<CSVRecord> parse(String csv) throws IOException {
    try (CSVParser p =
        CSVParser.parse(
            new StringReader(csv),
            CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
      return p.getRecords();
    }
  }

  @Test
  void sameReportGivesIdenticalCsvText() {
    RunReport a = SampleReports.fmnist(true);
    RunReport b = SampleReports.fmnist(true);
    assertEquals(ReportTables.summaryCsv(a), ReportTables.summaryCsv(b));
    assertEquals(ReportTables.layersCsv(a), ReportTables.layersCsv(b));
    assertEquals(ReportTables.energyCsv(a), ReportTables.energyCsv(b));
    assertEquals(ReportTables.mappingCsv(a), ReportTables.mappingCsv(b));
    assertEquals(ReportTables.resourcesCsv(a), ReportTables.resourcesCsv(b));
  }

  @Test
  void numbersDoNotDependOnTheDefaultLocale() {
    RunReport r = SampleReports.fmnist(true);
    Locale before = Locale.getDefault();
    String root;
    String german;
    try {
      Locale.setDefault(Locale.ROOT);
      root = ReportTables.layersCsv(r) + ReportTables.summaryCsv(r) + ReportTables.energyCsv(r);
      Locale.setDefault(Locale.GERMANY);
      german = ReportTables.layersCsv(r) + ReportTables.summaryCsv(r) + ReportTables.energyCsv(r);
    } finally {
      Locale.setDefault(before);
    }
    assertEquals(root, german);
  }

  @Test
  void energyColumnSumsToTheRunTotal() throws IOException {
    RunReport r = SampleReports.fmnist(true);
    double sum = 0;
    for (CSVRecord row : parse(ReportTables.energyCsv(r))) {
      sum += Double.parseDouble(row.get("energy_pj"));
    }
    assertEquals(r.metrics().energyPj(), sum, 1e-6 * r.metrics().energyPj());
  }

  @Test
  void energyRowsAreSortedByClassThenAction() throws IOException {
    List<CSVRecord> rows = parse(ReportTables.energyCsv(SampleReports.fmnist(true)));
    for (int i = 1; i < rows.size(); i++) {
      String prev = rows.get(i - 1).get(0) + "/" + rows.get(i - 1).get(1);
      String cur = rows.get(i).get(0) + "/" + rows.get(i).get(1);
      assertTrue(prev.compareTo(cur) < 0, prev + " before " + cur);
    }
  }

  @Test
  void layersCsvHasFixedColumnsThenStandardCounts() {
    String header = ReportTables.layersCsv(SampleReports.fmnist(true)).lines().findFirst().get();
    assertEquals(
        "network,layer,kind,strategy,start_ns,end_ns,latency_ns,energy_pj,energy_pj_per_image,"
            + "activation_energy_pj,activation_energy_pj_per_image,driven_row_fraction,"
            + "inserted_zero_energy_pj_per_image,crossbar_reads,dac_ops,"
            + "conversions,shift_adds,activation_pulses,buffer_bits,interconnect_bits,row_cycles,"
            + "cells_read",
        header);
  }

  @Test
  void mappingCsvDerivesTheZeroFraction() throws IOException {
    List<CSVRecord> rows = parse(ReportTables.mappingCsv(SampleReports.fmnist(false)));
    CSVRecord deconv = rows.get(2);
    assertEquals("deconv1", deconv.get("layer"));
    assertEquals("0.75", deconv.get("zero_fraction"));
    assertEquals(ReportTables.MAPPING_COLUMNS, List.copyOf(rows.get(0).toMap().keySet()));
  }

  @Test
  void summaryCsvHasOneRowAndUnixLineEnds() {
    String csv = ReportTables.summaryCsv(SampleReports.fmnist(false));
    assertEquals(2, csv.lines().count());
    assertTrue(csv.endsWith("\n") && !csv.contains("\r"));
  }

  @Test
  void numbersAreExactAndPlain() {
    assertEquals("0", Numbers.csv(0.0));
    assertEquals("0", Numbers.csv(-0.0));
    assertEquals("12345", Numbers.csv(12345.0));
    assertEquals("0.1", Numbers.csv(0.1));
    assertEquals("24643.440224255304", Numbers.csv(24643.440224255304));
    assertEquals("1.5E-7", Numbers.csv(1.5e-7));
    assertEquals(1.0 / 3, Double.parseDouble(Numbers.csv(1.0 / 3)));
  }

  @Test
  void humanNumbersUseSiPrefixes() {
    assertEquals("24.72 nJ", Numbers.energy(24_720, false));
    assertEquals("9.160 fJ", Numbers.energy(0.00916, false));
    assertEquals("1.234 µs", Numbers.time(1234, false));
    assertEquals("1.234 us", Numbers.time(1234, true));
    assertEquals("1.000 µs", Numbers.time(999.9999, false));
    assertEquals("48.6 %", Numbers.percent(0.486));
  }
}
