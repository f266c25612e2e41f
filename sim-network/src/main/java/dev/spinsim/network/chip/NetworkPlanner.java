package dev.spinsim.network.chip;

import dev.spinsim.network.mapping.ConvGeometry;
import dev.spinsim.network.mapping.Im2col;
import dev.spinsim.network.model.LayerSpec;
import dev.spinsim.network.model.Network;
import dev.spinsim.network.model.NetworkSpec;
import dev.spinsim.network.model.Shape;
import dev.spinsim.network.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a network into the crossbar stages a chip runs: every Conv2d, ConvTranspose2d or Linear
 * layer becomes one stage; a batchnorm right after it is folded into its weights and bias (eval
 * mode, running statistics); the activation after that is the stage's activation unit.
 */
public final class NetworkPlanner {
  private NetworkPlanner() {}

  /** The stages of {@code net}, tagged {@code role} ({@code G} or {@code D}). */
  public static List<StagePlan> plan(String role, Network net) {
    NetworkSpec spec = net.spec();
    Map<String, Tensor> state = net.stateDict();
    List<StagePlan> plans = new ArrayList<>();
    List<LayerSpec> layers = spec.layers();
    int i = 0;
    while (i < layers.size()) {
      LayerSpec l = layers.get(i);
      if (!l.isMatrixLayer()) {
        throw new IllegalArgumentException(role + " layer " + NetworkSpec.layerName(i) + " ("
            + l.type() + ") does not follow a matrix layer; the chip runs every other layer"
            + " as part of the crossbar stage before it");
      }
      String name = NetworkSpec.layerName(i);
      ConvGeometry g = geometry(l, spec.inputOf(i), role, name);
      float[] weight = state.get(name + ".weight").data();
      float[] matrix = Im2col.weightMatrix(g, weight);
      float[] bias = new float[g.matrixCols()];
      Tensor b = state.get(name + ".bias");
      if (b != null) {
        System.arraycopy(b.data(), 0, bias, 0, bias.length);
      }
      i++;
      String folded = "";
      if (i < layers.size() && layers.get(i) instanceof LayerSpec.BatchNorm2d bn) {
        String bnName = NetworkSpec.layerName(i);
        Im2col.foldBatchNorm(matrix, g.matrixCols(), bias, state.get(bnName + ".weight").data(),
            state.get(bnName + ".bias").data(), state.get(bnName + ".running_mean").data(),
            state.get(bnName + ".running_var").data(), bn.eps());
        folded = bnName;
        i++;
      }
      String activation = "none";
      double alpha = 0;
      if (i < layers.size() && !layers.get(i).isMatrixLayer()) {
        LayerSpec a = layers.get(i);
        if (a instanceof LayerSpec.ReLU) {
          activation = "relu";
        } else if (a instanceof LayerSpec.LeakyReLU lr) {
          activation = "leaky-relu";
          alpha = lr.alpha();
        } else if (a instanceof LayerSpec.Tanh) {
          activation = "tanh";
        } else if (a instanceof LayerSpec.Sigmoid) {
          activation = "sigmoid";
        } else {
          throw new IllegalArgumentException(role + " layer " + NetworkSpec.layerName(i) + " ("
              + a.type() + ") cannot follow a matrix layer here; expected a batchnorm or an"
              + " activation");
        }
        i++;
      }
      plans.add(new StagePlan(role, name, l.type(), g, matrix, bias, activation, alpha, folded));
    }
    return plans;
  }

  /** A matrix layer's place in a network: module name, layer type and crossbar geometry. */
  public record MatrixLayer(String network, String layer, String kind, ConvGeometry geometry) {}

  /** The matrix layers of a network spec (no weights needed): what a mapping report lists. */
  public static List<MatrixLayer> matrixLayers(String role, NetworkSpec spec) {
    List<MatrixLayer> out = new ArrayList<>();
    for (int i = 0; i < spec.size(); i++) {
      LayerSpec l = spec.layers().get(i);
      if (l.isMatrixLayer()) {
        String name = NetworkSpec.layerName(i);
        out.add(new MatrixLayer(role, name, l.type(), geometry(l, spec.inputOf(i), role, name)));
      }
    }
    return out;
  }

  /** The crossbar geometry of a matrix layer receiving {@code in}. */
  static ConvGeometry geometry(LayerSpec l, Shape in, String role, String name) {
    if (l instanceof LayerSpec.ConvTranspose2d c) {
      return ConvGeometry.transposed(c.in(), c.out(), c.kernel(), c.stride(), c.padding(),
          c.outputPadding(), in.height(), in.width());
    }
    if (l instanceof LayerSpec.Conv2d c) {
      return ConvGeometry.conv(c.in(), c.out(), c.kernel(), c.stride(), c.padding(), in.height(),
          in.width());
    }
    if (l instanceof LayerSpec.Linear f) {
      // a linear layer on C×H×W is a convolution whose kernel covers the whole (square) input
      if (in.height() != in.width()) {
        throw new IllegalArgumentException(role + " " + name + ": a Linear layer on a non-square"
            + " input " + in + " cannot be mapped; expected H == W");
      }
      return ConvGeometry.conv(in.channels(), f.out(), in.height(), 1, 0, in.height(), in.width());
    }
    throw new IllegalArgumentException(role + " " + name + ": not a matrix layer: " + l.type());
  }
}
