package dev.spinsim.cli.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ImagePngTest {
  /** Images of the kinds a run writes, and some it does not (noise, odd sizes, a sub-image). */
  private static java.util.List<BufferedImage> samples() {
    java.util.SplittableRandom rng = new java.util.SplittableRandom(7);
    java.util.List<BufferedImage> out = new java.util.ArrayList<>();
    for (int[] size : new int[][] {{1, 1}, {28, 28}, {300, 200}, {960, 420}, {37, 5}}) {
      BufferedImage noise = new BufferedImage(size[0], size[1], BufferedImage.TYPE_INT_RGB);
      BufferedImage gray = new BufferedImage(size[0], size[1], BufferedImage.TYPE_BYTE_GRAY);
      for (int y = 0; y < size[1]; y++) {
        for (int x = 0; x < size[0]; x++) {
          noise.setRGB(x, y, rng.nextInt(1 << 24));
          gray.getRaster().setSample(x, y, 0, (x * 7 + y * 3 + rng.nextInt(4)) & 0xFF);
        }
      }
      out.add(noise);
      out.add(gray);
    }
    BufferedImage drawn = new BufferedImage(640, 300, BufferedImage.TYPE_INT_RGB);
    java.awt.Graphics2D g = drawn.createGraphics();
    g.setRenderingHint(
        java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(java.awt.Color.WHITE);
    g.fillRect(0, 0, 640, 300);
    g.setColor(new java.awt.Color(0x4E79A7));
    g.fillRect(40, 60, 120, 200);
    g.drawString("energy per image (pJ) 42%", 200, 100);
    g.dispose();
    out.add(drawn);
    out.add(drawn.getSubimage(10, 20, 100, 50));
    out.add(new BufferedImage(30, 20, BufferedImage.TYPE_INT_ARGB));
    return out;
  }

  @Test
  void encodingGivesTheBytesOfTheJdksPngWriter() {
    for (BufferedImage image : samples()) {
      String what = image.getWidth() + "x" + image.getHeight() + " type " + image.getType();
      assertArrayEquals(ImagePng.encodeWithImageIo(image), ImagePng.encode(image), what);
    }
  }

  @Test
  void pixelValuesMapMinusOneToZeroAndOneTo255RoundedAndClamped() {
    assertEquals(0, ImagePng.toByte(-1f));
    assertEquals(255, ImagePng.toByte(1f));
    assertEquals(128, ImagePng.toByte(0f)); // 127.5 rounds up
    assertEquals(0, ImagePng.toByte(-3f));
    assertEquals(255, ImagePng.toByte(2f));
    assertEquals(64, ImagePng.toByte(-0.5f)); // 63.75 -> 64
  }

  @Test
  void grayscaleImageHoldsTheMappedValues() throws IOException {
    float[] data = {-1f, 0f, 1f, 0.5f, /* second image */ 1f, 1f, 1f, 1f};
    BufferedImage img = ImagePng.image(data, 0, 1, 2, 2);
    BufferedImage back = ImageIO.read(new ByteArrayInputStream(ImagePng.encode(img)));
    assertEquals(BufferedImage.TYPE_BYTE_GRAY, back.getType());
    assertEquals(0, back.getRaster().getSample(0, 0, 0));
    assertEquals(128, back.getRaster().getSample(1, 0, 0));
    assertEquals(255, back.getRaster().getSample(0, 1, 0));
    assertEquals(191, back.getRaster().getSample(1, 1, 0));
  }

  @Test
  void rgbImageTakesChannelsFromSeparatePlanes() throws IOException {
    // one 1x1 image: R plane 1, G plane -1, B plane 0
    BufferedImage img = ImagePng.image(new float[] {1f, -1f, 0f}, 0, 3, 1, 1);
    BufferedImage back = ImageIO.read(new ByteArrayInputStream(ImagePng.encode(img)));
    assertEquals(0xFF0080, back.getRGB(0, 0) & 0xFFFFFF);
  }

  @Test
  void gridOfSixteenSmallImagesIsFourByFourUpscaledFourTimesWithTwoPixelBorders() {
    BufferedImage grid = ImagePng.grid(new float[16 * 28 * 28], 16, 1, 28, 28);
    assertEquals(4 * 28 * 4 + 5 * 2, grid.getWidth());
    assertEquals(4 * 28 * 4 + 5 * 2, grid.getHeight());
  }

  @Test
  void gridOfTenRgb64ImagesIsFourColumnsThreeRowsUpscaledTwice() {
    BufferedImage grid = ImagePng.grid(new float[10 * 3 * 64 * 64], 10, 3, 64, 64);
    assertEquals(4 * 128 + 5 * 2, grid.getWidth());
    assertEquals(3 * 128 + 4 * 2, grid.getHeight());
  }

  @Test
  void gridCellsAreNearestNeighbourCopiesAndBordersAreGray() {
    float[] data = {1f, -1f, -1f, 1f}; // one 2x2 checkerboard
    BufferedImage grid = ImagePng.grid(data, 1, 1, 2, 2);
    assertEquals(2 * 4 + 2 * 2, grid.getWidth());
    assertEquals(128, grid.getRaster().getSample(0, 0, 0));
    assertEquals(255, grid.getRaster().getSample(2, 2, 0));
    assertEquals(255, grid.getRaster().getSample(5, 5, 0));
    assertEquals(0, grid.getRaster().getSample(6, 2, 0));
  }

  @Test
  void gridColumnsAreNearSquare() {
    assertEquals(1, ImagePng.gridColumns(1));
    assertEquals(2, ImagePng.gridColumns(2));
    assertEquals(3, ImagePng.gridColumns(9));
    assertEquals(4, ImagePng.gridColumns(10));
    assertEquals(8, ImagePng.gridColumns(64));
  }

  @Test
  void encodingIsDeterministic() {
    BufferedImage grid = ImagePng.grid(new float[4 * 3 * 8 * 8], 4, 3, 8, 8);
    assertArrayEquals(ImagePng.encode(grid), ImagePng.encode(grid));
  }

  @Test
  void twoChannelImagesAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> ImagePng.image(new float[8], 0, 2, 2, 2));
  }

  @Test
  void warmUpLeavesTheEncodingAsItWas() {
    float[] pixels = new float[3 * 5 * 4];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = (i % 7) / 3.5f - 1f;
    }
    byte[] grey = ImagePng.encode(ImagePng.image(pixels, 0, 1, 5, 4));
    byte[] colour = ImagePng.encode(ImagePng.image(pixels, 0, 3, 5, 4));
    ImagePng.warmUp();
    assertArrayEquals(grey, ImagePng.encode(ImagePng.image(pixels, 0, 1, 5, 4)));
    assertArrayEquals(colour, ImagePng.encode(ImagePng.image(pixels, 0, 3, 5, 4)));
  }
}
