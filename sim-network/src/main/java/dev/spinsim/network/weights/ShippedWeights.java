package dev.spinsim.network.weights;

import dev.spinsim.network.hwaware.HardwareAwareness;
import dev.spinsim.network.model.Network;
import dev.spinsim.network.model.NetworkSpec;
import dev.spinsim.network.tensor.Tensor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Trained weights shipped as resources under {@code dev/spinsim/network/weights/<set>/} ({@code
 * generator.safetensors}, {@code discriminator.safetensors}), and loading either them or a user's
 * file into a network. A set is named after the model, plus {@code -<variant>} for variants other
 * than float (e.g. {@code fmnist-hw-paper}, trained hardware-aware on the paper preset).
 */
public final class ShippedWeights {
  private static final String DIR = "/dev/spinsim/network/weights/";
  private static final String DATA_PARALLEL_PREFIX = "module.";

  private ShippedWeights() {}

  /** The float variant, the default. */
  public static final String FLOAT = "float";

  /**
   * A network built from a weights file: the network (its spec with every bias the model left to
   * the file decided), where the weights came from, what the file decided for each open bias
   * ({@code main.6 -> false}), and notes for the user (said once).
   */
  public record Loaded(
      Network network, String source, Map<String, Boolean> biasesFromFile, List<String> notes) {
    public Loaded {
      biasesFromFile = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(biasesFromFile));
      notes = List.copyOf(notes);
    }
  }

  /** Resource path of a shipped network ({@code role} is "generator" or "discriminator"). */
  public static String resource(String set, String role) {
    return DIR + set + "/" + role + ".safetensors";
  }

  /**
   * The weight set of a model variant: {@code fmnist} for float, {@code fmnist-hw-paper} for
   * variant {@code hw-paper}.
   */
  public static String set(String model, String variant) {
    return FLOAT.equals(variant) ? model : model + "-" + variant;
  }

  /** Whether weights for {@code model}'s {@code role} are shipped. */
  public static boolean available(String model, String role) {
    return ShippedWeights.class.getResource(resource(model, role)) != null;
  }

  /**
   * Loads {@code file} into {@code network}, or the shipped weights of {@code model} when {@code
   * file} is null; returns where the weights came from.
   */
  public static String load(Network network, String model, Path file) {
    return load(network, model, FLOAT, file);
  }

  /**
   * As {@link #load(Network, String, Path)}, choosing a shipped variant when {@code file} is null.
   */
  public static String load(Network network, String model, String variant, Path file) {
    String source = source(network.spec().role(), model, variant, file);
    network.loadStateDict(read(source, file).tensors(), source);
    return source;
  }

  /**
   * Builds the network of {@code spec} from {@code file} (or the shipped weights of {@code model}'s
   * {@code variant} when null): reads and checks the whole file first, decides every bias the model
   * left open from the file, then loads and checks every tensor. A file saved from {@code
   * nn.DataParallel} ({@code module.} before every name) loads as it is.
   */
  public static Loaded build(
      NetworkSpec spec, HardwareAwareness hardware, String model, String variant, Path file) {
    return build(spec, hardware, read(spec.role(), model, variant, file));
  }

  /**
   * The tensors of a weights file as read and checked by {@link SafeTensors} ({@code contents}),
   * before any network is built from them; {@code source} names the file ({@code classpath:...} for
   * shipped weights).
   */
  public record Read(String source, SafeTensors.Contents contents) {}

  /**
   * Reads {@code file}, or the shipped weights of {@code model}'s {@code variant} for {@code role}
   * ("generator" or "discriminator") when it is null, without building a network: what {@link
   * #build(NetworkSpec, HardwareAwareness, String, String, Path)} reads first, for a caller that
   * reads before it knows the network (a second thread).
   */
  public static Read read(String role, String model, String variant, Path file) {
    String source = source(role, model, variant, file);
    return new Read(source, read(source, file));
  }

  /**
   * As {@link #build(NetworkSpec, HardwareAwareness, String, String, Path)} from what {@link
   * #read(String, String, String, Path)} read for {@code spec}'s role.
   */
  public static Loaded build(NetworkSpec spec, HardwareAwareness hardware, Read read) {
    String source = read.source();
    SafeTensors.Contents c = read.contents();
    List<String> notes = new ArrayList<>();
    Map<String, Tensor> tensors = stripDataParallel(c.tensors());
    if (tensors != c.tensors()) {
      notes.add(
          source
              + ": tensor names start with 'module.' (saved from nn.DataParallel); read without it");
    }
    for (Map.Entry<String, String> e : c.dtypes().entrySet()) {
      String name =
          e.getKey().startsWith(DATA_PARALLEL_PREFIX) && !tensors.containsKey(e.getKey())
              ? e.getKey().substring(DATA_PARALLEL_PREFIX.length())
              : e.getKey();
      if (!SafeTensors.FLOAT_DTYPES.contains(e.getValue())
          && !name.endsWith(".num_batches_tracked")) {
        throw new IllegalArgumentException(
            source
                + ": tensor '"
                + name
                + "' is stored as "
                + e.getValue()
                + " but a weight must be floating point (F32, F16, BF16 or F64)");
      }
    }
    Map<String, Boolean> decided = new LinkedHashMap<>();
    NetworkSpec resolved = spec.withBiases(tensors::containsKey);
    for (int i : spec.openBiases()) {
      boolean present = tensors.containsKey(NetworkSpec.layerName(i) + ".bias");
      decided.put(NetworkSpec.layerName(i), present);
      if (!present) {
        notes.add(
            spec.role()
                + " "
                + NetworkSpec.layerName(i)
                + " ("
                + spec.layers().get(i).type()
                + ") has no bias: the model leaves it to the weights file, which has none");
      }
    }
    Network net = new Network(resolved, hardware);
    net.loadStateDict(tensors, source);
    return new Loaded(net, source, decided, notes);
  }

  /**
   * Whether the tensors of {@code file} are exactly those of {@code spec} (names and shapes, each
   * bias the model leaves open either way, {@code module.} prefixes and {@code num_batches_tracked}
   * aside); the values are not looked at.
   */
  public static boolean fits(NetworkSpec spec, Path file) {
    Map<String, Tensor> tensors = stripDataParallel(SafeTensors.read(file).tensors());
    NetworkSpec resolved = spec.withBiases(tensors::containsKey);
    Map<String, int[]> want = new LinkedHashMap<>();
    for (int i = 0; i < resolved.size(); i++) {
      for (var p : resolved.layers().get(i).parameters()) {
        want.put(NetworkSpec.layerName(i) + "." + p.suffix(), p.shape());
      }
    }
    for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
      if (e.getKey().endsWith(".num_batches_tracked")) {
        continue;
      }
      int[] shape = want.remove(e.getKey());
      if (shape == null || !java.util.Arrays.equals(shape, e.getValue().shape())) {
        return false;
      }
    }
    return want.isEmpty();
  }

  static Map<String, Tensor> stripDataParallel(Map<String, Tensor> tensors) {
    if (tensors.isEmpty()
        || !tensors.keySet().stream().allMatch(k -> k.startsWith(DATA_PARALLEL_PREFIX))) {
      return tensors;
    }
    Map<String, Tensor> stripped = new LinkedHashMap<>();
    tensors.forEach((k, v) -> stripped.put(k.substring(DATA_PARALLEL_PREFIX.length()), v));
    return stripped;
  }

  private static String source(String role, String model, String variant, Path file) {
    if (file != null) {
      return file.toString();
    }
    String set = set(model, variant);
    if (!available(set, role)) {
      throw new IllegalArgumentException(
          "no shipped "
              + role
              + " weights for model '"
              + model
              + "'"
              + (FLOAT.equals(variant) ? "" : " variant '" + variant + "'")
              + "; pass --weights FILE.safetensors");
    }
    return "classpath:" + resource(set, role);
  }

  private static SafeTensors.Contents read(String source, Path file) {
    return file != null
        ? SafeTensors.read(file)
        : SafeTensors.readResource(source.substring("classpath:".length()));
  }
}
