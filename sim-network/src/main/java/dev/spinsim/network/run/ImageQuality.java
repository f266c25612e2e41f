package dev.spinsim.network.run;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * How far the chip's images are from the float network's images of the same latents: per image the
 * root-mean-square error (pixels in [−1, 1]) and the PSNR with the peak-to-peak range 2, {@code
 * PSNR = 20·log10(2 / RMSE)} dB (infinite when the images are identical), and their means over the
 * run (the mean PSNR is taken over the images' PSNRs, infinity when any image is exact and none is
 * finite).
 */
public final class ImageQuality {
  /** Peak-to-peak range of the pixels ([−1, 1]). */
  public static final double PEAK_TO_PEAK = 2.0;

  /**
   * Below this mean PSNR (dB) against float the images count as badly degraded and the run warns.
   * The shipped fmnist generator on {@code paper} measures ≈ 26 dB and on {@code ideal} above 100
   * dB; with {@code --set adc.bits=4} every image is blank, ≈ 7 dB.
   */
  public static final double DEGRADED_PSNR_DB = 15.0;

  private final double[] rmse;
  private final double[] psnrDb;

  private ImageQuality(double[] rmse, double[] psnrDb) {
    this.rmse = rmse;
    this.psnrDb = psnrDb;
  }

  /**
   * Compares {@code chip} with {@code reference}, both {@code images × perImage} values; the arrays
   * must have the same length, a positive multiple of {@code perImage}.
   */
  public static ImageQuality compare(float[] chip, float[] reference, int perImage) {
    checkArgument(perImage > 0, "values per image must be positive, got %s", perImage);
    checkArgument(
        chip.length == reference.length && chip.length > 0 && chip.length % perImage == 0,
        "chip (%s values) and float (%s values) images must match, %s values per image",
        chip.length,
        reference.length,
        perImage);
    int n = chip.length / perImage;
    double[] rmse = new double[n];
    for (int i = 0; i < n; i++) {
      rmse[i] = rmse(chip, i * perImage, reference, i * perImage, perImage);
    }
    return ofRmse(rmse);
  }

  /**
   * The figures of a run whose images were compared one by one as they streamed past: image {@code
   * i}'s RMSE against float is {@code rmse[i]}.
   */
  public static ImageQuality ofRmse(double[] rmse) {
    checkArgument(rmse.length > 0, "at least one image is needed");
    double[] psnr = new double[rmse.length];
    for (int i = 0; i < rmse.length; i++) {
      psnr[i] = rmse[i] == 0 ? Double.POSITIVE_INFINITY : 20 * Math.log10(PEAK_TO_PEAK / rmse[i]);
    }
    return new ImageQuality(rmse.clone(), psnr);
  }

  /** RMSE of one image against its reference, both {@code perImage} values from the offsets. */
  public static double rmse(
      float[] chip, int chipOffset, float[] reference, int referenceOffset, int perImage) {
    double sum = 0;
    for (int k = 0; k < perImage; k++) {
      double d = (double) chip[chipOffset + k] - reference[referenceOffset + k];
      sum += d * d;
    }
    return Math.sqrt(sum / perImage);
  }

  /** Number of images compared. */
  public int images() {
    return rmse.length;
  }

  /** RMSE of image {@code i} against float. */
  public double rmse(int i) {
    return rmse[i];
  }

  /** PSNR of image {@code i} against float, dB (infinite when identical). */
  public double psnrDb(int i) {
    return psnrDb[i];
  }

  /** Mean RMSE over the images. */
  public double meanRmse() {
    double s = 0;
    for (double r : rmse) {
      s += r;
    }
    return s / rmse.length;
  }

  /** Mean PSNR over the images, dB (infinite when every image is exact). */
  public double meanPsnrDb() {
    double s = 0;
    for (double p : psnrDb) {
      s += p;
    }
    return s / psnrDb.length;
  }

  /** True when the mean PSNR is below {@link #DEGRADED_PSNR_DB}. */
  public boolean degraded() {
    return meanPsnrDb() < DEGRADED_PSNR_DB;
  }
}
