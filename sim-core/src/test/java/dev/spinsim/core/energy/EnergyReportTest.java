package dev.spinsim.core.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class EnergyReportTest {
  private static final String[] CLASSES = {"adc", "dac", "crossbar", "buffer", "dw_relu"};
  private static final String[] ACTIONS = {"convert", "read", "write", "activate"};

  /**
   * An estimator that reads the component's attributes, as real ones do (e.g. ADC energy grows with
   * bits).
   */
  private static final EnergyEstimator BITS_SCALED =
      new EnergyEstimator() {
        @Override
        public double energyPj(ComponentInfo c, String action) {
          return c.attribute("bits") * (action.length() * 0.37);
        }

        @Override
        public double leakageMw(ComponentInfo c) {
          return 0.01 * c.attribute("bits");
        }
      };

  private static ActionLedger randomLedger(long seed, int components) {
    SplittableRandom rnd = new SplittableRandom(seed);
    ActionLedger ledger = new ActionLedger();
    for (int i = 0; i < components; i++) {
      String cls = CLASSES[rnd.nextInt(CLASSES.length)];
      ledger.registerComponent(
          "c" + i, cls, "layer" + rnd.nextInt(4), Map.of("bits", (double) (1 + rnd.nextInt(8))));
    }
    for (int k = 0; k < components * 6; k++) {
      int a = ledger.actionId(ACTIONS[rnd.nextInt(ACTIONS.length)]);
      ledger.record(rnd.nextInt(components), a, rnd.nextLong(1L << (1 + rnd.nextInt(40))));
    }
    return ledger;
  }

  private static EnergyTable randomTable(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed ^ 0x5DEECE66DL);
    EnergyTable.Builder b = EnergyTable.builder();
    for (String cls : CLASSES) {
      if (cls.equals("adc")) {
        b.put(cls, BITS_SCALED);
        continue;
      }
      Map<String, Double> prices = new java.util.TreeMap<>();
      for (String a : ACTIONS) {
        prices.put(a, Math.scalb(rnd.nextDouble(), rnd.nextInt(-20, 20)));
      }
      b.put(cls, new FixedEnergyEstimator(prices, rnd.nextDouble() * 3));
    }
    return b.build();
  }

  /** Exact sum of the breakdown, rounded once; it may differ from the total by rounding only. */
  private static void assertSumsToTotal(Collection<Double> breakdown, double total) {
    BigDecimal exact = BigDecimal.ZERO;
    for (double v : breakdown) {
      exact = exact.add(new BigDecimal(v));
    }
    double sum = exact.doubleValue();
    assertTrue(
        Math.abs(sum - total) <= 4 * Math.ulp(total),
        () -> "breakdown sums to " + sum + " but total is " + total);
  }

  @Property(tries = 300)
  void everyBreakdownSumsToTheTotal(
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 60) int components,
      @ForAll @IntRange(min = 0, max = 1_000_000_000) int simulatedPs) {
    EnergyReport r =
        EnergyReport.price(randomLedger(seed, components), randomTable(seed), simulatedPs);
    assertSumsToTotal(r.byComponentPj().values(), r.totalPj());
    assertSumsToTotal(r.byComponentClassPj().values(), r.totalPj());
    assertSumsToTotal(r.byTagPj().values(), r.totalPj());
    assertSumsToTotal(r.byClassAndActionPj().values(), r.totalPj());
    assertSumsToTotal(List.of(r.dynamicPj(), r.leakagePj()), r.totalPj());
  }

  @Test
  void pricesCountsAndLeakageByHand() {
    ActionLedger ledger = new ActionLedger();
    int adc = ledger.registerComponent("tile0.adc", "adc", "conv1", Map.of("bits", 6.0));
    int xbar = ledger.registerComponent("tile0.xbar", "crossbar", "conv1", Map.of("rows", 128.0));
    int read = ledger.actionId("read");
    int convert = ledger.actionId("convert");
    ledger.record(adc, convert, 100);
    ledger.record(xbar, read, 10);
    ledger.record(xbar, read, 5);
    EnergyTable table =
        EnergyTable.builder()
            .put("adc", new FixedEnergyEstimator(Map.of("convert", 2.0), 1.0))
            .put("crossbar", new FixedEnergyEstimator(Map.of("read", 0.5), 0.0))
            .build();
    EnergyReport r = EnergyReport.price(ledger, table, 1_000_000); // 1 us
    // leakage: 1 mW x 1 us = 1 nJ = 1000 pJ
    assertEquals(1000.0, r.leakagePj(), 1e-9);
    assertEquals(200 + 7.5, r.dynamicPj(), 1e-12);
    assertEquals(1207.5, r.totalPj(), 1e-9);
    assertEquals(
        Map.of("adc", Map.of("convert", 200.0, "leakage", 1000.0), "crossbar", Map.of("read", 7.5)),
        r.byClassAndActionPj().rowMap());
    assertEquals(List.of("adc", "crossbar"), List.copyOf(r.byClassAndActionPj().rowKeySet()));
    assertEquals(15L, r.countsByClassAndAction().get("crossbar", "read"));
    assertEquals(List.of("tile0.adc", "tile0.xbar"), List.copyOf(r.byComponentPj().keySet()));
    assertEquals(1207.5, r.byTagPj().get("conv1"), 1e-9);
  }

  @Test
  void repricingAFinishedLedgerNeedsNoResimulation() {
    ActionLedger ledger = randomLedger(7, 30);
    EnergyTable base = randomTable(7);
    EnergyReport first = EnergyReport.price(ledger, base, 5_000_000);
    // the sweep changes one class's prices: double every dac action
    FixedEnergyEstimator dac = (FixedEnergyEstimator) base.estimator("dac");
    Map<String, Double> doubled = new java.util.TreeMap<>();
    dac.energyPjByAction().forEach((k, v) -> doubled.put(k, 2 * v));
    EnergyTable swept = base.with("dac", new FixedEnergyEstimator(doubled, dac.leakageMw()));
    EnergyReport second = EnergyReport.price(ledger, swept, 5_000_000);

    double dacDynamic =
        first.byClassAndActionPj().row("dac").entrySet().stream()
            .filter(e -> !e.getKey().equals(EnergyReport.LEAKAGE_ACTION))
            .mapToDouble(Map.Entry::getValue)
            .sum();
    assertTrue(dacDynamic > 0);
    assertEquals(first.totalPj() + dacDynamic, second.totalPj(), 1e-9 * second.totalPj());
    assertEquals(first.byComponentClassPj().get("adc"), second.byComponentClassPj().get("adc"));
    assertEquals(first.countsByClassAndAction(), second.countsByClassAndAction());
    // and pricing the same ledger again with the first table gives the first report back
    assertEquals(
        first.byComponentPj(), EnergyReport.price(ledger, base, 5_000_000).byComponentPj());
  }

  @Test
  void anUnpricedActionIsAnErrorNotAZero() {
    ActionLedger ledger = new ActionLedger();
    int c = ledger.registerComponent("a", "adc", "", Map.of());
    ledger.record(c, ledger.actionId("convert"), 1);
    EnergyTable noAction =
        EnergyTable.builder().put("adc", new FixedEnergyEstimator(Map.of("read", 1.0), 0)).build();
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> EnergyReport.price(ledger, noAction, 0));
    assertTrue(e.getMessage().contains("convert"), e.getMessage());
    EnergyTable noClass =
        EnergyTable.builder().put("dac", new FixedEnergyEstimator(Map.of(), 0)).build();
    assertThrows(IllegalArgumentException.class, () -> EnergyReport.price(ledger, noClass, 0));
    EnergyTable nan =
        EnergyTable.builder()
            .put(
                "adc",
                new EnergyEstimator() {
                  @Override
                  public double energyPj(ComponentInfo ci, String action) {
                    return Double.NaN;
                  }

                  @Override
                  public double leakageMw(ComponentInfo ci) {
                    return 0;
                  }
                })
            .build();
    assertThrows(IllegalArgumentException.class, () -> EnergyReport.price(ledger, nan, 0));
  }

  @Test
  void ledgerInternsActionsAndRejectsDuplicateComponents() {
    ActionLedger ledger = new ActionLedger();
    assertEquals(ledger.actionId("read"), ledger.actionId("read"));
    assertEquals(List.of("read"), ledger.actions());
    ledger.registerComponent("x", "adc", "", Map.of());
    assertThrows(
        IllegalArgumentException.class, () -> ledger.registerComponent("x", "adc", "", Map.of()));
    assertThrows(IllegalArgumentException.class, () -> ledger.actionId("leakage"));
  }

  @Test
  void countsGrowWhenActionsAreAddedAfterComponents() {
    ActionLedger ledger = new ActionLedger();
    int c = ledger.registerComponent("x", "adc", "", Map.of());
    for (int i = 0; i < 40; i++) {
      ledger.record(c, ledger.actionId("a" + i), i);
    }
    assertEquals(39, ledger.count(c, ledger.actionId("a39")));
    assertEquals(
        39 * 40 / 2,
        java.util.stream.IntStream.range(0, 40).mapToLong(i -> ledger.count(c, i)).sum());
  }
}
