package dev.spinsim.cli;

import dev.spinsim.cli.output.ImagePng;
import dev.spinsim.cli.output.NpyStreamWriter;
import dev.spinsim.cli.report.ImageBatch;
import dev.spinsim.cli.report.RunWriter;
import dev.spinsim.network.generation.GenerationResult;
import dev.spinsim.network.run.ImageQuality;
import dev.spinsim.network.run.ImageSink;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Writes a run's images as the chip finishes them: {@code images/NNN.png} one by one, {@code
 * images.npy} and {@code latents.npy} record by record (headers fixed up on {@link #close}), and
 * keeps only the first {@link #PREVIEW} images (and their float references) for the grid and the
 * report, and per image its RMSE against the float network and D's score: memory grows by 16 bytes
 * per image, not by the image.
 */
final class RunImageWriter implements ImageSink, Closeable {
  /** Images the grid ({@code images.png}) and {@code report.html} show: the first ones. */
  static final int PREVIEW = 256;

  private final Path imagesDir;
  private final int images;
  private final int channels;
  private final int height;
  private final int width;
  private final int latent;
  private final int digits;
  private final NpyStreamWriter npy;
  private final NpyStreamWriter latents;
  private final float[] preview;
  private final float[] previewLatents;
  private final float[] previewReference;
  private final double[] rmse;
  private final double[] scores;
  private int next;
  private long outsideUnitRange;

  RunImageWriter(
      Path dir, int images, int channels, int height, int width, int latent, boolean scored)
      throws IOException {
    this.images = images;
    this.channels = channels;
    this.height = height;
    this.width = width;
    this.latent = latent;
    this.imagesDir = Files.createDirectory(dir.resolve(RunWriter.IMAGES_DIR));
    this.digits = Math.max(3, Integer.toString(images - 1).length());
    this.npy = new NpyStreamWriter(dir.resolve("images.npy"), channels, height, width);
    this.latents = new NpyStreamWriter(dir.resolve("latents.npy"), latent);
    int shown = Math.min(images, PREVIEW);
    this.preview = new float[shown * channels * height * width];
    this.previewLatents = new float[shown * latent];
    this.previewReference = new float[preview.length];
    this.rmse = new double[images];
    this.scores = scored ? new double[images] : null;
  }

  @Override
  public void accept(int index, float[] pixels, float[] reference, float[] z, double score)
      throws IOException {
    if (index != next || index >= images) {
      throw new IllegalStateException("image " + index + " arrived, expected " + next);
    }
    int size = channels * height * width;
    Files.write(
        imagesDir.resolve(String.format(Locale.ROOT, "%0" + digits + "d.png", index)),
        ImagePng.encode(ImagePng.image(pixels, 0, channels, height, width)));
    npy.append(pixels, 0);
    outsideUnitRange += GenerationResult.outsideUnitRange(pixels);
    latents.append(z, 0);
    if (index < PREVIEW) {
      System.arraycopy(pixels, 0, preview, index * size, size);
      System.arraycopy(z, 0, previewLatents, index * latent, latent);
      if (reference != null) {
        System.arraycopy(reference, 0, previewReference, index * size, size);
      }
    }
    if (reference != null) {
      rmse[index] = ImageQuality.rmse(pixels, 0, reference, 0, size);
    }
    if (scores != null) {
      scores[index] = score;
    }
    next++;
  }

  /** The first images (at most {@link #PREVIEW}), for the grid and the report. */
  ImageBatch preview() {
    return new ImageBatch(
        Math.min(next, PREVIEW),
        channels,
        height,
        width,
        Arrays.copyOf(preview, Math.min(next, PREVIEW) * channels * height * width));
  }

  /** The latents of the preview images, {@code count × nz}. */
  float[] previewLatents() {
    return Arrays.copyOf(previewLatents, Math.min(next, PREVIEW) * latent);
  }

  /** The float network's images of the preview's latents, clipped to [−1, 1] for display. */
  ImageBatch previewReference() {
    int shown = Math.min(next, PREVIEW);
    return new ImageBatch(
        shown,
        channels,
        height,
        width,
        GenerationReport.clip(Arrays.copyOf(previewReference, shown * channels * height * width)));
  }

  /** Every image against the float network's image of its latent. */
  ImageQuality quality() {
    return ImageQuality.ofRmse(Arrays.copyOf(rmse, next));
  }

  /** Pixel values outside [−1, 1] (NaN included) over every image written. */
  long outsideUnitRange() {
    return outsideUnitRange;
  }

  /** D's score per image, or null when D did not run. */
  double[] scores() {
    return scores == null ? null : Arrays.copyOf(scores, next);
  }

  /** File names of the single images: {@code images/000.png …}. */
  String firstFileName() {
    return RunWriter.IMAGES_DIR + "/" + "0".repeat(digits) + ".png";
  }

  /** Images written. */
  int written() {
    return next;
  }

  @Override
  public void close() throws IOException {
    try (NpyStreamWriter a = npy;
        NpyStreamWriter b = latents) {
      // both headers fixed up, even when one close fails
    }
  }
}
