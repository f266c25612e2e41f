package dev.spinsim.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spinsim.network.run.RunMetrics;
import dev.spinsim.network.run.RunMode;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class RunReportTest {
  /** A minimal valid report with the given energy rows and total. */
  static RunReport.Builder minimal(double totalPj, double... rowsPj) {
    RunReport.Builder b = RunReport.builder();
    b.identity(RunIdentity.of("fmnist", "paper", 2, 1, RunMode.CYCLE_ACCURATE));
    b.metrics(metrics("fmnist", "paper", 2, totalPj, 0));
    for (int i = 0; i < rowsPj.length; i++) {
      b.addEnergy("class" + i, "act", rowsPj[i]);
    }
    b.images(new ImageBatch(2, 1, 2, 2, new float[8]));
    b.latents(2, 3, new float[6]);
    b.runYaml("model: fmnist\n");
    return b;
  }

  @Test
  void energyRowsThatDoNotSumToTheTotalAreRejected() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> minimal(100, 40, 50).build());
    assertTrue(e.getMessage().contains("energy rows sum to 90"), e.getMessage());
    assertTrue(e.getMessage().contains("100"), e.getMessage());
  }

  @Test
  void energyRowsThatSumWithinRoundingAreAccepted() {
    RunReport r = minimal(0.3, 0.1, 0.2).build(); // 0.1 + 0.2 != 0.3 exactly
    assertEquals(2, r.energy().size());
  }

  @Property(tries = 100)
  void aBreakdownIsAcceptedExactlyWhenItSumsToTheTotal(
      @ForAll @Size(min = 1, max = 20)
          List<@DoubleRange(min = 0.001, max = 1e6) @Scale(6) Double> rows,
      @ForAll @DoubleRange(min = 1e-4, max = 0.5) @Scale(6) double relativeError) {
    double[] values = rows.stream().mapToDouble(Double::doubleValue).toArray();
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    minimal(sum, values).build();
    double wrong = sum * (1 + relativeError);
    assertThrows(IllegalArgumentException.class, () -> minimal(wrong, values).build());
  }

  @Test
  void duplicateEnergyRowsAreRejected() {
    RunReport.Builder b = minimal(2);
    b.addEnergy("adc", "convert", 1).addEnergy("adc", "convert", 1);
    assertThrows(IllegalArgumentException.class, b::build);
  }

  /** Metrics of a cycle-accurate run with the given totals (pJ). */
  static RunMetrics metrics(
      String model, String preset, int images, double totalPj, double activationPj) {
    return RunMetrics.builder()
        .identity(model, preset, "", RunMode.CYCLE_ACCURATE, images, 1)
        .timing(100, 120, 200)
        .energy(totalPj, totalPj, 0, activationPj, activationPj)
        .build();
  }

  @Test
  void metricsOfAnotherRunAreRejected() {
    RunReport.Builder b = minimal(1, 1).metrics(metrics("fmnist", "isaac", 2, 1, 0));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, b::build);
    assertTrue(e.getMessage().contains("do not describe this run"), e.getMessage());
  }

  @Test
  void floatReferenceMustHaveTheImagesShape() {
    RunReport.Builder b =
        minimal(1, 1).floatReference(new ImageBatch(2, 1, 1, 2, new float[4]), null);
    assertThrows(IllegalArgumentException.class, b::build);
  }

  @Test
  void imageCountMustMatchTheRun() {
    RunReport.Builder b = minimal(1, 1).images(new ImageBatch(3, 1, 2, 2, new float[12]));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, b::build);
    assertTrue(e.getMessage().contains("asked for 2 images but 3"), e.getMessage());
  }

  @Test
  void pixelsOutsideMinusOneToOneAreKeptAsComputedAndCounted() {
    float[] pixels = new float[8];
    pixels[5] = 1.5f;
    pixels[6] = -1f;
    pixels[7] = Float.NaN;
    ImageBatch b = new ImageBatch(2, 1, 2, 2, pixels);
    assertEquals(1.5f, b.pixels()[5]);
  }

  @Test
  void latentsMustHaveOneRowPerImage() {
    assertThrows(
        IllegalArgumentException.class, () -> minimal(1, 1).latents(3, 2, new float[6]).build());
  }

  @Test
  void malformedRunYamlIsRejected() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> minimal(1, 1).runYaml("model: [fmnist\n").build());
    assertTrue(
        e.getMessage().startsWith("the resolved run.yaml is not valid YAML"), e.getMessage());
  }

  @Test
  void discriminatorScoresNeedOnePerImage() {
    assertThrows(
        IllegalArgumentException.class,
        () -> minimal(1, 1).discriminatorScores(new double[] {0.5}).build());
  }

  @Test
  void layerWithEndBeforeStartIsRejected() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new LayerRow("G", "fc1", "linear", "dense", 1, 10, 5, 1, 0, Map.of()));
  }

  @Test
  void summaryColumnsAreTheSameWithAndWithoutTheDiscriminator() {
    List<String> withD = List.copyOf(SampleReports.fmnist(true).summaryColumns().keySet());
    List<String> withoutD = List.copyOf(SampleReports.fmnist(false).summaryColumns().keySet());
    assertEquals(withD, withoutD);
    assertEquals(RunMetrics.columnNames(), withD);
    assertTrue(withD.contains("d_activation_energy_pj_per_image"));
    assertEquals("", SampleReports.fmnist(false).summaryColumns().get("d_score_mean"));
    assertTrue(!SampleReports.fmnist(true).summaryColumns().get("d_score_mean").isEmpty());
  }

  @Test
  void functionalRunsLeaveTimingCellsEmpty() {
    Map<String, String> c = SampleReports.rgbFunctional(2).summaryColumns();
    assertEquals("", c.get("latency_ns_per_image"));
    assertEquals("", c.get("throughput_images_per_s"));
    assertEquals("", c.get("leakage_energy_pj_per_image"));
  }

  @Test
  void perImageEnergiesAreRunTotalsOverImages() {
    RunReport r = minimal(10, 10).build();
    assertEquals(5, r.energyPjPerImage());
  }
}
