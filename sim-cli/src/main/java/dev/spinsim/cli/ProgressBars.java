package dev.spinsim.cli;

import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** The progress bars of long commands, all alike: ASCII, on stderr, refreshed once a second. */
final class ProgressBars {
  private ProgressBars() {}

  /** A bar over {@code images} images (generation on a chip). */
  static ProgressBar images(String task, int images) {
    return base(task, images).setUnit(" img", 1).build();
  }

  /** A bar over the points of a sweep (the extra message shows the best so far). */
  static ProgressBar points(String task, long points) {
    return base(task, points).setUnit(" pts", 1).continuousUpdate().build();
  }

  /** A bar over the batches of one training epoch. */
  static ProgressBar epoch(int epoch, int epochs, int batches) {
    return base(String.format(Locale.ROOT, "epoch %d/%d", epoch, epochs), batches)
        .continuousUpdate()
        .build();
  }

  private static ProgressBarBuilder base(String task, long max) {
    return new ProgressBarBuilder()
        .setTaskName(task)
        .setInitialMax(max)
        .setStyle(ProgressBarStyle.ASCII)
        .setUpdateIntervalMillis(1000)
        .setConsumer(new ConsoleProgressBarConsumer(System.err, renderedLength()));
  }

  /**
   * Characters a bar may take: without a console, the 79 the library falls back to (80 columns less
   * its margin), said outright; with one, -1 lets the library ask the terminal. Asking costs a
   * process or two per redraw (JLine runs {@code tty} and {@code test -t}), about 0.1 s of a
   * one-image run.
   */
  static int renderedLength() {
    return System.console() == null ? 79 : -1;
  }
}
