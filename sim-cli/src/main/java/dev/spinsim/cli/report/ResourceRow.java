package dev.spinsim.cli.report;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * How busy one kind of shared resource of a layer was (its crossbars, its ADC banks, a buffer port,
 * the bus): how many units it has, how many requests it served, the time one unit was busy on
 * average (ns), its utilisation busy / (units · makespan), the mean and the longest wait of a
 * request before a unit was free (ns), and the longest queue. A buffer's space (a stage's tiles'
 * input or output buffers, pooled into one credit counter) has no busy time per unit ({@code NaN}):
 * it has its capacity, the most it held at once and the time-averaged occupancy, bytes ({@code -1}
 * for resources that hold no data), its utilisation is the time-averaged occupancy over the
 * capacity, and its waits are those of producers waiting for room.
 */
public record ResourceRow(
    String resource,
    String resourceClass,
    int units,
    long requests,
    double busyNsPerUnit,
    double utilisation,
    double meanWaitNsPerRequest,
    double maxWaitNs,
    int peakQueue,
    long capacityBytes,
    long peakBytes,
    double meanBytes) {

  /** A resource that holds no data (a port, a bank, the bus): no capacity or occupancy. */
  public ResourceRow(
      String resource,
      String resourceClass,
      int units,
      long requests,
      double busyNsPerUnit,
      double utilisation,
      double meanWaitNsPerRequest,
      double maxWaitNs,
      int peakQueue) {
    this(
        resource,
        resourceClass,
        units,
        requests,
        busyNsPerUnit,
        utilisation,
        meanWaitNsPerRequest,
        maxWaitNs,
        peakQueue,
        -1,
        -1,
        -1);
  }

  /** Validates. */
  public ResourceRow {
    Checks.name(resource, "resource name");
    Checks.name(resourceClass, "resource class");
    checkArgument(units > 0, "resource %s must have at least one unit, got %s", resource, units);
    checkArgument(requests >= 0, "resource %s requests must be >= 0", resource);
    if (capacityBytes >= 0) {
      checkArgument(
          Double.isNaN(busyNsPerUnit),
          "resource %s holds data: it has no busy time per unit (NaN), got %s",
          resource,
          busyNsPerUnit);
      checkArgument(
          meanBytes >= 0 && meanBytes <= peakBytes + 1e-9,
          "resource %s: mean occupancy %s bytes must be in [0, peak %s bytes]",
          resource,
          meanBytes,
          peakBytes);
    } else {
      Checks.nonNegative(busyNsPerUnit, "resource %s busyNsPerUnit", resource);
    }
    Checks.fraction(utilisation, "resource %s utilisation", resource);
    Checks.nonNegative(meanWaitNsPerRequest, "resource %s meanWaitNsPerRequest", resource);
    Checks.nonNegative(maxWaitNs, "resource %s maxWaitNs", resource);
    checkArgument(
        maxWaitNs + 1e-9 >= meanWaitNsPerRequest,
        "resource %s: the longest wait %s ns is shorter than the mean %s ns",
        resource,
        maxWaitNs,
        meanWaitNsPerRequest);
    checkArgument(peakQueue >= 0, "resource %s peak queue must be >= 0", resource);
    checkArgument(
        capacityBytes >= -1 && peakBytes >= -1 && peakBytes <= capacityBytes,
        "resource %s: peak %s bytes beyond capacity %s bytes",
        resource,
        peakBytes,
        capacityBytes);
  }

  /** True when the resource holds data (a buffer): its capacity and peak occupancy are known. */
  public boolean holdsData() {
    return capacityBytes >= 0;
  }
}
