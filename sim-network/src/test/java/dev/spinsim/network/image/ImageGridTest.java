package dev.spinsim.network.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.spinsim.network.tensor.Tensor;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class ImageGridTest {
  @Test
  void mapsMinusOneToBlackAndOneToWhiteInAGrid() {
    Tensor t = Tensor.zeros(3, 1, 2, 2);
    t.fill(-1f);
    t.set(1f, 1, 0, 0, 0);
    BufferedImage img = ImageGrid.render(t, 2, 1);
    assertEquals(2 + 2 * (2 + 2), img.getWidth());
    assertEquals(2 + 2 * (2 + 2), img.getHeight());
    assertEquals(0x000000, img.getRGB(2, 2) & 0xffffff);
    assertEquals(0xffffff, img.getRGB(2 + 4, 2) & 0xffffff);
  }
}
