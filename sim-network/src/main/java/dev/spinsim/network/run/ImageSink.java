package dev.spinsim.network.run;

/**
 * Receives the images of a run as they are finished, in index order, so a run of any length keeps
 * only a batch of images in memory. The arrays are reused after the call returns: copy what you
 * keep.
 */
@FunctionalInterface
public interface ImageSink {
  /**
   * Image {@code index} of the run: its pixels ({@code C×H×W}, the generator's output), the float
   * network's image of the same latent ({@code C×H×W}; null when the run was not asked for it), the
   * latent ({@code nz} values) and the discriminator's score (NaN when D did not run).
   */
  void accept(int index, float[] pixels, float[] reference, float[] latent, double score)
      throws java.io.IOException;
}
