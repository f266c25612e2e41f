package dev.spinsim.cli.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An objective of a sweep: a metric column of {@code results.csv} and whether smaller or larger is
 * better. Short names map to the run's columns: {@code energy} (energy per image, pJ), {@code
 * latency} (ns per image), {@code area} (mm²), {@code power}, {@code psnr} (dB vs float, larger is
 * better), {@code rmse}, {@code fid}, {@code throughput} and {@code efficiency} (larger is better),
 * {@code activation} (activation-unit energy per image); any other name is taken as a column name
 * (smaller is better unless it names a throughput, efficiency or PSNR).
 */
public record Objective(String name, List<String> candidates, boolean maximise) {
  /** The default objectives; those whose column a run does not have are left out. */
  public static final List<String> DEFAULTS = List.of("energy", "latency", "area", "psnr");

  /** Parses one name. */
  public static Objective of(String name) {
    String n = name.strip().toLowerCase(Locale.ROOT);
    return switch (n) {
      case "energy" -> new Objective(n, List.of("energy_pj_per_image"), false);
      case "latency" -> new Objective(n, List.of("latency_ns_per_image"), false);
      case "area" ->
          new Objective(n, List.of("area_mm2", "chip_area_mm2", "area_mm2_total"), false);
      case "power" -> new Objective(n, List.of("power_mw", "power_w", "average_power_mw"), false);
      case "psnr" -> new Objective(n, List.of("psnr_db_vs_float", "psnr_db"), true);
      case "rmse" -> new Objective(n, List.of("rmse_vs_float"), false);
      case "fid" -> new Objective(n, List.of("fid"), false);
      case "throughput" -> new Objective(n, List.of("throughput_images_per_s"), true);
      case "efficiency" ->
          new Objective(
              n,
              List.of(
                  "efficiency_tops_per_w", "tops_per_w", "efficiency_gops_per_w", "images_per_j"),
              true);
      case "activation" -> new Objective(n, List.of("activation_energy_pj_per_image"), false);
      default ->
          new Objective(
              n,
              List.of(n),
              n.contains("throughput")
                  || n.contains("efficiency")
                  || n.contains("psnr")
                  || n.contains("per_j")
                  || n.contains("per_w"));
    };
  }

  /** Parses a comma list. */
  public static List<Objective> parse(List<String> names) {
    List<Objective> out = new ArrayList<>();
    for (String s : names) {
      for (String n : s.split(",")) {
        if (!n.isBlank()) {
          out.add(of(n));
        }
      }
    }
    return out;
  }

  /** The column of this objective among {@code columns}, or null when the run has none. */
  public String column(List<String> columns) {
    for (String c : candidates) {
      if (columns.contains(c)) {
        return c;
      }
    }
    if (name.equals("area")) {
      for (String c : columns) {
        if (c.startsWith("area") && c.endsWith("mm2")) {
          return c;
        }
      }
    }
    if (name.equals("power")) {
      for (String c : columns) {
        if (c.contains("power") && (c.endsWith("_mw") || c.endsWith("_w"))) {
          return c;
        }
      }
    }
    if (name.equals("efficiency")) {
      for (String c : columns) {
        if (c.contains("per_w") || c.contains("per_j")) {
          return c;
        }
      }
    }
    return null;
  }

  /** The value to minimise of a row (negated when larger is better); NaN when missing. */
  public double cost(Map<String, String> row, String column) {
    String v = row.get(column);
    if (v == null || v.isEmpty()) {
      return Double.NaN;
    }
    double x;
    try {
      x =
          switch (v) {
            case "inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(v);
          };
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
    return maximise ? -x : x;
  }

  /** {@code "energy (min)"}. */
  public String label() {
    return name + (maximise ? " (max)" : " (min)");
  }
}
