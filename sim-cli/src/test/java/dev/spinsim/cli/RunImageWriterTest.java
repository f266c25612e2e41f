package dev.spinsim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spinsim.cli.output.NpyArray;
import dev.spinsim.cli.output.NpyReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunImageWriterTest {
  @TempDir Path dir;

  @Test
  void everyImageIsWrittenAsItComesAndOnlyTheFirstOnesAreKept() throws IOException {
    int n = RunImageWriter.PREVIEW + 44;
    RunImageWriter w = new RunImageWriter(dir, n, 1, 2, 2, 3, true);
    try (w) {
      for (int i = 0; i < n; i++) {
        float v = (i % 200) / 100f - 1f;
        w.accept(
            i,
            new float[] {v, v, v, v},
            new float[] {v, v, v, 0},
            new float[] {i, i, i},
            i / (double) n);
      }
    }
    NpyArray images = NpyReader.read(dir.resolve("images.npy"));
    assertArrayEquals(new int[] {n, 1, 2, 2}, images.shape());
    assertEquals((299 % 200) / 100f - 1f, images.data()[299 * 4]);
    assertArrayEquals(new int[] {n, 3}, NpyReader.read(dir.resolve("latents.npy")).shape());
    try (Stream<Path> pngs = Files.list(dir.resolve("images"))) {
      assertEquals(n, pngs.count());
    }
    assertTrue(Files.exists(dir.resolve("images/299.png")));
    assertEquals(RunImageWriter.PREVIEW, w.preview().count());
    assertEquals(RunImageWriter.PREVIEW * 3, w.previewLatents().length);
    assertEquals(n, w.scores().length);
    assertEquals(n, w.quality().images());
    assertEquals(Math.abs((299 % 200) / 100f - 1f) / 2, w.quality().rmse(299), 1e-6);
  }

  @Test
  void imagesOutOfOrderAreRefused() throws IOException {
    try (RunImageWriter w = new RunImageWriter(dir, 3, 1, 1, 1, 1, false)) {
      assertThrows(
          IllegalStateException.class, () -> w.accept(1, new float[1], null, new float[1], 0));
    }
  }

  @Test
  void outOfMemoryBecomesOneLineWithTheHeapAdvice() {
    String line = ErrorHandler.outOfMemory(256L << 20);
    assertTrue(line.startsWith("spinsim: error: out of memory"), line);
    assertTrue(line.contains("256 MiB") && line.contains("SPINSIM_JAVA_OPTS=-Xmx1024m"), line);
    assertTrue(!line.contains("\n"));
  }
}
