package dev.spinsim.cli.report;

import dev.spinsim.network.run.RunMetrics;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The short table {@code spinsim generate} prints when it finishes: per-image latency, throughput,
 * total and activation-only energy, the G/D split, the largest energy consumers and where the run
 * folder is. ASCII only, so it reads in any terminal.
 */
public final class TerminalSummary {
  /** How many component classes the table lists before lumping the rest together. */
  static final int TOP_CLASSES = 5;

  private TerminalSummary() {}

  /** The table for {@code report}, written to {@code folder} (null when nothing was written). */
  public static String render(RunReport report, Path folder) {
    RunIdentity id = report.identity();
    RunMetrics m = report.metrics();
    StringBuilder out = new StringBuilder();
    out.append("spinsim generate: ")
        .append(id.model())
        .append(" on ")
        .append(id.preset())
        .append(m.overrides().isEmpty() ? "" : " [" + m.overrides() + "]")
        .append(", ")
        .append(id.images())
        .append(id.images() == 1 ? " image" : " images")
        .append(", seed ")
        .append(id.seed())
        .append(", ")
        .append(id.mode().label())
        .append('\n');
    for (String note : id.notes()) {
      out.append("  note: ").append(note).append('\n');
    }
    List<String[]> rows = new ArrayList<>();
    Map<String, String> comments = comments(report);
    for (RunMetrics.Column c : RunMetrics.COLUMNS) {
      if (!c.headline()) {
        continue;
      }
      Object v = c.value(m);
      if (v == null) {
        String why = comments.get(c.name() + "?");
        if (why != null) {
          rows.add(new String[] {c.label(), "n/a", why});
        }
        continue;
      }
      rows.add(new String[] {c.label(), human(c, v, true), comments.getOrDefault(c.name(), "")});
    }
    table(out, rows);
    for (String w : report.warnings()) {
      out.append("warning: ").append(w).append('\n');
    }

    out.append("energy by component class (per image)\n");
    List<String[]> classes = new ArrayList<>();
    int shown = 0;
    double rest = 0;
    int restCount = 0;
    double perImageTotal = report.energyPjPerImage();
    for (Map.Entry<String, Double> e : EnergyBreakdown.byClass(report).entrySet()) {
      if (shown < TOP_CLASSES) {
        classes.add(
            new String[] {
              e.getKey(), Numbers.energy(e.getValue(), true), share(e.getValue(), perImageTotal)
            });
        shown++;
      } else {
        rest += e.getValue();
        restCount++;
      }
    }
    if (restCount > 0) {
      classes.add(
          new String[] {
            "(" + restCount + " more)", Numbers.energy(rest, true), share(rest, perImageTotal)
          });
    }
    table(out, classes);
    if (folder != null) {
      out.append("written to ").append(folder).append('\n');
    }
    return out.toString();
  }

  /**
   * What a headline figure counted ({@code name}), and why a figure is missing ({@code name +
   * "?"}).
   */
  static Map<String, String> comments(RunReport report) {
    RunMetrics m = report.metrics();
    Map<String, String> c = new java.util.HashMap<>();
    String noTime = "functional mode simulates no timing";
    c.put("latency_ns_per_image?", noTime);
    c.put("throughput_images_per_s?", noTime);
    c.put(
        "energy_pj_per_image",
        m.timed()
            ? "all components, leakage included"
            : "all components, leakage left out (no time simulated)");
    c.put(
        "activation_energy_pj_per_image",
        "every activation unit: "
            + report.identity().details().getOrDefault(ACTIVATION_DEVICES, "none"));
    c.put(
        "dw_activation_energy_pj_per_image",
        "domain-wall units only (the paper's testing energy): "
            + report.identity().details().getOrDefault(DW_DEVICES, "none on this chip"));
    if (m.discriminator() != null) {
      c.put(
          "g_energy_pj_per_image",
          Numbers.percent(m.generator().energyPj() / Math.max(1e-300, m.energyPj())));
      c.put(
          "d_energy_pj_per_image",
          Numbers.percent(m.discriminator().energyPj() / Math.max(1e-300, m.energyPj())));
    }
    c.put("psnr_db_vs_float", "the same latents through the float network");
    c.put("area_mm2", "every component the mapping places (area.csv)");
    c.put("power_mw?", noTime);
    c.put(
        "power_mw",
        "energy / simulated time; peak tile " + Numbers.fourDigits(m.peakTilePowerMw()) + " mW");
    c.put("tops_per_w", "real MACs only, inserted zeros not counted");
    c.put("images_per_s_per_mm2?", noTime);
    return c;
  }

  /** Detail key listing the activation devices (ledger classes) the activation figure counted. */
  public static final String ACTIVATION_DEVICES = "activation devices counted";

  /** Detail key listing the domain-wall devices the DW figure counted. */
  public static final String DW_DEVICES = "domain-wall devices counted";

  /** A metric's value for people: SI prefixes and units by kind. */
  static String human(RunMetrics.Column c, Object v, boolean ascii) {
    if (!(v instanceof Double d)) {
      return v.toString();
    }
    return switch (c.kind()) {
      case TIME_NS -> Numbers.time(d, ascii);
      case ENERGY_PJ -> Numbers.energy(d, ascii);
      case RATE_PER_S -> Numbers.si(d, 0, "", ascii).strip(); // the label carries the unit
      case DB ->
          Double.isInfinite(d)
              ? "inf dB (identical)"
              : String.format(java.util.Locale.ROOT, "%.2f dB", d);
      default -> Numbers.fourDigits(d);
    };
  }

  private static String share(double part, double total) {
    return total == 0 ? "" : Numbers.percent(part / total);
  }

  /** Rows of label, value (right-aligned), comment, indented by two spaces. */
  private static void table(StringBuilder out, List<String[]> rows) {
    int labelWidth = 0;
    int valueWidth = 0;
    for (String[] r : rows) {
      labelWidth = Math.max(labelWidth, r[0].length());
      valueWidth = Math.max(valueWidth, r[1].length());
    }
    for (String[] r : rows) {
      StringBuilder line = new StringBuilder("  ");
      line.append(r[0]).append(" ".repeat(labelWidth - r[0].length() + 2));
      line.append(" ".repeat(valueWidth - r[1].length())).append(r[1]);
      if (!r[2].isEmpty()) {
        line.append("   ").append(r[2]);
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
  }
}
