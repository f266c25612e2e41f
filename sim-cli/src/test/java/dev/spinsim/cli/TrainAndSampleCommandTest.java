package dev.spinsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spinsim.network.data.FashionMnist;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainAndSampleCommandTest {
  @TempDir Path dir;

  @Test
  void helpExitsZero() {
    assertEquals(0, Main.execute("train", "--help"));
    assertEquals(0, Main.execute("sample", "--help"));
  }

  @Test
  void missingDatasetFailsWithExitTwo() {
    assertEquals(
        2,
        Main.execute(
            "train",
            "--data",
            dir.resolve("none").toString(),
            "--out",
            dir.resolve("o").toString()));
  }

  @Test
  void unknownModelFailsWithExitTwo() {
    assertEquals(
        2, Main.execute("sample", "--model", "nope", "--out", dir.resolve("s.png").toString()));
  }

  @Test
  void nonPositiveSampleCountFails() {
    assertEquals(2, Main.execute("sample", "--n", "0", "--out", dir.resolve("s.png").toString()));
  }

  @Test
  void trainsOneSmallEpochThenSamplesFromItsGenerator() throws Exception {
    Assumptions.assumeTrue(
        Files.isDirectory(FashionMnist.DEFAULT_DIR), "dataset-fashion-mnist not installed");
    Path out = dir.resolve("run");
    assertEquals(
        0,
        Main.execute(
            "train",
            "--model",
            "fmnist",
            "--epochs",
            "1",
            "--batch",
            "32",
            "--limit",
            "64",
            "--out",
            out.toString()));
    assertTrue(Files.size(out.resolve("generator.safetensors")) > 100_000);
    assertTrue(Files.exists(out.resolve("samples-epoch-001.png")));
    Path png = dir.resolve("grid.png");
    assertEquals(
        0,
        Main.execute(
            "sample",
            "--weights",
            out.resolve("generator.safetensors").toString(),
            "--n",
            "4",
            "--out",
            png.toString()));
    assertTrue(Files.size(png) > 0);
  }
}
