package dev.spinsim.cli.report;

import dev.spinsim.cli.output.RunFolder;
import java.nio.file.Path;
import java.time.LocalDateTime;

/** Writes the sample reports under a directory so a person can look at them (not a test). */
public final class SampleReportDemo {
  private SampleReportDemo() {}

  /** {@code args[0]}: the directory to write runs into (default /tmp/spinsim-sample-runs). */
  public static void main(String[] args) throws Exception {
    Path root = Path.of(args.length > 0 ? args[0] : "/tmp/spinsim-sample-runs");
    LocalDateTime t = LocalDateTime.of(2025, 1, 2, 3, 4, 5);
    RunReport gd = SampleReports.fmnist(true);
    Path a = RunWriter.write(gd, RunFolder.defaultTarget(root, t, "fmnist", "paper"));
    System.out.print(TerminalSummary.render(gd, a));
    RunReport g = SampleReports.fmnist(false);
    Path b = RunWriter.write(g, RunFolder.defaultTarget(root, t.plusSeconds(1), "fmnist", "paper"));
    System.out.print(TerminalSummary.render(g, b));
    RunReport rgb = SampleReports.rgbFunctional(9);
    Path c = RunWriter.write(rgb, RunFolder.defaultTarget(root, t, "dcgan64", "ideal"));
    System.out.print(TerminalSummary.render(rgb, c));
  }
}
