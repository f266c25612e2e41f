package dev.spinsim.cli.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The short table {@code spinsim generate} prints when it finishes: per-image latency,
 * throughput, total and activation-only energy, the G/D split, the largest energy consumers and
 * where the run folder is. ASCII only, so it reads in any terminal.
 */
public final class TerminalSummary {
  /** How many component classes the table lists before lumping the rest together. */
  static final int TOP_CLASSES = 5;

  private TerminalSummary() {}

  /** The table for {@code report}, written to {@code folder} (null when nothing was written). */
  public static String render(RunReport report, Path folder) {
    RunIdentity id = report.identity();
    RunSummary s = report.summary();
    StringBuilder out = new StringBuilder();
    out.append("spinsim generate: ")
        .append(id.model())
        .append(" on ")
        .append(id.preset())
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
    if (id.mode() == SimulationMode.FUNCTIONAL) {
      rows.add(new String[] {"latency / image", "n/a", "functional mode simulates no timing"});
    } else {
      rows.add(new String[] {"latency / image", Numbers.time(s.latencyNsPerImage(), true), ""});
      rows.add(
          new String[] {
            "throughput",
            Numbers.si(s.throughputImagesPerS(), 0, "", true).strip() + " images/s",
            ""
          });
    }
    rows.add(new String[] {"energy / image", Numbers.energy(report.energyPjPerImage(), true), "all components"});
    rows.add(
        new String[] {
          "activation-only",
          Numbers.energy(report.activationEnergyPjPerImage(), true),
          "activation units only (the paper's testing energy)"
        });
    for (NetworkTotals n : s.networks()) {
      rows.add(
          new String[] {
            "  " + n.network() + " energy / image",
            Numbers.energy(n.energyPj() / id.images(), true),
            Numbers.percent(s.energyPj() == 0 ? 0 : n.energyPj() / s.energyPj())
                + ", activation-only "
                + Numbers.energy(n.activationEnergyPj() / id.images(), true)
          });
    }
    if (!report.discriminatorScores().isEmpty()) {
      double sum = 0;
      for (double d : report.discriminatorScores()) {
        sum += d;
      }
      rows.add(
          new String[] {
            "D score (mean)", Numbers.fourDigits(sum / report.discriminatorScores().size()), ""
          });
    }
    table(out, rows);

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
              e.getKey(),
              Numbers.energy(e.getValue(), true),
              share(e.getValue(), perImageTotal)
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
