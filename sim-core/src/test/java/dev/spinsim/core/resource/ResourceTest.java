package dev.spinsim.core.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.spinsim.core.event.Simulator;
import org.junit.jupiter.api.Test;

class ResourceTest {
  private static final long T = 1250; // ADC conversion time in ps

  @Test
  void eightColumnsOnOneAdcFinishAtEightConversions() {
    Resource adc = new Resource("adc", 1);
    long last = 0;
    for (int col = 0; col < 8; col++) {
      long start = adc.acquire(0, T);
      assertEquals(col * T, start);
      last = start + T;
    }
    assertEquals(8 * T, last);
    assertEquals(8 * T, adc.lastFinishPs());
    assertEquals(8 * T, adc.busyPs());
    assertEquals(T * (0 + 1 + 2 + 3 + 4 + 5 + 6 + 7), adc.waitPs());
    assertEquals(7, adc.peakQueueLength());
    assertEquals(8, adc.acquisitions());
    assertEquals(1.0, adc.utilisation(8 * T), 1e-12);
  }

  @Test
  void capacityTwoHalvesTheMakespan() {
    Resource adc = new Resource("adc", 2);
    for (int col = 0; col < 8; col++) {
      adc.acquire(0, T);
    }
    assertEquals(4 * T, adc.lastFinishPs());
    assertEquals(6, adc.peakQueueLength());
    assertEquals(2 * T * (0 + 1 + 2 + 3), adc.waitPs());
  }

  @Test
  void requestsAfterTheServerFreesUpDoNotWait() {
    Resource bus = new Resource("bus", 1);
    assertEquals(0, bus.acquire(0, 100));
    assertEquals(100, bus.acquire(50, 100));
    assertEquals(500, bus.acquire(500, 100));
    assertEquals(50, bus.waitPs());
    assertEquals(1, bus.peakQueueLength());
    assertEquals(0.3, bus.utilisation(1000), 1e-12);
  }

  @Test
  void queueingEmergesInAnEventDrivenRun() {
    // 8 columns become ready at the same edge; each handler books the ADC and schedules the done
    // event
    Simulator sim = new Simulator();
    Resource adc = new Resource("adc", 1);
    long[] done = new long[1];
    for (int col = 0; col < 8; col++) {
      sim.schedule(
          1000,
          0,
          (s, t, p) -> {
            long start = adc.acquire(t, T);
            s.schedule(start + T, 0, (s2, t2, p2) -> done[0] = Math.max(done[0], t2), p);
          },
          col);
    }
    sim.runUntilEmpty();
    assertEquals(1000 + 8 * T, done[0]);
  }

  @Test
  void invalidArgumentsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> new Resource("adc", 0));
    Resource r = new Resource("adc", 1);
    assertThrows(IllegalArgumentException.class, () -> r.acquire(0, -1));
  }
}
