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
    return ModelLoader.parse(
        "m.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
  }

  private static final String TINY =
      """
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
    assertEquals(
        List.of(
            "main.0.weight",
            "main.1.weight",
            "main.1.bias",
            "main.1.running_mean",
            "main.1.running_var"),
        g.stateDict().keySet().stream().limit(5).toList());
    assertEquals(new Shape(3, 64, 64), m.generator().output());
    assertEquals(new Shape(512, 4, 4), d.spec().outputOf(10));
    assertEquals(
        3_576_704,
        g.parameters().stream().mapToInt(p -> p.value().size()).sum()); // PyTorch tutorial netG
    assertEquals(
        2_765_568,
        d.parameters().stream().mapToInt(p -> p.value().size()).sum()); // PyTorch tutorial netD
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
    String bad =
        TINY.replace(
            "{type: ConvTranspose2d, in: 2, out: 1", "{type: ConvTranspose2d, in: 3, out: 1");
    RuntimeException e = assertThrows(RuntimeException.class, () -> parse(bad));
    assertEquals(
        "m.yaml: generator[3] (main.3, ConvTranspose2d): expects 3 input channels but receives 2 (input 2x2x2)",
        e.getMessage());
  }

  @Test
  void unknownLayerTypeIsRefused() {
    RuntimeException e =
        assertThrows(
            RuntimeException.class, () -> parse(TINY.replace("type: Tanh", "type: Softmax")));
    assertEquals(
        "m.yaml: generator[4].type: unknown type 'Softmax', expected one of [Conv2d, ConvTranspose2d,"
            + " BatchNorm2d, Linear, ReLU, LeakyReLU, Tanh, Sigmoid]",
        e.getMessage());
  }

  @Test
  void unknownKeyIsRefused() {
    RuntimeException e =
        assertThrows(
            RuntimeException.class, () -> parse(TINY.replace("padding: 0, bias", "pad: 0, bias")));
    assertTrue(
        e.getMessage()
            .startsWith("m.yaml: generator[0].pad: unknown key, expected one of [bias, in,"),
        e.getMessage());
  }

  @Test
  void malformedYamlIsOneLine() {
    RuntimeException e =
        assertThrows(RuntimeException.class, () -> parse("name: [unclosed\n  - x: {"));
    assertTrue(
        e.getMessage().startsWith("m.yaml: line 2, column 6: malformed YAML")
            && !e.getMessage().contains("\n"),
        e.getMessage());
  }

  @Test
  void discriminatorNotEndingInOneValueIsRefused() {
    String bad = TINY.replace("{type: Linear, in: 8, out: 1}", "{type: Linear, in: 8, out: 2}");
    RuntimeException e = assertThrows(RuntimeException.class, () -> parse(bad));
    assertTrue(e.getMessage().contains("discriminator must end in 1x1x1"), e.getMessage());
  }

  @Test
  void anInvalidValueNamesItsKeyPathAsInAPreset() {
    RuntimeException e =
        assertThrows(
            RuntimeException.class,
            () ->
                parse(
                    TINY.replace(
                        "kernel: 4, stride: 2, padding: 1}", "kernel: 0, stride: 2, padding: 1}")));
    assertEquals("m.yaml: generator[3].kernel: must be a positive integer, got 0", e.getMessage());
  }

  @Test
  void aMissingRequiredKeyNamesItsKeyPath() {
    RuntimeException e =
        assertThrows(
            RuntimeException.class,
            () -> parse(TINY.replace("{type: Linear, in: 8, out: 1}", "{type: Linear, in: 8}")));
    assertEquals("m.yaml: discriminator[2].out: missing key, expected an integer", e.getMessage());
  }

  @Test
  void setOverridesReachALayerKey() {
    ModelSpec m =
        ModelLoader.parse(
            "m.yaml",
            new ByteArrayInputStream(TINY.getBytes(StandardCharsets.UTF_8)),
            List.of("generator[3].bias=false", "discriminator[1].alpha=0.1"));
    assertEquals(
        new LayerSpec.ConvTranspose2d(2, 1, 4, 2, 1, 0, false), m.generator().layers().get(3));
    assertEquals(new LayerSpec.LeakyReLU(0.1), m.discriminator().layers().get(1));
    RuntimeException e =
        assertThrows(
            RuntimeException.class,
            () ->
                ModelLoader.parse(
                    "m.yaml",
                    new ByteArrayInputStream(TINY.getBytes(StandardCharsets.UTF_8)),
                    List.of("generator[3].kernal=3")));
    assertTrue(
        e.getMessage().startsWith("--set generator[3].kernal=3: generator[3].kernal: unknown key"),
        e.getMessage());
  }

  @Test
  void aBiasLeftOutIsDecidedByTheWeightsAndIsPyTorchsDefaultWithout() {
    NetworkSpec g = parse(TINY).generator();
    assertEquals(List.of(3), g.openBiases());
    assertEquals(
        List.of(
            "main.0.weight",
            "main.1.weight",
            "main.1.bias",
            "main.1.running_mean",
            "main.1.running_var",
            "main.3.weight",
            "main.3.bias"),
        List.copyOf(new Network(g).stateDict().keySet()));
    NetworkSpec none = g.withBiases(name -> false);
    assertEquals(List.of(), none.openBiases());
    assertEquals(new LayerSpec.ConvTranspose2d(2, 1, 4, 2, 1, 0, false), none.layers().get(3));
  }

  @Test
  void unknownModelNameSaysWhatIsShipped() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ModelLoader.load("mnist64"));
    assertEquals(
        "unknown model 'mnist64': expected one of [fmnist, dcgan64] or a YAML file path",
        e.getMessage());
  }
}
