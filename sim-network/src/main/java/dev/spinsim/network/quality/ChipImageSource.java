package dev.spinsim.network.quality;

import static com.google.common.base.Preconditions.checkArgument;

import dev.spinsim.core.trace.TraceSink;
import dev.spinsim.network.generation.Generation;
import dev.spinsim.network.generation.GenerationResult;
import dev.spinsim.network.generation.GenerationSetup;
import dev.spinsim.network.run.RunMode;
import dev.spinsim.network.tensor.Tensor;
import java.util.Arrays;
import java.util.function.IntConsumer;
import java.util.function.LongFunction;

/**
 * Images generated on a simulated chip (one hardware preset) by {@link Generation}, values shaped
 * by quantisation, converters, noise and the domain-wall activations. Its latents come from {@link
 * Generation#latents}, which draws the same z as {@link GeneratorSource#latents} for a seed, so the
 * hardware row and the float row score the same latent vectors.
 */
public final class ChipImageSource implements ImageSource {
  private final String name;
  private final LongFunction<GenerationSetup> setupForSeed;
  private final RunMode mode;
  private final IntConsumer progress;

  /**
   * {@code setupForSeed} gives the run setup (model, weights, preset devices, mapping) for a seed;
   * {@code mode} is normally {@link RunMode#FUNCTIONAL}: the same values without events, faster.
   */
  public ChipImageSource(
      String name, LongFunction<GenerationSetup> setupForSeed, RunMode mode, IntConsumer progress) {
    this.name = name;
    this.setupForSeed = setupForSeed;
    this.mode = mode;
    this.progress = progress;
  }

  @Override
  public String name() {
    return name;
  }

  /** Images per chip run: bounds the memory of long runs (the chip keeps per-image maps). */
  static final int BATCH = 256;

  @Override
  public Tensor generate(int n, long seed) {
    checkArgument(n > 0, "image count must be > 0, got %s", n);
    GenerationSetup setup = setupForSeed.apply(seed);
    int latent = setup.model().latent();
    float[] z = Generation.latents(seed, n, latent);
    var image = setup.model().image();
    int size = image.channels() * image.height() * image.width();
    float[] out = new float[n * size];
    for (int first = 0; first < n; first += BATCH) {
      int count = Math.min(BATCH, n - first);
      int offset = first;
      float[] batch = Arrays.copyOfRange(z, first * latent, (first + count) * latent);
      GenerationResult r =
          Generation.run(
              setup, batch, first, mode, TraceSink.off(), i -> progress.accept(offset + i));
      System.arraycopy(r.images(), 0, out, first * size, count * size);
    }
    return Tensor.of(out, n, image.channels(), image.height(), image.width());
  }
}
