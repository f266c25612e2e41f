package dev.spinsim.core.event;

import java.util.Arrays;

/**
 * A binary min-heap of event slots ordered by (time, order key), keys stored inline in primitive
 * arrays so a sift touches contiguous memory and never dereferences an event.
 */
final class EventHeap {
  private long[] times;
  private long[] keys;
  private int[] slots;
  private int size;

  EventHeap(int initialCapacity) {
    int cap = Math.max(16, initialCapacity);
    times = new long[cap];
    keys = new long[cap];
    slots = new int[cap];
  }

  int size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }

  /** Time of the minimum; only valid when not empty. */
  long minTime() {
    return times[0];
  }

  /** Slot of the minimum; only valid when not empty. */
  int minSlot() {
    return slots[0];
  }

  void push(long time, long key, int slot) {
    if (size == times.length) {
      grow();
    }
    int i = size++;
    long[] t = times;
    long[] k = keys;
    int[] s = slots;
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      long pt = t[parent];
      if (pt < time || (pt == time && k[parent] < key)) {
        break;
      }
      t[i] = pt;
      k[i] = k[parent];
      s[i] = s[parent];
      i = parent;
    }
    t[i] = time;
    k[i] = key;
    s[i] = slot;
  }

  /** Appends without restoring heap order; call {@link #heapify()} before the next pop. */
  void append(long time, long key, int slot) {
    if (size == times.length) {
      grow();
    }
    times[size] = time;
    keys[size] = key;
    slots[size] = slot;
    size++;
  }

  void heapify() {
    for (int i = (size >>> 1) - 1; i >= 0; i--) {
      siftDown(i, times[i], keys[i], slots[i]);
    }
  }

  /** Removes the minimum and returns its slot. */
  int pop() {
    int top = slots[0];
    int last = --size;
    if (last > 0) {
      siftDown(0, times[last], keys[last], slots[last]);
    }
    return top;
  }

  private void siftDown(int i, long time, long key, int slot) {
    long[] t = times;
    long[] k = keys;
    int[] s = slots;
    int n = size;
    int half = n >>> 1;
    while (i < half) {
      int c = 2 * i + 1;
      long ct = t[c];
      long ck = k[c];
      int r = c + 1;
      if (r < n) {
        long rt = t[r];
        long rk = k[r];
        if (rt < ct || (rt == ct && rk < ck)) {
          c = r;
          ct = rt;
          ck = rk;
        }
      }
      if (time < ct || (time == ct && key < ck)) {
        break;
      }
      t[i] = ct;
      k[i] = ck;
      s[i] = s[c];
      i = c;
    }
    t[i] = time;
    k[i] = key;
    s[i] = slot;
  }

  private void grow() {
    int cap = times.length * 2;
    times = Arrays.copyOf(times, cap);
    keys = Arrays.copyOf(keys, cap);
    slots = Arrays.copyOf(slots, cap);
  }
}
