package dev.spinsim.network.weights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spinsim.network.hwaware.HardwareAwareness;
import dev.spinsim.network.model.LayerSpec;
import dev.spinsim.network.model.ModelLoader;
import dev.spinsim.network.model.ModelSpec;
import dev.spinsim.network.model.NetworkSpec;
import dev.spinsim.network.tensor.Tensor;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every weights file that cannot feed its layers is refused when it is read, in one line naming the
 * file, the tensor and what is wrong (the nan-weights case and its kind); PyTorch's own layouts (no
 * biases, DataParallel names, a legitimately infinite variance) load.
 */
class WeightsValidationTest {
  @TempDir Path dir;

  private static final ModelSpec FMNIST = ModelLoader.load("fmnist");

  private static Map<String, Tensor> shipped(String role) {
    SafeTensors.Contents c = SafeTensors.readResource(ShippedWeights.resource("fmnist", role));
    Map<String, Tensor> copy = new LinkedHashMap<>();
    c.tensors().forEach((k, v) -> copy.put(k, Tensor.of(v.data().clone(), v.shape())));
    return copy;
  }

  private Path write(String name, Map<String, Tensor> tensors) {
    Path p = dir.resolve(name);
    SafeTensors.write(p, tensors, Map.of());
    return p;
  }

  private Path corrupt(String name, String tensor, int index, float value) {
    Map<String, Tensor> g = shipped("generator");
    g.get(tensor).data()[index] = value;
    return write(name, g);
  }

  private static ShippedWeights.Loaded build(NetworkSpec spec, Path file) {
    return ShippedWeights.build(spec, HardwareAwareness.NONE, "fmnist", ShippedWeights.FLOAT, file);
  }

  private static String refusal(NetworkSpec spec, Path file) {
    String m = assertThrows(IllegalArgumentException.class, () -> build(spec, file)).getMessage();
    assertFalse(m.contains("\n"), m);
    assertTrue(m.startsWith(file + ": tensor '") || m.startsWith(file + ": missing tensor '"), m);
    return m;
  }

  @Test
  void theCasesNanWeightIsRefusedNamingFileTensorAndElement() {
    // nan-weights case: one NaN at main.3.weight[5, 7, 1, 2] (PyTorch then gives NaN images)
    int flat = ((5 * 64 + 7) * 4 + 1) * 4 + 2;
    Path f = corrupt("g_nan.safetensors", "main.3.weight", flat, Float.NaN);
    assertEquals(
        f
            + ": tensor 'main.3.weight' ([128, 64, 4, 4] of generator[3] (ConvTranspose2d)) holds NaN"
            + " at [5, 7, 1, 2] (1 bad value of 131072); a non-finite parameter makes every output NaN (a corrupt"
            + " checkpoint or a diverged training run?)",
        refusal(FMNIST.generator(), f));
  }

