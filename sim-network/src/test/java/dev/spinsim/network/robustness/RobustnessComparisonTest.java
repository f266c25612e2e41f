package dev.spinsim.network.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spinsim.network.quality.FeatureExtractor;
import dev.spinsim.network.quality.FeatureStatistics;
import dev.spinsim.network.quality.FidEvaluator;
import dev.spinsim.network.quality.ImageSource;
import dev.spinsim.network.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The comparison's plan, reuse of equal configurations and row order, on stand-in image sources.
 */
class RobustnessComparisonTest {
  private static final List<LevelSweep> SWEEPS =
      List.of(
          new LevelSweep(Knob.VARIATION, List.of(0.0, 0.05, 0.2)),
          new LevelSweep(Knob.READ_NOISE, List.of(0.0, 0.01)));

  private static RobustnessComparison paper() {
    return new RobustnessComparison("paper", List.of(), List.of("a", "b"), SWEEPS);
  }

  @Test
  void onePointPerWeightSetKnobAndLevelInOutputOrder() {
    List<RobustnessComparison.Point> p = paper().points();
    assertEquals(10, p.size());
    assertEquals("a", p.get(0).weights());
    assertEquals(Knob.VARIATION, p.get(0).knob());
    assertEquals(0.0, p.get(0).level());
    assertEquals(Knob.READ_NOISE, p.get(4).knob());
    assertEquals("b", p.get(5).weights());
  }

  @Test
  void thePresetsOwnLevelsAreMarkedAndSimulatedOnce() {
    RobustnessComparison c = paper();
    // paper: variationSigma 0.05, readNoiseSigma 0.01 -> those two points are the same chip.
    List<String> marked = new ArrayList<>();
    for (RobustnessComparison.Point p : c.points()) {
      if (p.atPreset()) {
        marked.add(p.weights() + " " + p.knob().name() + " " + Knob.format(p.level()));
      }
    }
    assertEquals(
        List.of("a variation 0.05", "a read-noise 0.01", "b variation 0.05", "b read-noise 0.01"),
        marked);
    assertEquals(8, c.distinctRuns());
  }

  @Test
  void aLevelThePresetRejectsFailsBeforeAnyImage() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new RobustnessComparison(
                    "paper",
                    List.of(),
                    List.of("a"),
                    List.of(new LevelSweep(Knob.STUCK, List.of(0.0, 2.0)))));
    assertTrue(e.getMessage().startsWith("stuck level 2 on preset paper: "), e.getMessage());
    assertTrue(e.getMessage().contains("stuckFraction"), e.getMessage());
  }

  @Test
  void runScoresEachDistinctConfigurationOnceAndReusesItsFid() {
    RobustnessComparison c = paper();
    List<String> made = new ArrayList<>();
    List<CompareRow> rows =
        c.run(
            evaluator(),
            floatReference(),
            (weights, override) -> {
              made.add(weights + " " + override);
              double level = Double.parseDouble(override.substring(override.indexOf('=') + 1));
              return noisy(weights, level + (weights.equals("b") ? 0.5 : 0));
            },
            64,
            3,
            (row, reused) -> {});
    assertEquals(11, rows.size());
    assertEquals(8, made.size());
    assertTrue(rows.get(0).isReference());
    assertEquals(RobustnessComparison.SOFTWARE, rows.get(0).preset());
    assertEquals(1.0, rows.get(0).fidRelativeToFloat(), 1e-12);
    CompareRow variationAtPreset = rows.get(2), readNoiseAtPreset = rows.get(5);
    assertEquals("variation", variationAtPreset.knob());
    assertEquals("read-noise", readNoiseAtPreset.knob());
    assertEquals(variationAtPreset.fid(), readNoiseAtPreset.fid());
    assertEquals("paper", rows.get(1).preset());
    assertEquals(rows.get(3).fid() / rows.get(0).fid(), rows.get(3).fidRelativeToFloat(), 1e-12);
  }

  @Test
  void csvHasTheHeaderAndOneLinePerRowAndTheMarkdownOneLinePerLevel() {
    RobustnessComparison c = paper();
    List<CompareRow> rows =
        c.run(evaluator(), floatReference(), (w, o) -> noisy(w, 0.1), 16, 3, (row, reused) -> {});
    String[] csv = CompareTable.csv(rows).split("\n");
    assertEquals(CompareTable.HEADER, csv[0]);
    assertEquals(12, csv.length);
    assertTrue(csv[1].startsWith("float,software,none,,,16,3,"), csv[1]);
    assertTrue(csv[3].startsWith("a,paper,variation,0.05,true,16,3,"), csv[3]);
    String md =
        CompareTable.markdown(rows, new java.util.LinkedHashMap<>(java.util.Map.of("a", "A")));
    assertEquals(
        5,
        md.lines().filter(l -> l.startsWith("| variation") || l.startsWith("| read-noise")).count(),
        md);
    assertTrue(md.contains("| variation | 0.05* |"), md);
  }

  @Test
  void laterSoftwareRowsAreRelativeToTheFirst() {
    RobustnessComparison c =
        new RobustnessComparison(
            "paper",
            List.of(),
            List.of("a"),
            List.of(new LevelSweep(Knob.VARIATION, List.of(0.1))));
    List<CompareRow> rows =
        c.run(
            evaluator(),
            List.of(
                floatReference().get(0),
                new RobustnessComparison.Reference("a", "software:paper", noisy("a", 0.3))),
            (w, o) -> noisy(w, 0.1),
            32,
            3,
            (row, reused) -> {});
    assertEquals(3, rows.size());
    assertTrue(rows.get(1).isReference());
    assertEquals("software:paper", rows.get(1).preset());
    assertEquals(rows.get(1).fid() / rows.get(0).fid(), rows.get(1).fidRelativeToFloat(), 1e-12);
    assertTrue(rows.get(1).fidRelativeToFloat() > 1, "noisier images score worse");
  }

  private static List<RobustnessComparison.Reference> floatReference() {
    return List.of(
        new RobustnessComparison.Reference(
            "float", RobustnessComparison.SOFTWARE, noisy("float", 0)));
  }

  /**
   * Images of constant background plus Gaussian noise of {@code sigma}, distinct per source name.
   */
  private static ImageSource noisy(String name, double sigma) {
    return new ImageSource() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Tensor generate(int n, long seed) {
        return Tensor.normal(new SplittableRandom(seed), 0, 0.1 + sigma, n, 1, 4, 4);
      }
    };
  }

  /** Features: the 16 pixels themselves; reference: N(0, 0.1) images. */
  private static FidEvaluator evaluator() {
    FeatureExtractor pixels =
        new FeatureExtractor() {
          @Override
          public String name() {
            return "pixels";
          }

          @Override
          public int dims() {
            return 16;
          }

          @Override
          public float[][] features(Tensor images) {
            float[][] f = new float[images.n()][16];
            for (int i = 0; i < images.n(); i++) {
              System.arraycopy(images.data(), i * 16, f[i], 0, 16);
            }
            return f;
          }
        };
    FeatureStatistics ref =
        FidEvaluator.statistics(
            pixels, Tensor.normal(new SplittableRandom(99), 0, 0.1, 500, 1, 4, 4));
    return new FidEvaluator(pixels, ref, "test");
  }
}
