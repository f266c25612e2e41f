package dev.spinsim.network.model;

import static com.google.common.base.Preconditions.checkArgument;

import dev.spinsim.network.hwaware.HardwareAwareness;
import dev.spinsim.network.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A runnable {@link NetworkSpec}: owns the parameters (named as PyTorch names them), runs
 * forward in training or eval mode and backward, and exposes each layer's eval-mode forward so
 * a hardware runner can compute some layers itself and compare layer by layer.
 */
public final class Network {
  private final NetworkSpec spec;
  private final HardwareAwareness hardware;
  private final List<Layers.Layer> layers = new ArrayList<>();
  private final Map<String, Parameter> state = new LinkedHashMap<>();

  public Network(NetworkSpec spec) {
    this(spec, HardwareAwareness.NONE);
  }

  /** A network whose matrix layers and activations follow {@code hardware} in every forward pass. */
  public Network(NetworkSpec spec, HardwareAwareness hardware) {
    this.spec = spec;
    this.hardware = hardware;
    for (int i = 0; i < spec.size(); i++) {
      LayerSpec l = spec.layers().get(i);
      List<Parameter> ps = new ArrayList<>();
      for (ParamSpec p : l.parameters()) {
        String name = NetworkSpec.layerName(i) + "." + p.suffix();
        Parameter param = new Parameter(name, Tensor.zeros(p.shape()), p.trainable());
        state.put(name, param);
        ps.add(param);
      }
      layers.add(build(l, ps, hardware));
    }
    resetDefaults();
  }

  private static Layers.Layer build(LayerSpec l, List<Parameter> ps, HardwareAwareness hw) {
    if (l instanceof LayerSpec.Conv2d c) {
      return new Layers.Conv2dLayer(c, ps, hw.quantizer());
    } else if (l instanceof LayerSpec.ConvTranspose2d c) {
      return new Layers.ConvTranspose2dLayer(c, ps, hw.quantizer());
    } else if (l instanceof LayerSpec.Linear c) {
      return new Layers.LinearLayer(c, ps, hw.quantizer());
    } else if (l instanceof LayerSpec.BatchNorm2d b) {
      return new Layers.BatchNormLayer(b, ps);
    } else if (l instanceof LayerSpec.ReLU && hw.relu() != null) {
      return new Layers.TransferActivation(hw.relu());
    } else if (l instanceof LayerSpec.LeakyReLU lr && hw.leakyRelu() != null) {
      return new Layers.TransferActivation(hw.leakyRelu().apply(lr.alpha()));
    }
    return new Layers.ExactActivation(l);
  }

  /** BN weight 1, running_var 1, everything else 0. */
  private void resetDefaults() {
    for (Map.Entry<String, Parameter> e : state.entrySet()) {
      boolean one = e.getKey().endsWith("running_var") || isBatchNormWeight(e.getKey());
      e.getValue().value().fill(one ? 1f : 0f);
    }
  }

  private boolean isBatchNormWeight(String name) {
    int layer = layerIndex(name);
    return spec.layers().get(layer) instanceof LayerSpec.BatchNorm2d && name.endsWith(".weight");
  }

  private static int layerIndex(String name) {
    return Integer.parseInt(name.split("\\.")[1]);
  }

  /**
   * DCGAN initialisation (Radford et al.): conv/linear weights N(0, 0.02), batchnorm weights
   * N(1, 0.02), biases 0, running statistics reset.
   */
  public void initDcgan(SplittableRandom rng) {
    resetDefaults();
    for (Map.Entry<String, Parameter> e : state.entrySet()) {
      String name = e.getKey();
      LayerSpec l = spec.layers().get(layerIndex(name));
      float[] d = e.getValue().value().data();
      if (name.endsWith(".weight")) {
        double mean = l instanceof LayerSpec.BatchNorm2d ? 1 : 0;
        for (int i = 0; i < d.length; i++) {
          d[i] = (float) (mean + 0.02 * rng.nextGaussian());
        }
      }
    }
  }

  public NetworkSpec spec() {
    return spec;
  }

  public HardwareAwareness hardware() {
    return hardware;
  }

