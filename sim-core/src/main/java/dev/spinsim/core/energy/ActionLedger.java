package dev.spinsim.core.energy;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Counts of (component, action) pairs recorded by the simulation: the only energy-related work done
 * in the loop. Components and action names are registered once and then referred to by int ids;
 * counts live in one primitive row per component, so {@link #record} allocates nothing.
 */
public final class ActionLedger {
  private final List<ComponentInfo> components = new ArrayList<>();
  private final Object2IntOpenHashMap<String> componentIds = new Object2IntOpenHashMap<>();
  private final List<String> actions = new ArrayList<>();
  private final Object2IntOpenHashMap<String> actionIds = new Object2IntOpenHashMap<>();
  private long[][] counts = new long[16][];

  public ActionLedger() {
    componentIds.defaultReturnValue(-1);
    actionIds.defaultReturnValue(-1);
  }

  /** Registers a component without a role (names are unique) and returns its id. */
  public int registerComponent(
      String name, String componentClass, String tag, Map<String, Double> attributes) {
    return registerComponent(name, componentClass, tag, attributes, "");
  }

  /** Registers a component with a role such as {@code activation} and returns its id. */
  public int registerComponent(
      String name, String componentClass, String tag, Map<String, Double> attributes, String role) {
    checkArgument(
        name != null && !componentIds.containsKey(name),
        "component '%s' is already registered",
        name);
    int id = components.size();
    ComponentInfo info = new ComponentInfo(id, name, componentClass, tag, attributes, role);
    components.add(info);
    componentIds.put(name, id);
    if (id == counts.length) {
      counts = Arrays.copyOf(counts, id * 2);
    }
    counts[id] = new long[Math.max(4, actions.size())];
    return id;
  }

  /** Id of a registered component, or -1. */
  public int componentId(String name) {
    return componentIds.getInt(name);
  }

  /** The id of an action name, interning it on first use. */
  public int actionId(String action) {
    int id = actionIds.getInt(action);
    if (id >= 0) {
      return id;
    }
    checkArgument(action != null && !action.isBlank(), "action name must not be blank");
    checkArgument(
        !action.equals(EnergyReport.LEAKAGE_ACTION), "action name '%s' is reserved", action);
    id = actions.size();
    actions.add(action);
    actionIds.put(action, id);
    return id;
  }

  /** Adds {@code count} occurrences of action {@code actionId} on component {@code componentId}. */
  public void record(int componentId, int actionId, long count) {
    long[] row = counts[componentId];
    if (actionId >= row.length) {
      checkArgument(
          componentId < components.size() && actionId < actions.size(),
          "unknown component %s or action %s",
          componentId,
          actionId);
      row = Arrays.copyOf(row, Math.max(actions.size(), row.length * 2));
      counts[componentId] = row;
    }
    if (count < 0) {
      throw new IllegalArgumentException("action count must be >= 0, got " + count);
    }
    row[actionId] += count;
  }

  public long count(int componentId, int actionId) {
    checkArgument(
        componentId >= 0 && componentId < components.size(),
        "unknown component id %s",
        componentId);
    checkArgument(actionId >= 0 && actionId < actions.size(), "unknown action id %s", actionId);
    long[] row = counts[componentId];
    return actionId < row.length ? row[actionId] : 0;
  }

  /** Sum of an action's count over all components of a class. */
  public long countByClass(String componentClass, String action) {
    int a = actionIds.getInt(action);
    if (a < 0) {
      return 0;
    }
    long sum = 0;
    for (ComponentInfo c : components) {
      if (c.componentClass().equals(componentClass)) {
        sum += count(c.id(), a);
      }
    }
    return sum;
  }

  /** Registered components, in id order. */
  public List<ComponentInfo> components() {
    return ImmutableList.copyOf(components);
  }

  /** Interned action names, in id order. */
  public List<String> actions() {
    return ImmutableList.copyOf(actions);
  }

  /**
   * Adds every count of {@code other} into this ledger, matching components and actions by name.
   */
  public void addAll(ActionLedger other) {
    for (ComponentInfo c : other.components) {
      int id = componentId(c.name());
      if (id < 0) {
        id = registerComponent(c.name(), c.componentClass(), c.tag(), c.attributes(), c.role());
      }
      for (int a = 0; a < other.actions.size(); a++) {
        long n = other.count(c.id(), a);
        if (n != 0) {
          record(id, actionId(other.actions.get(a)), n);
        }
      }
    }
  }
}
