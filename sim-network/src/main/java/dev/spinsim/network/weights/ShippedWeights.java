package dev.spinsim.network.weights;

import dev.spinsim.network.model.Network;
import java.nio.file.Path;

/**
 * Trained weights shipped as resources under {@code dev/spinsim/network/weights/<model>/}
 * ({@code generator.safetensors}, {@code discriminator.safetensors}), and loading either them or a
 * user's file into a network.
 */
public final class ShippedWeights {
  private static final String DIR = "/dev/spinsim/network/weights/";

  private ShippedWeights() {}

  /** Resource path of a shipped network ({@code role} is "generator" or "discriminator"). */
  public static String resource(String model, String role) {
    return DIR + model + "/" + role + ".safetensors";
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
    String role = network.spec().role();
    if (file != null) {
      network.loadStateDict(SafeTensors.read(file).tensors(), file.toString());
      return file.toString();
    }
    if (!available(model, role)) {
      throw new IllegalArgumentException("no shipped " + role + " weights for model '" + model + "'; pass --weights FILE.safetensors");
    }
    String res = resource(model, role);
    network.loadStateDict(SafeTensors.readResource(res).tensors(), "classpath:" + res);
    return "classpath:" + res;
  }
}
