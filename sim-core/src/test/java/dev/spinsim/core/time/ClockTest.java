package dev.spinsim.core.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class ClockTest {
  @Test
  void frequencyGivesPeriodInPicoseconds() {
    assertEquals(1000, Clock.ofMhz(1000).periodPs());
    assertEquals(10_000, Clock.ofMhz(100).periodPs());
    assertEquals(1429, Clock.ofMhz(700).periodPs(), "1428.57 ps rounds to nearest ps");
    assertEquals(100.0, Clock.ofPeriodPs(10_000).frequencyMhz(), 1e-12);
  }

  @Test
  void timeRoundsUpToTheNextEdge() {
    Clock c = Clock.ofPeriodPs(1000);
    assertEquals(0, c.nextEdgePs(0));
    assertEquals(1000, c.nextEdgePs(1));
    assertEquals(1000, c.nextEdgePs(1000));
    assertEquals(2000, c.nextEdgePs(1001));
    assertEquals(3, c.psToCyclesCeil(2001));
    assertEquals(2, c.psToCyclesCeil(2000));
    assertEquals(5000, c.cyclesToPs(5));
  }

  @Test
  void nanosecondDurationsRoundUpToWholeCycles() {
    Clock c = Clock.ofMhz(1000);
    assertEquals(2000, c.durationPs(2.0), "exact multiple stays");
    assertEquals(3000, c.durationPs(2.001));
    assertEquals(1000, c.durationPs(0.3));
    assertEquals(0, c.durationPs(0));
    assertEquals(
        1000,
        Clock.ofPeriodPs(100).durationPs(0.1 * 10),
        "binary rounding of 0.1*10 does not add a cycle");
    assertEquals(3, c.durationCycles(2.5));
  }

  @Test
  void invalidClocksAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> Clock.ofMhz(0));
    assertThrows(IllegalArgumentException.class, () -> Clock.ofMhz(Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> Clock.ofPeriodPs(-5));
    assertThrows(IllegalArgumentException.class, () -> Clock.ofPeriodPs(1000).psToCyclesCeil(-1));
  }

  @Property
  void nextEdgeIsTheSmallestEdgeNotBeforeTheTime(
      @ForAll @LongRange(min = 1, max = 100_000) long period,
      @ForAll @LongRange(min = 0, max = 1L << 40) long t) {
    Clock c = Clock.ofPeriodPs(period);
    long e = c.nextEdgePs(t);
    assertEquals(0, e % period);
    assertEquals(true, e >= t && e - t < period);
  }
}
