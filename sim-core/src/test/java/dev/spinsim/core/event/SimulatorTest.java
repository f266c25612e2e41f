package dev.spinsim.core.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.unimi.dsi.fastutil.longs.LongArrayList;
import java.util.Comparator;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class SimulatorTest {
  /** Records (time, payload) of every fired event. */
  private static final class Recorder implements EventHandler {
    final LongArrayList times = new LongArrayList();
    final LongArrayList payloads = new LongArrayList();

    @Override
    public void handle(Simulator sim, long timePs, long payload) {
      times.add(timePs);
      payloads.add(payload);
    }
  }

  @Test
  void sameTimeSamePriorityEventsFireInInsertionOrder() {
    Simulator sim = new Simulator();
    Recorder r = new Recorder();
    for (int i = 0; i < 1000; i++) {
      sim.schedule(5000, 0, r, i);
    }
    sim.runUntilEmpty();
    for (int i = 0; i < 1000; i++) {
      assertEquals(i, r.payloads.getLong(i));
    }
  }

  @Test
  void lowerPriorityValueFiresFirstAtTheSameTime() {
    Simulator sim = new Simulator();
    Recorder r = new Recorder();
    sim.schedule(100, 5, r, 50);
    sim.schedule(100, -3, r, -30);
    sim.schedule(100, 0, r, 0);
    sim.schedule(100, 5, r, 51);
    sim.schedule(99, 9, r, 99);
    sim.runUntilEmpty();
    assertEquals(LongArrayList.of(99, -30, 0, 50, 51), r.payloads);
  }

  @Test
  void eventsFireInTimeOrderAcrossWheelAndFarHeap() {
    Simulator sim = new Simulator(4, 6); // 16 ps buckets, 1024 ps horizon: most events go far
    Recorder r = new Recorder();
    long[] times = {5_000_000, 3, 1023, 1024, 17, 70_000, 16, 15, 999_999, 5_000_000, 0};
    for (int i = 0; i < times.length; i++) {
      sim.schedule(times[i], 0, r, i);
    }
    sim.runUntilEmpty();
    assertEquals(
        LongArrayList.of(0, 3, 15, 16, 17, 1023, 1024, 70_000, 999_999, 5_000_000, 5_000_000),
        r.times);
    assertEquals(0, r.payloads.getLong(9), "first 5_000_000 was inserted at index 0");
    assertEquals(9, r.payloads.getLong(10));
  }

  @Property(tries = 200)
  void firingOrderMatchesAReferencePriorityQueue(
      @ForAll long seed, @ForAll @IntRange(min = 0, max = 12) int widthLog2) {
    assertEquals(reference(seed), engine(seed, widthLog2));
  }

  /**
   * Follow-ups of event {@code id}: a deterministic function of (seed, id), identical in both
   * engines.
   */
  private static long[][] followUps(long seed, long id) {
    SplittableRandom rnd = new SplittableRandom(seed * 31 + id);
    if (id >= 600 || rnd.nextInt(4) == 0) {
      return new long[0][];
    }
    int n = 1 + rnd.nextInt(2);
    long[][] out = new long[n][];
    for (int i = 0; i < n; i++) {
      long delay =
          switch (rnd.nextInt(4)) {
            case 0 -> 0;
            case 1 -> rnd.nextLong(100);
            case 2 -> rnd.nextLong(100_000);
            default -> rnd.nextLong(50_000_000);
          };
      out[i] =
          new long[] {
            delay, rnd.nextInt(3) - 1, rnd.nextInt(10) == 0 ? 1 : 0
          }; // delay, prio, cancel-it
    }
    return out;
  }

  private static LongArrayList engine(long seed, int widthLog2) {
    Simulator sim = new Simulator(widthLog2, 6);
    LongArrayList fired = new LongArrayList();
    long[] nextId = {0};
    EventHandler h =
        new EventHandler() {
          @Override
          public void handle(Simulator s, long t, long id) {
            fired.add(t);
            fired.add(id);
            for (long[] f : followUps(seed, id)) {
              long child = nextId[0]++;
              long handle = s.scheduleAfter(f[0], (int) f[1], this, child);
              if (f[2] == 1) {
                assertTrue(s.cancel(handle));
              }
            }
          }
        };
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int i = 0; i < 50; i++) {
      sim.schedule(rnd.nextLong(1_000_000), rnd.nextInt(3) - 1, h, nextId[0]++);
    }
    sim.runUntilEmpty();
    return fired;
  }

  private static LongArrayList reference(long seed) {
    // a straightforward engine: PriorityQueue ordered by (time, priority, insertion sequence)
    java.util.PriorityQueue<long[]> q =
        new java.util.PriorityQueue<>(
            Comparator.<long[]>comparingLong(e -> e[0])
                .thenComparingLong(e -> e[1])
                .thenComparingLong(e -> e[2]));
    LongArrayList fired = new LongArrayList();
    long seq = 0;
    long nextId = 0;
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int i = 0; i < 50; i++) {
      q.add(new long[] {rnd.nextLong(1_000_000), rnd.nextInt(3) - 1, seq++, nextId++});
    }
    while (!q.isEmpty()) {
      long[] e = q.poll();
      fired.add(e[0]);
      fired.add(e[3]);
      for (long[] f : followUps(seed, e[3])) {
        long child = nextId++;
        long s = seq++;
        if (f[2] == 0) {
          q.add(new long[] {e[0] + f[0], f[1], s, child});
        }
      }
    }
    return fired;
  }

  @Test
  void sameScheduleGivesSameSequence() {
    assertEquals(holdRun(42), holdRun(42));
  }

  private static LongArrayList holdRun(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    Simulator sim = new Simulator();
    LongArrayList out = new LongArrayList();
    EventHandler h =
        new EventHandler() {
          @Override
          public void handle(Simulator s, long t, long p) {
            out.add(t * 1000 + p);
            if (out.size() < 5000) {
              s.scheduleAfter(rnd.nextLong(10_000), (int) (p % 3), this, p);
            }
          }
        };
    for (int i = 0; i < 200; i++) {
      sim.schedule(rnd.nextLong(10_000), i % 3, h, i);
    }
    sim.runUntilEmpty();
    return out;
  }

  @Test
  void cancelledEventDoesNotFireAndItsHandleGoesStale() {
    Simulator sim = new Simulator();
    Recorder r = new Recorder();
    long a = sim.schedule(100, 0, r, 1);
    long b = sim.schedule(200, 0, r, 2);
    long c = sim.schedule(10_000_000_000L, 0, r, 3); // far heap
    assertEquals(3, sim.pending());
    assertTrue(sim.cancel(b));
    assertTrue(sim.cancel(c));
    assertFalse(sim.cancel(b), "second cancel is rejected");
    assertEquals(1, sim.pending());
    sim.runUntilEmpty();
    assertEquals(LongArrayList.of(1), r.payloads);
    assertFalse(sim.cancel(a), "a fired handle is stale");
    assertFalse(sim.isPending(a));
  }

  @Test
  void staleHandleDoesNotCancelTheEventThatReusedItsSlot() {
    Simulator sim = new Simulator();
    Recorder r = new Recorder();
    long a = sim.schedule(10, 0, r, 1);
    sim.runUntilEmpty();
    long b = sim.schedule(20, 0, r, 2); // reuses a's slot
    assertEquals((int) a, (int) b, "slot is reused");
    assertFalse(sim.cancel(a));
    sim.runUntilEmpty();
    assertEquals(LongArrayList.of(1, 2), r.payloads);
  }

  @Test
  void runUntilStopsAtTheTimeAndAdvancesNow() {
    Simulator sim = new Simulator();
    Recorder r = new Recorder();
    for (long t : new long[] {100, 200, 300, 5_000_000, 9_000_000_000L}) {
      sim.schedule(t, 0, r, t);
    }
    sim.runUntil(200);
    assertEquals(LongArrayList.of(100, 200), r.times);
    assertEquals(200, sim.nowPs());
    sim.runUntil(250);
    assertEquals(250, sim.nowPs());
    assertEquals(3, sim.pending());
    sim.schedule(260, 0, r, 260);
    sim.runUntil(6_000_000);
    assertEquals(LongArrayList.of(100, 200, 260, 300, 5_000_000), r.times);
    assertEquals(6_000_000, sim.nowPs());
    assertEquals(9_000_000_000L, sim.nextEventPs());
    sim.runUntilEmpty();
    assertEquals(9_000_000_000L, sim.nowPs());
    assertEquals(6, sim.eventsProcessed());
    assertEquals(Long.MAX_VALUE, sim.nextEventPs());
  }

  @Test
  void schedulingInThePastIsRejected() {
    Simulator sim = new Simulator();
    sim.schedule(100, 0, (s, t, p) -> {}, 0);
    sim.runUntilEmpty();
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> sim.schedule(99, 0, (s, t, p) -> {}, 0));
    assertTrue(e.getMessage().contains("got 99"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> sim.schedule(200, 1 << 20, (s, t, p) -> {}, 0));
  }

  @Test
  void runEventsFiresExactlyTheRequestedCount() {
    Simulator sim = new Simulator();
    EventHandler self =
        new EventHandler() {
          @Override
          public void handle(Simulator s, long t, long p) {
            s.scheduleAfter(7, 0, this, p);
          }
        };
    sim.schedule(0, 0, self, 0);
    assertEquals(1000, sim.runEvents(1000));
    assertEquals(1000, sim.eventsProcessed());
    assertEquals(999 * 7, sim.nowPs());
    assertEquals(1, sim.pending());
  }

  @Test
  void stopEndsTheRunAfterTheCurrentEvent() {
    Simulator sim = new Simulator();
    Recorder r = new Recorder();
    sim.schedule(10, 0, r, 1);
    sim.schedule(20, 0, (s, t, p) -> s.stop(), 2);
    sim.schedule(30, 0, r, 3);
    sim.runUntilEmpty();
    assertEquals(20, sim.nowPs());
    assertEquals(1, sim.pending());
  }

  @Test
  void slotPoolIsReusedSoTheEngineStaysBounded() {
    Simulator sim = new Simulator();
    EventHandler self =
        new EventHandler() {
          @Override
          public void handle(Simulator s, long t, long p) {
            s.scheduleAfter(1 + (p * 7919) % 100_000, 0, this, p);
          }
        };
    for (int i = 0; i < 100; i++) {
      sim.schedule(i, 0, self, i);
    }
    sim.runEvents(100_000);
    long first = sim.schedule(sim.nowPs(), 0, self, 0);
    assertTrue((int) first < 256, "slots stay within the initial pool, got slot " + (int) first);
  }
}
