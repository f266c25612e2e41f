package dev.spinsim.network.chip;

import dev.spinsim.network.model.LayerSpec;
import dev.spinsim.network.model.Network;
import dev.spinsim.network.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The signal ranges a chip is set up for, measured once on the float network: for every matrix
 * layer the largest input magnitude (the DAC's full scale) and the largest pre-activation magnitude
 * (the activation unit's full drive). Uses a fixed calibration batch of latents, independent of the
 * run's seed, as a designer would when sizing the converters.
 */
public final class RangeCalibration {
  /** Latents in the calibration batch. */
  public static final int BATCH = 32;

  /** Seed of the calibration batch. */
  public static final long SEED = 0x5EEDCA1BL;

  private RangeCalibration() {}

  /** Input and pre-activation ranges of one matrix layer. */
  public record Range(double inputMax, double preActivationMax) {}

  /** Ranges of the generator's stages followed by the discriminator's (on G's images), in order. */
  public static List<Range> measure(Network generator, Network discriminator, int latent) {
    Tensor z = Tensor.normal(new SplittableRandom(SEED), 0, 1, BATCH, latent, 1, 1);
    List<Range> ranges = new ArrayList<>();
    Tensor images = trace(generator, z, ranges);
    if (discriminator != null) {
      trace(discriminator, images, ranges);
    }
    return ranges;
  }

  private static Tensor trace(Network net, Tensor x, List<Range> ranges) {
    List<Tensor> outs = net.forwardTrace(x);
    List<LayerSpec> layers = net.spec().layers();
    Tensor in = x;
    for (int i = 0; i < layers.size(); i++) {
      if (layers.get(i).isMatrixLayer()) {
        int preIdx = i;
        if (i + 1 < layers.size() && layers.get(i + 1) instanceof LayerSpec.BatchNorm2d) {
          preIdx = i + 1;
        }
        ranges.add(new Range(maxAbs(in), maxAbs(outs.get(preIdx))));
      }
      in = outs.get(i);
    }
    return outs.get(outs.size() - 1);
  }

  static double maxAbs(Tensor t) {
    double m = 0;
    for (float v : t.data()) {
      m = Math.max(m, Math.abs(v));
    }
    return m;
  }
}
