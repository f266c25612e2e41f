package dev.spinsim.devices.preset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spinsim.core.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PresetInheritanceTest {
  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  @Test
  void aTwoLinePresetInheritsEverythingElseFromItsBase() throws IOException {
    Path f = write("six-bit.yaml", "base: paper\nadc: {bits: 6}\n");
    Preset mine = Presets.load(f.toString());
    Preset paper = Presets.load("paper");
    assertEquals(6, mine.adc().bits());
    assertEquals("six-bit", mine.name());
    assertEquals(paper.adc().columnsPerAdc(), mine.adc().columnsPerAdc());
    assertEquals(paper.crossbar(), mine.crossbar());
    assertEquals(paper.activation(), mine.activation());
  }

  @Test
  void inheritanceGoesSeveralLevelsDeepAndTheNearestValueWins() throws IOException {
    write("a.yaml", "base: paper\nname: a\nadc: {bits: 6, columnsPerAdc: 4}\n");
    write("b.yaml", "base: a.yaml\nadc: {bits: 5}\ncrossbar: {rows: 64}\n");
    Path c = write("c.yaml", "base: b.yaml\nname: c\ncrossbar: {synapse: {variationSigma: 0.1}}\n");
    Preset p = Presets.load(c.toString());
    assertEquals("c", p.name());
    assertEquals(5, p.adc().bits());
    assertEquals(4, p.adc().columnsPerAdc());
    assertEquals(64, p.crossbar().rows());
    assertEquals(128, p.crossbar().cols());
    assertEquals(0.1, p.crossbar().synapse().variationSigma());
    assertEquals("skyrmion-6b", p.crossbar().synapse().device());
    assertEquals(
        List.of(
            "paper.yaml",
            dir.resolve("a.yaml").toString(),
            dir.resolve("b.yaml").toString(),
            c.toString()),
        Presets.resolve(c.toString()).chain().stream().map(Presets.Source::name).toList());
  }

  @Test
  void aCycleInBaseIsRefusedInOneLine() throws IOException {
    write("x.yaml", "base: y.yaml\n");
    Path y = write("y.yaml", "base: x.yaml\n");
    ConfigException e = assertThrows(ConfigException.class, () -> Presets.load(y.toString()));
    assertTrue(e.getMessage().contains("base: inheritance cycle"), e.getMessage());
    assertTrue(
        e.getMessage().contains("y.yaml -> ") && e.getMessage().contains("x.yaml"), e.getMessage());
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
    Path self = write("self.yaml", "base: self.yaml\n");
    assertThrows(ConfigException.class, () -> Presets.load(self.toString()));
  }

  @Test
  void anUnknownBaseIsRefusedNamingTheFileAndKey() throws IOException {
    Path f = write("bad.yaml", "base: papr\n");
    ConfigException e = assertThrows(ConfigException.class, () -> Presets.load(f.toString()));
    assertTrue(e.getMessage().startsWith(f + ": base: unknown preset 'papr'"), e.getMessage());
    assertFalse(e.getMessage().contains("\n"));
  }

  @Test
  void aPresetWithoutBaseMustGiveEveryKey() throws IOException {
    String paper = Presets.shippedText("paper");
    String without = paper.replaceAll("(?m)^  columnsPerAdc:.*\\n", "");
    assertTrue(without.length() < paper.length());
    Path f = write("mine.yaml", without.replace("name: paper", "name: mine"));
    ConfigException e = assertThrows(ConfigException.class, () -> Presets.load(f.toString()));
    assertTrue(e.getMessage().startsWith(f + ": adc.columnsPerAdc: missing key"), e.getMessage());
    // the complete file loads
    Path g = write("pinned.yaml", paper.replace("name: paper", "name: pinned"));
    assertEquals("pinned", Presets.load(g.toString()).name());
  }

  @Test
  void theBaseOfAPresetIsFoundBesideIt() throws IOException {
    Path sub = Files.createDirectory(dir.resolve("sub"));
    Files.writeString(sub.resolve("root.yaml"), "base: isaac\nname: root\n");
    Path leaf = Files.writeString(sub.resolve("leaf.yaml"), "base: root.yaml\nadc: {bits: 6}\n");
    Preset p = Presets.load(leaf.toString());
    assertEquals(6, p.adc().bits());
    assertEquals(Presets.load("isaac").crossbar(), p.crossbar());
  }

  @Test
  void overridesApplyAfterInheritance() throws IOException {
    Path f = write("six-bit.yaml", "base: paper\nadc: {bits: 6}\n");
    assertEquals(4, Presets.load(f.toString(), List.of("adc.bits=4")).adc().bits());
  }
}
