package dev.spinsim.network.weights;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spinsim.network.tensor.Tensor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The safetensors format (what PyTorch's {@code safetensors.torch.save_file} writes): an 8-byte
 * little-endian header length, a JSON header mapping each tensor name to dtype, shape and data
 * offsets, then the raw little-endian data. Writes F32; reads F32, F16, BF16, F64 and I64 (as
 * float, the stored dtype kept beside). Anything malformed is refused with one line naming the file
 * and the tensor: a short file, a header length past the end, invalid or duplicate-key JSON, an
 * unknown dtype, a shape that does not match its byte count, and data offsets that overlap, leave
 * holes or run past the data (the reference implementation's rules).
 */
public final class SafeTensors {
  /**
   * Tensors in file order (as float), the dtype each was stored in ({@code F32}, {@code I64}...),
   * and the free-form {@code __metadata__} strings.
   */
  public record Contents(
      Map<String, Tensor> tensors, Map<String, String> dtypes, Map<String, String> metadata) {
    /** Tensors and metadata, every tensor taken as F32. */
    public Contents(Map<String, Tensor> tensors, Map<String, String> metadata) {
      this(tensors, floatTypes(tensors), metadata);
    }

    private static Map<String, String> floatTypes(Map<String, Tensor> tensors) {
      Map<String, String> m = new LinkedHashMap<>();
      tensors.keySet().forEach(k -> m.put(k, "F32"));
      return m;
    }
  }

  /** The dtypes that hold a weight (read as float32; F64 values are rounded to float32). */
  public static final java.util.Set<String> FLOAT_DTYPES =
      java.util.Set.of("F32", "F16", "BF16", "F64");

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
  private static final long MAX_HEADER = 100L << 20;

  private SafeTensors() {}

  public static Contents read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          file + ": cannot read safetensors file: " + e.getMessage(), e);
    }
    return parse(file.toString(), bytes);
  }

  /** Reads a classpath resource. */
  public static Contents readResource(String resource) {
    try (InputStream in = SafeTensors.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("missing weights resource " + resource);
      }
      return parse(resource, in.readAllBytes());
    } catch (IOException e) {
      throw new IllegalArgumentException(resource + ": cannot read: " + e.getMessage(), e);
    }
  }

  /** Parses a whole safetensors file; {@code source} names it in errors. */
  public static Contents parse(String source, byte[] bytes) {
    if (bytes.length < 8) {
      throw new IllegalArgumentException(
          source
              + ": not a safetensors file ("
              + bytes.length
              + " bytes, need at least the 8-byte header length)");
    }
    long headerLen = ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
    if (headerLen <= 0 || headerLen > MAX_HEADER || headerLen > bytes.length - 8) {
      throw new IllegalArgumentException(
          source
              + ": corrupt or truncated safetensors file: header length "
              + headerLen
              + " but the file has "
              + (bytes.length - 8)
              + " bytes after it");
    }
    JsonNode header;
    try {
      header = JSON.readTree(new String(bytes, 8, (int) headerLen, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalArgumentException(
          source
              + ": corrupt safetensors header (invalid JSON: "
              + e.getMessage().split("\n")[0]
              + ")",
          e);
    }
    if (header == null || !header.isObject()) {
      throw new IllegalArgumentException(
          source + ": corrupt safetensors header (expected a JSON object)");
    }
    int dataStart = 8 + (int) headerLen;
    int dataLen = bytes.length - dataStart;
    Map<String, Tensor> tensors = new LinkedHashMap<>();
    Map<String, String> dtypes = new LinkedHashMap<>();
    Map<String, String> metadata = new LinkedHashMap<>();
    java.util.TreeMap<Long, long[]> spans = new java.util.TreeMap<>();
    Map<Long, String> spanNames = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = header.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String name = e.getKey();
      JsonNode info = e.getValue();
      if (name.equals("__metadata__")) {
        if (!info.isObject()) {
          throw new IllegalArgumentException(
              source
                  + ": corrupt safetensors header (__metadata__ must be a JSON object of strings)");
        }
        info.fields().forEachRemaining(m -> metadata.put(m.getKey(), m.getValue().asText()));
        continue;
      }
      if (!info.isObject()) {
        throw new IllegalArgumentException(
            source
                + ": tensor '"
                + name
                + "': header entry must be a JSON object with dtype, shape and data_offsets");
      }
      tensors.put(name, tensor(source, name, info, bytes, dataStart, dataLen));
      dtypes.put(name, info.get("dtype").asText());
      long begin = info.get("data_offsets").get(0).asLong();
      long end = info.get("data_offsets").get(1).asLong();
      if (spans.containsKey(begin)) {
        throw new IllegalArgumentException(
            source
                + ": tensors '"
                + spanNames.get(begin)
                + "' and '"
                + name
                + "' overlap in the data section (corrupt header)");
      }
      spans.put(begin, new long[] {begin, end});
      spanNames.put(begin, name);
    }
    // as the reference implementation: the tensors tile the data section, no overlaps, no holes
    long expected = 0;
    for (long[] span : spans.values()) {
      if (span[0] != expected) {
        throw new IllegalArgumentException(
            source
                + ": corrupt safetensors header: tensor '"
                + spanNames.get(span[0])
                + "' starts at byte "
                + span[0]
                + " of the data section, expected "
                + expected
                + (span[0] < expected
                    ? " (it overlaps the tensor before it)"
                    : " (a hole before it)"));
      }
      expected = span[1];
    }
    if (expected != dataLen) {
      throw new IllegalArgumentException(
          source
              + ": corrupt safetensors file: the header's tensors cover "
              + expected
              + " bytes but the data section has "
              + dataLen);
    }
    return new Contents(tensors, dtypes, metadata);
  }

  private static Tensor tensor(
      String source, String name, JsonNode info, byte[] bytes, int dataStart, int dataLen) {
    String where = source + ": tensor '" + name + "'";
    JsonNode dtypeNode = info.get("dtype");
    JsonNode shapeNode = info.get("shape");
    JsonNode offs = info.get("data_offsets");
    if (dtypeNode == null
        || shapeNode == null
        || !shapeNode.isArray()
        || offs == null
        || !offs.isArray()
        || offs.size() != 2) {
      throw new IllegalArgumentException(
          where + ": header entry needs dtype, shape and data_offsets [begin, end]");
    }
    String dtype = dtypeNode.asText();
    int width =
        switch (dtype) {
          case "F32" -> 4;
          case "F16", "BF16" -> 2;
          case "I64", "F64" -> 8;
          default ->
              throw new IllegalArgumentException(
                  where
                      + ": unsupported dtype "
                      + dtype
                      + " (expected F32, F16, BF16, F64 or I64)");
        };
    int[] shape = new int[shapeNode.size()];
    long count = 1;
    for (int i = 0; i < shape.length; i++) {
      if (!shapeNode.get(i).isIntegralNumber()
          || !shapeNode.get(i).canConvertToInt()
          || shapeNode.get(i).asInt() < 0) {
        throw new IllegalArgumentException(where + ": invalid shape " + shapeNode);
      }
      shape[i] = shapeNode.get(i).asInt();
      count *= shape[i];
    }
    if (!offs.get(0).canConvertToLong() || !offs.get(1).canConvertToLong()) {
      throw new IllegalArgumentException(
          where + ": data_offsets must be two integers, got " + offs);
    }
    long begin = offs.get(0).asLong(-1), end = offs.get(1).asLong(-1);
    if (begin < 0 || end < begin || end > dataLen) {
      throw new IllegalArgumentException(
          where
              + " ("
              + dtype
              + " "
              + Arrays.toString(shape)
              + "): data_offsets ["
              + begin
              + ", "
              + end
              + ") outside the "
              + dataLen
              + "-byte data section (file truncated or corrupt)");
    }
    if (end - begin != count * width) {
      throw new IllegalArgumentException(
          where
              + ": "
              + dtype
              + " shape "
              + Arrays.toString(shape)
              + " needs "
              + count * width
              + " bytes but data_offsets give "
              + (end - begin));
    }
    if (count == 0) {
      throw new IllegalArgumentException(
          where + ": empty tensors are not supported (shape " + Arrays.toString(shape) + ")");
    }
    ByteBuffer buf =
        ByteBuffer.wrap(bytes, dataStart + (int) begin, (int) (end - begin))
            .order(ByteOrder.LITTLE_ENDIAN);
    float[] data = new float[(int) count];
    // one loop per type, and F32 in one bulk copy: a cold process runs these loops interpreted at
    // first, a per-value type switch and buffer call cost a 760 k-weight file tens of milliseconds
    switch (dtype) {
      case "F32" -> buf.asFloatBuffer().get(data);
      case "F16" -> {
        for (int i = 0; i < data.length; i++) {
          data[i] = halfToFloat(buf.getShort());
        }
      }
      case "BF16" -> {
        for (int i = 0; i < data.length; i++) {
          data[i] = Float.intBitsToFloat((buf.getShort() & 0xffff) << 16);
        }
      }
      case "F64" -> {
        for (int i = 0; i < data.length; i++) {
          data[i] = (float) buf.getDouble();
        }
      }
      default -> {
        for (int i = 0; i < data.length; i++) {
          data[i] = (float) buf.getLong();
        }
      }
    }
    int[] tshape = shape.length == 0 ? new int[] {1} : shape;
    return Tensor.of(data, tshape);
  }

  /** IEEE 754 binary16 to float. */
  static float halfToFloat(short h) {
    int bits = h & 0xffff;
    int sign = (bits >>> 15) << 31;
    int exp = (bits >>> 10) & 0x1f;
    int mant = bits & 0x3ff;
    if (exp == 0) {
      float v = mant * 0x1p-24f; // subnormal
      return sign == 0 ? v : -v;
    }
    if (exp == 0x1f) {
      return Float.intBitsToFloat(sign | 0x7f800000 | (mant << 13));
    }
    return Float.intBitsToFloat(sign | ((exp - 15 + 127) << 23) | (mant << 13));
  }

  /**
   * Writes {@code tensors} (F32, in map order) with string {@code metadata}, atomically via a
   * temporary file.
   */
  public static void write(Path file, Map<String, Tensor> tensors, Map<String, String> metadata) {
    try {
      byte[] bytes = encode(tensors, metadata);
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Path tmp = parent.resolve("." + file.getFileName() + ".tmp");
      Files.write(tmp, bytes);
      Files.move(
          tmp,
          file,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          file + ": cannot write safetensors file: " + e.getMessage(), e);
    }
  }

  /** The bytes of a safetensors file holding {@code tensors} as F32. */
  public static byte[] encode(Map<String, Tensor> tensors, Map<String, String> metadata) {
    ObjectNode header = JSON.createObjectNode();
    if (!metadata.isEmpty()) {
      ObjectNode m = header.putObject("__metadata__");
      metadata.forEach(m::put);
    }
    long offset = 0;
    List<Tensor> order = new ArrayList<>();
    for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
      Tensor t = e.getValue();
      ObjectNode info = header.putObject(e.getKey());
      info.put("dtype", "F32");
      var shape = info.putArray("shape");
      for (int d : t.shape()) {
        shape.add(d);
      }
      var offs = info.putArray("data_offsets");
      offs.add(offset);
      offset += 4L * t.size();
      offs.add(offset);
      order.add(t);
    }
    byte[] json;
    try {
      json = JSON.writeValueAsBytes(header);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    int padded = (json.length + 7) / 8 * 8;
    ByteBuffer buf = ByteBuffer.allocate(8 + padded + (int) offset).order(ByteOrder.LITTLE_ENDIAN);
    buf.putLong(padded);
    buf.put(json);
    for (int i = json.length; i < padded; i++) {
      buf.put((byte) ' ');
    }
    for (Tensor t : order) {
      for (float v : t.data()) {
        buf.putFloat(v);
      }
    }
    return buf.array();
  }
}
