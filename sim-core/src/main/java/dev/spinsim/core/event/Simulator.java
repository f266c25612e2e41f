package dev.spinsim.core.event;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Arrays;

/**
 * The discrete-event engine: events fire in (time, priority, insertion order), FIFO among equals.
 *
 * <p>Events live in pooled slots held in primitive arrays (handlers by reference), so scheduling
 * and firing allocate nothing once the pool is warm. The near future is a timing wheel of FIFO
 * buckets {@code 2^bucketWidthLog2} ps wide; the bucket being drained is ordered by a small
 * inline-key heap, and events beyond the wheel's horizon wait in a far heap until the wheel reaches
 * them. A handle packs the slot index with a generation counter, so a handle whose event has fired
 * or been cancelled is rejected.
 */
public final class Simulator {
  /** Lowest priority value accepted (smaller values fire first among same-time events). */
  public static final int MIN_PRIORITY = -(1 << 15);

  /** Highest priority value accepted. */
  public static final int MAX_PRIORITY = (1 << 15) - 1;

  /** Latest time an event may be scheduled at (keeps wheel arithmetic far from overflow). */
  public static final long MAX_TIME_PS = Long.MAX_VALUE >> 2;

  /** Default bucket width: 2^6 = 64 ps. */
  public static final int DEFAULT_BUCKET_WIDTH_LOG2 = 6;

  /** Default wheel size: 2^16 buckets, a horizon of about 4.2 us at the default width. */
  public static final int DEFAULT_BUCKET_COUNT_LOG2 = 16;

  private static final int SEQ_BITS = 47;
  private static final long MAX_SEQ = (1L << SEQ_BITS) - 1;

  /** Order key of a free slot; live keys are >= 0. */
  private static final long KEY_FREE = -2;

  /** Order key of a cancelled slot still sitting in the wheel or a heap. */
  private static final long KEY_CANCELLED = -1;

  private static final int NONE = -1;

  // ---- event slots: 4 longs per slot, interleaved so one event is one cache access ----
  private static final int STRIDE = 4;
  private static final int TIME = 0;
  private static final int KEY = 1;
  private static final int PAYLOAD = 2;

  /** Low 32 bits: next slot in a bucket or the free list; high 32 bits: generation. */
  private static final int LINK = 3;

  private long[] slots;
  private EventHandler[] handlers;
  private int freeHead = NONE;
  private int slotsUsed;

  // ---- timing wheel ----
  private final int shift;
  private final int mask;
  private final long bucketWidthPs;
  private final long horizonPs;
  private final int[] bucketHead;
  private final int[] bucketTail;
  private final long[] occupied;
  private int wheelCount;

  /** Start time of the current bucket; its events are in {@link #near}. */
  private long curStart;

  private final EventHeap near = new EventHeap(64);
  private final EventHeap far = new EventHeap(64);

  private long nowPs;
  private long seq;
  private long eventsProcessed;
  private int pending;
  private boolean stopRequested;

  /** An engine with the default wheel (64 ps buckets, 65,536 of them). */
  public Simulator() {
    this(DEFAULT_BUCKET_WIDTH_LOG2, DEFAULT_BUCKET_COUNT_LOG2);
  }

  /**
   * An engine whose wheel has {@code 2^bucketCountLog2} buckets of {@code 2^bucketWidthLog2} ps;
   * the width trades bucket sorting work against scanning empty buckets.
   */
  public Simulator(int bucketWidthLog2, int bucketCountLog2) {
    checkArgument(
        bucketWidthLog2 >= 0 && bucketWidthLog2 <= 30,
        "bucketWidthLog2 must be in [0, 30], got %s",
        bucketWidthLog2);
    checkArgument(
        bucketCountLog2 >= 6 && bucketCountLog2 <= 24,
        "bucketCountLog2 must be in [6, 24], got %s",
        bucketCountLog2);
    this.shift = bucketWidthLog2;
    int buckets = 1 << bucketCountLog2;
    this.mask = buckets - 1;
    this.bucketWidthPs = 1L << bucketWidthLog2;
    this.horizonPs = (long) buckets << bucketWidthLog2;
    this.bucketHead = new int[buckets];
    this.bucketTail = new int[buckets];
    Arrays.fill(bucketHead, NONE);
    this.occupied = new long[buckets >>> 6];
    int cap = 256;
    slots = new long[cap * STRIDE];
    handlers = new EventHandler[cap];
  }

  /** Current simulated time in ps: the time of the event being (or last) handled. */
  public long nowPs() {
    return nowPs;
  }

  /** Number of events fired so far. */
  public long eventsProcessed() {
    return eventsProcessed;
  }

  /** Number of events scheduled and neither fired nor cancelled. */
  public int pending() {
    return pending;
  }

