package dev.spinsim.cli.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The driver runs a point once however many threads ask for it at the same time. */
class SweepDriverTest {
  @TempDir Path tmp;

  @Test
  void aPointAskedForByTwoThreadsAtOnceRunsOnce() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    CountDownLatch bothAsked = new CountDownLatch(2);
    PointRunner runner =
        new PointRunner() {
          @Override
          public ResolvedPoint resolve(SweepPoint p) {
            bothAsked.countDown();
            return new ResolvedPoint(p, "h" + p.id(), null);
          }

          @Override
          public PointResult run(SweepPoint p) {
            runs.incrementAndGet();
            return PointResult.ok(p, "h" + p.id(), Map.of("energy_pj_per_image", "5"), 0, 0, 0);
          }
        };
    PointExecutor slow =
        new PointExecutor() {
          @Override
          public String name() {
            return "test";
          }

          @Override
          public int parallelism() {
            return 2;
          }

          @Override
          public PointResult run(SweepPoint p) throws Exception {
            // both threads have resolved the point before the first run finishes
            bothAsked.await(5, TimeUnit.SECONDS);
            Thread.sleep(50);
            return runner.run(p);
          }
        };
    ResultsFile file = ResultsFile.open(tmp.resolve("results.csv"), List.of("adc.bits"));
    SweepPoint p = new SweepPoint("3", Map.of("adc.bits", "6"));
    ExecutorService two = Executors.newFixedThreadPool(2);
    try (SweepDriver driver =
        new SweepDriver(
            file, runner, slow, List.of(Objective.of("energy")), tmp.resolve("timings.csv"))) {
      Future<Map<String, String>> a = two.submit(() -> driver.row(p));
      Future<Map<String, String>> b = two.submit(() -> driver.row(p));
      assertEquals(a.get(), b.get());
      assertEquals(1, runs.get());
      assertEquals(1, driver.ran());
    } finally {
      two.shutdownNow();
    }
  }
}
