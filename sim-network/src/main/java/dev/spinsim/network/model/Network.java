package dev.spinsim.network.model;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import dev.spinsim.network.hwaware.HardwareAwareness;
import dev.spinsim.network.tensor.ArrayHash;
import dev.spinsim.network.tensor.Tensor;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A runnable {@link NetworkSpec}: owns the parameters (named as PyTorch names them), runs forward
 * in training or eval mode and backward, and exposes each layer's eval-mode forward so a hardware
 * runner can compute some layers itself and compare layer by layer.
 */
public final class Network {
  private final NetworkSpec spec;
  private final HardwareAwareness hardware;
  private final List<Layers.Layer> layers = new ArrayList<>();
  private final Map<String, Parameter> state = new LinkedHashMap<>();

  public Network(NetworkSpec spec) {
    this(spec, HardwareAwareness.NONE);
  }

  /**
   * A network whose matrix layers and activations follow {@code hardware} in every forward pass.
   */
  public Network(NetworkSpec spec, HardwareAwareness hardware) {
    spec = spec.withBiases(name -> true);
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
      layers.add(l.runtime(ps, hardware));
    }
    resetDefaults();
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
   * DCGAN initialisation (Radford et al.): conv/linear weights N(0, 0.02), batchnorm weights N(1,
   * 0.02), biases 0, running statistics reset.
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

  /**
   * As {@link #backward(Tensor, boolean)}; with {@code needInput} false the first layer skips
   * dL/d(input) and null is returned.
   */
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
    checkArgument(
        x.rank() == 4 && x.c() == s.channels() && x.h() == s.height() && x.w() == s.width(),
        "%s layer %s (%s) expects input N x %s, got %s",
        spec.role(),
        layer,
        NetworkSpec.layerName(layer),
        s,
        x.shapeString());
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