  @Test
  void everyNonFiniteParameterKindIsRefused() {
    for (String t :
        List.of(
            "main.0.weight",
            "main.1.weight",
            "main.1.bias",
            "main.1.running_mean",
            "main.6.bias")) {
      for (float bad : new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}) {
        Path f = corrupt("bad.safetensors", t, 0, bad);
        String m = refusal(FMNIST.generator(), f);
        assertTrue(m.contains("'" + t + "'") && m.contains("holds " + bad), m);
      }
    }
  }

  @Test
  void aNegativeOrNanRunningVarianceIsRefusedButInfinityIsAccepted() {
    for (float bad : new float[] {-1e-3f, Float.NaN, Float.NEGATIVE_INFINITY}) {
      String m =
          refusal(FMNIST.generator(), corrupt("v.safetensors", "main.4.running_var", 3, bad));
      assertTrue(
          m.contains("'main.4.running_var'")
              && m.contains("at [3]")
              && m.contains("a running variance must be >= 0"),
          m);
    }
    // the case's control row: +inf is a variance PyTorch accepts; that channel outputs its BN shift
    Path f = corrupt("inf.safetensors", "main.4.running_var", 3, Float.POSITIVE_INFINITY);
    var net = build(FMNIST.generator(), f).network();
    Tensor x = Tensor.normal(new java.util.SplittableRandom(1), 0, 1, 1, 64, 14, 14);
    Tensor y = net.forwardLayer(4, x);
    float shift = net.stateDict().get("main.4.bias").data()[3];
    for (int i = 0; i < 14 * 14; i++) {
      assertEquals(shift, y.data()[3 * 196 + i], 0f);
    }
  }

  @Test
  void anIntegerTensorIsRefusedForAWeight() {
    // through a real file: an I64 tensor where a weight belongs
    java.nio.ByteBuffer data =
        java.nio.ByteBuffer.allocate(8).order(java.nio.ByteOrder.LITTLE_ENDIAN).putLong(3);
    String h = "{\"main.0.weight\":{\"dtype\":\"I64\",\"shape\":[1],\"data_offsets\":[0,8]}}";
    byte[] file = new byte[8 + h.length() + 8];
    java.nio.ByteBuffer.wrap(file)
        .order(java.nio.ByteOrder.LITTLE_ENDIAN)
        .putLong(h.length())
        .put(h.getBytes())
        .put(data.array());
    Path p = dir.resolve("i64.safetensors");
    try {
      java.nio.file.Files.write(p, file);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
    String m =
        assertThrows(IllegalArgumentException.class, () -> build(FMNIST.generator(), p))
            .getMessage();
    assertEquals(
        p
            + ": tensor 'main.0.weight' is stored as I64 but a weight must be floating point"
            + " (F32, F16, BF16 or F64)",
        m);
  }

  @Test
  void aPyTorchStyleGeneratorWithoutBiasesLoadsWithTheShippedModel() {
    // the report: every ConvTranspose2d with bias=False was refused for 'main.6.bias'
    Map<String, Tensor> g = shipped("generator");
    g.remove("main.6.bias");
    g.put("main.1.num_batches_tracked", Tensor.zeros(1));
    ShippedWeights.Loaded l = build(FMNIST.generator(), write("nobias.safetensors", g));
    assertEquals(Map.of("main.6", false), l.biasesFromFile());
    assertEquals(
        new LayerSpec.ConvTranspose2d(64, 1, 4, 2, 1, 0, false),
        l.network().spec().layers().get(6));
    assertFalse(l.network().stateDict().containsKey("main.6.bias"));
    assertEquals(1, l.notes().size());
    assertTrue(
        l.notes().get(0).contains("main.6") && l.notes().get(0).contains("no bias"),
        l.notes().get(0));
    assertTrue(ShippedWeights.fits(FMNIST.generator(), write("nobias2.safetensors", g)));
  }

  @Test
  void aGenuinelyMissingTensorSaysWhichModelKeyToChange() {
    NetworkSpec strict = ModelLoader.load("fmnist", List.of("generator[6].bias=true")).generator();
    Map<String, Tensor> g = shipped("generator");
    g.remove("main.6.bias");
    Path f = write("nobias.safetensors", g);
    assertEquals(
        f
            + ": missing tensor 'main.6.bias' of shape [1] for generator[6] (ConvTranspose2d); the file has"
            + " no bias for this layer: set 'bias: false' on generator[6] in the model (or --set"
            + " model.generator[6].bias=false), or leave 'bias' out to take it from the weights file",
        refusal(strict, f));
  }

  @Test
  void aTensorTheModelDoesNotUseIsRefusedNotIgnored() {
    Map<String, Tensor> g = shipped("generator");
    g.put("main.3.bias", Tensor.zeros(64));
    Path f = write("extra.safetensors", g);
    String m =
        assertThrows(IllegalArgumentException.class, () -> build(FMNIST.generator(), f))
            .getMessage();
    assertEquals(
        f
            + ": tensor 'main.3.bias' is not used by the generator; generator[3] (ConvTranspose2d) has"
            + " 'bias: false' in the model: set it to true (or --set model.generator[3].bias=true), or leave 'bias'"
            + " out to take it from the weights file",
        m);
    Map<String, Tensor> d = shipped("discriminator");
    String wrong =
        assertThrows(
                IllegalArgumentException.class,
                () -> build(FMNIST.generator(), write("d.safetensors", d)))
            .getMessage();
    assertTrue(wrong.startsWith(dir.resolve("d.safetensors") + ": "), wrong);
  }

  @Test
  void aDataParallelCheckpointLoadsWithoutItsModulePrefix() {
    Map<String, Tensor> g = new LinkedHashMap<>();
    shipped("generator").forEach((k, v) -> g.put("module." + k, v));
    ShippedWeights.Loaded l = build(FMNIST.generator(), write("dp.safetensors", g));
    assertEquals(
        shipped("generator").get("main.3.weight").data()[17],
        l.network().stateDict().get("main.3.weight").data()[17]);
    assertTrue(l.notes().get(0).contains("nn.DataParallel"), l.notes().toString());
  }
}
