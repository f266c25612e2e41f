package dev.spinsim.network.robustness;

import static com.google.common.base.Preconditions.checkArgument;

import dev.spinsim.network.quality.FidTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code compare.csv} (the software reference rows, then one row per weight set, knob and level; no
 * timings, so the same inputs and seed give the same bytes) and {@code compare.md}, the same
 * numbers as a README table with one column per weight set.
 */
public final class CompareTable {
  public static final String HEADER =
      "weights,preset,knob,level,at_preset,samples,seed,fid,fid_relative_to_float,extractor";

  private CompareTable() {}

  public static String csv(List<CompareRow> rows) {
    checkArgument(!rows.isEmpty(), "no comparison rows to write");
    StringBuilder sb = new StringBuilder(HEADER).append('\n');
    for (CompareRow r : rows) {
      sb.append(field(r.weights()))
          .append(',')
          .append(field(r.preset()))
          .append(',')
          .append(field(r.knob()))
          .append(',')
          .append(r.isReference() ? "" : Knob.format(r.level()))
          .append(',')
          .append(r.isReference() ? "" : Boolean.toString(r.atPreset()))
          .append(',')
          .append(r.samples())
          .append(',')
          .append(r.seed())
          .append(',')
          .append(String.format(Locale.ROOT, "%.4f", r.fid()))
          .append(',')
          .append(
              Double.isFinite(r.fidRelativeToFloat())
                  ? String.format(Locale.ROOT, "%.4f", r.fidRelativeToFloat())
                  : "")
          .append(',')
          .append(field(r.extractor()))
          .append('\n');
    }
    return sb.toString();
  }

  /**
   * A Markdown table: one line per knob and level, one column per weight set with FID and, in
   * brackets, FID relative to the float generator in software; a heading sentence says what was
   * measured. {@code labels} maps weight-set names to column titles (in column order).
   */
  public static String markdown(List<CompareRow> rows, Map<String, String> labels) {
    checkArgument(!rows.isEmpty(), "no comparison rows to write");
    List<CompareRow> references = new ArrayList<>();
    Map<String, Map<String, CompareRow>> byPoint =
        new LinkedHashMap<>(); // "knob level" -> weights -> row
    List<CompareRow> firstOfPoint = new ArrayList<>();
    for (CompareRow r : rows) {
      if (r.isReference()) {
        references.add(r);
        continue;
      }
      String key = r.knob() + " " + Knob.format(r.level());
      Map<String, CompareRow> cells = byPoint.get(key);
      if (cells == null) {
        cells = new LinkedHashMap<>();
        byPoint.put(key, cells);
        firstOfPoint.add(r);
      }
      cells.put(r.weights(), r);
    }
    CompareRow any = rows.get(0);
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "FID (lower is better) against the Fashion-MNIST training set in `%s` features, "
                + "%d samples per row, seed %d; preset `%s` with one knob swept at a time, the others at the preset's values "
                + "(*: the preset's own level).",
            any.extractor(),
            any.samples(),
            any.seed(),
            firstOfPoint.isEmpty() ? "-" : firstOfPoint.get(0).preset()));
    for (int i = 0; i < references.size(); i++) {
      CompareRow r = references.get(i);
      sb.append(
          i == 0
              ? String.format(
                  Locale.ROOT,
                  " `%s` weights on `%s`: FID %.2f; brackets: FID / that.",
                  r.weights(),
                  r.preset(),
                  r.fid())
              : String.format(
                  Locale.ROOT,
                  " `%s` weights on `%s`: FID %.2f (%.2f×).",
                  r.weights(),
                  r.preset(),
                  r.fid(),
                  r.fidRelativeToFloat()));
    }
    sb.append("\n\n| knob | level |");
    for (String title : labels.values()) {
      sb.append(' ').append(title).append(" |");
    }
    sb.append("\n|---|---:|");
    sb.append("---:|".repeat(labels.size()));
    sb.append('\n');
    for (CompareRow first : firstOfPoint) {
      Map<String, CompareRow> cells = byPoint.get(first.knob() + " " + Knob.format(first.level()));
      sb.append("| ")
          .append(first.knob())
          .append(" | ")
          .append(Knob.format(first.level()))
          .append(first.atPreset() ? "*" : "")
          .append(" |");
      for (String weights : labels.keySet()) {
        CompareRow c = cells.get(weights);
        sb.append(' ').append(c == null ? "–" : cell(c)).append(" |");
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  private static String cell(CompareRow c) {
    return Double.isFinite(c.fidRelativeToFloat())
        ? String.format(Locale.ROOT, "%.2f (%.2f×)", c.fid(), c.fidRelativeToFloat())
        : String.format(Locale.ROOT, "%.2f", c.fid());
  }

  private static String field(String s) {
    return FidTable.field(s);
  }
}
