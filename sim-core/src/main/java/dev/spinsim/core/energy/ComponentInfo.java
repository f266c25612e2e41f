package dev.spinsim.core.energy;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableSortedMap;
import java.util.Map;

/**
 * A component registered with an {@link ActionLedger}: its name, the class an energy table prices
 * it by (the device's class, e.g. {@code dw_relu} or {@code digital_relu}), a tag (usually the
 * layer), numeric attributes such as {@code bits} or {@code rows} that estimators read, and a role
 * (what the component does in the circuit, e.g. {@code activation}; empty when it has none), so
 * that "the energy of every activation unit" is a query on roles and "the energy of the domain-wall
 * units" a query on classes, whatever devices a preset uses.
 */
public record ComponentInfo(
    int id,
    String name,
    String componentClass,
    String tag,
    Map<String, Double> attributes,
    String role) {
  /** A component without a role. */
  public ComponentInfo(
      int id, String name, String componentClass, String tag, Map<String, Double> attributes) {
    this(id, name, componentClass, tag, attributes, "");
  }

  public ComponentInfo {
    checkArgument(role != null, "role of component '%s' must not be null (use \"\")", name);
    checkArgument(id >= 0, "component id must be >= 0, got %s", id);
    checkArgument(name != null && !name.isBlank(), "component name must not be blank");
    checkArgument(
        componentClass != null && !componentClass.isBlank(),
        "component class of '%s' must not be blank",
        name);
    checkArgument(tag != null, "tag of component '%s' must not be null (use \"\")", name);
    checkArgument(attributes != null, "attributes of component '%s' must not be null", name);
    for (Map.Entry<String, Double> e : attributes.entrySet()) {
      checkArgument(
          e.getValue() != null && Double.isFinite(e.getValue()),
          "attribute '%s' of component '%s' must be a finite number, got %s",
          e.getKey(),
          name,
          e.getValue());
    }
    attributes = ImmutableSortedMap.copyOf(attributes);
  }

  /** The attribute {@code key}; a missing attribute is an error naming the component. */
  public double attribute(String key) {
    Double v = attributes.get(key);
    checkArgument(
        v != null,
        "component '%s' (%s) has no attribute '%s'; it has %s",
        name,
        componentClass,
        key,
        attributes.keySet());
    return v;
  }

  /** The attribute {@code key}, or {@code fallback} when absent. */
  public double attribute(String key, double fallback) {
    Double v = attributes.get(key);
    return v == null ? fallback : v;
  }
}
