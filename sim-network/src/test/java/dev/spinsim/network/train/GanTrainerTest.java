package dev.spinsim.network.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spinsim.network.hwaware.HardwareAwareness;
import dev.spinsim.network.model.ModelLoader;
import dev.spinsim.network.model.ModelSpec;
import dev.spinsim.network.tensor.Tensor;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GanTrainerTest {
  @TempDir Path dir;

  static final ModelSpec TINY =
      ModelLoader.parse(
          "tiny.yaml",
          new ByteArrayInputStream(
              """
      name: tiny
      latent: 8
      image: {channels: 1, height: 8, width: 8}
      generator:
        - {type: ConvTranspose2d, in: 8, out: 16, kernel: 4, stride: 1, padding: 0, bias: false}
        - {type: BatchNorm2d, features: 16}
        - {type: ReLU}
        - {type: ConvTranspose2d, in: 16, out: 1, kernel: 4, stride: 2, padding: 1}
        - {type: Tanh}
      discriminator:
        - {type: Conv2d, in: 1, out: 16, kernel: 4, stride: 2, padding: 1}
        - {type: LeakyReLU, alpha: 0.2}
        - {type: Conv2d, in: 16, out: 32, kernel: 4, stride: 2, padding: 1, bias: false}
        - {type: BatchNorm2d, features: 32}
        - {type: LeakyReLU, alpha: 0.2}
        - {type: Conv2d, in: 32, out: 1, kernel: 2, stride: 1, padding: 0}
        - {type: Sigmoid}
      """
                  .getBytes(StandardCharsets.UTF_8)));

  /** 96 images of bright squares at random places: something learnable. */
  static Tensor data() {
    SplittableRandom rng = new SplittableRandom(3);
    Tensor t = Tensor.zeros(96, 1, 8, 8);
    t.fill(-1f);
    for (int i = 0; i < 96; i++) {
      int y = rng.nextInt(5), x = rng.nextInt(5);
      for (int dy = 0; dy < 3; dy++) {
        for (int dx = 0; dx < 3; dx++) {
          t.set(1f, i, 0, y + dy, x + dx);
        }
      }
    }
    return t;
  }

  private TrainConfig config(Path out, int epochs, boolean resume, HardwareAwareness hw) {
    return TrainConfig.dcgan(
        TINY, epochs, 16, 42, hw, hw.isFloat() ? "float" : "paper", out, resume);
  }

  @Test
  void sameSeedGivesByteIdenticalCheckpoints() throws Exception {
    new GanTrainer(config(dir.resolve("a"), 2, false, HardwareAwareness.NONE))
        .train(data(), TrainingListener.NONE);
    new GanTrainer(config(dir.resolve("b"), 2, false, HardwareAwareness.NONE))
        .train(data(), TrainingListener.NONE);
    for (String f :
        new String[] {
          GanTrainer.GENERATOR_FILE,
          GanTrainer.DISCRIMINATOR_FILE,
          GanTrainer.OPTIMIZER_FILE,
          "samples-epoch-002.png"
        }) {
      assertArrayEquals(
          Files.readAllBytes(dir.resolve("a").resolve(f)),
          Files.readAllBytes(dir.resolve("b").resolve(f)),
          f);
    }
  }

  @Test
  void resumingAfterOneEpochEqualsTrainingStraightThrough() throws Exception {
    new GanTrainer(config(dir.resolve("straight"), 2, false, HardwareAwareness.NONE))
        .train(data(), TrainingListener.NONE);
    new GanTrainer(config(dir.resolve("split"), 1, false, HardwareAwareness.NONE))
        .train(data(), TrainingListener.NONE);
    GanTrainer resumed =
        new GanTrainer(config(dir.resolve("split"), 2, true, HardwareAwareness.NONE));
    assertEquals(1, resumed.completedEpochs());
    resumed.train(data(), TrainingListener.NONE);
    for (String f :
        new String[] {
          GanTrainer.GENERATOR_FILE, GanTrainer.DISCRIMINATOR_FILE, GanTrainer.OPTIMIZER_FILE
        }) {
      assertArrayEquals(
          Files.readAllBytes(dir.resolve("straight").resolve(f)),
          Files.readAllBytes(dir.resolve("split").resolve(f)),
          f);
    }
  }

  @Test
  void resumeWithoutCheckpointIsRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new GanTrainer(config(dir.resolve("none"), 1, true, HardwareAwareness.NONE)));
    assertTrue(e.getMessage().contains("no checkpoint"), e.getMessage());
  }

  @Test
  void trainingMovesTheDiscriminatorTowardsTellingRealFromFake() {
    GanTrainer t = new GanTrainer(config(dir.resolve("d"), 1, false, HardwareAwareness.NONE));
    Tensor real = data().slice(0, 16);
    Tensor z = Tensor.normal(new SplittableRandom(1), 0, 1, 16, 8, 1, 1);
    double[] first = t.step(real, z);
    double[] last = first;
    for (int i = 0; i < 30; i++) {
      last = t.step(real, z);
    }
    assertTrue(last[0] < first[0], "D loss should fall: " + first[0] + " -> " + last[0]);
  }

  @Test
  void hardwareAwareTrainingWritesFloatWeightsAndRuns() throws Exception {
    Path out = dir.resolve("hw");
    new GanTrainer(config(out, 1, false, HardwareAwareness.builtIn(64, 4)))
        .train(data(), TrainingListener.NONE);
    assertTrue(Files.size(out.resolve(GanTrainer.GENERATOR_FILE)) > 0);
    assertFalse(Files.readString(out.resolve("train-log.csv")).isEmpty());
  }

  @Test
  void labelSmoothingChangesTheRealTargetAndHoldsDxLower() {
    Tensor real = data().slice(0, 16);
    Tensor z = Tensor.normal(new SplittableRandom(1), 0, 1, 16, 8, 1, 1);
    GanTrainer plain =
        new GanTrainer(config(dir.resolve("plain"), 1, false, HardwareAwareness.NONE));
    GanTrainer smoothed =
        new GanTrainer(
            config(dir.resolve("smooth"), 1, false, HardwareAwareness.NONE).withRealLabel(0.9));
    double[] hard = plain.step(real, z), smooth = smoothed.step(real, z);
    // Same weights and inputs: the same D(x), but a different loss against target 0.9 than against
    // 1.
    assertEquals(hard[2], smooth[2]);
    assertTrue(Math.abs(hard[0] - smooth[0]) > 1e-3, hard[0] + " vs " + smooth[0]);
    for (int i = 0; i < 60; i++) {
      hard = plain.step(real, z);
      smooth = smoothed.step(real, z);
    }
    assertTrue(
        smooth[2] < hard[2],
        "mean D(x) " + smooth[2] + " with smoothing vs " + hard[2] + " without");
  }

  @Test
  void aRealLabelOutsideItsRangeIsRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> config(dir.resolve("x"), 1, false, HardwareAwareness.NONE).withRealLabel(0.4));
    assertTrue(e.getMessage().contains("--real-label must be in (0.5, 1]"), e.getMessage());
  }
}
