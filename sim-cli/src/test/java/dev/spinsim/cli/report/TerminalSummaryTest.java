package dev.spinsim.cli.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TerminalSummaryTest {
  @Test
  void showsHeadlineFiguresSplitTopClassesAndFolder() {
    String text =
        TerminalSummary.render(SampleReports.fmnist(true), Path.of("traces/runs/x-fmnist-paper"));
    assertTrue(text.contains("latency / image"), text);
    assertTrue(text.contains("55.26 us"), text);
    assertTrue(text.contains("throughput (images/s)"), text);
    assertTrue(text.contains("24.64 k"), text);
    assertTrue(text.contains("119.6 nJ"), text);
    assertTrue(text.contains("activation units / image"), text);
    assertTrue(text.contains("domain-wall units / image"), text);
    assertTrue(text.contains("4.902 nJ"), text);
    assertTrue(text.contains("G energy / image"), text);
    assertTrue(text.contains("D energy / image"), text);
    assertTrue(text.contains("adc"), text);
    assertTrue(text.contains("51.8 %"), text);
    assertTrue(text.contains("(6 more)"), text);
    assertTrue(text.contains("written to traces/runs/x-fmnist-paper"), text);
  }

  @Test
  void isPlainAsciiWithAlignedValueColumn() {
    String text = TerminalSummary.render(SampleReports.fmnist(false), Path.of("out"));
    assertTrue(text.chars().allMatch(c -> c < 128), text);
    String[] lines = text.split("\n");
    // the headline values end in the same column
    int end = lines[1].indexOf(" us") + 3;
    assertTrue(lines[2].indexOf(" k") + 2 == end, text);
  }

  @Test
  void functionalRunShowsNotesAndNoTiming() {
    String text = TerminalSummary.render(SampleReports.rgbFunctional(2), null);
    assertTrue(text.contains("note: dcgan64 ran on seeded random weights"), text);
    assertTrue(text.contains("latency / image"), text);
    assertTrue(text.contains("n/a"), text);
    assertTrue(text.contains("functional mode simulates no timing"), text);
    assertTrue(text.contains("leakage left out"), text);
    assertFalse(text.contains(" us"), text);
    assertFalse(text.contains("written to"), text);
  }
}
