package dev.spinsim.network.weights;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spinsim.network.model.ModelLoader;
import dev.spinsim.network.model.Network;
import dev.spinsim.network.tensor.Tensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeTensorsTest {
  @TempDir Path dir;

  /** A file built by hand exactly as the format describes it. */
  private static byte[] handBuilt(String header, byte[] data) {
    byte[] h = header.getBytes(StandardCharsets.UTF_8);
    ByteBuffer b = ByteBuffer.allocate(8 + h.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
    b.putLong(h.length).put(h).put(data);
    return b.array();
  }

  private static byte[] floats(float... v) {
    ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
    for (float f : v) {
      b.putFloat(f);
    }
    return b.array();
  }

  @Test
  void readsHandBuiltF32File() {
    byte[] file =
        handBuilt(
            "{\"__metadata__\":{\"format\":\"pt\"},\"a\":{\"dtype\":\"F32\",\"shape\":[2,2],\"data_offsets\":[0,16]},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[16,20]}}",
            floats(1, 2, 3, 4, -5));
    SafeTensors.Contents c = SafeTensors.parse("t.safetensors", file);
    assertArrayEquals(new float[] {1, 2, 3, 4}, c.tensors().get("a").data());
    assertArrayEquals(new int[] {2, 2}, c.tensors().get("a").shape());
    assertEquals(-5f, c.tensors().get("b").data()[0]);
    assertEquals("pt", c.metadata().get("format"));
  }

  @Test
  void readsF16Values() {
    ByteBuffer b = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
    b.putShort((short) 0x3C00)
        .putShort((short) 0xC000)
        .putShort((short) 0x3555)
        .putShort((short) 0x0001);
    byte[] file =
        handBuilt("{\"h\":{\"dtype\":\"F16\",\"shape\":[4],\"data_offsets\":[0,8]}}", b.array());
    float[] v = SafeTensors.parse("h.safetensors", file).tensors().get("h").data();
    assertEquals(1f, v[0]);
    assertEquals(-2f, v[1]);
    assertEquals(0.33325195f, v[2], 1e-7);
    assertEquals(5.9604645e-8f, v[3], 1e-12);
  }

  @Test
  void writeThenReadRoundTripsEveryValueAndTheMetadata() {
    Map<String, Tensor> t = new LinkedHashMap<>();
    t.put("main.0.weight", Tensor.normal(new SplittableRandom(1), 0, 1, 3, 2, 4, 4));
    t.put("main.1.bias", Tensor.normal(new SplittableRandom(2), 0, 1, 2));
    Path f = dir.resolve("x.safetensors");
    SafeTensors.write(f, t, Map.of("model", "fmnist"));
    SafeTensors.Contents c = SafeTensors.read(f);
    assertEquals(t.keySet(), c.tensors().keySet());
    for (String k : t.keySet()) {
      assertArrayEquals(t.get(k).data(), c.tensors().get(k).data());
      assertArrayEquals(t.get(k).shape(), c.tensors().get(k).shape());
    }
    assertEquals("fmnist", c.metadata().get("model"));
  }

  @Test
  void headerIsPaddedToEightBytes() {
    byte[] b = SafeTensors.encode(Map.of("x", Tensor.zeros(3)), Map.of());
    long n = ByteBuffer.wrap(b, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
    assertEquals(0, n % 8);
    assertEquals(8 + n + 12, b.length);
  }

  @Test
  void truncatedFileIsRefusedNamingTheTensor() throws Exception {
    byte[] full = SafeTensors.encode(Map.of("main.0.weight", Tensor.zeros(4, 4)), Map.of());
    Path f = dir.resolve("cut.safetensors");
    Files.write(f, Arrays.copyOf(full, full.length - 10));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SafeTensors.read(f));
    assertTrue(
        e.getMessage().contains("cut.safetensors")
            && e.getMessage().contains("'main.0.weight' (F32 [4, 4])"),
        e.getMessage());
  }

  @Test
  void fileShorterThanTheHeaderLengthIsRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> SafeTensors.parse("tiny.safetensors", new byte[] {1, 2, 3}));
    assertTrue(e.getMessage().startsWith("tiny.safetensors: "), e.getMessage());
  }

  @Test
  void corruptJsonHeaderIsRefused() {
    byte[] file = handBuilt("{\"a\":{\"dtype\":\"F32\",", new byte[0]);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> SafeTensors.parse("bad.safetensors", file));
    assertTrue(
        e.getMessage().contains("bad.safetensors") && e.getMessage().contains("header"),
        e.getMessage());
  }

  @Test
  void sizeDisagreeingWithShapeIsRefusedWithTheShape() {
    byte[] file =
        handBuilt("{\"a\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,8]}}", floats(1, 2));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> SafeTensors.parse("s.safetensors", file));
    assertTrue(e.getMessage().contains("'a'") && e.getMessage().contains("[3]"), e.getMessage());
    assertTrue(!e.getMessage().contains("\n"));
  }

  @Test
  void wrongShapeForTheModelIsRefusedNamingTensorAndExpectedShape() {
    Network g = new Network(ModelLoader.load("fmnist").generator());
    Map<String, Tensor> sd = new LinkedHashMap<>(g.stateDict());
    sd.put(
        "main.3.weight",
        Tensor.zeros(
            64, 128, 4, 4)); // PyTorch ConvTranspose2d is [in, out, k, k] = [128, 64, 4, 4]
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> g.loadStateDict(sd, "g.safetensors"));
    assertEquals(
        "g.safetensors: tensor 'main.3.weight' has shape [64, 128, 4, 4] but generator[3] (ConvTranspose2d)"
            + " expects [128, 64, 4, 4]; the model's layer does not match the file (check its in/out/kernel keys)",
        e.getMessage());
  }

  @Test
  void missingTensorIsRefusedNamingIt() {
    Network d = new Network(ModelLoader.load("fmnist").discriminator());
    Map<String, Tensor> sd = new LinkedHashMap<>(d.stateDict());
    sd.remove("main.3.running_var");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> d.loadStateDict(sd, "d.safetensors"));
    assertTrue(
        e.getMessage().contains("'main.3.running_var'") && e.getMessage().contains("[128]"),
        e.getMessage());
  }

  @Test
  void overlappingTensorsAreRefused() {
    byte[] file =
        handBuilt(
            "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}",
            floats(1, 2));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> SafeTensors.parse("o.safetensors", file));
    assertTrue(
        e.getMessage().startsWith("o.safetensors: ") && e.getMessage().contains("overlaps"),
        e.getMessage());
  }

  @Test
  void aHoleInTheDataSectionIsRefused() {
    byte[] file =
        handBuilt("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}", floats(1, 2));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> SafeTensors.parse("h.safetensors", file));
    assertTrue(e.getMessage().contains("'a'") && e.getMessage().contains("hole"), e.getMessage());
  }

  @Test
  void duplicateTensorNamesAreRefused() {
    byte[] file =
        handBuilt(
            "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},"
                + "\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}",
            floats(1, 2));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> SafeTensors.parse("d.safetensors", file));
    assertTrue(
        e.getMessage().contains("d.safetensors") && e.getMessage().contains("'a'"), e.getMessage());
  }

  @Test
  void readsF64ValuesAsFloatKeepingTheDtype() {
    java.nio.ByteBuffer b =
        java.nio.ByteBuffer.allocate(16).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    b.putDouble(0.5).putDouble(-3.25);
    SafeTensors.Contents c =
        SafeTensors.parse(
            "f.safetensors",
            handBuilt(
                "{\"a\":{\"dtype\":\"F64\",\"shape\":[2],\"data_offsets\":[0,16]}}", b.array()));
    assertArrayEquals(new float[] {0.5f, -3.25f}, c.tensors().get("a").data());
    assertEquals("F64", c.dtypes().get("a"));
  }
}
