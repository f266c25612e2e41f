package dev.spinsim.benchmarks;

import dev.spinsim.network.run.RunMode;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * Speed figures in CPU time of the calling thread, for a shared machine: JMH's and {@code
 * benchmarks/speed.sh}'s wall-clock scores stretch with the load of other processes (at a load of
 * 10 on 2 cores a run gets a fraction of a core), the CPU time a computation takes much less so.
 *
 * <p>Usage:
 *
 * <ul>
 *   <li>{@code CpuTimeBenchmark crossbar [ROUNDS]}: {@link CrossbarBenchmark}'s batched reads (the
 *       `paper` read, with and without subset sums) and its batched float GEMM of the same shape,
 *       each run for one CPU second per round after a warm-up round; prints per round the weight
 *       MACs per CPU second of each, in G, and the read ÷ GEMM ratio.
 *   <li>{@code CpuTimeBenchmark generate MODEL PRESET IMAGES [ROUNDS]}: a functional generation run
 *       on one compute thread ({@code spinsim.threads=1}, set here), as {@link SpeedBenchmark} runs
 *       it, after a warm-up run of 64 images; prints per round the CPU milliseconds per image.
 * </ul>
 */
public final class CpuTimeBenchmark {
  private CpuTimeBenchmark() {}

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  public static void main(String[] args) {
    if (args.length >= 1 && args[0].equals("crossbar")) {
      crossbar(args.length > 1 ? Integer.parseInt(args[1]) : 3);
    } else if (args.length >= 4 && args[0].equals("generate")) {
      System.setProperty("spinsim.threads", "1"); // before the compute pool is made
      generate(args[1], args[2], Integer.parseInt(args[3]));
      int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 2;
      for (int r = 0; r < rounds; r++) {
        System.out.printf(
            Locale.ROOT,
            "cpu_ms_per_image %s %s %.2f%n",
            args[1],
            args[2],
            generate(args[1], args[2], Integer.parseInt(args[3])));
      }
    } else {
      System.err.println(
          "usage: CpuTimeBenchmark crossbar [ROUNDS] | generate MODEL PRESET IMAGES [ROUNDS]");
      System.exit(2);
    }
  }

  private static void crossbar(int rounds) {
    CrossbarBenchmark b = new CrossbarBenchmark();
    b.setup();
    double macs = 64.0 * 128 * 64;
    for (int r = 0; r <= rounds; r++) {
      double gemm = perCpuSecond(b::batchedFloatGemm) * macs / 1e9;
      double read = perCpuSecond(b::batchedNonIdealRead) * macs / 1e9;
      double rows = perCpuSecond(b::batchedNonIdealReadRowByRow) * macs / 1e9;
      if (r > 0) { // round 0 warms up
        System.out.printf(
            Locale.ROOT,
            "gemm_gmacs %.2f read_gmacs %.2f read_row_by_row_gmacs %.2f ratio %.4f"
                + " ratio_row_by_row %.4f%n",
            gemm,
            read,
            rows,
            read / gemm,
            rows / gemm);
      }
    }
  }

  /** Calls per CPU second of the calling thread over about one CPU second. */
  private static double perCpuSecond(Runnable call) {
    long c0 = THREADS.getCurrentThreadCpuTime();
    long calls = 0;
    long spent;
    do {
      call.run();
      calls++;
      spent = THREADS.getCurrentThreadCpuTime() - c0;
    } while (spent < 1_000_000_000L);
    return calls / (spent / 1e9);
  }

  private static dev.spinsim.network.generation.GenerationSetup setup;

  /** CPU milliseconds per image of one run (the warm-up run builds the setup). */
  private static double generate(String model, String preset, int images) {
    if (setup == null) {
      setup = SpeedBenchmark.setup(model, preset);
      SpeedBenchmark.run(setup, 64, RunMode.FUNCTIONAL);
    }
    long c0 = THREADS.getCurrentThreadCpuTime();
    SpeedBenchmark.run(setup, images, RunMode.FUNCTIONAL);
    return (THREADS.getCurrentThreadCpuTime() - c0) / 1e6 / images;
  }
}
