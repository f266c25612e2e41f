package dev.spinsim.core.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.spinsim.core.event.Simulator;
import java.util.Arrays;
import java.util.SplittableRandom;
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

  /** The statistics of a resource, to compare two. */
  private static String stats(Resource r) {
    return r.acquisitions()
        + " busy "
        + r.busyPs()
        + " wait "
        + r.waitPs()
        + " max "
        + r.maxWaitPs()
        + " queue "
        + r.peakQueueLength()
        + " last "
        + r.lastFinishPs()
        + " free "
        + r.earliestFreePs();
  }

  @Test
  void bookingsMatchAUnitByUnitModel() {
    // the textbook server: scan the units, book the one that frees up first
    SplittableRandom rng = new SplittableRandom(7);
    for (int capacity = 1; capacity <= 6; capacity++) {
      Resource r = new Resource("r", capacity);
      long[] free = new long[capacity];
      long now = 0;
      for (int i = 0; i < 2000; i++) {
        now += rng.nextInt(4) * 100L;
        long earliest = now + rng.nextInt(3) * 50L;
        long duration = rng.nextInt(1, 6) * 100L;
        int best = 0;
        for (int u = 1; u < capacity; u++) {
          if (free[u] < free[best]) {
            best = u;
          }
        }
        long start = Math.max(earliest, free[best]);
        free[best] = start + duration;
        assertEquals(start, r.acquire(earliest, duration), "capacity " + capacity + " #" + i);
        assertEquals(Arrays.stream(free).min().orElseThrow(), r.earliestFreePs());
        int freeAt = (int) Arrays.stream(free).filter(f -> f <= earliest).count();
        assertEquals(freeAt, r.freeAt(earliest));
      }
    }
  }

  @Test
  void seriesPeriodicAndFreeBatchesBookWhatSingleBookingsWould() {
    SplittableRandom rng = new SplittableRandom(11);
    for (int capacity = 1; capacity <= 4; capacity++) {
      Resource batched = new Resource("b", capacity);
      Resource single = new Resource("s", capacity);
      long now = 0;
      for (int i = 0; i < 500; i++) {
        now += rng.nextInt(5) * 100L;
        long duration = rng.nextInt(1, 4) * 100L;
        int count = rng.nextInt(1, 6);
        switch (rng.nextInt(4)) {
          case 0 -> assertEquals(single.acquire(now, duration), batched.acquire(now, duration));
          case 1 -> {
            long e = now;
            for (int k = 0; k < count; k++) {
              e = single.acquire(e, duration) + duration;
            }
            assertEquals(e, batched.acquireSeries(now, duration, count));
          }
          case 2 -> {
            long period = rng.nextInt(1, 5) * 100L;
            long last = 0;
            for (int k = 0; k < count; k++) {
              last = single.acquire(now + k * period, duration);
            }
            assertEquals(last, batched.acquirePeriodic(now, duration, period, count));
          }
          default -> {
            int n = Math.min(count, batched.freeAt(now));
            if (n > 0) {
              for (int k = 0; k < n; k++) {
                assertEquals(now, single.acquire(now, duration));
              }
              batched.acquireFree(now, duration, n);
            }
          }
        }
        assertEquals(stats(single), stats(batched), "capacity " + capacity + " step " + i);
      }
    }
  }

  @Test
  void aBatchOfFreeBookingsNeedsThatManyFreeUnits() {
    Resource r = new Resource("shift-add", 4);
    r.acquire(0, 1000);
    assertEquals(3, r.freeAt(0));
    assertThrows(IllegalArgumentException.class, () -> r.acquireFree(0, 100, 4));
    r.acquireFree(0, 100, 3);
    assertEquals(0, r.freeAt(50));
    assertEquals(3, r.freeAt(100));
    assertEquals(4, r.acquisitions());
  }

  @Test
  void aCopyTakesOverTheBookingsAndStatisticsOfItsTwin() {
    Resource twin = new Resource("crossbar0", 1);
    Resource copy = new Resource("crossbar1", 1);
    Resource alike = new Resource("crossbar2", 1);
    copy.acquire(0, 5); // overwritten
    for (long t : new long[] {0, 50, 60, 400}) {
      twin.acquire(t, 100);
      alike.acquire(t, 100);
    }
    copy.copyFrom(twin);
    assertEquals(stats(alike), stats(copy));
    assertEquals(twin.acquire(450, 10), copy.acquire(450, 10));
    assertEquals(stats(twin), stats(copy));
    assertThrows(IllegalArgumentException.class, () -> copy.copyFrom(new Resource("adc", 2)));
  }
}
