package dev.spinsim.network.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spinsim.network.classifier.ClassifierArchitecture;
import dev.spinsim.network.classifier.EmojiFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmojiCategoriesTest {
  @TempDir Path dir;

  private static final List<String> CLASSES = ClassifierArchitecture.EMOJI.classNames();

  @Test
  void imagesAndTheirSkinVariationsGetTheEntrysCategory() throws Exception {
    Path images = EmojiFixture.write(dir, 4);
    EmojiCategories c = EmojiCategories.read(EmojiCategories.locate(images));
    assertEquals(4 + 4 + 2, c.size());
    assertArrayEquals(
        new int[] {9, 0, 0},
        c.labels(List.of("1f100.png", "1f600.png", "1f603-1f3fb.png"), CLASSES));
  }

  @Test
  void theIndexIsFoundUpToThreeFoldersAboveTheImages() throws Exception {
    Path images = EmojiFixture.write(dir, 1);
    assertEquals(
        dir.resolve("package/emoji.json").toAbsolutePath().normalize(),
        EmojiCategories.locate(images));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> EmojiCategories.locate(Files.createDirectories(dir.resolve("elsewhere"))));
    assertTrue(
        e.getMessage().contains("no emoji.json") && e.getMessage().contains("--labels"),
        e.getMessage());
  }

  @Test
  void anImageMissingFromTheIndexIsRefusedByName() throws Exception {
    EmojiCategories c = EmojiCategories.read(EmojiCategories.locate(EmojiFixture.write(dir, 1)));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> c.labels(List.of("zzz.png"), CLASSES));
    assertTrue(
        e.getMessage().contains("emoji.json") && e.getMessage().contains("zzz.png"),
        e.getMessage());
  }

  @Test
  void anUnknownCategoryIsRefusedWithTheExpectedOnes() throws Exception {
    Path f =
        Files.writeString(
            dir.resolve("emoji.json"), "[{\"image\":\"a.png\",\"category\":\"Robots\"}]");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> EmojiCategories.read(f).labels(List.of("a.png"), CLASSES));
    assertTrue(
        e.getMessage().contains("'Robots'") && e.getMessage().contains("Flags"), e.getMessage());
  }

  @Test
  void malformedIndexesAreRefusedInOneLineNamingTheFile() throws Exception {
    Path broken = Files.writeString(dir.resolve("broken.json"), "[{\"image\": ");
    Path notArray = Files.writeString(dir.resolve("object.json"), "{\"image\": \"a.png\"}");
    Path noCategory = Files.writeString(dir.resolve("nocat.json"), "[{\"image\": \"a.png\"}]");
    for (Path f : List.of(broken, notArray, noCategory, dir.resolve("missing.json"))) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> EmojiCategories.read(f));
      assertTrue(
          e.getMessage().startsWith(f.toString()) && !e.getMessage().contains("\n"),
          e.getMessage());
    }
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> EmojiCategories.read(noCategory))
            .getMessage()
            .contains("[0].category: expected a string"));
  }
}
