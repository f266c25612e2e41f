package dev.spinsim.devices.registry;

import com.google.common.base.Preconditions;
import dev.spinsim.devices.activation.ActivationUnit;
import dev.spinsim.devices.activation.ActivationUnitSpec;
import dev.spinsim.devices.converter.Adc;
import dev.spinsim.devices.converter.AdcSpec;
import dev.spinsim.devices.converter.Dac;
import dev.spinsim.devices.converter.DacSpec;
import dev.spinsim.devices.synapse.SynapseDevice;
import dev.spinsim.devices.synapse.SynapseSpec;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Devices by name, so a configuration chooses {@code skyrmion-6b}, {@code dw-relu}, {@code
 * sar-adc}…; filled by every {@link DeviceProvider} on the class path (ServiceLoader).
 */
public final class DeviceRegistry {
  private static volatile DeviceRegistry defaults;

  private final Map<String, Function<SynapseSpec, SynapseDevice>> synapses;
  private final Map<String, Function<ActivationUnitSpec, ActivationUnit>> activations;
  private final Map<String, Function<DacSpec, Dac>> dacs;
  private final Map<String, Function<AdcSpec, Adc>> adcs;

  private DeviceRegistry(Builder b) {
    this.synapses = new TreeMap<>(b.synapses);
    this.activations = new TreeMap<>(b.activations);
    this.dacs = new TreeMap<>(b.dacs);
    this.adcs = new TreeMap<>(b.adcs);
  }

  /** The registry of every provider found by {@link ServiceLoader} (cached). */
  public static DeviceRegistry defaults() {
    DeviceRegistry r = defaults;
    if (r == null) {
      Builder b = new Builder();
      for (DeviceProvider p :
          ServiceLoader.load(DeviceProvider.class, DeviceRegistry.class.getClassLoader())) {
        p.register(b);
      }
      r = b.build();
      defaults = r;
    }
    return r;
  }

  public static Builder builder() {
    return new Builder();
  }

  public SynapseDevice synapse(SynapseSpec spec) {
    return lookup(synapses, "synapse device", spec.device()).apply(spec);
  }

  public ActivationUnit activation(ActivationUnitSpec spec) {
    return lookup(activations, "activation unit", spec.device()).apply(spec);
  }

  public Dac dac(DacSpec spec) {
    return lookup(dacs, "DAC", spec.device()).apply(spec);
  }

  public Adc adc(AdcSpec spec) {
    return lookup(adcs, "ADC", spec.device()).apply(spec);
  }

  public SortedSet<String> synapseNames() {
    return new TreeSet<>(synapses.keySet());
  }

  public SortedSet<String> activationNames() {
    return new TreeSet<>(activations.keySet());
  }

  public SortedSet<String> dacNames() {
    return new TreeSet<>(dacs.keySet());
  }

  public SortedSet<String> adcNames() {
    return new TreeSet<>(adcs.keySet());
  }

  /** Every registered name of every kind. */
  public SortedSet<String> allNames() {
    SortedSet<String> all = new TreeSet<>();
    all.addAll(synapses.keySet());
    all.addAll(activations.keySet());
    all.addAll(dacs.keySet());
    all.addAll(adcs.keySet());
    return all;
  }

  private static <T> T lookup(Map<String, T> m, String kind, String name) {
    T f = m.get(name);
    if (f == null) {
      throw new IllegalArgumentException(
          "device: unknown " + kind + " '" + name + "', expected one of " + m.keySet());
    }
    return f;
  }

  /** Collects registrations; a name registered twice for one kind is an error. */
  public static final class Builder {
    private final Map<String, Function<SynapseSpec, SynapseDevice>> synapses = new TreeMap<>();
    private final Map<String, Function<ActivationUnitSpec, ActivationUnit>> activations =
        new TreeMap<>();
    private final Map<String, Function<DacSpec, Dac>> dacs = new TreeMap<>();
    private final Map<String, Function<AdcSpec, Adc>> adcs = new TreeMap<>();

    private Builder() {}

    public Builder synapse(String name, Function<SynapseSpec, SynapseDevice> factory) {
      put(synapses, "synapse", name, factory);
      return this;
    }

    public Builder activation(String name, Function<ActivationUnitSpec, ActivationUnit> factory) {
      put(activations, "activation", name, factory);
      return this;
    }

    public Builder dac(String name, Function<DacSpec, Dac> factory) {
      put(dacs, "DAC", name, factory);
      return this;
    }

    public Builder adc(String name, Function<AdcSpec, Adc> factory) {
      put(adcs, "ADC", name, factory);
      return this;
    }

    private static <T> void put(Map<String, T> m, String kind, String name, T factory) {
      Preconditions.checkArgument(
          name != null && !name.isBlank(), "%s name must not be blank", kind);
      Preconditions.checkArgument(!m.containsKey(name), "%s '%s' is registered twice", kind, name);
      m.put(name, Preconditions.checkNotNull(factory));
    }

    public DeviceRegistry build() {
      return new DeviceRegistry(this);
    }
  }
}
