package dev.spinsim.network.model;

import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.spinsim.network.hwaware.HardwareAwareness;
import dev.spinsim.network.mapping.ConvGeometry;
import java.util.List;

/**
 * One layer of a model as data, bound from the model YAML by {@code ConfigLoader} (the {@code
 * type:} key picks the record, named after the PyTorch class). Each record knows its own kind:
 * {@link #outputShape} infers what it produces from what it receives (or explains why it cannot),
 * {@link #parameters} lists the tensors it owns under PyTorch's names, and {@link #runtime} builds
 * the layer that computes it. A new layer kind is one record here plus one runtime layer in {@link
 * Layers}.
 *
 * <p>Validation messages start with the offending key, so a loader error reads {@code fmnist.yaml:
 * generator[3].kernel: must be a positive integer, got 0}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = LayerSpec.Conv2d.class, name = "Conv2d"),
  @JsonSubTypes.Type(value = LayerSpec.ConvTranspose2d.class, name = "ConvTranspose2d"),
  @JsonSubTypes.Type(value = LayerSpec.BatchNorm2d.class, name = "BatchNorm2d"),
  @JsonSubTypes.Type(value = LayerSpec.Linear.class, name = "Linear"),
  @JsonSubTypes.Type(value = LayerSpec.ReLU.class, name = "ReLU"),
  @JsonSubTypes.Type(value = LayerSpec.LeakyReLU.class, name = "LeakyReLU"),
  @JsonSubTypes.Type(value = LayerSpec.Tanh.class, name = "Tanh"),
  @JsonSubTypes.Type(value = LayerSpec.Sigmoid.class, name = "Sigmoid"),
})
@JsonInclude(JsonInclude.Include.NON_NULL)
public sealed interface LayerSpec {
  /** The PyTorch class name, also the {@code type:} in the YAML. */
  @JsonIgnore
  String type();

  /** The output shape for {@code in}; throws IllegalArgumentException saying what was expected. */
  Shape outputShape(Shape in);

  /** Parameters and buffers, in PyTorch's state_dict order. */
  default List<ParamSpec> parameters() {
    return List.of();
  }

  /**
   * Whether the layer is a crossbar layer (a convolution, transposed convolution or linear layer).
   */
  @JsonIgnore
  default boolean isMatrixLayer() {
    return false;
  }

  /**
   * Whether the layer ends a network with its outputs squashed into a fixed range (Tanh into [−1,
   * 1], Sigmoid into [0, 1]); a network that ends otherwise produces unbounded values.
   */
  @JsonIgnore
  default boolean isSquashing() {
    return false;
  }

  /**
   * Whether the model leaves this layer's bias to the weights file ({@code bias:} omitted): the
   * file's {@code .bias} tensor decides, and without a file PyTorch's default (a bias) applies.
   */
  @JsonIgnore
  default boolean biasLeftToWeights() {
    return false;
  }

  /**
   * The crossbar geometry of a matrix layer receiving {@code in} (a transposed convolution as the
   * zero-inserted convolution it is run as); refuses layers that are not matrix layers.
   */
  default ConvGeometry geometry(Shape in) {
    throw new IllegalArgumentException("not a matrix layer: " + type());
  }

  /**
   * The activation unit a chip stage ends in when this layer follows its matrix layer ({@code
   * relu}, {@code leaky-relu}, {@code tanh}, {@code sigmoid}), or null when the layer is no
   * activation.
   */
  default String chipActivation() {
    return null;
  }

  /** The negative slope of the stage's activation unit (0 except for Leaky ReLU). */
  default double chipActivationAlpha() {
    return 0;
  }

  /**
   * This layer with its bias decided ({@code present}); layers without a bias return themselves.
   */
  default LayerSpec withBias(boolean present) {
    return this;
  }

  /** The runtime layer computing this one on {@code params} (in {@link #parameters} order). */
  Layers.Layer runtime(List<Parameter> params, HardwareAwareness hardware);

  /**
   * A crossbar layer (convolution, transposed convolution, linear): a weight and an optional bias
   * of {@code out} values; {@code bias} null leaves the bias to the weights file.
   */
  sealed interface MatrixLayer extends LayerSpec {
    int out();

    Boolean bias();

    /** The weight's shape in PyTorch's layout. */
    int[] weightShape();

    @Override
    default List<ParamSpec> parameters() {
      ParamSpec w = new ParamSpec("weight", weightShape(), true);
      return bias() == null || bias()
          ? List.of(w, new ParamSpec("bias", new int[] {out()}, true))
          : List.of(w);
    }

    @Override
    default boolean isMatrixLayer() {
      return true;
    }

    @Override
    default boolean biasLeftToWeights() {
      return bias() == null;
    }
  }

  /** Checks the keys a convolution and a transposed convolution share. */
  private static void checkConvolution(int in, int out, int kernel, int stride, int padding) {
    checkArgument(in > 0, "in must be a positive integer, got %s", in);
    checkArgument(out > 0, "out must be a positive integer, got %s", out);
    checkArgument(kernel > 0, "kernel must be a positive integer, got %s", kernel);
    checkArgument(stride > 0, "stride must be a positive integer, got %s", stride);
    checkArgument(padding >= 0, "padding must be >= 0, got %s", padding);
  }

  /** nn.Conv2d with a square kernel; weight [out, in, k, k]; stride 1, padding 0 by default. */
  record Conv2d(int in, int out, int kernel, Integer stride, Integer padding, Boolean bias)
      implements MatrixLayer {
    public Conv2d {
      stride = stride == null ? 1 : stride;
      padding = padding == null ? 0 : padding;
      checkConvolution(in, out, kernel, stride, padding);
    }

    @Override
    public String type() {
      return "Conv2d";
    }

    @Override
    public Shape outputShape(Shape s) {
      checkArgument(
          s.channels() == in,
          "expects %s input channels but receives %s (input %s)",
          in,
          s.channels(),
          s);
      checkArgument(
          s.height() + 2 * padding >= kernel && s.width() + 2 * padding >= kernel,
          "kernel %s does not fit input %s with padding %s",
          kernel,
          s,
          padding);
      int h = (s.height() + 2 * padding - kernel) / stride + 1;
      int w = (s.width() + 2 * padding - kernel) / stride + 1;
      return new Shape(out, h, w);
    }

    @Override
    public int[] weightShape() {
      return new int[] {out, in, kernel, kernel};
    }

    @Override
    public ConvGeometry geometry(Shape s) {
      return ConvGeometry.conv(in, out, kernel, stride, padding, s.height(), s.width());
    }

    @Override
    public Conv2d withBias(boolean present) {
      return new Conv2d(in, out, kernel, stride, padding, present);
    }

    @Override
    public Layers.Layer runtime(List<Parameter> params, HardwareAwareness hw) {
      return new Layers.Conv2dLayer(this, params, hw.quantizer());
    }
  }

  /**
   * nn.ConvTranspose2d with a square kernel; weight [in, out, k, k]; stride 1, paddings 0 by
   * default.
   */
  record ConvTranspose2d(
      int in,
      int out,
      int kernel,
      Integer stride,
      Integer padding,
      @JsonProperty("output_padding") Integer outputPadding,
      Boolean bias)
      implements MatrixLayer {
    public ConvTranspose2d {
      stride = stride == null ? 1 : stride;
      padding = padding == null ? 0 : padding;
      outputPadding = outputPadding == null ? 0 : outputPadding;
      checkConvolution(in, out, kernel, stride, padding);
      checkArgument(
          outputPadding >= 0 && outputPadding < stride,
          "output_padding must be in [0, stride), got %s",
          outputPadding);
    }

    @Override
    public String type() {
      return "ConvTranspose2d";
    }

    @Override
    public Shape outputShape(Shape s) {
      checkArgument(
          s.channels() == in,
          "expects %s input channels but receives %s (input %s)",
          in,
          s.channels(),
          s);
      int h = (s.height() - 1) * stride - 2 * padding + kernel + outputPadding;
      int w = (s.width() - 1) * stride - 2 * padding + kernel + outputPadding;
      checkArgument(h > 0 && w > 0, "output would be empty for input %s", s);
      return new Shape(out, h, w);
    }

    @Override
    public int[] weightShape() {
      return new int[] {in, out, kernel, kernel};
    }

    @Override
    public ConvGeometry geometry(Shape s) {
      return ConvGeometry.transposed(
          in, out, kernel, stride, padding, outputPadding, s.height(), s.width());
    }

    @Override
    public ConvTranspose2d withBias(boolean present) {
      return new ConvTranspose2d(in, out, kernel, stride, padding, outputPadding, present);
    }

    @Override
    public Layers.Layer runtime(List<Parameter> params, HardwareAwareness hw) {
      return new Layers.ConvTranspose2dLayer(this, params, hw.quantizer());
    }
  }

  /** nn.BatchNorm2d (affine, tracking running statistics); eps 1e-5, momentum 0.1 by default. */
  record BatchNorm2d(int features, Double eps, Double momentum) implements LayerSpec {
    public BatchNorm2d {
      eps = eps == null ? 1e-5 : eps;
      momentum = momentum == null ? 0.1 : momentum;
      checkArgument(features > 0, "features must be a positive integer, got %s", features);
      checkArgument(eps > 0, "eps must be > 0, got %s", eps);
      checkArgument(momentum >= 0 && momentum <= 1, "momentum must be in [0, 1], got %s", momentum);
    }

    @Override
    public String type() {
      return "BatchNorm2d";
    }

    @Override
    public Shape outputShape(Shape s) {
      checkArgument(
          s.channels() == features,
          "expects %s channels but receives %s (input %s)",
          features,
          s.channels(),
          s);
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

    @Override
    public Layers.Layer runtime(List<Parameter> params, HardwareAwareness hw) {
      return new Layers.BatchNormLayer(this, params);
    }
  }

  /** nn.Linear on the flattened sample; weight [out, in]; output shape out × 1 × 1. */
  record Linear(int in, int out, Boolean bias) implements MatrixLayer {
    public Linear {
      checkArgument(in > 0, "in must be a positive integer, got %s", in);
      checkArgument(out > 0, "out must be a positive integer, got %s", out);
    }

    @Override
    public String type() {
      return "Linear";
    }

    @Override
    public Shape outputShape(Shape s) {
      checkArgument(
          s.size() == in, "expects %s input features but receives %s (input %s)", in, s.size(), s);
      return new Shape(out, 1, 1);
    }

    @Override
    public int[] weightShape() {
      return new int[] {out, in};
    }

    /** A linear layer on C×H×W is a convolution whose kernel covers the whole (square) input. */
    @Override
    public ConvGeometry geometry(Shape s) {
      checkArgument(
          s.height() == s.width(),
          "a Linear layer on a non-square input %s cannot be mapped; expected H == W",
          s);
      return ConvGeometry.conv(s.channels(), out, s.height(), 1, 0, s.height(), s.width());
    }

    @Override
    public Linear withBias(boolean present) {
      return new Linear(in, out, present);
    }

    @Override
    public Layers.Layer runtime(List<Parameter> params, HardwareAwareness hw) {
      return new Layers.LinearLayer(this, params, hw.quantizer());
    }
  }

  /**
   * A layer applied value by value (an activation): the output has the input's shape, and it is
   * computed exactly unless the record maps it onto a hardware-aware transfer curve.
   */
  sealed interface Elementwise extends LayerSpec {
    @Override
    default Shape outputShape(Shape s) {
      return s;
    }

    @Override
    default Layers.Layer runtime(List<Parameter> params, HardwareAwareness hw) {
      return new Layers.ExactActivation(this);
    }
  }

  /** nn.ReLU; a domain-wall ReLU in a hardware-aware network. */
  record ReLU() implements Elementwise {
    @Override
    public String type() {
      return "ReLU";
    }

    @Override
    public String chipActivation() {
      return "relu";
    }

    @Override
    public Layers.Layer runtime(List<Parameter> params, HardwareAwareness hw) {
      return hw.relu() != null
          ? new Layers.TransferActivation(hw.relu())
          : new Layers.ExactActivation(this);
    }
  }

  /** nn.LeakyReLU with negative slope {@code alpha} (default 0.01, PyTorch's). */
  record LeakyReLU(Double alpha) implements Elementwise {
    public LeakyReLU {
      alpha = alpha == null ? 0.01 : alpha;
      checkArgument(alpha >= 0 && alpha < 1, "alpha must be in [0, 1), got %s", alpha);
    }

    @Override
    public String type() {
      return "LeakyReLU";
    }

    @Override
    public String chipActivation() {
      return "leaky-relu";
    }

    @Override
    public double chipActivationAlpha() {
      return alpha;
    }

    @Override
    public Layers.Layer runtime(List<Parameter> params, HardwareAwareness hw) {
      return hw.leakyRelu() != null
          ? new Layers.TransferActivation(hw.leakyRelu().apply(alpha))
          : new Layers.ExactActivation(this);
    }
  }

  /** nn.Tanh: outputs in [−1, 1]. */
  record Tanh() implements Elementwise {
    @Override
    public String type() {
      return "Tanh";
    }

    @Override
    public boolean isSquashing() {
      return true;
    }

    @Override
    public String chipActivation() {
      return "tanh";
    }
  }

  /** nn.Sigmoid: outputs in [0, 1]. */
  record Sigmoid() implements Elementwise {
    @Override
    public String type() {
      return "Sigmoid";
    }

    @Override
    public boolean isSquashing() {
      return true;
    }

    @Override
    public String chipActivation() {
      return "sigmoid";
    }
  }
}
