package dev.spinsim.network.tensor;

import com.google.common.math.IntMath;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs index ranges on a small fixed pool. Work is split into contiguous chunks whose results never
 * depend on which thread ran them, so outputs are identical for any thread count. The thread count
 * comes from the system property {@code spinsim.threads} (default: all cores).
 */
public final class Parallel {
  /** A body over the index range [from, to). */
  @FunctionalInterface
  public interface RangeBody {
    void run(int from, int to);
  }

  private static final int THREADS =
      Math.max(
          1, Integer.getInteger("spinsim.threads", Runtime.getRuntime().availableProcessors()));
  private static final ExecutorService POOL =
      Executors.newFixedThreadPool(
          THREADS,
          r -> {
            Thread t = new Thread(r, "spinsim-compute");
            t.setDaemon(true);
            return t;
          });

  private Parallel() {}

  public static int threads() {
    return THREADS;
  }

  /**
   * Runs {@code body} over [0, n) in at most {@link #threads()} contiguous chunks whose boundaries
   * are multiples of {@code grain}; small ranges run on the calling thread.
   */
  public static void forRange(int n, int grain, long workPerIndex, RangeBody body) {
    int chunks = Math.min(THREADS, IntMath.divide(n, grain, RoundingMode.CEILING));
    if (chunks <= 1 || (long) n * workPerIndex < 20_000) {
      body.run(0, n);
      return;
    }
    int units = IntMath.divide(n, grain, RoundingMode.CEILING);
    List<Future<?>> futures = new ArrayList<>(chunks - 1);
    int[] bounds = new int[chunks + 1];
    for (int c = 0; c <= chunks; c++) {
      bounds[c] = Math.min(n, (int) ((long) units * c / chunks) * grain);
    }
    for (int c = 1; c < chunks; c++) {
      int from = bounds[c];
      int to = bounds[c + 1];
      futures.add(POOL.submit(() -> body.run(from, to)));
    }
    body.run(bounds[0], bounds[1]);
    for (Future<?> f : futures) {
      try {
        f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException re) {
          throw re;
        }
        throw new IllegalStateException(cause);
      }
    }
  }
}