  /**
   * Schedules {@code handler} at absolute time {@code timePs} (not before now) and returns a handle
   * for {@link #cancel}. Among same-time events, lower {@code priority} fires first, then insertion
   * order.
   */
  public long schedule(long timePs, int priority, EventHandler handler, long payload) {
    if (timePs < nowPs || timePs > MAX_TIME_PS) {
      throw new IllegalArgumentException(
          "event time must be in [now=" + nowPs + ", " + MAX_TIME_PS + "] ps, got " + timePs);
    }
    if (priority < MIN_PRIORITY || priority > MAX_PRIORITY) {
      throw new IllegalArgumentException(
          "event priority must be in ["
              + MIN_PRIORITY
              + ", "
              + MAX_PRIORITY
              + "], got "
              + priority);
    }
    if (handler == null) {
      throw new IllegalArgumentException("event handler must not be null");
    }
    if (seq > MAX_SEQ) {
      throw new IllegalStateException("more than 2^47 events scheduled on one simulator");
    }
    int slot = allocSlot();
    long key = ((long) (priority - MIN_PRIORITY) << SEQ_BITS) | seq++;
    long[] d = slots;
    int base = slot * STRIDE;
    d[base + TIME] = timePs;
    d[base + KEY] = key;
    d[base + PAYLOAD] = payload;
    handlers[slot] = handler;
    pending++;
    place(slot, timePs, key);
    return (d[base + LINK] & 0xFFFF_FFFF_0000_0000L) | slot;
  }

  /** Schedules {@code handler} {@code delayPs} after now; see {@link #schedule}. */
  public long scheduleAfter(long delayPs, int priority, EventHandler handler, long payload) {
    if (delayPs < 0) {
      throw new IllegalArgumentException("event delay must be >= 0 ps, got " + delayPs);
    }
    return schedule(nowPs + delayPs, priority, handler, payload);
  }

  /** Cancels a pending event; returns false if the handle is stale (fired, cancelled, unknown). */
  public boolean cancel(long handle) {
    if (!isPending(handle)) {
      return false;
    }
    int slot = (int) handle;
    int base = slot * STRIDE;
    slots[base + KEY] = KEY_CANCELLED;
    slots[base + LINK] += 1L << 32; // new generation: the handle goes stale now
    handlers[slot] = null;
    pending--;
    return true;
  }

  /** True if {@code handle} names an event that is still pending. */
  public boolean isPending(long handle) {
    int slot = (int) handle;
    if (slot < 0 || slot >= slotsUsed) {
      return false;
    }
    int base = slot * STRIDE;
    return (slots[base + LINK] >>> 32) == (handle >>> 32) && slots[base + KEY] >= 0;
  }

  /** Fires events until none are left (or a handler calls {@link #stop()}). */
  public void runUntilEmpty() {
    run(Long.MAX_VALUE, Long.MAX_VALUE);
  }

  /**
   * Fires every event with time {@code <= timePs}, then advances now to {@code timePs} (unless a
   * handler called {@link #stop()}, which leaves now at that event).
   */
  public void runUntil(long timePs) {
    checkArgument(timePs >= nowPs, "runUntil time must be >= now (%s ps), got %s", nowPs, timePs);
    run(timePs, Long.MAX_VALUE);
    if (!stopRequested) {
      nowPs = timePs;
    }
  }

  /** Fires at most {@code maxEvents} events; returns how many fired. */
  public long runEvents(long maxEvents) {
    checkArgument(maxEvents >= 0, "maxEvents must be >= 0, got %s", maxEvents);
    return run(Long.MAX_VALUE, maxEvents);
  }

  /** Asks the running loop to return after the current event. */
  public void stop() {
    stopRequested = true;
  }

  /** Time of the next pending event, or {@link Long#MAX_VALUE} if there is none. */
  public long nextEventPs() {
    for (; ; ) {
      if (!near.isEmpty()) {
        int slot = near.minSlot();
        if (slots[slot * STRIDE + KEY] >= 0) {
          return near.minTime();
        }
        near.pop();
        freeSlot(slot);
      } else if (!advance(Long.MAX_VALUE)) {
        return Long.MAX_VALUE;
      }
    }
  }

  private long run(long limitPs, long maxEvents) {
    stopRequested = false;
    long done = 0;
    while (done < maxEvents && !stopRequested) {
      int slot = popNext(limitPs);
      if (slot < 0) {
        break;
      }
      int base = slot * STRIDE;
      long t = slots[base + TIME];
      long payload = slots[base + PAYLOAD];
      EventHandler h = handlers[slot];
      freeSlot(slot);
      pending--;
      nowPs = t;
      eventsProcessed++;
      done++;
      h.handle(this, t, payload);
    }
    return done;
  }

