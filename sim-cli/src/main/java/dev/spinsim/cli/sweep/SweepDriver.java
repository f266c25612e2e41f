package dev.spinsim.cli.sweep;

import dev.spinsim.cli.report.Numbers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs the points of a sweep that have no row yet: each on the {@link PointExecutor}, at most its
 * parallelism at once, each result appended to {@code results.csv} the moment it comes back (and
 * its wall times to {@code timings.csv}, {@link #TIMINGS_HEADER}). Points already in the file are
 * reused, never run again. {@link #stop()} (Ctrl-C) lets the points in flight finish and starts no
 * new one.
 */
public final class SweepDriver implements AutoCloseable {
  /** Told after every finished or reused point: a line for the progress bar. */
  public interface Progress {
    void step(String bestMessage);
  }

  /**
   * Columns of timings.csv: wall seconds of {@code generation_s} (inputs, chip build, simulation,
   * pricing), {@code total_s} (the whole point) and {@code simulation_s} (the simulation itself).
   */
  public static final String TIMINGS_HEADER =
      "config_hash,point_id,executor,status,generation_s,total_s,simulation_s";

  private final ResultsFile results;
  private final PointRunner resolver;
  private final PointExecutor executor;
  private final List<Objective> objectives;
  private final Path timings;
  private final ExecutorService pool;
  private volatile boolean stopping;
  private volatile Progress progress = m -> {};
  private final AtomicInteger ran = new AtomicInteger();
  private final AtomicInteger reused = new AtomicInteger();
  private final java.util.Set<String> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private final Map<String, java.util.concurrent.CompletableFuture<Map<String, String>>> inFlight =
      new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<String, Double> best = new LinkedHashMap<>();
  private final Map<String, String> bestText = new LinkedHashMap<>();

  public SweepDriver(
      ResultsFile results,
      PointRunner resolver,
      PointExecutor executor,
      List<Objective> objectives,
      Path timings) {
    this.results = results;
    this.resolver = resolver;
    this.executor = executor;
    this.objectives = List.copyOf(objectives);
    this.timings = timings;
    int n = executor.parallelism();
    AtomicInteger id = new AtomicInteger();
    this.pool =
        Executors.newFixedThreadPool(
            n,
            r -> {
              Thread t = new Thread(r, "spinsim-sweep-" + id.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    for (Map<String, String> row : results.rows()) {
      noteBest(row);
    }
  }

  public void progress(Progress p) {
    this.progress = p;
  }

  /** Points run by this driver so far. */
  public int ran() {
    return ran.get();
  }

  /** Points whose row was already in results.csv. */
  public int reused() {
    return reused.get();
  }

  public boolean stopping() {
    return stopping;
  }

  /** Finish the points in flight, start no new one. */
  public void stop() {
    stopping = true;
  }

  /** The pool points run on (NSGA-II evaluates a generation's offspring on it). */
  public ExecutorService pool() {
    return pool;
  }

  /** Runs every point of {@code points} without a row; returns when all are done or stopped. */
  public void runAll(List<SweepPoint> points) throws InterruptedException {
    List<Future<?>> futures = new ArrayList<>();
    for (SweepPoint p : points) {
      futures.add(
          pool.submit(
              () -> {
                row(p);
                return null;
              }));
    }
    for (Future<?> f : futures) {
      try {
        f.get();
      } catch (java.util.concurrent.ExecutionException e) {
        Throwable c = e.getCause();
        if (c instanceof RuntimeException re) {
          throw re;
        }
        throw new IllegalStateException(c.getMessage(), c);
      }
    }
  }

  /**
   * The row of {@code p}: from results.csv when it has one (reused), else run now and appended;
   * null when the sweep is stopping and the point did not run.
   */
  public Map<String, String> row(SweepPoint p) {
    ResolvedPoint r = resolver.resolve(p);
    Map<String, String> have = results.row(r.hash());
    if (have != null) {
      // a row from an earlier invocation is reused (and counted); one this invocation made is
      // just looked up again (NSGA-II draws the same point more than once)
      if (seen.add(r.hash())) {
        reused.incrementAndGet();
        progress.step(bestMessage());
      }
      return have;
    }
    if (stopping) {
      return null;
    }
    // two threads asking for one point at once (NSGA-II's offspring, a repeated draw): one runs it,
    // the other waits for its row instead of running it a second time
    java.util.concurrent.CompletableFuture<Map<String, String>> mine =
        new java.util.concurrent.CompletableFuture<>();
    java.util.concurrent.CompletableFuture<Map<String, String>> running =
        inFlight.putIfAbsent(r.hash(), mine);
    if (running != null) {
      return running.join();
    }
    try {
      Map<String, String> row = run(p, r);
      mine.complete(row);
      return row;
    } catch (RuntimeException | Error e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      inFlight.remove(r.hash());
    }
  }

  private Map<String, String> run(SweepPoint p, ResolvedPoint r) {
    PointResult result;
    if (!r.valid()) {
      result = PointResult.invalid(p, r.hash(), r.error(), 0);
    } else {
      try {
        result = executor.run(p);
      } catch (Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        result =
            PointResult.failed(
                p, r.hash(), executor.name() + " executor: " + m.replace('\n', ' '), 0);
      }
    }
    seen.add(result.hash());
    results.append(result);
    appendTiming(result);
    ran.incrementAndGet();
    Map<String, String> row = results.row(result.hash());
    if (row == null) {
      // an invalid point before any run has given the metric columns: held until then
      row = new LinkedHashMap<>();
      row.put("point_id", p.id());
      row.put("config_hash", result.hash());
      row.put("status", result.status().label());
      row.putAll(p.knobs());
      row.put(ResultsFile.REASON, result.reason());
    } else {
      noteBest(row);
    }
    progress.step(bestMessage());
    return row;
  }

  private synchronized void appendTiming(PointResult r) {
    try {
      boolean header = !Files.exists(timings);
      // a folder begun before simulation_s was recorded keeps its six columns
      boolean sixColumns = false;
      if (!header) {
        ResultsFile.repairTail(timings);
        try (var lines = Files.lines(timings, StandardCharsets.UTF_8)) {
          sixColumns = lines.findFirst().map(h -> !h.endsWith(",simulation_s")).orElse(false);
        }
      }
      String line =
          (header ? TIMINGS_HEADER + "\n" : "")
              + String.format(
                  Locale.ROOT,
                  "%s,%s,%s,%s,%.3f,%.3f",
                  r.hash(),
                  r.point().id(),
                  executor.name(),
                  r.status().label(),
                  r.generationS(),
                  r.totalS())
              + (sixColumns ? "" : String.format(Locale.ROOT, ",%.3f", r.simulationS()))
              + "\n";
      Files.writeString(
          timings,
          line,
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to " + timings + ": " + e.getMessage(), e);
    }
  }

  private synchronized void noteBest(Map<String, String> row) {
    if (!"ok".equals(row.get("status"))) {
      return;
    }
    List<String> columns = new ArrayList<>(row.keySet());
    for (Objective o : objectives) {
      String c = o.column(columns);
      if (c == null) {
        continue;
      }
      double cost = o.cost(row, c);
      if (Double.isNaN(cost)) {
        continue;
      }
      Double b = best.get(o.name());
      if (b == null || cost < b) {
        best.put(o.name(), cost);
        bestText.put(o.name(), withUnit(row.get(c), c));
      }
    }
  }

  private synchronized String bestMessage() {
    StringBuilder s = new StringBuilder("best:");
    bestText.forEach((k, v) -> s.append(' ').append(k).append(' ').append(shorten(v)));
    return s.toString();
  }

  /** A value of a pJ or ns column with its SI prefix ({@code 20.26 µJ}); others as they are. */
  static String withUnit(String v, String column) {
    try {
      double x = Double.parseDouble(v);
      if (column.contains("_pj")) {
        return Numbers.energy(x, false);
      }
      if (column.contains("_ns")) {
        return Numbers.time(x, false);
      }
    } catch (NumberFormatException e) {
      // not a number: shown as it is
    }
    return v;
  }

  private static String shorten(String v) {
    int sp = v.indexOf(' ');
    String num = sp < 0 ? v : v.substring(0, sp);
    try {
      return String.format(Locale.ROOT, "%.4g", Double.parseDouble(num))
          + (sp < 0 ? "" : v.substring(sp));
    } catch (NumberFormatException e) {
      return v;
    }
  }

  /** Waits for the points in flight and releases the threads and the executor. */
  @Override
  public void close() {
    pool.shutdown();
    try {
      pool.awaitTermination(1, TimeUnit.DAYS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    results.close();
    executor.close();
  }

  /** For tests and callers that want to see each result: wraps an executor. */
  public static PointExecutor observed(PointExecutor e, Consumer<SweepPoint> onRun) {
    return new PointExecutor() {
      @Override
      public String name() {
        return e.name();
      }

      @Override
      public int parallelism() {
        return e.parallelism();
      }

      @Override
      public PointResult run(SweepPoint point) throws Exception {
        onRun.accept(point);
        return e.run(point);
      }

      @Override
      public void close() {
        e.close();
      }
    };
  }
}
