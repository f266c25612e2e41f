package dev.spinsim.network.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RunMetricsTest {
  private static RunMetrics.Builder timed() {
    return RunMetrics.builder()
        .identity("fmnist", "paper", "adc.bits=4", RunMode.CYCLE_ACCURATE, 4, 1)
        .timing(71_575.0, 80_000, 2_000_000)
        .energy(4_000.123456789, 3_900, 100.123456789, 40, 20)
        .chip(13, 102, 1000);
  }

  @Test
  void throughputIsImagesOverTheMakespan() {
    RunMetrics m = timed().build();
    assertEquals(4 / 2e-3, m.throughputImagesPerS(), 1e-9);
    assertEquals(1000.03086, m.energyPjPerImage(), 1e-5);
  }

  @Test
  void unmeasuredFiguresAreEmptyCellsNotZeros() {
    RunMetrics f =
        RunMetrics.builder()
            .identity("fmnist", "paper", "", RunMode.FUNCTIONAL, 2, 1)
            .energy(10, 10, Double.NaN, 1, 0)
            .build();
    Map<String, Object> v = f.values();
    assertNull(v.get("latency_ns_per_image"));
    assertNull(v.get("throughput_images_per_s"));
    assertNull(v.get("leakage_energy_pj_per_image"));
    assertNull(v.get("g_energy_pj_per_image"));
    assertNull(v.get("psnr_db_vs_float"));
    assertEquals("", RunMetrics.column("throughput_images_per_s").cell(f));
    assertEquals("0", RunMetrics.column("dw_activation_energy_pj_per_image").cell(f));
  }

  @Test
  void everyRunHasTheSameColumns() {
    RunMetrics a = timed().build();
    RunMetrics b =
        timed()
            .networks(
                new RunMetrics.NetworkPart(1, 3_000, 30, 15),
                new RunMetrics.NetworkPart(1, 1_000.123456789, 10, 5))
            .discriminatorScoreMean(0.4)
            .build();
    assertEquals(a.values().keySet(), b.values().keySet());
    assertEquals(RunMetrics.COLUMNS.size(), a.cells().size());
    assertEquals("", RunMetrics.column("d_score_mean").cell(a));
    assertEquals("0.4", RunMetrics.column("d_score_mean").cell(b));
  }

  @Test
  void cellsKeepSixSignificantDigits() {
    RunMetrics m = timed().build();
    assertEquals("1000.03", RunMetrics.column("energy_pj_per_image").cell(m));
    assertEquals("25.0309", RunMetrics.column("leakage_energy_pj_per_image").cell(m));
    assertEquals("71575", RunMetrics.column("latency_ns_per_image").cell(m));
    assertEquals("2000", RunMetrics.column("throughput_images_per_s").cell(m));
    assertEquals("adc.bits=4", RunMetrics.column("overrides").cell(m));
    assertEquals("1.235E-7", RunMetrics.number(1.2345678e-7, 4));
    assertEquals("inf", RunMetrics.number(Double.POSITIVE_INFINITY, 4));
  }

  @Test
  void theGeneratorAndDiscriminatorMustAddUpToTheRun() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                timed()
                    .networks(
                        new RunMetrics.NetworkPart(1, 2_000, 30, 15),
                        new RunMetrics.NetworkPart(1, 1_000, 10, 5))
                    .build());
    assertTrue(e.getMessage().contains("G and D energies sum to 3000"), e.getMessage());
  }

  @Test
  void domainWallEnergyIsPartOfTheActivationEnergy() {
    assertThrows(IllegalArgumentException.class, () -> timed().energy(100, 100, 0, 10, 11).build());
    assertThrows(IllegalArgumentException.class, () -> timed().energy(100, 100, 0, 101, 1).build());
  }

  @Test
  void anUnknownColumnIsAnErrorListingTheColumns() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> RunMetrics.column("psnr"));
    assertTrue(e.getMessage().contains("psnr_db_vs_float"), e.getMessage());
  }

  @Test
  void qualityIsThePsnrOfTheRmseOverTheRangeOfTwo() {
    float[] ref = {0f, 0f, 0f, 0f, 1f, 1f, 1f, 1f};
    float[] chip = {0.2f, 0.2f, 0.2f, 0.2f, 1f, 1f, 1f, 1f};
    ImageQuality q = ImageQuality.compare(chip, ref, 4);
    assertEquals(0.2, q.rmse(0), 1e-6);
    assertEquals(20 * Math.log10(2 / 0.2), q.psnrDb(0), 1e-4);
    assertEquals(Double.POSITIVE_INFINITY, q.psnrDb(1));
    assertEquals(0.1, q.meanRmse(), 1e-6);
  }
}
