package dev.spinsim.network.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelLoaderTest {
  @TempDir Path dir;

  private static ModelSpec parse(String yaml) {
    return ModelLoader.parse("m.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
  }

  private static final String TINY = """
      name: tiny
      latent: 4
      image: {channels: 1, height: 4, width: 4}
      generator:
        - {type: ConvTranspose2d, in: 4, out: 2, kernel: 2, stride: 1, padding: 0, bias: false}
        - {type: BatchNorm2d, features: 2}
        - {type: ReLU}
        - {type: ConvTranspose2d, in: 2, out: 1, kernel: 4, stride: 2, padding: 1}
        - {type: Tanh}
      discriminator:
        - {type: Conv2d, in: 1, out: 2, kernel: 4, stride: 2, padding: 1}
        - {type: LeakyReLU, alpha: 0.2}
        - {type: Linear, in: 8, out: 1}
        - {type: Sigmoid}
      """;

  @Test
  void fmnistGeneratorHasTheIssuesLayersAndShapes() {
    ModelSpec m = ModelLoader.load("fmnist");
    NetworkSpec g = m.generator();
    assertEquals(8, g.size());
    assertEquals(new LayerSpec.ConvTranspose2d(100, 128, 7, 1, 0, 0, false), g.layers().get(0));
    assertEquals(new Shape(128, 7, 7), g.outputOf(0));
    assertEquals(new Shape(64, 14, 14), g.outputOf(3));
    assertEquals(new Shape(1, 28, 28), g.output());
    assertInstanceOf(LayerSpec.Tanh.class, g.layers().get(7));
  }

  @Test
  void fmnistDiscriminatorEndsInOneProbability() {
    NetworkSpec d = ModelLoader.load("fmnist").discriminator();
    assertEquals(new Shape(64, 14, 14), d.outputOf(0));
    assertEquals(new Shape(128, 7, 7), d.outputOf(2));
    assertEquals(new LayerSpec.LeakyReLU(0.2), d.layers().get(4));
    assertEquals(new Shape(1, 1, 1), d.output());
  }

  @Test
  void dcgan64MatchesThePyTorchTutorialParameterNames() {
    ModelSpec m = ModelLoader.load("dcgan64");
    Network g = new Network(m.generator());
    Network d = new Network(m.discriminator());
    assertEquals(List.of("main.0.weight", "main.1.weight", "main.1.bias", "main.1.running_mean", "main.1.running_var"),
        g.stateDict().keySet().stream().limit(5).toList());
    assertEquals(new Shape(3, 64, 64), m.generator().output());
    assertEquals(new Shape(512, 4, 4), d.spec().outputOf(10));
    assertEquals(3_576_704, g.parameters().stream().mapToInt(p -> p.value().size()).sum()); // PyTorch tutorial netG
    assertEquals(2_765_568, d.parameters().stream().mapToInt(p -> p.value().size()).sum()); // PyTorch tutorial netD
  }

  @Test
  void loadsAModelFromAFilePath() throws Exception {
    Path f = dir.resolve("tiny.yaml");
    Files.writeString(f, TINY);
    ModelSpec m = ModelLoader.load(f.toString());
    assertEquals("tiny", m.name());
    assertEquals(new Shape(1, 1, 1), m.discriminator().output());
  }

  @Test
  void shapeMismatchNamesTheLayer() {
    String bad = TINY.replace("{type: ConvTranspose2d, in: 2, out: 1", "{type: ConvTranspose2d, in: 3, out: 1");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse(bad));
    assertEquals("m.yaml: generator layer 3 (main.3, ConvTranspose2d): expects 3 input channels but receives 2 (input 2x2x2)", e.getMessage());
  }

  @Test
  void unknownLayerTypeIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse(TINY.replace("type: Tanh", "type: Softmax")));
    assertTrue(e.getMessage().startsWith("m.yaml: generator[4] (main.4): unknown layer type 'Softmax'"), e.getMessage());
  }

  @Test
  void unknownKeyIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse(TINY.replace("padding: 0, bias", "pad: 0, bias")));
    assertTrue(e.getMessage().contains("unknown key 'pad'"), e.getMessage());
  }

  @Test
  void malformedYamlIsOneLine() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse("name: [unclosed\n  - x: {"));
    assertTrue(e.getMessage().startsWith("m.yaml: malformed YAML") && !e.getMessage().contains("\n"), e.getMessage());
  }

  @Test
  void discriminatorNotEndingInOneValueIsRefused() {
    String bad = TINY.replace("{type: Linear, in: 8, out: 1}", "{type: Linear, in: 8, out: 2}");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse(bad));
    assertTrue(e.getMessage().contains("discriminator must end in 1x1x1"), e.getMessage());
  }

  @Test
  void unknownModelNameSaysWhatIsShipped() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelLoader.load("mnist64"));
    assertEquals("unknown model 'mnist64': expected one of [fmnist, dcgan64] or a YAML file path", e.getMessage());
  }
}
