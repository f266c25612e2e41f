package dev.spinsim.network.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The category of every image of the emoji set, read from its {@code emoji.json} (emoji-datasource:
 * each entry has an {@code image} file name, a {@code category} and optional {@code
 * skin_variations}, whose images take their parent's category).
 */
public final class EmojiCategories {
  /** The file name of the emoji-datasource index. */
  public static final String FILE = "emoji.json";

  private final Path source;
  private final Map<String, String> categoryByImage;

  private EmojiCategories(Path source, Map<String, String> categoryByImage) {
    this.source = source;
    this.categoryByImage = categoryByImage;
  }

  /** Reads {@code file}; a missing or malformed file is refused in one line naming it. */
  public static EmojiCategories read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(
          file
              + ": emoji index not found (expected the emoji-datasource "
              + FILE
              + ", e.g. package/emoji.json from `npm pack emoji-datasource-google@16.0.0`)");
    }
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(file.toFile());
    } catch (IOException e) {
      throw new IllegalArgumentException(
          file + ": not valid JSON: " + e.getMessage().lines().findFirst().orElse(""), e);
    }
    if (root == null || !root.isArray()) {
      throw new IllegalArgumentException(file + ": expected a JSON array of emoji entries");
    }
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < root.size(); i++) {
      JsonNode e = root.get(i);
      String image = text(file, e, i, "image");
      String category = text(file, e, i, "category");
      map.put(image, category);
      JsonNode skins = e.get("skin_variations");
      if (skins != null && skins.isObject()) {
        for (Iterator<JsonNode> it = skins.elements(); it.hasNext(); ) {
          JsonNode v = it.next();
          if (v.hasNonNull("image")) {
            map.put(v.get("image").asText(), category);
          }
        }
      }
    }
    return new EmojiCategories(file, map);
  }

  private static String text(Path file, JsonNode entry, int index, String key) {
    if (entry == null || !entry.hasNonNull(key) || !entry.get(key).isTextual()) {
      throw new IllegalArgumentException(file + ": [" + index + "]." + key + ": expected a string");
    }
    return entry.get(key).asText();
  }

  /**
   * {@code emoji.json} for an image folder: the folder itself, or up to three levels above it (the
   * package layout is {@code package/img/google/64/} under {@code package/emoji.json}).
   */
  public static Path locate(Path imageDir) {
    Path p = imageDir.toAbsolutePath().normalize();
    for (int up = 0; up <= 3 && p != null; up++, p = p.getParent()) {
      if (Files.isRegularFile(p.resolve(FILE))) {
        return p.resolve(FILE);
      }
    }
    throw new IllegalArgumentException(
        imageDir + ": no " + FILE + " in it or up to three folders above it; pass --labels FILE");
  }

  /** The label of each file name in {@code names}: the index of its category in {@code classes}. */
  public int[] labels(List<String> names, List<String> classes) {
    int[] out = new int[names.size()];
    for (int i = 0; i < out.length; i++) {
      String category = categoryByImage.get(names.get(i));
      if (category == null) {
        throw new IllegalArgumentException(source + ": no entry for image " + names.get(i));
      }
      int label = classes.indexOf(category);
      if (label < 0) {
        throw new IllegalArgumentException(
            source
                + ": image "
                + names.get(i)
                + " has category '"
                + category
                + "', expected one of "
                + classes);
      }
      out[i] = label;
    }
    return out;
  }

  /** How many images the index names. */
  public int size() {
    return categoryByImage.size();
  }
}
