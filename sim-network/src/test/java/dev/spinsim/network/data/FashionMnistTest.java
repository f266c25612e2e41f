package dev.spinsim.network.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spinsim.network.tensor.Tensor;
import java.io.DataOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FashionMnistTest {
  @TempDir Path dir;

  @Test
  void readsAHandMadeGzippedIdxFileScaledToMinusOneOne() throws Exception {
    Path f = dir.resolve(FashionMnist.TRAIN_IMAGES);
    try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(f));
        DataOutputStream d = new DataOutputStream(o)) {
      d.writeInt(0x803);
      d.writeInt(3);
      d.writeInt(2);
      d.writeInt(2);
      d.write(new byte[] {0, (byte) 255, (byte) 128, 0, 1, 2, 3, 4, 5, 6, 7, 8});
    }
    Tensor t = FashionMnist.trainImages(dir, 2);
    assertArrayEquals(new int[] {2, 1, 2, 2}, t.shape());
    assertEquals(-1f, t.data()[0]);
    assertEquals(1f, t.data()[1]);
    assertEquals(128 / 127.5f - 1f, t.data()[2]);
  }

  @Test
  void missingDatasetSaysHowToInstallIt() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> FashionMnist.trainImages(dir.resolve("none"), 0));
    assertTrue(
        e.getMessage().contains("apt-get install dataset-fashion-mnist")
            && !e.getMessage().contains("\n"),
        e.getMessage());
  }

  @Test
  void wrongMagicIsRefused() throws Exception {
    Path f = dir.resolve(FashionMnist.TRAIN_IMAGES);
    try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(f));
        DataOutputStream d = new DataOutputStream(o)) {
      d.writeInt(0x801);
      d.writeInt(1);
    }
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> FashionMnist.trainImages(dir, 0));
    assertTrue(e.getMessage().contains("not an IDX3 image file"), e.getMessage());
  }

  @Test
  void installedDatasetHasSixtyThousandTrainingImagesOf28x28() {
    Assumptions.assumeTrue(
        Files.isDirectory(FashionMnist.DEFAULT_DIR), "dataset-fashion-mnist not installed");
    Tensor t = FashionMnist.trainImages(FashionMnist.DEFAULT_DIR, 200);
    assertArrayEquals(new int[] {200, 1, 28, 28}, t.shape());
    double mean = 0;
    for (float v : t.data()) {
      mean += v;
    }
    mean /= t.size();
    assertTrue(mean > -0.8 && mean < -0.2, "Fashion-MNIST is mostly dark background, mean " + mean);
  }
}
