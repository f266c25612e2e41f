package dev.spinsim.network.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.spinsim.core.trace.TraceSink;
import dev.spinsim.devices.preset.PresetDevices;
import dev.spinsim.devices.preset.Presets;
import dev.spinsim.network.chip.ChipBuilder;
import dev.spinsim.network.generation.Generation;
import dev.spinsim.network.generation.GenerationSetup;
import dev.spinsim.network.mapping.BiasMode;
import dev.spinsim.network.mapping.DenseMapping;
import dev.spinsim.network.mapping.LayerMapping;
import dev.spinsim.network.mapping.MappingStrategy;
import dev.spinsim.network.mapping.PartialSums;
import dev.spinsim.network.mapping.SubPixelMapping;
import dev.spinsim.network.model.ModelLoader;
import dev.spinsim.network.model.ModelSpec;
import dev.spinsim.network.model.Network;
import dev.spinsim.network.tensor.Tensor;
import dev.spinsim.network.weights.ShippedWeights;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped generators (fmnist, dcgan64) on the {@code ideal} chip: the sub-pixel strategy gives
 * the images of the dense strategy, of the float reference forward pass and — when {@code
 * /usr/bin/python3} with torch is there — of PyTorch's ConvTranspose2d, within 1e-5.
 */
class SubPixelShippedModelsTest {
  private static final double TOLERANCE = 1e-5;
  private static final Map<String, float[]> SUB_PIXEL_IMAGES = new HashMap<>();

  /** Images of a model's shipped generator on the ideal chip (fmnist: 2, cycle-accurate). */
  private static synchronized float[] images(String model, MappingStrategy strategy) {
    boolean cached = strategy instanceof SubPixelMapping;
    if (cached && SUB_PIXEL_IMAGES.containsKey(model)) {
      return SUB_PIXEL_IMAGES.get(model);
    }
    ModelSpec spec = ModelLoader.load(model);
    Network g = new Network(spec.generator());
    ShippedWeights.load(g, model, null);
    PresetDevices d = PresetDevices.of(Presets.load("ideal"));
    GenerationSetup s =
        new GenerationSetup(
            spec,
            g,
            null,
            d,
            strategy,
            ChipBuilder.optionsFor(d.preset(), BiasMode.DIGITAL, PartialSums.DIGITAL, Map.of()),
            5);
    boolean small = model.equals("fmnist");
    float[] out =
        Generation.run(
                s,
                small ? 2 : 1,
                small ? RunMode.CYCLE_ACCURATE : RunMode.FUNCTIONAL,
                TraceSink.off(),
                i -> {})
            .images();
    if (cached) {
      SUB_PIXEL_IMAGES.put(model, out);
    }
    return out;
  }

  private static int imageCount(String model) {
    return model.equals("fmnist") ? 2 : 1;
  }

  private static double maxDiff(float[] a, float[] b) {
    assertEquals(a.length, b.length);
    double m = 0;
    for (int i = 0; i < a.length; i++) {
      m = Math.max(m, Math.abs(a[i] - b[i]));
    }
    return m;
  }

  private static void equalsDenseAndFloat(String model) {
    ModelSpec spec = ModelLoader.load(model);
    int n = imageCount(model);
    float[] sub = images(model, new SubPixelMapping());
    float[] dense = images(model, new DenseMapping());
    Network g = new Network(spec.generator());
    ShippedWeights.load(g, model, null);
    float[] z = Generation.latents(5, n, spec.latent());
    float[] reference = g.forward(Tensor.of(z, n, spec.latent(), 1, 1), false).data();
    double vsDense = maxDiff(sub, dense);
    double vsFloat = maxDiff(sub, reference);
    assertTrue(vsDense <= TOLERANCE, model + ": sub-pixel vs dense " + vsDense);
    assertTrue(vsFloat <= TOLERANCE, model + ": sub-pixel vs float reference " + vsFloat);
  }

  @Test
  void fmnistSubPixelImagesEqualDenseAndTheFloatReference() {
    equalsDenseAndFloat("fmnist");
  }

  @Test
  void dcgan64SubPixelImagesEqualDenseAndTheFloatReference() {
    equalsDenseAndFloat("dcgan64");
  }

