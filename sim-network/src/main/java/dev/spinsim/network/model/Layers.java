package dev.spinsim.network.model;

import dev.spinsim.network.hwaware.ActivationTransfer;
import dev.spinsim.network.hwaware.WeightQuantizer;
import dev.spinsim.network.ops.Activations;
import dev.spinsim.network.ops.BatchNorm;
import dev.spinsim.network.ops.Convolution;
import dev.spinsim.network.ops.Linear;
import dev.spinsim.network.tensor.Tensor;
import java.util.List;

/** The runtime layers behind {@link Network}: each caches what its backward pass needs. */
final class Layers {
  private Layers() {}

  interface Layer {
    Tensor forward(Tensor x, boolean training);

    /**
     * Returns dL/dx (null when {@code needInput} is false) and accumulates parameter gradients when
     * asked.
     */
    Tensor backward(Tensor dy, boolean needInput, boolean paramGrads);

    List<Parameter> parameters();
  }

  /**
   * A layer with a weight (quantised on the way in when the network is hardware-aware) and an
   * optional bias: keeps the input and effective weight of the last forward pass for backward.
   */
  private abstract static class WeightedLayer implements Layer {
    private final Parameter weight;
    private final Parameter bias;
    private final WeightQuantizer quantizer;

    /** The input and the effective weight of the last forward pass. */
    Tensor x;

    Tensor w;

    WeightedLayer(List<Parameter> params, WeightQuantizer quantizer) {
      this.weight = params.get(0);
      this.bias = params.size() > 1 ? params.get(1) : null;
      this.quantizer = quantizer;
    }

    /** Remembers {@code in} and the effective weight for backward. */
    final void begin(Tensor in) {
      x = in;
      w = quantizer == null ? weight.value() : quantizer.quantize(weight.value());
    }

    final boolean hasBias() {
      return bias != null;
    }

    /** The bias values, or null for a layer without bias. */
    final Tensor biasValue() {
      return bias == null ? null : bias.value();
    }

    /** Adds the weight and bias gradients (the latter ignored without bias) when asked. */
    final void accumulate(boolean paramGrads, Tensor weightGrad, Tensor biasGrad) {
      if (paramGrads) {
        weight.accumulate(weightGrad);
        if (bias != null) {
          bias.accumulate(biasGrad);
        }
      }
    }

    @Override
    public final List<Parameter> parameters() {
      return bias == null ? List.of(weight) : List.of(weight, bias);
    }
  }

  static final class Conv2dLayer extends WeightedLayer {
    private final LayerSpec.Conv2d spec;
    private float[] cols;

    Conv2dLayer(LayerSpec.Conv2d spec, List<Parameter> params, WeightQuantizer quantizer) {
      super(params, quantizer);
      this.spec = spec;
    }

    @Override
    public Tensor forward(Tensor in, boolean training) {
      begin(in);
      Convolution.Forward f = Convolution.conv2d(in, w, biasValue(), spec.stride(), spec.padding());
      cols = f.cols();
      return f.output();
    }

    @Override
    public Tensor backward(Tensor dy, boolean needInput, boolean paramGrads) {
      Convolution.Grads g =
          Convolution.conv2dBackward(
              x, cols, w, hasBias(), dy, spec.stride(), spec.padding(), needInput, paramGrads);
      accumulate(paramGrads, g.weight(), g.bias());
      return g.input();
    }
  }

  static final class ConvTranspose2dLayer extends WeightedLayer {
    private final LayerSpec.ConvTranspose2d spec;

    ConvTranspose2dLayer(
        LayerSpec.ConvTranspose2d spec, List<Parameter> params, WeightQuantizer quantizer) {
      super(params, quantizer);
      this.spec = spec;
    }

    @Override
    public Tensor forward(Tensor in, boolean training) {
      begin(in);
      return Convolution.convTranspose2d(
          in, w, biasValue(), spec.stride(), spec.padding(), spec.outputPadding());
    }

    @Override
    public Tensor backward(Tensor dy, boolean needInput, boolean paramGrads) {
      Convolution.Grads g =
          Convolution.convTranspose2dBackward(
              x, w, hasBias(), dy, spec.stride(), spec.padding(), needInput, paramGrads);
      accumulate(paramGrads, g.weight(), g.bias());
      return g.input();
    }
  }

  static final class LinearLayer extends WeightedLayer {
    LinearLayer(LayerSpec.Linear spec, List<Parameter> params, WeightQuantizer quantizer) {
      super(params, quantizer);
    }

    @Override
    public Tensor forward(Tensor in, boolean training) {
      begin(in);
      return Linear.forward(in, w, biasValue());
    }