  /** Removes and returns the next live slot with time <= limit, or -1. */
  private int popNext(long limitPs) {
    for (; ; ) {
      if (!near.isEmpty()) {
        if (near.minTime() > limitPs) {
          return NONE;
        }
        int slot = near.pop();
        if (slots[slot * STRIDE + KEY] >= 0) {
          return slot;
        }
        freeSlot(slot);
      } else if (!advance(limitPs)) {
        return NONE;
      }
    }
  }

  /** Moves the wheel to the next non-empty bucket (loading it into near) if it starts <= limit. */
  private boolean advance(long limitPs) {
    if (wheelCount > 0) {
      int cur = (int) (curStart >>> shift) & mask;
      int b = nextOccupied((cur + 1) & mask);
      long start = curStart + ((long) ((b - cur) & mask) << shift);
      if (start > limitPs) {
        return false;
      }
      curStart = start;
      loadBucket(b);
      migrateFar();
      return true;
    }
    if (!far.isEmpty()) {
      long t = far.minTime();
      if (t > limitPs) {
        return false;
      }
      curStart = (t >>> shift) << shift;
      migrateFar();
      return true;
    }
    return false;
  }

  private void place(int slot, long timePs, long key) {
    long d = timePs - curStart;
    if (d < bucketWidthPs) {
      near.push(timePs, key, slot);
    } else if (d < horizonPs) {
      int b = (int) (timePs >>> shift) & mask;
      setNext(slot, NONE);
      if (bucketHead[b] == NONE) {
        bucketHead[b] = slot;
        occupied[b >>> 6] |= 1L << b;
      } else {
        setNext(bucketTail[b], slot);
      }
      bucketTail[b] = slot;
      wheelCount++;
    } else {
      far.push(timePs, key, slot);
    }
  }

  private void loadBucket(int b) {
    int s = bucketHead[b];
    bucketHead[b] = NONE;
    occupied[b >>> 6] &= ~(1L << b);
    EventHeap h = near;
    long[] d = slots;
    int n = 0;
    while (s != NONE) {
      int base = s * STRIDE;
      int next = (int) d[base + LINK];
      long key = d[base + KEY];
      if (key >= 0) {
        h.append(d[base + TIME], key, s);
      } else {
        freeSlot(s);
      }
      n++;
      s = next;
    }
    wheelCount -= n;
    h.heapify();
  }

  private void migrateFar() {
    long horizon = curStart + horizonPs;
    EventHeap f = far;
    while (!f.isEmpty() && f.minTime() < horizon) {
      int slot = f.pop();
      int base = slot * STRIDE;
      if (slots[base + KEY] >= 0) {
        place(slot, slots[base + TIME], slots[base + KEY]);
      } else {
        freeSlot(slot);
      }
    }
  }

  /** First occupied bucket at or after {@code from}, wrapping; the wheel must not be empty. */
  private int nextOccupied(int from) {
    long[] occ = occupied;
    int words = occ.length;
    int w = from >>> 6;
    long word = occ[w] & (-1L << from);
    for (int i = 0; i <= words; i++) {
      if (word != 0) {
        return (w << 6) + Long.numberOfTrailingZeros(word);
      }
      w = (w + 1) & (words - 1);
      word = occ[w];
    }
    throw new IllegalStateException("timing wheel count is positive but no bucket is occupied");
  }

  private int allocSlot() {
    int slot = freeHead;
    if (slot != NONE) {
      freeHead = (int) slots[slot * STRIDE + LINK];
      return slot;
    }
    if (slotsUsed == handlers.length) {
      growSlots();
    }
    slot = slotsUsed++;
    slots[slot * STRIDE + LINK] = 1L << 32; // generation 1: no handle is ever 0
    return slot;
  }

  private void setNext(int slot, int next) {
    int i = slot * STRIDE + LINK;
    slots[i] = (slots[i] & 0xFFFF_FFFF_0000_0000L) | (next & 0xFFFF_FFFFL);
  }

  /** Returns a slot to the pool; bumping the generation makes its handle stale. */
  private void freeSlot(int slot) {
    int base = slot * STRIDE;
    handlers[slot] = null;
    slots[base + KEY] = KEY_FREE;
    slots[base + LINK] =
        ((slots[base + LINK] & 0xFFFF_FFFF_0000_0000L) + (1L << 32)) | (freeHead & 0xFFFF_FFFFL);
    freeHead = slot;
  }

  private void growSlots() {
    int cap = handlers.length * 2;
    slots = Arrays.copyOf(slots, cap * STRIDE);
    handlers = Arrays.copyOf(handlers, cap);
  }
}
