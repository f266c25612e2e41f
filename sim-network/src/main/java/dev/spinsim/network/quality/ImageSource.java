package dev.spinsim.network.quality;

import dev.spinsim.network.tensor.Tensor;

/**
 * Something that produces images to score: a real data split, the float generator, or a generator
 * running on a simulated chip. {@code spinsim fid} writes one row per source.
 */
public interface ImageSource {
  /** The row label in {@code fid.csv}, e.g. {@code float} or {@code paper}. */
  String name();

  /**
   * {@code n} images N × C × H × W with values in [−1, 1]; the same {@code n} and {@code seed} must
   * give the same images. Generators draw their latents with {@link GeneratorSource#latents(int,
   * int, long)} so every generator sees the same z.
   */
  Tensor generate(int n, long seed);
}
