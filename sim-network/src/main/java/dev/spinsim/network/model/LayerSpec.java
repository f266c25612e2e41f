package dev.spinsim.network.model;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.List;

/**
 * One layer of a model as data: what it is and its hyper-parameters. {@link #outputShape}
 * infers what it produces from what it receives (or explains why it cannot), and
 * {@link #parameters} lists the tensors it owns under PyTorch's names.
 */
public sealed interface LayerSpec {
  /** The PyTorch class name, also the {@code type:} in the YAML. */
  String type();

  /** The output shape for {@code in}; throws IllegalArgumentException saying what was expected. */
  Shape outputShape(Shape in);

  /** Parameters and buffers, in PyTorch's state_dict order. */
  default List<ParamSpec> parameters() {
    return List.of();
  }

  /** Whether the layer is a crossbar layer (a convolution, transposed convolution or linear layer). */
  default boolean isMatrixLayer() {
    return false;
  }

  /** nn.Conv2d with a square kernel; weight [out, in, k, k]. */
  record Conv2d(int in, int out, int kernel, int stride, int padding, boolean bias) implements LayerSpec {
    public Conv2d {
      checkArgument(in > 0 && out > 0 && kernel > 0 && stride > 0 && padding >= 0,
          "Conv2d needs in, out, kernel, stride > 0 and padding >= 0");
    }

    @Override
    public String type() {
      return "Conv2d";
    }

    @Override
    public Shape outputShape(Shape s) {
      checkArgument(s.channels() == in, "expects %s input channels but receives %s (input %s)", in, s.channels(), s);
      int h = (s.height() + 2 * padding - kernel) / stride + 1;
      int w = (s.width() + 2 * padding - kernel) / stride + 1;
      checkArgument(s.height() + 2 * padding >= kernel && s.width() + 2 * padding >= kernel,
          "kernel %s does not fit input %s with padding %s", kernel, s, padding);
      return new Shape(out, h, w);
    }

    @Override
    public List<ParamSpec> parameters() {
      ParamSpec w = new ParamSpec("weight", new int[] {out, in, kernel, kernel}, true);
      return bias ? List.of(w, new ParamSpec("bias", new int[] {out}, true)) : List.of(w);
    }

    @Override
    public boolean isMatrixLayer() {
      return true;
    }
  }

  /** nn.ConvTranspose2d with a square kernel; weight [in, out, k, k]. */
  record ConvTranspose2d(int in, int out, int kernel, int stride, int padding, int outputPadding, boolean bias)
      implements LayerSpec {
    public ConvTranspose2d {
      checkArgument(in > 0 && out > 0 && kernel > 0 && stride > 0 && padding >= 0,
          "ConvTranspose2d needs in, out, kernel, stride > 0 and padding >= 0");
      checkArgument(outputPadding >= 0 && outputPadding < stride,
          "ConvTranspose2d output_padding must be in [0, stride), got %s", outputPadding);
    }

    @Override
    public String type() {
      return "ConvTranspose2d";
    }

    @Override
    public Shape outputShape(Shape s) {
      checkArgument(s.channels() == in, "expects %s input channels but receives %s (input %s)", in, s.channels(), s);
      int h = (s.height() - 1) * stride - 2 * padding + kernel + outputPadding;
      int w = (s.width() - 1) * stride - 2 * padding + kernel + outputPadding;
      checkArgument(h > 0 && w > 0, "output would be empty for input %s", s);
      return new Shape(out, h, w);
    }

    @Override
    public List<ParamSpec> parameters() {
      ParamSpec w = new ParamSpec("weight", new int[] {in, out, kernel, kernel}, true);
      return bias ? List.of(w, new ParamSpec("bias", new int[] {out}, true)) : List.of(w);
    }

    @Override
    public boolean isMatrixLayer() {
      return true;
    }
  }

  /** nn.BatchNorm2d (affine, tracking running statistics). */
  record BatchNorm2d(int features, double eps, double momentum) implements LayerSpec {
    public BatchNorm2d {
      checkArgument(features > 0, "BatchNorm2d features must be > 0");
      checkArgument(eps > 0, "BatchNorm2d eps must be > 0, got %s", eps);
      checkArgument(momentum >= 0 && momentum <= 1, "BatchNorm2d momentum must be in [0, 1], got %s", momentum);
    }

    @Override
    public String type() {
      return "BatchNorm2d";
    }

    @Override
    public Shape outputShape(Shape s) {
      checkArgument(s.channels() == features, "expects %s channels but receives %s (input %s)", features, s.channels(), s);
      return s;
    }

    @Override
    public List<ParamSpec> parameters() {
      int[] c = {features};
      return List.of(
          new ParamSpec("weight", c, true),
          new ParamSpec("bias", c, true),
          new ParamSpec("running_mean", c, false),
          new ParamSpec("running_var", c, false));
    }
  }

  /** nn.Linear on the flattened sample; weight [out, in]; output shape out × 1 × 1. */
  record Linear(int in, int out, boolean bias) implements LayerSpec {
    public Linear {
      checkArgument(in > 0 && out > 0, "Linear needs in, out > 0");
    }

    @Override
    public String type() {
      return "Linear";
    }

    @Override
    public Shape outputShape(Shape s) {
      checkArgument(s.size() == in, "expects %s input features but receives %s (input %s)", in, s.size(), s);
      return new Shape(out, 1, 1);
    }

    @Override
    public List<ParamSpec> parameters() {
      ParamSpec w = new ParamSpec("weight", new int[] {out, in}, true);
      return bias ? List.of(w, new ParamSpec("bias", new int[] {out}, true)) : List.of(w);
    }

    @Override
    public boolean isMatrixLayer() {
      return true;
    }
  }

  /** nn.ReLU. */
  record ReLU() implements LayerSpec {
    @Override
    public String type() {
      return "ReLU";
    }

    @Override
    public Shape outputShape(Shape s) {
      return s;
    }
  }

  /** nn.LeakyReLU with negative slope {@code alpha}. */
  record LeakyReLU(double alpha) implements LayerSpec {
    public LeakyReLU {
      checkArgument(alpha >= 0 && alpha < 1, "LeakyReLU alpha must be in [0, 1), got %s", alpha);
    }

    @Override
    public String type() {
      return "LeakyReLU";
    }

    @Override
    public Shape outputShape(Shape s) {
      return s;
    }
  }

  /** nn.Tanh. */
  record Tanh() implements LayerSpec {
    @Override
    public String type() {
      return "Tanh";
    }

    @Override
    public Shape outputShape(Shape s) {
      return s;
    }
  }

  /** nn.Sigmoid. */
  record Sigmoid() implements LayerSpec {
    @Override
    public String type() {
      return "Sigmoid";
    }

    @Override
    public Shape outputShape(Shape s) {
      return s;
    }
  }
}
