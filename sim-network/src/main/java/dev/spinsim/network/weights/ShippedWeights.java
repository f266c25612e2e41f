package dev.spinsim.network.weights;

import dev.spinsim.network.model.Network;
import java.nio.file.Path;

/**
 * Trained weights shipped as resources under {@code dev/spinsim/network/weights/<set>/}
 * ({@code generator.safetensors}, {@code discriminator.safetensors}), and loading either them or a
 * user's file into a network. A set is named after the model, plus {@code -<variant>} for
 * variants other than float (e.g. {@code fmnist-hw-paper}, trained hardware-aware on the paper preset).
 */
public final class ShippedWeights {
  private static final String DIR = "/dev/spinsim/network/weights/";

  private ShippedWeights() {}

  /** The float variant, the default. */
  public static final String FLOAT = "float";

  /** Resource path of a shipped network ({@code role} is "generator" or "discriminator"). */
  public static String resource(String set, String role) {
    return DIR + set + "/" + role + ".safetensors";
  }

  /** The weight set of a model variant: {@code fmnist} for float, {@code fmnist-hw-paper} for variant {@code hw-paper}. */
  public static String set(String model, String variant) {
    return FLOAT.equals(variant) ? model : model + "-" + variant;
  }

  /** Whether weights for {@code model}'s {@code role} are shipped. */
  public static boolean available(String model, String role) {
    return ShippedWeights.class.getResource(resource(model, role)) != null;
  }

  /**
   * Loads {@code file} into {@code network}, or the shipped weights of {@code model} when
   * {@code file} is null; returns where the weights came from.
   */
  public static String load(Network network, String model, Path file) {
    return load(network, model, FLOAT, file);
  }

  /** As {@link #load(Network, String, Path)}, choosing a shipped variant when {@code file} is null. */
  public static String load(Network network, String model, String variant, Path file) {
    String role = network.spec().role();
    if (file != null) {
      network.loadStateDict(SafeTensors.read(file).tensors(), file.toString());
      return file.toString();
    }
    String set = set(model, variant);
    if (!available(set, role)) {
      throw new IllegalArgumentException("no shipped " + role + " weights for model '" + model + "'"
          + (FLOAT.equals(variant) ? "" : " variant '" + variant + "'") + "; pass --weights FILE.safetensors");
    }
    String res = resource(set, role);
    network.loadStateDict(SafeTensors.readResource(res).tensors(), "classpath:" + res);
    return "classpath:" + res;
  }
}
