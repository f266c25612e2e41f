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
 * A small CNN whose penultimate layer is spinsim's FID feature space (one per image kind, see
 * {@link ClassifierArchitecture}): 3×3 convolution blocks with max-pools, then a dense feature
 * layer and a dense output layer. Tensors carry the PyTorch {@code nn.Sequential} names ({@code
 * main.0.weight} …), so the weights load unchanged into {@link ClassifierArchitecture#pytorch()}.
 *
 * <p>The convolutional and dense parts are {@link Network}s from the model package (their ops,
 * backward passes and parameters); the max-pools between them are {@link MaxPool2d}.
 */
public final class CnnClassifier {
  /** Eval-mode outputs for a batch: features [n, features] and logits [n, classes], row-major. */
  public record Outputs(float[][] features, Tensor logits) {}

  /** A part of the sequence and the PyTorch index of its first layer. */
  private record Segment(Network net, int offset) {}

  private final ClassifierArchitecture architecture;
  private final List<Segment> blocks = new ArrayList<>();
  private final Segment hidden;
  private final Segment output;
  private final List<Segment> segments = new ArrayList<>();
  private final int[][] poolShapes;
  private final int[][] poolArgs;

  public CnnClassifier(ClassifierArchitecture architecture) {
    this.architecture = architecture;
    Shape in = architecture.input();
    int offset = 0;
    for (int c : architecture.convChannels()) {
      blocks.add(
          segment(
              "classifier.conv" + (blocks.size() + 1),
              in,
              offset,
              List.of(
                  new LayerSpec.Conv2d(in.channels(), c, 3, 1, 1, true), new LayerSpec.ReLU())));
      in = new Shape(c, in.height() / 2, in.width() / 2);
      offset += 3;
    }
    hidden =
        segment(
            "classifier.hidden",
            in,
            architecture.hiddenIndex(),
            List.of(
                new LayerSpec.Linear(architecture.flattened(), architecture.features(), true),
                new LayerSpec.ReLU()));
    output =
        segment(
            "classifier.output",
            new Shape(architecture.features(), 1, 1),
            architecture.hiddenIndex() + 2,
            List.of(new LayerSpec.Linear(architecture.features(), architecture.classes(), true)));
    segments.addAll(blocks);
    segments.add(hidden);
    segments.add(output);
    poolShapes = new int[blocks.size()][];
    poolArgs = new int[blocks.size()][];
  }

  private static Segment segment(String role, Shape input, int offset, List<LayerSpec> layers) {
    return new Segment(new Network(NetworkSpec.of(role, input, layers)), offset);
  }

  public ClassifierArchitecture architecture() {
    return architecture;
  }

  /**
   * He-normal weights (std √(2 / fan_in)) and zero biases, drawn in state_dict order from {@code
   * seed}.
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

  /** Logits [n, classes, 1, 1] for images [n, C, H, W], keeping what {@link #backward} needs. */
  public Tensor logits(Tensor images) {
    return output.net().forward(features(images), true);
  }

  private Tensor features(Tensor images) {
    Shape in = architecture.input();
    checkArgument(
        images.rank() == 4
            && images.c() == in.channels()
            && images.h() == in.height()
            && images.w() == in.width(),
        "the %s classifier expects images N x %s x %s x %s, got %s",
        architecture.name(),
        in.channels(),
        in.height(),
        in.width(),
        images.shapeString());
    Tensor a = images;
    for (int i = 0; i < blocks.size(); i++) {
      Tensor b = blocks.get(i).net().forward(a, true);
      poolShapes[i] = b.shape();
      MaxPool2d.Forward p = MaxPool2d.forward(b, 2);
      poolArgs[i] = p.argmax();
      a = p.output();
    }
    return hidden.net().forward(a, true);
  }

  /**
   * Back-propagates dL/d(logits) of the last {@link #logits} call, accumulating parameter
   * gradients.
   */
  public void backward(Tensor dLogits) {
    Tensor g = output.net().backward(dLogits, true);
    g = hidden.net().backward(g, true);
    for (int i = blocks.size() - 1; i >= 0; i--) {
      g = MaxPool2d.backward(poolShapes[i], poolArgs[i], g);
      if (i > 0) {
        g = blocks.get(i).net().backward(g, true);
      } else {
        blocks.get(i).net().backward(g, true, false);
      }
    }
  }

  /** Features (output of {@link ClassifierArchitecture#featureLayer()}) and logits of a batch. */
  public Outputs outputs(Tensor images) {
    Tensor f = features(images);
    Tensor logits = output.net().forward(f, false);
    int n = images.n();
    int width = architecture.features();
    float[][] rows = new float[n][];
    for (int i = 0; i < n; i++) {
      rows[i] = Arrays.copyOfRange(f.data(), i * width, (i + 1) * width);
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

  /**
   * Copies {@code tensors} in; each expected name must be there with its shape ({@code source}
   * names the origin in errors).
   */
  public void loadStateDict(Map<String, Tensor> tensors, String source) {
    for (Segment s : segments) {
      Map<String, Tensor> local = new LinkedHashMap<>();
      for (String name : s.net().stateDict().keySet()) {
        String global = rename(name, s.offset());
        Tensor t = tensors.get(global);
        int[] want = s.net().stateDict().get(name).shape();
        if (t == null) {
          throw new IllegalArgumentException(
              source
                  + ": missing tensor '"
                  + global
                  + "' of shape "
                  + Arrays.toString(want)
                  + " for the "
                  + architecture.name()
                  + " classifier");
        }
        if (!Arrays.equals(t.shape(), want)) {
          throw new IllegalArgumentException(
              source
                  + ": tensor '"
                  + global
                  + "' has shape "
                  + t.shapeString()
                  + " but the "
                  + architecture.name()
                  + " classifier expects "
                  + Arrays.toString(want));
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
