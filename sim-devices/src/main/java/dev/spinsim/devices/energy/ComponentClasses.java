package dev.spinsim.devices.energy;

/**
 * The component classes and action names the device estimators price: the vocabulary a runner uses
 * when it records actions in a sim-core {@code ActionLedger}. Components may carry a {@code count}
 * attribute (units it stands for; leakage scales with it) and converters a {@code bits} attribute.
 */
public final class ComponentClasses {
  private ComponentClasses() {}

  public static final String CROSSBAR = "crossbar";
  public static final String DAC = "dac";
  public static final String ADC = "adc";
  public static final String SAMPLE_HOLD = "sample_hold";
  public static final String SHIFT_ADD = "shift_add";

  /** Role of every activation unit, whatever its device (DW, digital CMOS, …). */
  public static final String ACTIVATION_ROLE = "activation";

  /** Prefix of the classes of domain-wall devices ({@code dw_relu}, {@code dw_leaky_relu}). */
  public static final String DOMAIN_WALL_PREFIX = "dw_";

  public static final String INPUT_BUFFER = "input_buffer";
  public static final String OUTPUT_BUFFER = "output_buffer";
  public static final String INTERCONNECT = "interconnect";

  /**
   * The component class of an activation device: its registry name in snake case ({@code dw-relu} →
   * {@code dw_relu}, {@code digital-tanh} → {@code digital_tanh}), so the ledger says which device
   * did the work, not which function it computed.
   */
  public static String activationClass(String deviceName) {
    return deviceName.replace('-', '_');
  }

  /** True for the class of a domain-wall device (registry names starting {@code dw-}). */
  public static boolean isDomainWall(String componentClass) {
    return componentClass.startsWith(DOMAIN_WALL_PREFIX);
  }

  /**
   * Prefix of static (leakage-only) components listed in a preset's tile, e.g. {@code
   * static.router}.
   */
  public static final String STATIC_PREFIX = "static.";

  /** Crossbar: one cell read (V²·G·t). */
  public static final String CELL_READ = "cell_read";

  /** Crossbar: one synapse level step while programming. */
  public static final String PROGRAM_STEP = "program_step";

  /** DAC, ADC: one conversion. */
  public static final String CONVERT = "convert";

  /** S+H: one sample. */
  public static final String SAMPLE = "sample";

  /** Shift-and-add: one operation. */
  public static final String OP = "op";

  /** Activation units: one activation. */
  public static final String ACTIVATE = "activate";

  /** Buffers: one bit read / written. */
  public static final String READ_BIT = "read_bit";

  public static final String WRITE_BIT = "write_bit";

  /** Interconnect: one bit moved. */
  public static final String TRANSFER_BIT = "transfer_bit";

  /** Attribute: units a component stands for. */
  public static final String COUNT = "count";

  /** Attribute: converter resolution. */
  public static final String BITS = "bits";
}
