package dev.spinsim.cli.report;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * How busy one shared resource (an ADC bank, a bus, a buffer port) was: its capacity, time busy
 * and time spent waiting for it (ns, summed over servers and requests), the longest queue and the
 * utilisation busy / (capacity · makespan).
 */
public record ResourceRow(
    String resource,
    String resourceClass,
    int capacity,
    double busyNs,
    double waitNs,
    int peakQueue,
    double utilisation) {

  /** Validates. */
  public ResourceRow {
    Checks.name(resource, "resource name");
    Checks.name(resourceClass, "resource class");
    checkArgument(capacity > 0, "resource %s capacity must be positive, got %s", resource, capacity);
    Checks.nonNegative(busyNs, "resource %s busyNs", resource);
    Checks.nonNegative(waitNs, "resource %s waitNs", resource);
    checkArgument(peakQueue >= 0, "resource %s peak queue must be >= 0", resource);
    Checks.fraction(utilisation, "resource %s utilisation", resource);
  }
}
