package dev.spinsim.cli.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;

/**
 * A Gantt-style chart of when each layer is busy (one bar per layer from its start to its end),
 * drawn directly with Java2D because XChart has no horizontal bars: it shows how layers pipeline.
 */
final class TimelineChart {
  private static final int ROW_PX = 24;
  private static final int BAR_PX = 14;
  private static final int TOP_PX = 64;
  private static final int BOTTOM_PX = 56;
  private static final int RIGHT_PX = 28;
  private static final Color INK = new Color(0x33, 0x33, 0x33);
  private static final Color GRID = new Color(0xE4, 0xE4, 0xE4);

  private TimelineChart() {}

  /**
   * Draws bars {@code start[i]..end[i]} (already in the display unit) labelled {@code labels[i]} in
   * {@code colors[i]}, with a legend of {@code legendNames}/{@code legendColors}.
   */
  static BufferedImage render(
      String title,
      String axisTitle,
      List<String> labels,
      double[] start,
      double[] end,
      Color[] colors,
      List<String> legendNames,
      Color[] legendColors,
      int width,
      Font base,
      Font titleFont) {
    int rows = labels.size();
    int height = TOP_PX + rows * ROW_PX + BOTTOM_PX;
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_OFF);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, width, height);

      Font tick = base.deriveFont(11f);
      g.setFont(tick);
      FontMetrics fm = g.getFontMetrics();
      int labelWidth = 0;
      for (String label : labels) {
        labelWidth = Math.max(labelWidth, fm.stringWidth(label));
      }
      int left = 16 + labelWidth + 12;
      int plotWidth = Math.max(50, width - left - RIGHT_PX);
      int plotTop = TOP_PX;
      int plotBottom = TOP_PX + rows * ROW_PX;

      double max = 0;
      for (double e : end) {
        max = Math.max(max, e);
      }
      double step = niceStep(max <= 0 ? 1 : max);
      double axisMax = Math.max(step, Math.ceil(max / step - 1e-9) * step);

      // title and legend
      g.setColor(INK);
      g.setFont(titleFont);
      FontMetrics tfm = g.getFontMetrics();
      g.drawString(title, (width - tfm.stringWidth(title)) / 2, 12 + tfm.getAscent());
      g.setFont(tick);
      int lx = width - RIGHT_PX;
      for (int i = legendNames.size() - 1; i >= 0; i--) {
        String name = legendNames.get(i);
        lx -= fm.stringWidth(name);
        g.setColor(INK);
        g.drawString(name, lx, 44);
        lx -= 16;
        g.setColor(legendColors[i]);
        g.fillRect(lx, 44 - 10, 11, 11);
        lx -= 14;
      }

      // vertical grid and x ticks
      g.setStroke(new BasicStroke(1f));
      for (int k = 0; k * step <= axisMax + step * 1e-9; k++) {
        double v = k * step;
        int x = left + (int) Math.round(v / axisMax * plotWidth);
        g.setColor(GRID);
        g.drawLine(x, plotTop, x, plotBottom);
        g.setColor(INK);
        g.drawLine(x, plotBottom, x, plotBottom + 4);
        String text = tickLabel(v, step);
        g.drawString(text, x - fm.stringWidth(text) / 2, plotBottom + 6 + fm.getAscent());
      }
      g.setColor(INK);
      g.drawLine(left, plotBottom, left + plotWidth, plotBottom);
      g.setFont(base);
      FontMetrics afm = g.getFontMetrics();
      g.drawString(
          axisTitle,
          left + (plotWidth - afm.stringWidth(axisTitle)) / 2,
          plotBottom + 28 + afm.getAscent());

      // rows
      g.setFont(tick);
      for (int i = 0; i < rows; i++) {
        int yCenter = plotTop + i * ROW_PX + ROW_PX / 2;
        g.setColor(INK);
        String label = labels.get(i);
        g.drawString(label, left - 12 - fm.stringWidth(label), yCenter + fm.getAscent() / 2 - 1);
        int x0 = left + (int) Math.round(start[i] / axisMax * plotWidth);
        int x1 = left + (int) Math.round(end[i] / axisMax * plotWidth);
        g.setColor(colors[i]);
        g.fillRect(x0, yCenter - BAR_PX / 2, Math.max(2, x1 - x0), BAR_PX);
      }
    } finally {
      g.dispose();
    }
    return image;
  }

  /** A step of 1, 2 or 5 × 10^k giving about five to ten ticks over [0, max]. */
  static double niceStep(double max) {
    double raw = max / 8;
    double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
    double fraction = raw / magnitude;
    double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
    return nice * magnitude;
  }

  private static String tickLabel(double v, double step) {
    int decimals = Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
    return String.format(Locale.ROOT, "%." + decimals + "f", v);
  }
}