  @Test
  void noGeneratorMacIsSpentOnAnInsertedZero() {
    for (String model : List.of("fmnist", "dcgan64")) {
      ModelSpec spec = ModelLoader.load(model);
      var opts =
          ChipBuilder.optionsFor(
              Presets.load("paper"), BiasMode.DIGITAL, PartialSums.DIGITAL, Map.of());
      long dense = 0;
      long sub = 0;
      for (var l : dev.spinsim.network.chip.NetworkPlanner.matrixLayers("G", spec.generator())) {
        LayerMapping s = new SubPixelMapping().map(l.layer(), l.geometry(), opts);
        LayerMapping d = new DenseMapping().map(l.layer(), l.geometry(), opts);
        assertEquals(0, s.insertedZeroMacs(), model + " " + l.layer());
        if (l.geometry().stride() > 1) {
          assertTrue(d.insertedZeroMacs() > 0, model + " " + l.layer());
        }
        if (l.geometry().inHeight() == 1) {
          // the 1x1-input layer: one dense matrix, not a single zero
          assertEquals(0, s.zeroMacs(), model + " " + l.layer());
          assertTrue(d.zeroFraction() > 0.9, model + " " + l.layer());
        }
        dense += d.macsPerformed();
        sub += s.macsPerformed();
        // the useful work is the same
        assertEquals(d.macsPerformed() - d.zeroMacs(), s.macsPerformed() - s.zeroMacs());
      }
      assertTrue(sub * 3 < dense, model + ": " + sub + " vs " + dense);
    }
  }

  /** {@code /usr/bin/python3} when it can import torch, else null. */
  private static Path torchPython() throws InterruptedException {
    Path py = Path.of("/usr/bin/python3");
    if (!Files.isExecutable(py)) {
      return null;
    }
    try {
      Process p =
          new ProcessBuilder(py.toString(), "-c", "import torch, numpy, yaml")
              .redirectErrorStream(true)
              .start();
      p.getInputStream().readAllBytes();
      return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0 ? py : null;
    } catch (IOException e) {
      return null;
    }
  }

  private static Path copyResource(String res, Path dir, String name) throws IOException {
    Path out = dir.resolve(name);
    try (InputStream in = SubPixelShippedModelsTest.class.getResourceAsStream(res)) {
      Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
    }
    return out;
  }

  @Test
  void fmnistAndDcgan64SubPixelImagesEqualPyTorch(@TempDir Path dir) throws Exception {
    Path py = torchPython();
    assumeTrue(
        py != null,
        "skipped: /usr/bin/python3 with torch, numpy and yaml is not available;"
            + " the pure-Java comparison against the float reference still runs");
    List<String> models = List.of("fmnist", "dcgan64");
    List<String> cmd =
        new java.util.ArrayList<>(
            List.of(
                py.toString(),
                copyResource("torch_generator.py", dir, "torch_generator.py").toString()));
    for (String model : models) {
      ModelSpec spec = ModelLoader.load(model);
      int n = imageCount(model);
      float[] z = Generation.latents(5, n, spec.latent());
      Path latents = dir.resolve(model + "-latents.f32");
      ByteBuffer buf = ByteBuffer.allocate(4 * z.length).order(ByteOrder.LITTLE_ENDIAN);
      buf.asFloatBuffer().put(z);
      Files.write(latents, buf.array());
      cmd.addAll(
          List.of(
              copyResource("/dev/spinsim/network/models/" + model + ".yaml", dir, model + ".yaml")
                  .toString(),
              copyResource(ShippedWeights.resource(model, "generator"), dir, model + ".safetensors")
                  .toString(),
              latents.toString(),
              Integer.toString(n),
              dir.resolve(model + "-images.f32").toString()));
    }
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String log = new String(p.getInputStream().readAllBytes());
    assertTrue(p.waitFor(300, TimeUnit.SECONDS), "PyTorch reference timed out");
    assertEquals(0, p.exitValue(), "PyTorch reference failed: " + log);
    for (String model : models) {
      ByteBuffer in =
          ByteBuffer.wrap(Files.readAllBytes(dir.resolve(model + "-images.f32")))
              .order(ByteOrder.LITTLE_ENDIAN);
      float[] torch = new float[in.remaining() / 4];
      in.asFloatBuffer().get(torch);
      double d = maxDiff(images(model, new SubPixelMapping()), torch);
      assertTrue(d <= TOLERANCE, model + ": sub-pixel chip vs PyTorch " + d);
    }
  }
}
