package dev.spinsim.network.model;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * A GAN as data: a generator mapping a latent vector (latent × 1 × 1) to an image, and a
 * discriminator mapping the image to one probability.
 */
public record ModelSpec(
    String name,
    String source,
    int latent,
    Shape image,
    NetworkSpec generator,
    NetworkSpec discriminator) {
  public ModelSpec {
    checkArgument(latent > 0, "latent size must be > 0");
    checkArgument(
        generator.input().equals(new Shape(latent, 1, 1)),
        "%s: generator input must be %sx1x1",
        source,
        latent);
    checkArgument(
        generator.output().equals(image),
        "%s: generator produces %s but the image is %s",
        source,
        generator.output(),
        image);
    checkArgument(
        discriminator.input().equals(image),
        "%s: discriminator input must be the image %s",
        source,
        image);
    checkArgument(
        discriminator.output().equals(new Shape(1, 1, 1)),
        "%s: discriminator must end in 1x1x1, produces %s",
        source,
        discriminator.output());
  }

  /**
   * This model with its networks replaced (e.g. with their biases decided by the weights files).
   */
  public ModelSpec withNetworks(NetworkSpec g, NetworkSpec d) {
    return new ModelSpec(name, source, latent, image, g, d);
  }
}
