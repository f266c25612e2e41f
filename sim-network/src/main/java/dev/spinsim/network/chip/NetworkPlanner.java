package dev.spinsim.network.chip;

import dev.spinsim.network.mapping.ConvGeometry;
import dev.spinsim.network.mapping.CrossbarIm2col;
import dev.spinsim.network.model.LayerSpec;
import dev.spinsim.network.model.Network;
import dev.spinsim.network.model.NetworkSpec;
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
    for (StageLayers s : stages(role, spec)) {
      LayerSpec l = spec.layers().get(s.matrix());
      String name = NetworkSpec.layerName(s.matrix());
      ConvGeometry g = s.geometry();
      float[] weight = state.get(name + ".weight").data();
      float[] matrix = CrossbarIm2col.weightMatrix(g, weight);
      float[] bias = new float[g.matrixCols()];
      Tensor b = state.get(name + ".bias");
      if (b != null) {
        System.arraycopy(b.data(), 0, bias, 0, bias.length);
      }
      String folded = "";
      if (s.batchNorm() >= 0) {
        LayerSpec.BatchNorm2d bn = (LayerSpec.BatchNorm2d) spec.layers().get(s.batchNorm());
        String bnName = NetworkSpec.layerName(s.batchNorm());
        CrossbarIm2col.foldBatchNorm(
            matrix,
            g.matrixCols(),
            bias,
            state.get(bnName + ".weight").data(),
            state.get(bnName + ".bias").data(),
            state.get(bnName + ".running_mean").data(),
            state.get(bnName + ".running_var").data(),
            bn.eps());
        folded = bnName;
      }
      String activation = "none";
      double alpha = 0;
      if (s.activation() >= 0) {
        LayerSpec a = spec.layers().get(s.activation());
        activation = a.chipActivation();
        alpha = a.chipActivationAlpha();
      }
      plans.add(new StagePlan(role, name, l.type(), g, matrix, bias, activation, alpha, folded));
    }
    return plans;
  }

  /**
   * One crossbar stage of a network, by layer index: its matrix layer, the batchnorm folded into it
   * and the activation it ends in (-1 when absent), and its crossbar geometry.
   */
  record StageLayers(int matrix, int batchNorm, int activation, ConvGeometry geometry) {}

  /**
   * Splits a network into crossbar stages without weights, refusing what the chip cannot run: the
   * one structural check that {@code map} and {@code generate} share.
   */
  static List<StageLayers> stages(String role, NetworkSpec spec) {
    List<LayerSpec> layers = spec.layers();
    List<StageLayers> out = new ArrayList<>();
    int i = 0;
    while (i < layers.size()) {
      LayerSpec l = layers.get(i);
      String name = NetworkSpec.layerName(i);
      if (!l.isMatrixLayer()) {
        throw new IllegalArgumentException(
            role
                + " layer "
                + name
                + " ("
                + l.type()
                + ") does not follow a matrix layer; the chip runs every other layer"
                + " as part of the crossbar stage before it");
      }
      ConvGeometry g;
      try {
        g = l.geometry(spec.inputOf(i));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(role + " " + name + ": " + e.getMessage(), e);
      }
      int matrix = i++;
      int bn = -1;
      if (i < layers.size() && layers.get(i) instanceof LayerSpec.BatchNorm2d) {
        bn = i++;
      }
      int act = -1;
      if (i < layers.size() && !layers.get(i).isMatrixLayer()) {
        if (layers.get(i).chipActivation() == null) {
          throw new IllegalArgumentException(
              role
                  + " layer "
                  + NetworkSpec.layerName(i)
                  + " ("
                  + layers.get(i).type()
                  + ") cannot follow a matrix layer here; expected a batchnorm or an"
                  + " activation");
        }
        act = i++;
      }
      out.add(new StageLayers(matrix, bn, act, g));
    }
    return out;
  }

  /** A matrix layer's place in a network: module name, layer type and crossbar geometry. */
  public record MatrixLayer(String network, String layer, String kind, ConvGeometry geometry) {}

  /**
   * The matrix layers of a network spec (no weights needed): what a mapping report lists. Refuses a
   * network the chip cannot run with the same line as {@link #plan}.
   */
  public static List<MatrixLayer> matrixLayers(String role, NetworkSpec spec) {
    List<MatrixLayer> out = new ArrayList<>();
    for (StageLayers s : stages(role, spec)) {
      out.add(
          new MatrixLayer(
              role,
              NetworkSpec.layerName(s.matrix()),
              spec.layers().get(s.matrix()).type(),
              s.geometry()));
    }
    return out;
  }
}
