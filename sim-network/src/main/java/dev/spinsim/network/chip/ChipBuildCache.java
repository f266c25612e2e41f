package dev.spinsim.network.chip;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import com.google.common.hash.HashCode;
import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import com.google.common.util.concurrent.UncheckedExecutionException;
import dev.spinsim.devices.crossbar.Crossbar;
import dev.spinsim.devices.crossbar.CrossbarConfig;
import dev.spinsim.devices.crossbar.ProgramResult;
import dev.spinsim.devices.crossbar.WeightMapping;
import dev.spinsim.devices.synapse.SynapseDevice;
import dev.spinsim.network.model.Network;
import dev.spinsim.network.tensor.ArrayHash;
import dev.spinsim.network.tensor.Parallel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
 *
 * <p>With a {@link #setDirectory directory} the same entries are also kept on disk for the next
 * process ({@code spinsim generate} through the launcher): the programmed crossbars of a chip stage
 * in one file keyed by a 128-bit hash of everything above for each of its crossbars in order, a
 * range calibration in one file keyed by the two fingerprints and the latent size. Files are
 * written atomically and checked when read (key, format, length, CRC, every crossbar's shape); a
 * file that fails is ignored and written again (see {@code ChipBuildStore}). The directory must
 * belong to one build of the simulator: the keys cover the inputs, not the code.
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
  private volatile ChipBuildStore store;

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

  /**
   * Keeps programmed crossbars and range calibrations in {@code dir} across processes (created when
   * first written; null: off, the default). The directory must be one build's: the keys cover a
   * chip's inputs, not the simulator's code.
   */
  public synchronized void setDirectory(Path dir) {
    store = dir == null ? null : new ChipBuildStore(dir);
  }

  /** The on-disk directory, or null when off. */
  public Path directory() {
    ChipBuildStore s = store;
    return s == null ? null : s.directory();
  }

  /**
   * What the on-disk store did since {@link #setDirectory}: entries read, entries asked for that
   * had no file, files ignored as corrupt or foreign; all zero when off.
   */
  public record StoreCounts(long hits, long misses, long rejected) {}

  /** See {@link StoreCounts}. */
  public StoreCounts storeCounts() {
    ChipBuildStore s = store;
    return s == null
        ? new StoreCounts(0, 0, 0)
        : new StoreCounts(s.hits(), s.misses(), s.rejected());
  }

  /** Drops every entry. */
  public void clear() {
    crossbars.invalidateAll();
    calibrations.invalidateAll();
  }

  /** A programmed crossbar and what programming it took. */
  public record Programmed(Crossbar crossbar, ProgramResult result) {}

  /**
   * One crossbar to program from new: its configuration and its row-major {@code rows × cols}
   * weight block {@code w} (as {@link Crossbar#program}).
   */
  public record ProgramRequest(CrossbarConfig config, double[] w, int rows, int cols) {}

  /**
   * The crossbars of {@code requests} ({@code device} cells, {@code mapping}), programmed as {@link
   * #programmed} would, in order: read from the on-disk store when it holds this exact list (one
   * file: a chip stage), else programmed over the compute threads (each array draws from its own
   * seeded generators, so the result does not depend on the thread count) and then saved there.
   * {@code cellsPerCrossbar} weighs the work for the thread split. With the in-memory cache off (a
   * single run), newly programmed crossbars are handed out restored from their programmed cells
   * ({@link Crossbar#restore}, as from disk): they read the same bits but no longer hold the
   * per-cell variation and stuck-cell maps that only programming reads, 9 bytes a cell, about 65 MB
   * of a {@code dcgan64} chip on {@code paper}; with it on, read views of the cached arrays.
   */
  public List<Programmed> programmedAll(
      SynapseDevice device,
      WeightMapping mapping,
      List<ProgramRequest> requests,
      long cellsPerCrossbar) {
    ChipBuildStore disk = store;
    Object behaviour = device.behaviourKey();
    HashCode key = null;
    if (disk != null && behaviour != null && !requests.isEmpty()) {
      key = crossbarsKey(behaviour, mapping, requests);
      List<Programmed> stored = disk.crossbars(key, device, mapping, requests);
      if (stored != null) {
        return stored;
      }
    }
    Programmed[] done = new Programmed[requests.size()];
    Parallel.forRange(
        requests.size(),
        1,
        cellsPerCrossbar,
        (from, to) -> {
          for (int j = from; j < to; j++) {
            ProgramRequest r = requests.get(j);
            Programmed p = programmed(r.config(), device, mapping, r.w(), r.rows(), r.cols());
            done[j] =
                enabled
                    ? p
                    : new Programmed(
                        Crossbar.restore(
                            r.config(), device, mapping, p.crossbar().programmedCells()),
                        p.result());
          }
        });
    List<Programmed> out = List.of(done);
    if (key != null) {
      disk.saveCrossbars(key, out);
    }
    return out;
  }

  /**
   * The on-disk key of a list of crossbars: the store's version, the device's behaviour, the
   * mapping and, per crossbar, its configuration (seed included), shape and every weight's bits.
   */
  private static HashCode crossbarsKey(
      Object behaviour, WeightMapping mapping, List<ProgramRequest> requests) {
    Hasher h = Hashing.murmur3_128().newHasher();
    h.putString(
        "crossbars|v"
            + ChipBuildStore.VERSION
            + "|"
            + behaviour
            + "|"
            + mapping.getClass().getName()
            + "|"
            + mapping.name(),
        StandardCharsets.UTF_8);
    for (ProgramRequest r : requests) {
      h.putString(r.config().toString(), StandardCharsets.UTF_8);
      // the block's every weight bit, hashed as one 128-bit block (the streaming hasher costs a
      // cold process tens of milliseconds per megabyte)
      long[] bits = ArrayHash.of(r.w(), 0, r.rows() * r.cols());
      h.putInt(r.rows()).putInt(r.cols()).putLong(bits[0]).putLong(bits[1]);
    }
    return h.hash();
  }

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
    ChipBuildStore disk = store;
    if (!enabled && disk == null) {
      return measure.get();
    }
    String g = generator.fingerprint();
    String d = discriminator == null ? "" : discriminator.fingerprint();
    if (g == null || d == null) {
      return measure.get();
    }
    Supplier<List<RangeCalibration.Range>> load =
        disk == null ? measure : () -> stored(disk, g, d, latent, measure);
    if (!enabled) {
      return load.get();
    }
    return get(calibrations, new CalibrationKey(g, d, latent), () -> List.copyOf(load.get()));
  }

  /**
   * The ranges of the networks with fingerprints {@code g} and {@code d} from disk, else measured
   * and saved.
   */
  private static List<RangeCalibration.Range> stored(
      ChipBuildStore disk,
      String g,
      String d,
      int latent,
      Supplier<List<RangeCalibration.Range>> measure) {
    HashCode key =
        Hashing.murmur3_128()
            .hashString(
                "ranges|v"
                    + ChipBuildStore.VERSION
                    + "|"
                    + g
                    + "|"
                    + d
                    + "|"
                    + latent
                    + "|"
                    + RangeCalibration.BATCH
                    + "|"
                    + RangeCalibration.SEED,
                StandardCharsets.UTF_8);
    List<RangeCalibration.Range> ranges = disk.ranges(key);
    if (ranges == null) {
      ranges = List.copyOf(measure.get());
      disk.saveRanges(key, ranges);
    }
    return ranges;
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
