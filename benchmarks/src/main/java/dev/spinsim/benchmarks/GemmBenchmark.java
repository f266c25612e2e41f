package dev.spinsim.benchmarks;

import dev.spinsim.network.tensor.Gemm;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The convolution hot loop: the GEMM of the fmnist discriminator's second layer for a batch of 64
 * (3136 patch rows × 1024 patch values × 128 filters), blocked Vector-API kernel (threaded and
 * single-threaded), its scalar fallback, and a naive triple loop, in one run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class GemmBenchmark {
  @Param({"3136x128x1024"})
  public String shape;

  private int m;
  private int n;
  private int k;
  private float[] a;
  private float[] b;
  private float[] c;

  @Setup
  public void setup() {
    String[] s = shape.split("x");
    m = Integer.parseInt(s[0]);
    n = Integer.parseInt(s[1]);
    k = Integer.parseInt(s[2]);
    SplittableRandom rng = new SplittableRandom(1);
    a = new float[m * k];
    b = new float[k * n];
    c = new float[m * n];
    for (int i = 0; i < a.length; i++) {
      a[i] = (float) rng.nextGaussian();
    }
    for (int i = 0; i < b.length; i++) {
      b[i] = (float) rng.nextGaussian();
    }
  }

  @Benchmark
  public float[] blockedVectorThreaded() {
    Gemm.multiply(m, n, k, a, 0, k, 1, b, 0, n, c, 0, n, false, true, true);
    return c;
  }

  @Benchmark
  public float[] blockedVectorOneThread() {
    Gemm.multiply(m, n, k, a, 0, k, 1, b, 0, n, c, 0, n, false, true, false);
    return c;
  }

  @Benchmark
  public float[] scalarFallbackOneThread() {
    Gemm.multiply(m, n, k, a, 0, k, 1, b, 0, n, c, 0, n, false, false, false);
    return c;
  }

  @Benchmark
  public float[] naiveTripleLoop() {
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        float s = 0;
        for (int p = 0; p < k; p++) {
          s += a[i * k + p] * b[p * n + j];
        }
        c[i * n + j] = s;
      }
    }
    return c;
  }
}
