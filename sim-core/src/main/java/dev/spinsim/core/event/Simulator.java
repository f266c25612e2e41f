package dev.spinsim.core.event;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Arrays;

/**
 * The discrete-event engine: events fire in (time, priority, insertion order), FIFO among equals.
 *
 * <p>Events live in pooled slots held in primitive arrays (handlers by reference), so scheduling
 * and firing allocate nothing once the pool is warm. The near future is a timing wheel of FIFO
 * buckets {@code 2^bucketWidthLog2} ps wide; the bucket being drained is ordered by a small
 * inline-key heap, and events beyond the wheel's horizon wait in a far heap until the wheel
 * reaches them. A handle packs the slot index with a generation counter, so a handle whose event
 * has fired or been cancelled is rejected.
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
    private static final byte FREE = 0;
    private static final byte PENDING = 1;
    private static final byte CANCELLED = 2;
    private static final int NONE = -1;

    // ---- event slots (structure of arrays) ----
    private long[] slotTime;
    private long[] slotKey;
    private long[] slotPayload;
    private EventHandler[] slotHandler;
    private int[] slotNext;
    private int[] slotGen;
    private byte[] slotState;
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
        checkArgument(bucketWidthLog2 >= 0 && bucketWidthLog2 <= 30,
                "bucketWidthLog2 must be in [0, 30], got %s", bucketWidthLog2);
        checkArgument(bucketCountLog2 >= 6 && bucketCountLog2 <= 24,
                "bucketCountLog2 must be in [6, 24], got %s", bucketCountLog2);
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
        slotTime = new long[cap];
        slotKey = new long[cap];
        slotPayload = new long[cap];
        slotHandler = new EventHandler[cap];
        slotNext = new int[cap];
        slotGen = new int[cap];
        slotState = new byte[cap];
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
     * Schedules {@code handler} at absolute time {@code timePs} (not before now) and returns a
     * handle for {@link #cancel}. Among same-time events, lower {@code priority} fires first, then
     * insertion order.
     */
    public long schedule(long timePs, int priority, EventHandler handler, long payload) {
        if (timePs < nowPs || timePs > MAX_TIME_PS) {
            throw new IllegalArgumentException("event time must be in [now=" + nowPs + ", "
                    + MAX_TIME_PS + "] ps, got " + timePs);
        }
        if (priority < MIN_PRIORITY || priority > MAX_PRIORITY) {
            throw new IllegalArgumentException("event priority must be in [" + MIN_PRIORITY + ", "
                    + MAX_PRIORITY + "], got " + priority);
        }
        if (handler == null) {
            throw new IllegalArgumentException("event handler must not be null");
        }
        if (seq > MAX_SEQ) {
            throw new IllegalStateException("more than 2^47 events scheduled on one simulator");
        }
        int slot = allocSlot();
        long key = ((long) (priority - MIN_PRIORITY) << SEQ_BITS) | seq++;
        slotTime[slot] = timePs;
        slotKey[slot] = key;
        slotPayload[slot] = payload;
        slotHandler[slot] = handler;
        slotState[slot] = PENDING;
        pending++;
        place(slot, timePs, key);
        return ((long) slotGen[slot] << 32) | slot;
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
        int slot = (int) handle;
        int gen = (int) (handle >>> 32);
        if (slot < 0 || slot >= slotsUsed || slotGen[slot] != gen || slotState[slot] != PENDING) {
            return false;
        }
        slotState[slot] = CANCELLED;
        slotHandler[slot] = null;
        slotGen[slot]++;
        pending--;
        return true;
    }

    /** True if {@code handle} names an event that is still pending. */
    public boolean isPending(long handle) {
        int slot = (int) handle;
        int gen = (int) (handle >>> 32);
        return slot >= 0 && slot < slotsUsed && slotGen[slot] == gen && slotState[slot] == PENDING;
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
        for (;;) {
            if (!near.isEmpty()) {
                int slot = near.minSlot();
                if (slotState[slot] == PENDING) {
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
            long t = slotTime[slot];
            long payload = slotPayload[slot];
            EventHandler h = slotHandler[slot];
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
        for (;;) {
            if (!near.isEmpty()) {
                if (near.minTime() > limitPs) {
                    return NONE;
                }
                int slot = near.pop();
                if (slotState[slot] == PENDING) {
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
            slotNext[slot] = NONE;
            if (bucketHead[b] == NONE) {
                bucketHead[b] = slot;
                occupied[b >>> 6] |= 1L << b;
            } else {
                slotNext[bucketTail[b]] = slot;
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
        int n = 0;
        while (s != NONE) {
            int next = slotNext[s];
            if (slotState[s] == PENDING) {
                h.append(slotTime[s], slotKey[s], s);
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
            if (slotState[slot] == PENDING) {
                place(slot, slotTime[slot], slotKey[slot]);
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
            freeHead = slotNext[slot];
            return slot;
        }
        if (slotsUsed == slotTime.length) {
            growSlots();
        }
        slot = slotsUsed++;
        slotGen[slot] = 1;
        return slot;
    }

    private void freeSlot(int slot) {
        slotHandler[slot] = null;
        slotState[slot] = FREE;
        slotGen[slot]++;
        slotNext[slot] = freeHead;
        freeHead = slot;
    }

    private void growSlots() {
        int cap = slotTime.length * 2;
        slotTime = Arrays.copyOf(slotTime, cap);
        slotKey = Arrays.copyOf(slotKey, cap);
        slotPayload = Arrays.copyOf(slotPayload, cap);
        slotHandler = Arrays.copyOf(slotHandler, cap);
        slotNext = Arrays.copyOf(slotNext, cap);
        slotGen = Arrays.copyOf(slotGen, cap);
        slotState = Arrays.copyOf(slotState, cap);
    }
}
