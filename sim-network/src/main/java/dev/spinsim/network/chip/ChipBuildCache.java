package dev.spinsim.network.chip;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import com.google.common.util.concurrent.UncheckedExecutionException;
import dev.spinsim.devices.crossbar.Crossbar;
import dev.spinsim.devices.crossbar.CrossbarConfig;
import dev.spinsim.devices.crossbar.ProgramResult;
import dev.spinsim.devices.crossbar.WeightMapping;
import dev.spinsim.devices.synapse.SynapseDevice;
import dev.spinsim.network.model.Network;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * What building a chip computes that depends only on some of its inputs, kept for the next chip of
 * this JVM built from the same inputs (the points of a {@code spinsim sweep} that change an ADC but
 * not the crossbars, a second run of a test): programmed crossbars and range calibrations. Every
 * entry is keyed by exactly what the computation reads, so a chip built with the cache is the chip
 * built without it, bit for bit, whatever ran before it and on whichever thread:
 *
 * <ul>
 *   <li>a programmed crossbar by its configuration (size, read voltage and time, IR drop, wire
 *       resistance, seed, write-verify), its synapse device ({@link SynapseDevice#behaviourKey()}:
 *       class and resolved parameters), its weight mapping and the weight block programmed into it
 *       (every value); a chip gets {@link Crossbar#readView() read views} of it, never the cached
 *       array;
 *   <li>a range calibration by the {@link Network#fingerprint() fingerprints} of the generator and
 *       the discriminator (layer list, every parameter and buffer) and the latent size (the
 *       calibration batch and its seed are constants of {@link RangeCalibration}).
 * </ul>
 *
 * Programmed crossbars are bounded by {@link #MAX_CELLS} cells (least recently used go first); a
 * synapse device without a behaviour key and a hardware-aware network (whose transfer curves are
 * code, not data) are never cached.
 */
public final class ChipBuildCache {
  /**
   * Cells of programmed crossbars kept (≈ 30 bytes each: levels, variation, conductance, read
   * matrix).
   */
  public static final long MAX_CELLS = 8L << 20;

  private static final ChipBuildCache SHARED = new ChipBuildCache();

  private final Cache<ProgramKey, Programmed> crossbars =
      CacheBuilder.newBuilder()
          .maximumWeight(MAX_CELLS)
          .weigher((ProgramKey k, Programmed p) -> k.config().rows() * k.config().columns())
          .build();
  private final Cache<CalibrationKey, List<RangeCalibration.Range>> calibrations =
      CacheBuilder.newBuilder().maximumSize(16).build();
  private volatile boolean enabled;

  private ChipBuildCache() {}

  /**
   * The JVM's cache, used by every {@link ChipBuilder} and by the range calibration of a run when
   * it is on.
   */
  public static ChipBuildCache shared() {
    return SHARED;
  }

  /**
   * Turns the cache on or off (the default: a single run has nothing to share, and keying costs a
   * pass over the weights); off, every chip programs its crossbars and measures its ranges itself.
   * {@code spinsim sweep} turns it on. A change clears it.
   */
  public synchronized void setEnabled(boolean on) {
    if (on != enabled) {
      enabled = on;
      clear();
    }
  }

  public boolean enabled() {
    return enabled;
  }

  /** Drops every entry. */
  public void clear() {
    crossbars.invalidateAll();
    calibrations.invalidateAll();
  }

  /** A programmed crossbar and what programming it took. */
  public record Programmed(Crossbar crossbar, ProgramResult result) {}

  /**
   * A crossbar of {@code config} with {@code device} cells and {@code mapping}, programmed with the
   * row-major {@code rows × cols} block {@code w} from new (as {@link Crossbar#program}): a {@link
   * Crossbar#readView() read view} of the cached array programmed from the same inputs (programmed
   * now and cached when there is none).
   */
  public Programmed programmed(
      CrossbarConfig config,
      SynapseDevice device,
      WeightMapping mapping,
      double[] w,
      int rows,
      int cols) {
    Object behaviour = device.behaviourKey();
    if (!enabled || behaviour == null) {
      return program(config, device, mapping, w, rows, cols);
    }
    ProgramKey key =
        new ProgramKey(
            config,
            behaviour,
            mapping.getClass(),
            mapping.name(),
            rows,
            cols,
            Arrays.copyOf(w, rows * cols));
    Programmed master = get(crossbars, key, () -> program(config, device, mapping, w, rows, cols));
    return new Programmed(master.crossbar().readView(), master.result());
  }

  private static Programmed program(
      CrossbarConfig config,
      SynapseDevice device,
      WeightMapping mapping,
      double[] w,
      int rows,
      int cols) {
    Crossbar x = new Crossbar(config, device, mapping);
    ProgramResult r = x.program(w, rows, cols);
    return new Programmed(x, r);
  }

  /**
   * The ranges of {@link RangeCalibration#measure} for these networks ({@code discriminator} may be
   * null), computed by {@code measure} unless they were measured on networks with the same
   * fingerprints.
   */
  public List<RangeCalibration.Range> ranges(
      Network generator,
      Network discriminator,
      int latent,
      Supplier<List<RangeCalibration.Range>> measure) {
    if (!enabled) {
      return measure.get();
    }
    String g = generator.fingerprint();
    String d = discriminator == null ? "" : discriminator.fingerprint();
    if (g == null || d == null) {
      return measure.get();
    }
    return get(calibrations, new CalibrationKey(g, d, latent), () -> List.copyOf(measure.get()));
  }

  /**
   * The entry of {@code key}, loaded once by {@code load} (other threads wait); its exception as
   * thrown.
   */
  private static <K, V> V get(Cache<K, V> cache, K key, Callable<V> load) {
    try {
      return cache.get(key, load);
    } catch (ExecutionException | UncheckedExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
    }
  }

  private record CalibrationKey(String generator, String discriminator, int latent) {}

  /** Everything {@link Crossbar#Crossbar} and {@link Crossbar#program} read. */
  private record ProgramKey(
      CrossbarConfig config,
      Object device,
      Class<?> mappingClass,
      String mapping,
      int rows,
      int cols,
      double[] w) {
    @Override
    public boolean equals(Object o) {
      return o instanceof ProgramKey k
          && rows == k.rows
          && cols == k.cols
          && config.equals(k.config)
          && device.equals(k.device)
          && mappingClass == k.mappingClass
          && mapping.equals(k.mapping)
          && Arrays.equals(w, k.w);
    }

    @Override
    public int hashCode() {
      return 31 * (31 * config.hashCode() + device.hashCode()) + Arrays.hashCode(w);
    }
  }
}
