package dev.spinsim.benchmarks;

import dev.spinsim.network.hwaware.HardwareAwareness;
import dev.spinsim.network.model.ModelLoader;
import dev.spinsim.network.model.ModelSpec;
import dev.spinsim.network.model.Network;
import dev.spinsim.network.tensor.Tensor;
import dev.spinsim.network.train.GanTrainer;
import dev.spinsim.network.train.TrainConfig;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One fmnist DCGAN training iteration (batch 64: D on real and fake, G through D, both Adam steps)
 * and one eval-mode generator forward pass of 64 images. Training images/s = 64 / time; an epoch is
 * 937 iterations.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(
    value = 1,
    jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class NetworkTrainingBenchmark {
  private GanTrainer trainer;
  private GanTrainer hwTrainer;
  private Network generator;
  private Tensor real;
  private Tensor z;

  @Setup
  public void setup() {
    ModelSpec m = ModelLoader.load("fmnist");
    Path out = Path.of(System.getProperty("java.io.tmpdir"), "spinsim-bench");
    trainer =
        new GanTrainer(TrainConfig.dcgan(m, 1, 64, 1, HardwareAwareness.NONE, "float", out, false));
    hwTrainer =
        new GanTrainer(
            TrainConfig.dcgan(m, 1, 64, 1, HardwareAwareness.builtIn(64, 4), "paper", out, false));
    generator = trainer.generator();
    SplittableRandom rng = new SplittableRandom(2);
    real = Tensor.normal(rng, 0, 0.5, 64, 1, 28, 28);
    z = Tensor.normal(rng, 0, 1, 64, 100, 1, 1);
  }

  @Benchmark
  public double[] trainStepBatch64() {
    return trainer.step(real, z);
  }

  @Benchmark
  public double[] hardwareAwareTrainStepBatch64() {
    return hwTrainer.step(real, z);
  }

  @Benchmark
  public Tensor generatorForwardBatch64() {
    return generator.forward(z, false);
  }
}
