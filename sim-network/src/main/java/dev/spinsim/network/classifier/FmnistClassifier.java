package dev.spinsim.network.classifier;

import static com.google.common.base.Preconditions.checkArgument;

import dev.spinsim.network.model.LayerSpec;
import dev.spinsim.network.model.Network;
import dev.spinsim.network.model.NetworkSpec;
import dev.spinsim.network.model.Parameter;
import dev.spinsim.network.model.Shape;
import dev.spinsim.network.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The small CNN whose penultimate layer is spinsim's FID feature space for Fashion-MNIST. In
 * PyTorch terms it is {@link #PYTORCH}; tensors carry those names ({@code main.0.weight} …
 * {@code main.9.bias}), so the weights load unchanged into that module. The feature layer is
 * the output of {@code main.8}: the 128 ReLU activations of the first dense layer.
 *
 * <p>The convolutional and dense parts are {@link Network}s from the model package (their ops,
 * backward passes and parameters); the max-pools between them are {@link MaxPool2d}.
 */
public final class FmnistClassifier {
  /** The same module written in PyTorch. */
  public static final String PYTORCH = "nn.Sequential(Conv2d(1, 32, 3, padding=1), ReLU(), MaxPool2d(2), "
      + "Conv2d(32, 64, 3, padding=1), ReLU(), MaxPool2d(2), Flatten(), Linear(3136, 128), ReLU(), Linear(128, 10))";
  /** Width of the feature layer. */
  public static final int FEATURES = 128;
  /** Which module's output the features are. */
  public static final String FEATURE_LAYER = "main.8 (ReLU after Linear(3136, 128))";
  public static final int CLASSES = 10;
  public static final List<String> CLASS_NAMES = List.of(
      "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

  /** Eval-mode outputs for a batch: features [n, 128] and logits [n, 10], row-major. */
  public record Outputs(float[][] features, Tensor logits) {}

  /** A part of the sequence and the PyTorch index of its first layer. */
  private record Segment(Network net, int offset) {}

  private final Segment conv1;
  private final Segment conv2;
  private final Segment hidden;
  private final Segment output;
  private final List<Segment> segments;
  private int[] pool1Shape;
  private int[] pool1Arg;
  private int[] pool2Shape;
  private int[] pool2Arg;

  public FmnistClassifier() {
    conv1 = segment("classifier.conv1", new Shape(1, 28, 28), 0,
        List.of(new LayerSpec.Conv2d(1, 32, 3, 1, 1, true), new LayerSpec.ReLU()));
    conv2 = segment("classifier.conv2", new Shape(32, 14, 14), 3,
        List.of(new LayerSpec.Conv2d(32, 64, 3, 1, 1, true), new LayerSpec.ReLU()));
    hidden = segment("classifier.hidden", new Shape(64, 7, 7), 7,
        List.of(new LayerSpec.Linear(64 * 7 * 7, FEATURES, true), new LayerSpec.ReLU()));
    output = segment("classifier.output", new Shape(FEATURES, 1, 1), 9,
        List.of(new LayerSpec.Linear(FEATURES, CLASSES, true)));
    segments = List.of(conv1, conv2, hidden, output);
  }

  private static Segment segment(String role, Shape input, int offset, List<LayerSpec> layers) {
    return new Segment(new Network(NetworkSpec.of(role, input, layers)), offset);
  }

  /**
   * He-normal weights (std √(2 / fan_in)) and zero biases, drawn in state_dict order from
   * {@code seed}.
   */
  public void initialise(long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    for (Segment s : segments) {
      for (Map.Entry<String, Tensor> e : s.net().stateDict().entrySet()) {
        float[] d = e.getValue().data();
        if (e.getKey().endsWith(".weight")) {
          int fanIn = d.length / e.getValue().dim(0);
          double std = Math.sqrt(2.0 / fanIn);
          for (int i = 0; i < d.length; i++) {
            d[i] = (float) (std * rng.nextGaussian());
          }
        } else {
          Arrays.fill(d, 0f);
        }
      }
    }
  }

  /** Logits [n, 10, 1, 1] for images [n, 1, 28, 28], keeping what {@link #backward} needs. */
  public Tensor logits(Tensor images) {
    return output.net().forward(features(images), true);
  }

  private Tensor features(Tensor images) {
    checkArgument(images.rank() == 4 && images.c() == 1 && images.h() == 28 && images.w() == 28,
        "the Fashion-MNIST classifier expects images N x 1 x 28 x 28, got %s", images.shapeString());
    Tensor a = conv1.net().forward(images, true);
    pool1Shape = a.shape();
    MaxPool2d.Forward p1 = MaxPool2d.forward(a, 2);
    pool1Arg = p1.argmax();
    Tensor b = conv2.net().forward(p1.output(), true);
    pool2Shape = b.shape();
    MaxPool2d.Forward p2 = MaxPool2d.forward(b, 2);
    pool2Arg = p2.argmax();
    return hidden.net().forward(p2.output(), true);
  }

  /** Back-propagates dL/d(logits) of the last {@link #logits} call, accumulating parameter gradients. */
  public void backward(Tensor dLogits) {
    Tensor g = output.net().backward(dLogits, true);
    g = hidden.net().backward(g, true);
    g = MaxPool2d.backward(pool2Shape, pool2Arg, g);
    g = conv2.net().backward(g, true);
    g = MaxPool2d.backward(pool1Shape, pool1Arg, g);
    conv1.net().backward(g, true, false);
  }

  /** Features (output of {@link #FEATURE_LAYER}) and logits of a batch. */
  public Outputs outputs(Tensor images) {
    Tensor f = features(images);
    Tensor logits = output.net().forward(f, false);
    int n = images.n();
    float[][] rows = new float[n][];
    for (int i = 0; i < n; i++) {
      rows[i] = Arrays.copyOfRange(f.data(), i * FEATURES, (i + 1) * FEATURES);
    }
    return new Outputs(rows, logits);
  }

  public void zeroGrad() {
    for (Segment s : segments) {
      s.net().zeroGrad();
    }
  }

  /** Trainable parameters (for the optimiser). */
  public List<Parameter> parameters() {
    List<Parameter> out = new ArrayList<>();
    for (Segment s : segments) {
      out.addAll(s.net().parameters());
    }
    return out;
  }

  /** All tensors by their PyTorch names, in module order (live tensors). */
  public Map<String, Tensor> stateDict() {
    Map<String, Tensor> m = new LinkedHashMap<>();
    for (Segment s : segments) {
      for (Map.Entry<String, Tensor> e : s.net().stateDict().entrySet()) {
        m.put(rename(e.getKey(), s.offset()), e.getValue());
      }
    }
    return m;
  }

  /** Copies {@code tensors} in; each expected name must be there with its shape ({@code source} names the origin in errors). */
  public void loadStateDict(Map<String, Tensor> tensors, String source) {
    for (Segment s : segments) {
      Map<String, Tensor> local = new LinkedHashMap<>();
      for (String name : s.net().stateDict().keySet()) {
        String global = rename(name, s.offset());
        Tensor t = tensors.get(global);
        int[] want = s.net().stateDict().get(name).shape();
        if (t == null) {
          throw new IllegalArgumentException(source + ": missing tensor '" + global + "' of shape " + Arrays.toString(want)
              + " for the Fashion-MNIST classifier");
        }
        if (!Arrays.equals(t.shape(), want)) {
          throw new IllegalArgumentException(source + ": tensor '" + global + "' has shape " + t.shapeString()
              + " but the Fashion-MNIST classifier expects " + Arrays.toString(want));
        }
        local.put(name, t);
      }
      s.net().loadStateDict(local, source);
    }
  }

  private static String rename(String local, int offset) {
    int dot = local.indexOf('.', "main.".length());
    int index = Integer.parseInt(local.substring("main.".length(), dot));
    return "main." + (index + offset) + local.substring(dot);
  }
}
