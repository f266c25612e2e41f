package dev.spinsim.network.quality;

import static com.google.common.base.Preconditions.checkArgument;

import dev.spinsim.network.model.Network;
import dev.spinsim.network.tensor.Tensor;
import java.util.SplittableRandom;

/** Images from a generator network run in float (eval mode) on seeded latents, in batches. */
public final class GeneratorSource implements ImageSource {
  private static final int BATCH = 250;

  private final String name;
  private final Network generator;
  private final int latent;

  public GeneratorSource(String name, Network generator, int latent) {
    checkArgument(latent > 0, "latent size must be > 0, got %s", latent);
    this.name = name;
    this.generator = generator;
    this.latent = latent;
  }

  /**
   * The latents every generator source uses: N(0, 1) of shape [n, latent, 1, 1] drawn from {@code
   * new SplittableRandom(seed)} (as {@code spinsim sample} draws them), so float and hardware rows
   * see the same z.
   */
  public static Tensor latents(int n, int latent, long seed) {
    return Tensor.normal(new SplittableRandom(seed), 0, 1, n, latent, 1, 1);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Tensor generate(int n, long seed) {
    checkArgument(n > 0, "image count must be > 0, got %s", n);
    Tensor z = latents(n, latent, seed);
    Tensor out = null;
    for (int from = 0; from < n; from += BATCH) {
      int to = Math.min(n, from + BATCH);
      Tensor y = generator.forward(z.slice(from, to), false);
      if (out == null) {
        int[] shape = y.shape();
        shape[0] = n;
        out = Tensor.zeros(shape);
      }
      System.arraycopy(y.data(), 0, out.data(), from * (y.size() / (to - from)), y.size());
    }
    return out;
  }
}
