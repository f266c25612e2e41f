package dev.spinsim.network.quality;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * One source's FID against the reference statistics: how many images were scored, the value, the
 * extractor that defines the feature space, what it was compared with, and the wall time taken
 * (shown on the terminal, kept out of files so they stay byte-identical).
 */
public record FidRow(
    String source, int samples, double fid, String extractor, String reference, double seconds) {
  public FidRow {
    checkArgument(samples > 0, "samples must be > 0, got %s", samples);
    checkArgument(fid >= 0 && Double.isFinite(fid), "fid must be finite and >= 0, got %s", fid);
  }
}
