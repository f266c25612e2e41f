package dev.spinsim.network.model;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.ArrayList;
import java.util.List;

/**
 * An nn.Sequential named {@code main}: its layers and the shape before and after each one,
 * inferred once. Layer i owns the tensors {@code main.i.<suffix>}.
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
            role + " layer " + i + " (" + layerName(i) + ", " + l.type() + "): " + e.getMessage(), e);
      }
      shapes.add(s);
    }
    return new NetworkSpec(role, input, layers, shapes);
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