  /** Runs all layers; {@code training} selects batch statistics (and updates running ones). */
  public Tensor forward(Tensor x, boolean training) {
    checkInput(x, 0);
    Tensor y = x;
    for (Layers.Layer l : layers) {
      y = l.forward(y, training);
    }
    return y;
  }

  /**
   * Back-propagates dL/d(output) of the last forward pass; accumulates parameter gradients when
   * {@code paramGrads} and returns dL/d(input).
   */
  public Tensor backward(Tensor dy, boolean paramGrads) {
    return backward(dy, paramGrads, true);
  }

  /** As {@link #backward(Tensor, boolean)}; with {@code needInput} false the first layer skips dL/d(input) and null is returned. */
  public Tensor backward(Tensor dy, boolean paramGrads, boolean needInput) {
    Tensor g = dy;
    for (int i = layers.size() - 1; i >= 0; i--) {
      g = layers.get(i).backward(g, i > 0 || needInput, paramGrads);
    }
    return needInput ? g : null;
  }

  /** Eval-mode forward of layer {@code i} alone (running statistics for batchnorm). */
  public Tensor forwardLayer(int i, Tensor x) {
    checkArgument(i >= 0 && i < layers.size(), "layer %s out of 0..%s", i, layers.size() - 1);
    checkInput(x, i);
    return layers.get(i).forward(x, false);
  }

  /** Eval-mode outputs of every layer for input {@code x}: element i is the output of layer i. */
  public List<Tensor> forwardTrace(Tensor x) {
    List<Tensor> outs = new ArrayList<>();
    Tensor y = x;
    for (int i = 0; i < layers.size(); i++) {
      y = forwardLayer(i, y);
      outs.add(y);
    }
    return outs;
  }

  private void checkInput(Tensor x, int layer) {
    Shape s = spec.inputOf(layer);
    checkArgument(x.rank() == 4 && x.c() == s.channels() && x.h() == s.height() && x.w() == s.width(),
        "%s layer %s (%s) expects input N x %s, got %s", spec.role(), layer, NetworkSpec.layerName(layer), s, x.shapeString());
  }

  public void zeroGrad() {
    for (Parameter p : state.values()) {
      p.grad().fill(0f);
    }
  }

  /** Trainable parameters in state_dict order. */
  public List<Parameter> parameters() {
    List<Parameter> out = new ArrayList<>();
    for (Parameter p : state.values()) {
      if (p.trainable()) {
        out.add(p);
      }
    }
    return out;
  }

  /** Parameters and buffers by PyTorch name, in state_dict order (live tensors, not copies). */
  public Map<String, Tensor> stateDict() {
    Map<String, Tensor> m = new LinkedHashMap<>();
    for (Map.Entry<String, Parameter> e : state.entrySet()) {
      m.put(e.getKey(), e.getValue().value());
    }
    return Collections.unmodifiableMap(m);
  }

  /** Expected shape of every state entry by name. */
  public Map<String, int[]> expectedShapes() {
    Map<String, int[]> m = new LinkedHashMap<>();
    for (Map.Entry<String, Parameter> e : state.entrySet()) {
      m.put(e.getKey(), e.getValue().value().shape());
    }
    return m;
  }

  /**
   * Copies {@code tensors} into the network; every expected name must be present with the
   * expected shape ({@code source} names the origin in errors). Extra names such as
   * {@code num_batches_tracked} are ignored.
   */
  public void loadStateDict(Map<String, Tensor> tensors, String source) {
    for (Map.Entry<String, Parameter> e : state.entrySet()) {
      Tensor t = tensors.get(e.getKey());
      int[] want = e.getValue().value().shape();
      if (t == null) {
        throw new IllegalArgumentException(source + ": missing tensor '" + e.getKey() + "' of shape " + Arrays.toString(want)
            + " for the " + spec.role());
      }
      if (!Arrays.equals(t.shape(), want)) {
        throw new IllegalArgumentException(source + ": tensor '" + e.getKey() + "' has shape " + t.shapeString()
            + " but the " + spec.role() + " expects " + Arrays.toString(want));
      }
      System.arraycopy(t.data(), 0, e.getValue().value().data(), 0, t.size());
    }
  }
}
