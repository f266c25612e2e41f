package dev.spinsim.cli.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SweepOutputsTest {
  private static SweepOutputs.Inputs inputs(List<Map<String, String>> rows) {
    return new SweepOutputs.Inputs(
        null, "t", List.of(), rows, List.of(), List.of(), "", "", "", Map.of(), List.of());
  }

  @Test
  void energiesAndTimesAreDrawnWithTheirSiPrefixNotInRawPicojoules() {
    SweepOutputs.Bound energy =
        new SweepOutputs.Bound(Objective.of("energy"), "energy_pj_per_image");
    // 20 µJ and 45 µJ per image: drawn as 20 and 45 on a µJ axis, not 2E7
    SweepOutputs.Display d =
        SweepOutputs.display(
            inputs(
                List.of(
                    Map.of("energy_pj_per_image", "20262400"),
                    Map.of("energy_pj_per_image", "45614200"))),
            energy);
    assertEquals(1e-6, d.factor(), 1e-18);
    assertEquals("energy_pj_per_image (µJ; lower is better)", d.title());
    // 342 pJ stays in pJ
    assertEquals(
        1,
        SweepOutputs.display(inputs(List.of(Map.of("energy_pj_per_image", "342.5"))), energy)
            .factor());
    SweepOutputs.Bound latency =
        new SweepOutputs.Bound(Objective.of("latency"), "latency_ns_per_image");
    SweepOutputs.Display t =
        SweepOutputs.display(inputs(List.of(Map.of("latency_ns_per_image", "71581"))), latency);
    assertEquals(1e-3, t.factor(), 1e-15);
    assertEquals("latency_ns_per_image (µs; lower is better)", t.title());
    // a column without a unit suffix is drawn as it is
    SweepOutputs.Bound psnr = new SweepOutputs.Bound(Objective.of("psnr"), "psnr_db_vs_float");
    assertEquals(
        "psnr_db_vs_float (higher is better)",
        SweepOutputs.display(inputs(List.of(Map.of("psnr_db_vs_float", "28.3"))), psnr).title());
  }
}
