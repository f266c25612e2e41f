package dev.spinsim.network.quality;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.List;
import java.util.Locale;

/**
 * {@code fid.csv}: one row per source with the columns {@link #HEADER}. Free of timings, so the
 * same inputs and seed give the same bytes. {@code relative_to_float} is fid / fid(float) when a
 * {@code float} row exists (the goal: hardware within 10 % of float), else empty.
 */
public final class FidTable {
  public static final String HEADER =
      "source,samples,seed,fid,relative_to_float,extractor,classifier_accuracy,reference,reference_samples";

  private FidTable() {}

  /**
   * The CSV text for {@code rows} scored with {@code seed} against {@code referenceSamples}
   * reference images.
   */
  public static String csv(
      List<FidRow> rows, long seed, double classifierAccuracy, int referenceSamples) {
    checkArgument(!rows.isEmpty(), "no FID rows to write");
    Double floatFid = null;
    for (FidRow r : rows) {
      if (r.source().equals("float")) {
        floatFid = r.fid();
      }
    }
    StringBuilder sb = new StringBuilder(HEADER).append('\n');
    for (FidRow r : rows) {
      String relative =
          floatFid == null || floatFid == 0
              ? ""
              : String.format(Locale.ROOT, "%.4f", r.fid() / floatFid);
      sb.append(field(r.source()))
          .append(',')
          .append(r.samples())
          .append(',')
          .append(seed)
          .append(',')
          .append(String.format(Locale.ROOT, "%.4f", r.fid()))
          .append(',')
          .append(relative)
          .append(',')
          .append(field(r.extractor()))
          .append(',')
          .append(String.format(Locale.ROOT, "%.4f", classifierAccuracy))
          .append(',')
          .append(field(r.reference()))
          .append(',')
          .append(referenceSamples)
          .append('\n');
    }
    return sb.toString();
  }

  /** RFC 4180 quoting when the value holds a comma, quote or line break. */
  public static String field(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }
}
