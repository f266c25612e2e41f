package dev.spinsim.core.resource;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;

/**
 * A buffer of {@code capacityBits} bits as a bounded credit counter: a producer {@link #request}s
 * space for what it will write and proceeds only when it fits; until then its request waits in a
 * FIFO, and {@link #release} (the consumer freeing what it no longer needs) admits waiting requests
 * in order, so back-pressure falls out of the credits. Strict FIFO order means a large request is
 * never overtaken by smaller ones (no starvation). Waiting requests live in primitive ring arrays
 * that grow by doubling, so steady state allocates nothing. Keeps the peak occupancy, the time
 * integral of the occupancy (bit·ps, for the time-averaged occupancy) and the waits for utilisation
 * reports. Times passed in must not decrease.
 */
public final class BoundedBuffer {
  private final String name;
  private final long capacityBits;
  private long usedBits;
  private long peakBits;
  private long lastChangePs;
  private double occupancyBitPs;
  private long requests;
  private long waited;
  private long waitPs;
  private long maxWaitPs;
  private int peakWaiting;

  private long[] amounts = new long[16];
  private long[] payloads = new long[16];
  private long[] since = new long[16];
  private int head;
  private int size;

  public BoundedBuffer(String name, long capacityBits) {
    checkArgument(name != null && !name.isBlank(), "buffer name must not be blank");
    checkArgument(capacityBits > 0, "buffer capacity must be > 0 bits, got %s", capacityBits);
    this.name = name;
    this.capacityBits = capacityBits;
  }

  /**
   * Asks for {@code bits} at time {@code nowPs} on behalf of {@code payload}: true when they are
   * taken at once, false when the request waits (behind every earlier waiting request) until {@link
   * #admitNext} hands its payload back.
   */
  public boolean request(long bits, long payload, long nowPs) {
    checkArgument(
        bits >= 0 && bits <= capacityBits,
        "buffer %s: a request of %s bits can never fit its %s bits",
        name,
        bits,
        capacityBits);
    requests++;
    if (size == 0 && usedBits + bits <= capacityBits) {
      take(bits, nowPs);
      return true;
    }
    if (size == amounts.length) {
      grow();
    }
    int tail = (head + size) % amounts.length;
    amounts[tail] = bits;
    payloads[tail] = payload;
    since[tail] = nowPs;
    size++;
    waited++;
    peakWaiting = Math.max(peakWaiting, size);
    return false;
  }

  /**
   * Frees {@code bits} at time {@code nowPs}; waiting requests that now fit are admitted through
   * {@link #admitNext}.
   */
  public void release(long bits, long nowPs) {
    checkArgument(bits >= 0, "released bits must be >= 0, got %s", bits);
    checkState(
        bits <= usedBits, "buffer %s: releasing %s bits with only %s held", name, bits, usedBits);
    advance(nowPs);
    usedBits -= bits;
  }

  /** True when the oldest waiting request fits now. */
  public boolean canAdmit() {
    return size > 0 && usedBits + amounts[head] <= capacityBits;
  }

  /**
   * Takes the space of the oldest waiting request (it must {@link #canAdmit fit}) at {@code nowPs}
   * and returns its payload, for the caller to resume its work.
   */
  public long admitNext(long nowPs) {
    checkState(canAdmit(), "buffer %s: nothing to admit", name);
    long bits = amounts[head];
    long payload = payloads[head];
    long wait = nowPs - since[head];
    waitPs += wait;
    maxWaitPs = Math.max(maxWaitPs, wait);
    head = (head + 1) % amounts.length;
    size--;
    take(bits, nowPs);
    return payload;
  }

  private void take(long bits, long nowPs) {
    advance(nowPs);
    usedBits += bits;
    peakBits = Math.max(peakBits, usedBits);
  }

  /** Adds the occupancy held since the last change to the integral and moves the clock to now. */
  private void advance(long nowPs) {
    if (nowPs > lastChangePs) {
      occupancyBitPs += (double) usedBits * (nowPs - lastChangePs);
      lastChangePs = nowPs;
    }
  }

  private void grow() {
    int n = amounts.length;
    long[] a = new long[2 * n];
    long[] p = new long[2 * n];
    long[] s = new long[2 * n];
    for (int i = 0; i < size; i++) {
      int j = (head + i) % n;
      a[i] = amounts[j];
      p[i] = payloads[j];
      s[i] = since[j];
    }
    amounts = a;
    payloads = p;
    since = s;
    head = 0;
  }

  public String name() {
    return name;
  }

  public long capacityBits() {
    return capacityBits;
  }

  /** Bits held now. */
  public long usedBits() {
    return usedBits;
  }

  /** The most bits ever held at once. */
  public long peakBits() {
    return peakBits;
  }

  /**
   * The occupancy integrated over time from 0 to {@code untilPs} (bit·ps; what is held now counts
   * up to {@code untilPs}): divided by {@code untilPs} it is the time-averaged occupancy in bits.
   */
  public double occupancyBitPs(long untilPs) {
    return occupancyBitPs + (double) usedBits * Math.max(0, untilPs - lastChangePs);
  }

  /** Requests made. */
  public long requests() {
    return requests;
  }

  /** Requests that had to wait for space. */
  public long waitedRequests() {
    return waited;
  }

  /** Requests still waiting. */
  public int waiting() {
    return size;
  }

  /** The most requests that waited at once. */
  public int peakWaiting() {
    return peakWaiting;
  }

  /** Total time requests waited for space, ps. */
  public long waitPs() {
    return waitPs;
  }

  /** The longest wait for space, ps. */
  public long maxWaitPs() {
    return maxWaitPs;
  }

  @Override
  public String toString() {
    return name
        + " "
        + usedBits
        + "/"
        + capacityBits
        + " bits, "
        + size
        + " waiting "
        + ", peak "
        + peakBits;
  }
}
