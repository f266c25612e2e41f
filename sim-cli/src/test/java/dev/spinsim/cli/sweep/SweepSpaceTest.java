package dev.spinsim.cli.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepSpaceTest {
  @TempDir Path tmp;

  @Test
  void commaListsAreKnobsAndSingleValuesAreFixed() {
    SweepSpace s =
        SweepSpace.of(
            null, List.of("adc.bits=4,6,8", "crossbar.rows=64,128", "adc.fullScaleFraction=0.25"));
    assertEquals(List.of("adc.bits", "crossbar.rows"), s.knobs());
    assertEquals(Map.of("adc.fullScaleFraction", "0.25"), s.fixed());
    assertEquals(6, s.size());
  }

  @Test
  void pointIdsAreMixedRadixWithTheFirstKnobMostSignificant() {
    SweepSpace s = SweepSpace.of(null, List.of("adc.bits=4,6,8", "crossbar.rows=64,128"));
    assertEquals(Map.of("adc.bits", "6", "crossbar.rows", "128"), s.point(3).knobs());
    assertEquals("3", s.point(new int[] {1, 1}).id());
    assertEquals(6, s.all().size());
    assertEquals("5", s.all().get(5).id());
  }

  @Test
  void yamlFileGivesListsRangesChoicesZipGroupsAndFixedKeys() throws IOException {
    Path f = tmp.resolve("space.yaml");
    Files.writeString(
        f,
        """
        knobs:
          adc.bits: [4, 6]
          crossbar.rows: {from: 64, to: 512, scale: log2}
          adc.columnsPerAdc: {from: 2, to: 8, step: 3}
          mapping.partialSums: {choices: [digital, analog]}
        zip:
          - {crossbar.columns: [64, 128], dac.bits: [1, 2]}
        fixed:
          adc.fullScaleFraction: 0.25
        """);
    SweepSpace s = SweepSpace.of(f, List.of());
    assertEquals(
        List.of(
            "adc.bits",
            "crossbar.rows",
            "adc.columnsPerAdc",
            "mapping.partialSums",
            "crossbar.columns",
            "dac.bits"),
        s.knobs());
    assertEquals(
        List.of(List.of("64"), List.of("128"), List.of("256"), List.of("512")),
        s.dimensions().get(1).levels());
    assertEquals(List.of(List.of("2"), List.of("5"), List.of("8")), s.dimensions().get(2).levels());
    assertEquals(List.of(List.of("64", "1"), List.of("128", "2")), s.dimensions().get(4).levels());
    assertEquals(2 * 4 * 3 * 2 * 2, s.size());
    assertEquals("0.25", s.fixed().get("adc.fullScaleFraction"));
  }

  @Test
  void badSpaceFilesNameTheFileAndTheKey() throws IOException {
    Path f = tmp.resolve("bad.yaml");
    Files.writeString(f, "knobs:\n  crossbar.rows: {from: 64, to: 100, scale: log2}\n");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SweepSpace.of(f, List.of()));
    assertTrue(
        e.getMessage().startsWith(f + ": knobs.crossbar.rows: a log2 range needs powers of two"),
        e.getMessage());
    Files.writeString(f, "zip:\n  - {a: [1, 2], b: [1]}\n");
    e = assertThrows(IllegalArgumentException.class, () -> SweepSpace.of(f, List.of()));
    assertTrue(e.getMessage().contains("zip[0].b: expected 2 values"), e.getMessage());
    Files.writeString(f, "knob:\n  a: [1, 2]\n");
    e = assertThrows(IllegalArgumentException.class, () -> SweepSpace.of(f, List.of()));
    assertTrue(e.getMessage().contains("knob: unknown key"), e.getMessage());
  }

  @Test
  void aKnobTwiceOrAnEmptySpaceIsRefused() {
    assertThrows(
        IllegalArgumentException.class, () -> SweepSpace.of(null, List.of("a=1,2", "a=3,4")));
    assertThrows(IllegalArgumentException.class, () -> SweepSpace.of(null, List.of("a=1")));
    assertThrows(IllegalArgumentException.class, () -> SweepSpace.of(null, List.of("a=1,,2")));
  }
}
