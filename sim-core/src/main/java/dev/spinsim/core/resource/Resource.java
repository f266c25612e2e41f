package dev.spinsim.core.resource;

import static com.google.common.base.Preconditions.checkArgument;

import it.unimi.dsi.fastutil.longs.LongHeapPriorityQueue;
import java.util.Arrays;

/**
 * A shared server with {@code capacity} identical units (a shared ADC, a bus, a buffer port).
 * {@link #acquire} books the unit that frees up first, so queueing falls out of the bookings; busy
 * time, waiting time and the longest queue are kept as the bookings are made.
 */
public final class Resource {
  private final String name;
  private final int capacity;

  /**
   * When the units free up, as runs of equal times in ascending order: {@code runs} runs from
   * {@code head}, run {@code i} holding {@code runCount[i]} units free from {@code runTimePs[i]}.
   * Which of several equally free units is booked changes nothing (they are identical), so a
   * booking takes a unit of the first run; bookings that start together free up together, so a run
   * of many units stays one run and a batch of bookings costs as little as one.
   */
  private long[] runTimePs;

  private int[] runCount;
  private int head;
  private int runs;

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
    this.runTimePs = new long[Math.min(capacity, 8) + 1];
    this.runCount = new int[runTimePs.length];
    this.runCount[0] = capacity;
    this.runs = 1;
  }

  /**
   * Books the unit that frees up first for {@code durationPs}, starting no earlier than {@code
   * earliestPs}; returns the start time. Requests are served in call order.
   */
  public long acquire(long earliestPs, long durationPs) {
    checkArgument(earliestPs >= 0, "earliest time must be >= 0 ps, got %s", earliestPs);
    checkArgument(durationPs >= 0, "duration must be >= 0 ps, got %s", durationPs);
    long start = Math.max(earliestPs, runTimePs[head]);
    takeFirst(1);
    free(start + durationPs, 1);
    account(earliestPs, start, durationPs, 1);
    return start;
  }

  /**
   * Books {@code count} requests of {@code durationPs} each, the next one asked for when the one
   * before ends, the first no earlier than {@code earliestPs} — what {@code count} calls of {@link
   * #acquire} in a row would book (a crossbar reading the bit cycles of one input vector); returns
   * the end of the last.
   */
  public long acquireSeries(long earliestPs, long durationPs, int count) {
    checkArgument(count > 0, "count must be positive, got %s", count);
    long earliest = earliestPs;
    if (capacity > 1 || count == 1) {
      for (int i = 0; i < count; i++) {
        earliest = acquire(earliest, durationPs) + durationPs;
      }
      return earliest;
    }
    // one unit: the first may wait, the rest follow back to back and never wait
    long start = acquire(earliestPs, durationPs);
    long end = start + count * durationPs;
    runTimePs[head] = end;
    busyPs += (count - 1) * durationPs;
    acquisitions += count - 1;
    if (end > lastFinishPs) {
      lastFinishPs = end;
    }
    dequeueUpTo(end - durationPs);
    return end;
  }

  /**
   * Books {@code count} requests of {@code durationPs}, request {@code i} no earlier than {@code
   * firstPs + i·periodPs} — what {@code count} calls of {@link #acquire} at those times would book
   * (an ADC bank converting every bit cycle); returns the start of the last.
   */
  public long acquirePeriodic(long firstPs, long durationPs, long periodPs, int count) {
    checkArgument(count > 0, "count must be positive, got %s", count);
    checkArgument(periodPs >= 0, "period must be >= 0 ps, got %s", periodPs);
    long lastEarliest = firstPs + (count - 1) * periodPs;
    if (capacity > 1 || durationPs > periodPs || runTimePs[head] > firstPs) {
      long start = 0;
      for (int i = 0; i < count; i++) {
        start = acquire(firstPs + i * periodPs, durationPs);
      }
      return start;
    }
    // one unit, free at the first request and done with each before the next: nobody waits
    checkArgument(firstPs >= 0, "earliest time must be >= 0 ps, got %s", firstPs);
    checkArgument(durationPs >= 0, "duration must be >= 0 ps, got %s", durationPs);
    runTimePs[head] = lastEarliest + durationPs;
    account(firstPs, firstPs, durationPs, count);
    dequeueUpTo(lastEarliest);
    if (lastEarliest + durationPs > lastFinishPs) {
      lastFinishPs = lastEarliest + durationPs;
    }
    return lastEarliest;
  }

  /** Units free at {@code timePs} (free from then or before). */
  public int freeAt(long timePs) {
    int n = 0;
    for (int i = head; i < head + runs && runTimePs[i] <= timePs; i++) {
      n += runCount[i];
    }
    return n;
  }

  /**
   * Books {@code count} requests of {@code durationPs} at {@code earliestPs}, which at least {@code
   * count} units are free at ({@link #freeAt}): what {@code count} calls of {@link #acquire} would
   * book, all starting at {@code earliestPs}.
   */
  public void acquireFree(long earliestPs, long durationPs, int count) {
    checkArgument(earliestPs >= 0, "earliest time must be >= 0 ps, got %s", earliestPs);
    checkArgument(durationPs >= 0, "duration must be >= 0 ps, got %s", durationPs);
    checkArgument(
        count > 0 && count <= freeAt(earliestPs),
        "%s: %s units are not free at %s ps",
        name,
        count,
        earliestPs);
    takeFirst(count);
    free(earliestPs + durationPs, count);
    account(earliestPs, earliestPs, durationPs, count);
  }

  /**
   * Takes over the bookings and statistics of {@code other}, a resource of the same capacity: what
   * this one holds when every booking of {@code other} was made on it too (a crossbar read in
   * lockstep with another).
   */
  public void copyFrom(Resource other) {
    checkArgument(
        other.capacity == capacity,
        "%s: a copy needs the same capacity, got %s and %s",
        name,
        other.capacity,
        capacity);
    runTimePs = other.runTimePs.clone();
    runCount = other.runCount.clone();
    head = other.head;
    runs = other.runs;
    long[] waiting = new long[other.waitingStarts.size()];
    for (int i = 0; i < waiting.length; i++) {
      waiting[i] = other.waitingStarts.dequeueLong();
    }
    waitingStarts.clear();
    for (long w : waiting) {
      other.waitingStarts.enqueue(w);
      waitingStarts.enqueue(w);
    }
    busyPs = other.busyPs;
    waitPs = other.waitPs;
    maxWaitPs = other.maxWaitPs;
    acquisitions = other.acquisitions;
    peakQueueLength = other.peakQueueLength;
    lastFinishPs = other.lastFinishPs;
  }

  /** Removes {@code n} units from the first runs. */
  private void takeFirst(int n) {
    while (n > 0) {
      int take = Math.min(n, runCount[head]);
      runCount[head] -= take;
      n -= take;
      if (runCount[head] == 0) {
        head++;
        runs--;
      }
      if (runs == 0) {
        head = 0;
      }
    }
  }

  /** Adds {@code n} units free from {@code timePs}, keeping the runs in ascending order. */
  private void free(long timePs, int n) {
    int end = head + runs;
    int i = end - 1;
    while (i >= head && runTimePs[i] > timePs) {
      i--;
    }
    if (i >= head && runTimePs[i] == timePs) {
      runCount[i] += n;
      return;
    }
    if (end == runTimePs.length) {
      if (head > 0) {
        System.arraycopy(runTimePs, head, runTimePs, 0, runs);
        System.arraycopy(runCount, head, runCount, 0, runs);
        i -= head;
        end -= head;
        head = 0;
      } else {
        runTimePs = Arrays.copyOf(runTimePs, 2 * runTimePs.length);
        runCount = Arrays.copyOf(runCount, runTimePs.length);
      }
    }
    System.arraycopy(runTimePs, i + 1, runTimePs, i + 2, end - i - 1);
    System.arraycopy(runCount, i + 1, runCount, i + 2, end - i - 1);
    runTimePs[i + 1] = timePs;
    runCount[i + 1] = n;
    runs++;
  }

  /**
   * The statistics of {@code count} bookings of {@code durationPs} each, asked for at {@code
   * earliestPs} and started at {@code startPs}.
   */
  private void account(long earliestPs, long startPs, long durationPs, int count) {
    busyPs += count * durationPs;
    long end = startPs + durationPs;
    long wait = startPs - earliestPs;
    waitPs += wait * count;
    if (wait > maxWaitPs) {
      maxWaitPs = wait;
    }
    acquisitions += count;
    if (end > lastFinishPs) {
      lastFinishPs = end;
    }
    LongHeapPriorityQueue q = waitingStarts;
    if (wait > 0 || !q.isEmpty()) {
      dequeueUpTo(earliestPs);
      for (int i = 0; wait > 0 && i < count; i++) {
        q.enqueue(startPs);
        if (q.size() > peakQueueLength) {
          peakQueueLength = q.size();
        }
      }
    }
  }

  /** Drops the waiting starts at or before {@code timePs}: those requests are served by then. */
  private void dequeueUpTo(long timePs) {
    LongHeapPriorityQueue q = waitingStarts;
    while (!q.isEmpty() && q.firstLong() <= timePs) {
      q.dequeueLong();
    }
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
    return runTimePs[head];
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
