package dev.spinsim.cli.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/** The kriging model and the choice between it and the quadratic by leave-one-out error. */
class KrigingSurrogateTest {
  private static final int[] SIZES = {7, 5};

  private static double[] costs(List<int[]> levels, ToDoubleFunction<int[]> f) {
    return levels.stream().mapToDouble(f).toArray();
  }

  /** Every other point of the 7 × 5 grid (18 points, more than the quadratic's 6 terms). */
  private static List<int[]> sample() {
    List<int[]> l = new ArrayList<>();
    for (int a = 0; a < 7; a++) {
      for (int b = 0; b < 5; b++) {
        if ((a + b) % 2 == 0) {
          l.add(new int[] {a, b});
        }
      }
    }
    return l;
  }

  @Test
  void aPeakedCostIsModelledByKrigingAndAQuadraticOneByTheQuadratic() {
    List<int[]> levels = sample();
    // PSNR against the ADC range: a peak where the range suits the array, falling off both ways
    ToDoubleFunction<int[]> psnr =
        l -> -20 * Math.exp(-((l[0] - 4) * (l[0] - 4) + (l[1] - 2) * (l[1] - 2)) / 2.0);
    double[] y = costs(levels, psnr);
    Surrogate chosen = KrigingSurrogate.choose(SIZES, levels, y);
    assertInstanceOf(KrigingSurrogate.class, chosen);
    // and it predicts the points it did not see better than the quadratic does
    QuadraticSurrogate q = QuadraticSurrogate.fit(SIZES, levels, y);
    double eK = 0;
    double eQ = 0;
    for (int a = 0; a < 7; a++) {
      for (int b = 0; b < 5; b++) {
        if ((a + b) % 2 == 1) {
          int[] l = {a, b};
          eK += Math.abs(chosen.predict(l) - psnr.applyAsDouble(l));
          eQ += Math.abs(q.predict(l) - psnr.applyAsDouble(l));
        }
      }
    }
    assertTrue(eK < eQ, "kriging " + eK + " vs quadratic " + eQ + " on the unseen points");

    // a quadratic cost on a 3 × 3 design: the quadratic recovers it from any 8 of the 9 points,
    // kriging cannot reach the corner it leaves out
    ToDoubleFunction<int[]> quad = l -> 3 + 0.5 * l[0] - 0.2 * l[1] * l[1] + 0.1 * l[0] * l[1];
    List<int[]> design = new ArrayList<>();
    for (int a : new int[] {0, 3, 6}) {
      for (int b : new int[] {0, 2, 4}) {
        design.add(new int[] {a, b});
      }
    }
    Surrogate smooth = KrigingSurrogate.choose(SIZES, design, costs(design, quad));
    assertInstanceOf(QuadraticSurrogate.class, smooth);
  }

  @Test
  void krigingNearlyInterpolatesWhatItWasFittedOnAndModelsAPositiveCostByItsLogarithm() {
    List<int[]> levels = sample();
    ToDoubleFunction<int[]> energy = l -> Math.exp(1 + 0.4 * l[0] - 0.7 * l[1]);
    KrigingSurrogate k = KrigingSurrogate.fit(SIZES, levels, costs(levels, energy));
    for (int[] l : levels) {
      double e = energy.applyAsDouble(l);
      assertEquals(e, k.predict(l), 0.02 * e);
      assertTrue(k.predict(l) > 0);
    }
    // with fewer points than the quadratic's terms, the quadratic is kept
    assertInstanceOf(
        QuadraticSurrogate.class,
        KrigingSurrogate.choose(SIZES, levels.subList(0, 4), costs(levels.subList(0, 4), energy)));
  }
}
