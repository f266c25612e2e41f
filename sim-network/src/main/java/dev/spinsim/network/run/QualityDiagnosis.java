package dev.spinsim.network.run;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Says when a run's images are destroyed and why, in one line. The images are badly degraded when
 * their mean PSNR against the float network is below {@link ImageQuality#DEGRADED_PSNR_DB}; a run
 * also warns when any layer clips more than {@link #CLIP_WARNING_FRACTION} of its ADC conversions.
 * The line names the layer and the likely cause: the largest ADC loss over the layers — its share
 * of conversions clipped at full scale (above {@link #CLIP_WARNING_FRACTION}) or of non-zero column
 * signals read as code 0 (above {@link #ZERO_CODE_WARNING_FRACTION}); failing that, a hidden layer
 * whose activation units saturate beyond {@link #SATURATION_WARNING_FRACTION} (the output layer is
 * left out: a tanh output legitimately sits at its rails on background pixels); failing that,
 * device variation, read noise or weight quantisation.
 *
 * <p>The thresholds are measured, not derived: the shipped fmnist generator on {@code paper} (28
 * dB) reads 2.6–8.4 % of its conversions as code 0, clips none, and its tanh layer sits at a rail
 * for 54 % of the pixels; with {@code --set adc.bits=4} (9.4 dB) 40–57 % read code 0.
 */
public final class QualityDiagnosis {
  /** A layer clipping more than this share of its conversions is a cause, and warns on its own. */
  public static final double CLIP_WARNING_FRACTION = 0.10;

  /** A layer losing more than this share of its conversions to code 0 is a cause. */
  public static final double ZERO_CODE_WARNING_FRACTION = 0.25;

  /** A hidden layer whose activations saturate beyond this share is a cause. */
  public static final double SATURATION_WARNING_FRACTION = 0.50;

  private QualityDiagnosis() {}

  /**
   * The warning for a run, or empty when the images are fine; {@code quality} may be null (not
   * compared), in which case only clipping can warn. {@code stages} in chip order.
   */
  public static Optional<String> warning(ImageQuality quality, List<Stage> stages) {
    boolean degraded = quality != null && quality.degraded();
    Stage worst = null;
    double worstShare = 0;
    String cause = null;
    double maxClip = 0;
    for (Stage st : stages) {
      StageStats s = st.stats();
      double clip = orZero(s.adcClipFraction());
      double zero = orZero(s.adcZeroCodeFraction());
      maxClip = Math.max(maxClip, clip);
      if (clip > CLIP_WARNING_FRACTION && clip > worstShare) {
        worst = st;
        worstShare = clip;
        cause =
            percent(clip)
                + " of its ADC conversions clipped at full scale (raise adc.fullScaleFraction"
                + " or adc.bits)";
      }
      if (zero > ZERO_CODE_WARNING_FRACTION && zero > worstShare) {
        worst = st;
        worstShare = zero;
        cause =
            percent(zero)
                + " of its ADC conversions read code 0 although the column carried a signal"
                + " (the ADC step is coarser than the signal: raise adc.bits or lower adc.fullScaleFraction)";
      }
    }
    if (worst == null) {
      for (int i = 0; i < stages.size(); i++) {
        Stage st = stages.get(i);
        boolean last = i == stages.size() - 1 || !stages.get(i + 1).network().equals(st.network());
        double sat = orZero(st.stats().activationSaturationFraction());
        if (!last && sat > SATURATION_WARNING_FRACTION && sat > worstShare) {
          worst = st;
          worstShare = sat;
          cause =
              percent(sat)
                  + " of its activation units were driven into saturation (the activation"
                  + " range is too small for the layer's outputs)";
        }
      }
    }
    if (!degraded && maxClip <= CLIP_WARNING_FRACTION) {
      return Optional.empty();
    }
    StringBuilder w = new StringBuilder();
    if (degraded) {
      w.append(
          String.format(
              Locale.ROOT,
              "images badly degraded: PSNR %.1f dB against the float network" + " (below %.0f dB)",
              quality.meanPsnrDb(),
              ImageQuality.DEGRADED_PSNR_DB));
    } else {
      w.append("ADC clipping");
    }
    if (worst == null) {
      w.append(
          String.format(
              Locale.ROOT,
              "; no layer clips over %.0f %% of its conversions or reads over %.0f %% as code 0,"
                  + " and no hidden layer saturates over %.0f %% of its activations (the output"
                  + " layer is not judged: a tanh sits at its rails on background pixels): suspect"
                  + " device variation, read noise or weight quantisation (crossbar.synapse.levels)",
              100 * CLIP_WARNING_FRACTION,
              100 * ZERO_CODE_WARNING_FRACTION,
              100 * SATURATION_WARNING_FRACTION));
    } else {
      w.append("; worst layer ").append(worst.tag()).append(": ").append(cause);
    }
    return Optional.of(w.toString());
  }

  private static double orZero(double x) {
    return Double.isNaN(x) ? 0 : x;
  }

  private static String percent(double f) {
    return String.format(Locale.ROOT, "%.1f %%", 100 * f);
  }
}