  /**
   * A 128-bit hash (32 hex digits, Murmur3) of everything this network's eval-mode forward pass
   * reads: the layer list with every layer's settings, and every parameter and buffer bit for bit
   * (each tensor's values through {@link ArrayHash}). Two networks with the same fingerprint
   * compute the same outputs from the same inputs (what lets a sweep measure a float reference
   * once). Null for a hardware-aware network, whose transfer curves are code, not data.
   */
  public String fingerprint() {
    if (!hardware.isFloat()) {
      return null;
    }
    Hasher h = Hashing.murmur3_128().newHasher();
    h.putString(spec.toString(), StandardCharsets.UTF_8);
    for (Map.Entry<String, Parameter> e : state.entrySet()) {
      h.putString(e.getKey(), StandardCharsets.UTF_8);
      float[] d = e.getValue().value().data();
      // every value's bits, hashed as one 128-bit block (the streaming hasher costs a cold
      // process tens of milliseconds per megabyte)
      long[] bits = ArrayHash.of(d, 0, d.length);
      h.putInt(d.length).putLong(bits[0]).putLong(bits[1]);
    }
    return h.hash().toString();
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
   * Copies {@code tensors} into the network after checking every one of them, so a bad file is
   * refused when it is read, never halfway through a simulation ({@code source} names the file in
   * the one-line error): every expected name must be present with the expected shape; no other name
   * may be there (except PyTorch's {@code num_batches_tracked} counters); weights, biases,
   * batchnorm scales and shifts and running means must be finite; a running variance must be
   * non-negative and not NaN (+∞ is allowed: PyTorch's eval-mode batchnorm then outputs the
   * channel's shift, and so does ours).
   */
  public void loadStateDict(Map<String, Tensor> tensors, String source) {
    for (Map.Entry<String, Parameter> e : state.entrySet()) {
      String name = e.getKey();
      Tensor t = tensors.get(name);
      int[] want = e.getValue().value().shape();
      int layer = layerIndex(name);
      String what = spec.key(layer) + " (" + spec.layers().get(layer).type() + ")";
      if (t == null) {
        throw new IllegalArgumentException(
            source
                + ": missing tensor '"
                + name
                + "' of shape "
                + Arrays.toString(want)
                + " for "
                + what
                + "; "
                + missingHint(name, layer, tensors));
      }
      if (!Arrays.equals(t.shape(), want)) {
        throw new IllegalArgumentException(
            source
                + ": tensor '"
                + name
                + "' has shape "
                + t.shapeString()
                + " but "
                + what
                + " expects "
                + Arrays.toString(want)
                + "; the model's layer does not match the file (check its in/out/kernel keys)");
      }
      checkValues(source, name, t, what);
    }
    for (String name : tensors.keySet()) {
      if (!state.containsKey(name) && !name.endsWith(".num_batches_tracked")) {
        throw new IllegalArgumentException(
            source
                + ": tensor '"
                + name
                + "' is not used by the "
                + spec.role()
                + "; "
                + unusedHint(name));
      }
    }
    for (Map.Entry<String, Parameter> e : state.entrySet()) {
      Tensor t = tensors.get(e.getKey());
      System.arraycopy(t.data(), 0, e.getValue().value().data(), 0, t.size());
    }
  }

  private String missingHint(String name, int layer, Map<String, Tensor> tensors) {
    LayerSpec l = spec.layers().get(layer);
    if (name.endsWith(".bias") && l.isMatrixLayer()) {
      return "the file has no bias for this layer: set 'bias: false' on "
          + spec.key(layer)
          + " in the model (or --set model."
          + spec.key(layer)
          + ".bias=false), or leave 'bias' out"
          + " to take it from the weights file";
    }
    if (tensors.keySet().stream().noneMatch(k -> k.startsWith("main."))) {
      return "the file's tensors are not named main.<i>.<param> (it holds "
          + first(tensors.keySet())
          + "): rename them as PyTorch's nn.Sequential 'main' does, e.g. with tools/pt2spinsim.py";
    }
    return "the model's "
        + spec.role()
        + " list does not match the file's layers (a layer missing"
        + " or extra before "
        + NetworkSpec.layerName(layer)
        + "?); the file holds "
        + first(tensors.keySet());
  }

  private String unusedHint(String name) {
    String[] parts = name.split("\\.");
    int layer = -1;
    if (parts.length == 3 && parts[0].equals("main")) {
      try {
        layer = Integer.parseInt(parts[1]);
      } catch (NumberFormatException e) {
        layer = -1;
      }
    }
    if (layer < 0 || layer >= spec.size()) {
      return "the "
          + spec.role()
          + " has layers main.0 to main."
          + (spec.size() - 1)
          + ": is this the right model (--model) for this file?";
    }
    LayerSpec l = spec.layers().get(layer);
    if (parts[2].equals("bias") && l.isMatrixLayer()) {
      return spec.key(layer)
          + " ("
          + l.type()
          + ") has 'bias: false' in the model: set it to true"
          + " (or --set model."
          + spec.key(layer)
          + ".bias=true), or leave 'bias' out to take it from the"
          + " weights file";
    }
    return spec.key(layer)
        + " is a "
        + l.type()
        + ", which has no '"
        + parts[2]
        + "': the model's "
        + spec.role()
        + " list does not match the file's layers";
  }

  private static String first(java.util.Collection<String> names) {
    List<String> l = names.stream().limit(4).toList();
    return l + (names.size() > 4 ? " and " + (names.size() - 4) + " more" : "");
  }

  /** Refuses values that make the layer unusable, naming the first bad element. */
  private static void checkValues(String source, String name, Tensor t, String what) {
    boolean variance = name.endsWith(".running_var");
    float[] d = t.data();
    int bad = -1;
    int count = 0;
    for (int i = 0; i < d.length; i++) {
      float v = d[i];
      boolean wrong = variance ? (Float.isNaN(v) || v < 0) : !Float.isFinite(v);
      if (wrong) {
        count++;
        if (bad < 0) {
          bad = i;
        }
      }
    }
    if (bad < 0) {
      return;
    }
    String why =
        variance
            ? "a running variance must be >= 0 (a variance; +inf is allowed)"
            : "a non-finite "
                + (name.endsWith("running_mean") ? "running mean" : "parameter")
                + " makes every output NaN (a corrupt checkpoint or a diverged training run?)";
    throw new IllegalArgumentException(
        String.format(
            java.util.Locale.ROOT,
            "%s: tensor '%s' (%s of %s) holds %s at %s (%d bad value%s of %d); %s",
            source,
            name,
            Arrays.toString(t.shape()),
            what,
            d[bad],
            index(t.shape(), bad),
            count,
            count == 1 ? "" : "s",
            d.length,
            why));
  }

  private static String index(int[] shape, int flat) {
    int[] idx = new int[shape.length];
    for (int k = shape.length - 1; k >= 0; k--) {
      idx[k] = flat % shape[k];
      flat /= shape[k];
    }
    return Arrays.toString(idx);
  }
}
