package dev.spinsim.benchmarks;

import dev.spinsim.devices.crossbar.Crossbar;
import dev.spinsim.devices.crossbar.ReadoutChain;
import dev.spinsim.devices.preset.PresetDevices;
import dev.spinsim.devices.preset.Presets;
import dev.spinsim.network.tensor.Gemm;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One read of a 128 × 128 crossbar (128 rows × 128 physical columns) through its readout chain,
 * ideal and with non-idealities, against {@link #floatMvmBaseline}, a Vector API float
 * matrix–vector product of 128 × 128. Every method reports logical (weight) MACs per second via
 * {@code @OperationsPerInvocation}: 128 × 64 for the differential array, 128 × 127 for the offset
 * array, 128 × 128 for the baseline.
 *
 * <p>Batched: {@link #batchedNonIdealRead} reads 64 input vectors through the `paper` chain (keyed
 * noise, fused ADC) against {@link #batchedFloatGemm}, the project's blocked Vector-API GEMM
 * (single thread) of the same shape — 64 × 128 inputs times 128 × 64 weights — both in weight MACs
 * per second; {@link #batchedNonIdealReadRowByRow} is the same read with the array's subset sums
 * off (one multiply-add per driven row and cycle), the read before them.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class CrossbarBenchmark {
  private static final int N = 128;
  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

  private ReadoutChain idealDifferential;
  private ReadoutChain idealOffset;
  private ReadoutChain nonIdeal;
  private ReadoutChain nonIdealScalar;
  private ReadoutChain nonIdealRows;
  private double[] input;
  private double[] out;
  private float[] baselineMatrix;
  private float[] baselineInput;
  private float[] baselineOut;
  private static final int BATCH = 64;
  private double[] batchInput;
  private double[] batchOut;
  private long[] batchKeys;
  private float[] gemmA;
  private float[] gemmB;
  private float[] gemmC;

  @Setup
  public void setup() {
    SplittableRandom r = new SplittableRandom(42);
    input = new double[N];
    for (int i = 0; i < N; i++) {
      input[i] = r.nextDouble();
    }
    out = new double[N];
    idealDifferential = chain("ideal", List.of(), r, true);
    idealOffset = chain("ideal", List.of("crossbar.weightMapping=offset"), r, true);
    // the paper corner: 64-state skyrmions with variation, read noise, stuck cells, write errors,
    // IR drop on; 8-bit inputs through 1-bit DACs (8 cycles), 8-bit ADCs clipping at 1/4 range
    List<String> nonIdealSet = List.of("crossbar.irDrop=true");
    nonIdeal = chain("paper", nonIdealSet, r, true);
    nonIdealScalar = chain("paper", nonIdealSet, r, false);
    nonIdealRows = chain("paper", nonIdealSet, r, true);
    nonIdealRows.crossbar().setSubsetSums(false);
    baselineMatrix = new float[N * N];
    for (int i = 0; i < baselineMatrix.length; i++) {
      baselineMatrix[i] = (float) r.nextDouble(-1, 1);
    }
    baselineInput = new float[N];
    for (int i = 0; i < N; i++) {
      baselineInput[i] = (float) input[i];
    }
    baselineOut = new float[N];
    batchInput = new double[BATCH * N];
    gemmA = new float[BATCH * N];
    for (int i = 0; i < batchInput.length; i++) {
      batchInput[i] = r.nextDouble();
      gemmA[i] = (float) batchInput[i];
    }
    batchOut = new double[BATCH * 64];
    batchKeys = new long[BATCH];
    for (int b = 0; b < BATCH; b++) {
      batchKeys[b] = r.nextLong();
    }
    gemmB = new float[N * 64];
    for (int i = 0; i < gemmB.length; i++) {
      gemmB[i] = (float) r.nextDouble(-1, 1);
    }
    gemmC = new float[BATCH * 64];
  }

  private static ReadoutChain chain(
      String preset, List<String> set, SplittableRandom r, boolean vector) {
    PresetDevices d = PresetDevices.of(Presets.load(preset, set));
    Crossbar xb = d.crossbar(7);
    xb.setVectorised(vector);
    int cols = xb.weightCapacity();
    double[] w = new double[N * cols];
    for (int i = 0; i < w.length; i++) {
      w[i] = r.nextDouble(-1, 1);
    }
    xb.program(w, N, cols);
    return d.readoutChain(xb);
  }

  @Benchmark
  @OperationsPerInvocation(N * 64)
  public double[] idealRead() {
    idealDifferential.read(input, out);
    return out;
  }

  @Benchmark
  @OperationsPerInvocation(N * 127)
  public double[] idealReadOffsetMapping() {
    idealOffset.read(input, out);
    return out;
  }

  @Benchmark
  @OperationsPerInvocation(N * 64)
  public double[] nonIdealRead() {
    nonIdeal.read(input, out);
    return out;
  }

  @Benchmark
  @OperationsPerInvocation(N * 64)
  public double[] nonIdealReadScalar() {
    nonIdealScalar.read(input, out);
    return out;
  }

  /** 64 input vectors through the non-ideal `paper` read (differential: 64 weight columns). */
  @Benchmark
  @OperationsPerInvocation(BATCH * N * 64)
  public double[] batchedNonIdealRead() {
    batchKeys[0]++; // a new noise realisation each time
    nonIdeal.readBatch(batchInput, BATCH, batchOut, batchKeys);
    return batchOut;
  }

  /**
   * As {@link #batchedNonIdealRead} with the 1-bit cycles read row by row (one multiply-add per
   * driven row) instead of through the array's subset sums: the read path before them.
   */
  @Benchmark
  @OperationsPerInvocation(BATCH * N * 64)
  public double[] batchedNonIdealReadRowByRow() {
    batchKeys[0]++;
    nonIdealRows.readBatch(batchInput, BATCH, batchOut, batchKeys);
    return batchOut;
  }

  /** C[64×64] = A[64×128]·B[128×64], the blocked Vector-API GEMM on one thread. */
  @Benchmark
  @OperationsPerInvocation(BATCH * N * 64)
  public float[] batchedFloatGemm() {
    Gemm.multiply(
        BATCH,
        64,
        N,
        gemmA,
        0,
        N,
        1,
        gemmB,
        0,
        64,
        gemmC,
        0,
        64,
        false,
        Gemm.vectorEnabled(),
        false);
    return gemmC;
  }

  /** y = xᵀ·W for a 128 × 128 float matrix, register-blocked Vector API FMAs. */
  @Benchmark
  @OperationsPerInvocation(N * N)
  public float[] floatMvmBaseline() {
    float[] m = baselineMatrix;
    float[] x = baselineInput;
    float[] y = baselineOut;
    int l = S.length();
    for (int j = 0; j < N; j += 4 * l) {
      FloatVector a0 = FloatVector.zero(S);
      FloatVector a1 = FloatVector.zero(S);
      FloatVector a2 = FloatVector.zero(S);
      FloatVector a3 = FloatVector.zero(S);
      for (int i = 0; i < N; i++) {
        FloatVector xv = FloatVector.broadcast(S, x[i]);
        int off = i * N + j;
        a0 = xv.fma(FloatVector.fromArray(S, m, off), a0);
        a1 = xv.fma(FloatVector.fromArray(S, m, off + l), a1);
        a2 = xv.fma(FloatVector.fromArray(S, m, off + 2 * l), a2);
        a3 = xv.fma(FloatVector.fromArray(S, m, off + 3 * l), a3);
      }
      a0.intoArray(y, j);
      a1.intoArray(y, j + l);
      a2.intoArray(y, j + 2 * l);
      a3.intoArray(y, j + 3 * l);
    }
    return y;
  }
}