    @Override
    public Tensor backward(Tensor dy, boolean needInput, boolean paramGrads) {
      Tensor[] g = Linear.backward(x, w, hasBias(), dy);
      accumulate(paramGrads, g[1], g[2]);
      return g[0];
    }
  }

  static final class BatchNormLayer implements Layer {
    private final LayerSpec.BatchNorm2d spec;
    private final Parameter gamma;
    private final Parameter beta;
    private final Parameter mean;
    private final Parameter var;
    private BatchNorm.Cache cache;
    private Tensor x;

    BatchNormLayer(LayerSpec.BatchNorm2d spec, List<Parameter> params) {
      this.spec = spec;
      this.gamma = params.get(0);
      this.beta = params.get(1);
      this.mean = params.get(2);
      this.var = params.get(3);
    }

    @Override
    public Tensor forward(Tensor in, boolean training) {
      x = in;
      if (training) {
        BatchNorm.Cache[] c = new BatchNorm.Cache[1];
        Tensor y =
            BatchNorm.forwardTrain(
                in,
                gamma.value(),
                beta.value(),
                mean.value(),
                var.value(),
                spec.eps(),
                spec.momentum(),
                c);
        cache = c[0];
        return y;
      }
      cache = null;
      return BatchNorm.forwardEval(
          in, gamma.value(), beta.value(), mean.value(), var.value(), spec.eps());
    }

    @Override
    public Tensor backward(Tensor dy, boolean needInput, boolean paramGrads) {
      Tensor[] g =
          cache != null
              ? BatchNorm.backwardTrain(cache, gamma.value(), dy)
              : BatchNorm.backwardEval(x, gamma.value(), mean.value(), var.value(), spec.eps(), dy);
      if (paramGrads) {
        gamma.accumulate(g[1]);
        beta.accumulate(g[2]);
      }
      return g[0];
    }

    @Override
    public List<Parameter> parameters() {
      return List.of(gamma, beta, mean, var);
    }
  }

  /** ReLU, LeakyReLU, Tanh or Sigmoid with their exact functions. */
  static final class ExactActivation implements Layer {
    private final LayerSpec spec;
    private Tensor x;
    private Tensor y;

    ExactActivation(LayerSpec spec) {
      this.spec = spec;
    }

    @Override
    public Tensor forward(Tensor in, boolean training) {
      x = in;
      if (spec instanceof LayerSpec.ReLU) {
        y = Activations.relu(in);
      } else if (spec instanceof LayerSpec.LeakyReLU l) {
        y = Activations.leakyRelu(in, l.alpha());
      } else if (spec instanceof LayerSpec.Tanh) {
        y = Activations.tanh(in);
      } else if (spec instanceof LayerSpec.Sigmoid) {
        y = Activations.sigmoid(in);
      } else {
        throw new IllegalStateException("not an activation: " + spec);
      }
      return y;
    }

    @Override
    public Tensor backward(Tensor dy, boolean needInput, boolean paramGrads) {
      if (spec instanceof LayerSpec.ReLU) {
        return Activations.reluBackward(x, dy);
      } else if (spec instanceof LayerSpec.LeakyReLU l) {
        return Activations.leakyReluBackward(x, l.alpha(), dy);
      } else if (spec instanceof LayerSpec.Tanh) {
        return Activations.tanhBackward(y, dy);
      } else if (spec instanceof LayerSpec.Sigmoid) {
        return Activations.sigmoidBackward(y, dy);
      }
      throw new IllegalStateException("not an activation: " + spec);
    }

    @Override
    public List<Parameter> parameters() {
      return List.of();
    }
  }

  /** An activation replaced by a hardware transfer curve. */
  static final class TransferActivation implements Layer {
    private final ActivationTransfer transfer;
    private Tensor x;

    TransferActivation(ActivationTransfer transfer) {
      this.transfer = transfer;
    }

    @Override
    public Tensor forward(Tensor in, boolean training) {
      x = in;
      Tensor y = Tensor.zeros(in.shape());
      float[] s = in.data(), d = y.data();
      for (int i = 0; i < s.length; i++) {
        d[i] = (float) transfer.apply(s[i]);
      }
      return y;
    }

    @Override
    public Tensor backward(Tensor dy, boolean needInput, boolean paramGrads) {
      Tensor dx = Tensor.zeros(dy.shape());
      float[] s = x.data(), g = dy.data(), d = dx.data();
      for (int i = 0; i < s.length; i++) {
        d[i] = (float) (g[i] * transfer.derivative(s[i]));
      }
      return dx;
    }

    @Override
    public List<Parameter> parameters() {
      return List.of();
    }
  }
}
