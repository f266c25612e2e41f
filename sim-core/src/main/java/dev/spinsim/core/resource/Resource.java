package dev.spinsim.core.resource;

import static com.google.common.base.Preconditions.checkArgument;

import it.unimi.dsi.fastutil.longs.LongHeapPriorityQueue;

/**
 * A shared server with {@code capacity} identical units (a shared ADC, a bus, a buffer port).
 * {@link #acquire} books the unit that frees up first, so queueing falls out of the bookings; busy
 * time, waiting time and the longest queue are kept as the bookings are made.
 */
public final class Resource {
  private final String name;
  private final int capacity;
  private final long[] nextFreePs;

  /** Start times of requests that had to wait and are still waiting at the latest request. */
  private final LongHeapPriorityQueue waitingStarts = new LongHeapPriorityQueue();

  private long busyPs;
  private long waitPs;
  private long maxWaitPs;
  private long acquisitions;
  private int peakQueueLength;
  private long lastFinishPs;

  public Resource(String name, int capacity) {
    checkArgument(name != null && !name.isBlank(), "resource name must not be blank");
    checkArgument(capacity > 0, "resource capacity must be a positive integer, got %s", capacity);
    this.name = name;
    this.capacity = capacity;
    this.nextFreePs = new long[capacity];
  }

  /**
   * Books the unit that frees up first for {@code durationPs}, starting no earlier than {@code
   * earliestPs}; returns the start time. Requests are served in call order.
   */
  public long acquire(long earliestPs, long durationPs) {
    checkArgument(earliestPs >= 0, "earliest time must be >= 0 ps, got %s", earliestPs);
    checkArgument(durationPs >= 0, "duration must be >= 0 ps, got %s", durationPs);
    long[] free = nextFreePs;
    int best = 0;
    long bestFree = free[0];
    for (int i = 1; i < free.length; i++) {
      if (free[i] < bestFree) {
        bestFree = free[i];
        best = i;
      }
    }
    long start = Math.max(earliestPs, bestFree);
    long end = start + durationPs;
    free[best] = end;
    busyPs += durationPs;
    long wait = start - earliestPs;
    waitPs += wait;
    if (wait > maxWaitPs) {
      maxWaitPs = wait;
    }
    acquisitions++;
    if (end > lastFinishPs) {
      lastFinishPs = end;
    }
    LongHeapPriorityQueue q = waitingStarts;
    while (!q.isEmpty() && q.firstLong() <= earliestPs) {
      q.dequeueLong();
    }
    if (start > earliestPs) {
      q.enqueue(start);
      if (q.size() > peakQueueLength) {
        peakQueueLength = q.size();
      }
    }
    return start;
  }

  /** Sum of booked durations over all units, in ps. */
  public long busyPs() {
    return busyPs;
  }

  /** Sum over requests of (start - earliest), in ps. */
  public long waitPs() {
    return waitPs;
  }

  /** Longest wait of one request, (start - earliest), in ps. */
  public long maxWaitPs() {
    return maxWaitPs;
  }

  /**
   * Longest queue of waiting requests seen at a request time (exact when requests arrive in time
   * order, as they do from event handlers; a lower bound otherwise).
   */
  public int peakQueueLength() {
    return peakQueueLength;
  }

  public long acquisitions() {
    return acquisitions;
  }

  /** Time the last booked unit frees up, in ps. */
  public long lastFinishPs() {
    return lastFinishPs;
  }

  /** Earliest time any unit is free, in ps. */
  public long earliestFreePs() {
    long min = Long.MAX_VALUE;
    for (long f : nextFreePs) {
      min = Math.min(min, f);
    }
    return min;
  }

  /** Busy fraction of all units over a span of {@code spanPs}. */
  public double utilisation(long spanPs) {
    checkArgument(spanPs > 0, "span must be a positive number of ps, got %s", spanPs);
    return (double) busyPs / ((double) capacity * spanPs);
  }

  public String name() {
    return name;
  }

  public int capacity() {
    return capacity;
  }

  @Override
  public String toString() {
    return "Resource[" + name + ", capacity " + capacity + ", " + acquisitions + " acquisitions]";
  }
}
