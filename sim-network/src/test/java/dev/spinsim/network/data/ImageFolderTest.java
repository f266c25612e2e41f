package dev.spinsim.network.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spinsim.network.tensor.Tensor;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderTest {
  @TempDir Path dir;

  private void png(String name, int argb) throws Exception {
    BufferedImage img = new BufferedImage(64, 64, BufferedImage.TYPE_INT_ARGB);
    for (int y = 0; y < 64; y++) {
      for (int x = 0; x < 64; x++) {
        img.setRGB(x, y, x < 32 ? argb : 0x00000000);
      }
    }
    ImageIO.write(img, "png", dir.resolve(name).toFile());
  }

  @Test
  void compositesAlphaOnWhiteInFileNameOrder() throws Exception {
    png("b.png", 0xFF0000FF); // opaque blue
    png("a.png", 0x80FF0000); // half-transparent red
    Tensor t = ImageFolder.load(dir, 64, 0);
    assertArrayEquals(new int[] {2, 3, 64, 64}, t.shape());
    // a.png first: red over white at alpha 128/255 -> R = 255, G = B = 255·(1 − 0.502)
    assertEquals(1f, t.get(0, 0, 0, 0), 1e-6);
    assertEquals(255 * (1 - 128 / 255.0) / 127.5 - 1, t.get(0, 1, 0, 0), 1e-5);
    // transparent right half is white
    assertEquals(1f, t.get(0, 1, 0, 40), 1e-6);
    // b.png opaque blue
    assertEquals(-1f, t.get(1, 0, 10, 10), 1e-6);
    assertEquals(1f, t.get(1, 2, 10, 10), 1e-6);
  }

  @Test
  void missingFolderGivesTheFetchCommand() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> ImageFolder.load(dir.resolve("nope"), 64, 0));
    assertTrue(e.getMessage().contains("npm pack emoji-datasource-google@16.0.0"), e.getMessage());
  }
}
