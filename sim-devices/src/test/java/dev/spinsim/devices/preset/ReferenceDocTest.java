package dev.spinsim.devices.preset;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every "REFERENCE" a shipped preset cites resolves to docs/REFERENCE.md, figures included. */
class ReferenceDocTest {
  private static final Path DOC = Path.of("..", "docs", "REFERENCE.md");
  private static final Pattern NUMBER =
      Pattern.compile("(?<![\\w.])\\d+(?:\\.\\d+)?(?![\\w.]*\\d)");

  @Test
  void everyFigureAPresetCitesIsInTheReference() throws IOException {
    String doc = Files.readString(DOC);
    for (String name : Presets.NAMES) {
      String text = Presets.shippedText(name);
      assertTrue(text.contains("docs/REFERENCE.md"), name + " must say where REFERENCE is");
      for (String line : text.split("\n")) {
        int at = line.indexOf("REFERENCE");
        int hash = line.indexOf('#');
        if (at < 0 || hash < 0 || at < hash || line.startsWith("#")) {
          continue;
        }
        Matcher m = NUMBER.matcher(line.substring(at));
        while (m.find()) {
          String figure = m.group();
          assertTrue(
              Pattern.compile("(?<![\\d.])" + Pattern.quote(figure) + "(?![\\d])")
                  .matcher(doc)
                  .find(),
              name
                  + ".yaml cites "
                  + figure
                  + " (\""
                  + line.strip()
                  + "\") but docs/REFERENCE.md does not give it");
        }
      }
    }
  }

  @Test
  void theReadmesLinkTheReferenceInsideTheRepository() throws IOException {
    for (Path readme : new Path[] {Path.of("..", "README.md"), Path.of("README.md")}) {
      String text = Files.readString(readme);
      assertTrue(!text.contains("shared/REFERENCE.md"), readme + " links outside the repository");
      if (text.contains("REFERENCE")) {
        assertTrue(text.contains("docs/REFERENCE.md"), readme.toString());
      }
    }
  }
}
