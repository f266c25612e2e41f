package dev.spinsim.core.event;

/**
 * What happens when an event fires. One handler object usually serves many events; the {@code
 * payload} tells them apart (an index, a packed pair of ints), so scheduling allocates nothing.
 */
@FunctionalInterface
public interface EventHandler {
  void handle(Simulator sim, long timePs, long payload);
}
