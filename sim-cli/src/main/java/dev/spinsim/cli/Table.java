package dev.spinsim.cli;

import java.util.List;

/** A plain aligned text table for the terminal: text left-aligned, numbers right-aligned. */
final class Table {
  private Table() {}

  static String render(List<String> header, List<List<String>> rows) {
    int[] w = new int[header.size()];
    for (int c = 0; c < w.length; c++) {
      w[c] = header.get(c).length();
      for (List<String> r : rows) {
        w[c] = Math.max(w[c], r.get(c).length());
      }
    }
    StringBuilder sb = new StringBuilder();
    line(sb, header, w, rows.isEmpty() ? List.of() : rows.get(0));
    for (int c = 0; c < w.length; c++) {
      sb.append("-".repeat(w[c])).append(c + 1 < w.length ? "  " : "\n");
    }
    for (List<String> r : rows) {
      line(sb, r, w, r);
    }
    return sb.toString();
  }

  private static void line(StringBuilder sb, List<String> cells, int[] w, List<String> sample) {
    for (int c = 0; c < w.length; c++) {
      String s = cells.get(c);
      boolean numeric = !sample.isEmpty() && sample.get(c).matches("[-0-9.,%eE+]+");
      String pad = " ".repeat(w[c] - s.length());
      sb.append(numeric ? pad + s : s + pad).append(c + 1 < w.length ? "  " : "\n");
    }
  }
}
