package dev.spinsim.network.model;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * An nn.Sequential named {@code main}: its layers and the shape before and after each one, inferred
 * once. Layer i owns the tensors {@code main.i.<suffix>}.
 */
public record NetworkSpec(String role, Shape input, List<LayerSpec> layers, List<Shape> shapes) {
  public NetworkSpec {
    layers = List.copyOf(layers);
    shapes = List.copyOf(shapes);
    checkArgument(shapes.size() == layers.size() + 1, "need one shape per layer boundary");
  }

  /** Infers the shapes; an error names the layer that does not fit. */
  public static NetworkSpec of(String role, Shape input, List<LayerSpec> layers) {
    List<Shape> shapes = new ArrayList<>();
    shapes.add(input);
    Shape s = input;
    for (int i = 0; i < layers.size(); i++) {
      LayerSpec l = layers.get(i);
      try {
        s = l.outputShape(s);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            role + "[" + i + "] (" + layerName(i) + ", " + l.type() + "): " + e.getMessage(), e);
      }
      shapes.add(s);
    }
    return new NetworkSpec(role, input, layers, shapes);
  }

  /**
   * This network with every bias that the model left to the weights file decided: layer i gets a
   * bias when {@code present} accepts its tensor name ({@code main.i.bias}). Returns this when no
   * bias was left open.
   */
  public NetworkSpec withBiases(Predicate<String> present) {
    if (openBiases().isEmpty()) {
      return this;
    }
    List<LayerSpec> out = new ArrayList<>(layers);
    for (int i : openBiases()) {
      out.set(i, layers.get(i).withBias(present.test(layerName(i) + ".bias")));
    }
    return new NetworkSpec(role, input, out, shapes);
  }

  /** Indices of the layers whose bias the model leaves to the weights file. */
  public List<Integer> openBiases() {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < layers.size(); i++) {
      if (layers.get(i).biasLeftToWeights()) {
        out.add(i);
      }
    }
    return out;
  }

  /** The model key of layer i, e.g. {@code generator[6]}. */
  public String key(int i) {
    return role + "[" + i + "]";
  }

  /** PyTorch's module name of layer i. */
  public static String layerName(int i) {
    return "main." + i;
  }

  public Shape output() {
    return shapes.get(shapes.size() - 1);
  }

  public Shape inputOf(int layer) {
    return shapes.get(layer);
  }

  public Shape outputOf(int layer) {
    return shapes.get(layer + 1);
  }

  public int size() {
    return layers.size();
  }
}
