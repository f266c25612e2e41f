package dev.spinsim.network.run;

import static com.google.common.base.Preconditions.checkArgument;

import dev.spinsim.core.energy.ActionLedger;
import dev.spinsim.core.energy.ComponentInfo;
import dev.spinsim.core.energy.EnergyTable;
import java.util.Arrays;

/**
 * The actions of a cycle-accurate run per tile and time window, for the busiest tile's power: the
 * event handlers add each phase's action count to the windows its [start, end) span covers (spread
 * in proportion to the overlap), never an energy; after the run {@link #peakPowerMw} prices each
 * window's counts with the energy table and adds the tile's share of its layer's leakage; a
 * layer-wide phase (buffers, activation units, accumulation, interconnect) is spread evenly over
 * the layer's tiles. Windows are {@value #FIRST_WINDOW_PS} ps long and double (merging pairs)
 * whenever a run outgrows {@value #MAX_WINDOWS} of them, so memory stays bounded at tiles × {@value
 * #MAX_WINDOWS} × 2 × (components of a layer) doubles: each component has a slot for each of the
 * (at most two) actions it records, e.g. a buffer's bit writes and bit reads.
 *
 * <p>Peak tile power = max over tiles and windows of (the window's priced actions of the tile +
 * leakage × window) / window. It is never below a layer's mean power per tile over its busy
 * interval ({@link #meanPowerMw}, the average of the same windows); a phase longer than a window is
 * spread over the windows it spans, so the peak is that of the window length in use ({@link
 * #windowPs}: 1 µs, doubled as often as a run longer than 4 ms needs).
 */
public final class TileActivity {
  /**
   * The window length, ps (1 µs: a few vectors' reads and conversions), until a run outgrows it.
   */
  static final long FIRST_WINDOW_PS = 1_000_000;

  /** Windows kept before they double in length. */
  static final int MAX_WINDOWS = 4096;

  private final int tiles;

  /** Actions a component may record (a buffer: bit writes and bit reads). */
  private static final int ACTIONS_PER_COMPONENT = 2;

  /**
   * Per ledger component: its index k among its layer's components, or -1; its actions' slots
   * within the rows of its layer's tiles are {@code 2k} and {@code 2k + 1}.
   */
  private final int[] slotOf;

  /** Per ledger component × 2: the actions it records, in the order first seen (-1: none yet). */
  private final int[] actionOf;

  /** Per tile: its layer's components, by slot. */
  private final int[][] componentsOfTile;

  /**
   * Per tile: the fractional counts, {@code [window * slots + slot]} with its layer's slots — a
   * phase spread over several windows or over a layer's tiles.
   */
  private final double[][] counts;

  /**
   * Per tile, as {@link #counts}: the whole counts of phases on one tile within one window, kept
   * exactly (so they may be added in any order and grouping; they are the vast majority).
   */
  private final long[][] wholeCounts;

  private long windowPs = FIRST_WINDOW_PS;

  /** The window {@link #windowOf} found last, and its span [lo, hi) in ps. */
  private int cachedWindow;

  private long cachedLoPs;
  private long cachedHiPs;
  private int windows;

  /**
   * The tiles of {@code stages} (consecutive, from tile 0) and the components of {@code ledger}.
   */
  TileActivity(Stage[] stages, ActionLedger ledger) {
    int n = 0;
    for (Stage st : stages) {
      n = Math.max(n, st.firstTile + st.tiles());
    }
    this.tiles = n;
    int components = ledger.components().size();
    slotOf = new int[components];
    Arrays.fill(slotOf, -1);
    actionOf = new int[components * ACTIONS_PER_COMPONENT];
    Arrays.fill(actionOf, -1);
    componentsOfTile = new int[n][0];
    counts = new double[n][0];
    wholeCounts = new long[n][0];
    for (Stage st : stages) {
      // a tile records only its own layer's components
      int[] own =
          ledger.components().stream()
              .filter(c -> c.tag().equals(st.tag()))
              .mapToInt(ComponentInfo::id)
              .toArray();
      for (int k = 0; k < own.length; k++) {
        slotOf[own[k]] = k;
      }
      for (int t = st.firstTile; t < st.firstTile + st.tiles(); t++) {
        componentsOfTile[t] = own;
        counts[t] = new double[16 * ACTIONS_PER_COMPONENT * own.length]; // grown as the run goes
        wholeCounts[t] = new long[16 * ACTIONS_PER_COMPONENT * own.length];
      }
    }
  }

  /**
   * Adds {@code count} actions {@code action} of {@code component} over [start, end) on {@code
   * tile}, or spread evenly over {@code st}'s tiles when {@code tile} is negative (a layer-wide
   * phase: its buffers, activation units, accumulation, interconnect share).
   */
  void add(Stage st, int tile, int component, int action, long count, long startPs, long endPs) {
    checkArgument(slotOf[component] >= 0, "component %s belongs to no tile of the run", component);
    int slot = -1;
    for (int a = 0; a < ACTIONS_PER_COMPONENT && slot < 0; a++) {
      int i = component * ACTIONS_PER_COMPONENT + a;
      if (actionOf[i] < 0) {
        actionOf[i] = action;
      }
      if (actionOf[i] == action) {
        slot = slotOf[component] * ACTIONS_PER_COMPONENT + a;
      }
    }
    checkArgument(
        slot >= 0, "component %s records more than %s actions", component, ACTIONS_PER_COMPONENT);
    long end = Math.max(endPs, startPs + 1);
    while (end > (long) MAX_WINDOWS * windowPs) {
      coarsen();
    }
    if (tile >= 0) {
      int first = windowOf(startPs);
      if (first == windowOf(end - 1)) {
        grow(tile, first);
        wholeCounts[tile][first * slots(tile) + slot] += count;
        return;
      }
      addTo(tile, slot, count, startPs, end);
    } else {
      double share = count / (double) st.tiles();
      for (int t = st.firstTile; t < st.firstTile + st.tiles(); t++) {
        addTo(t, slot, share, startPs, end);
      }
    }
  }

  /**
   * The window a phase over [start, end) on one tile falls in, or -1 when it spans several: the
   * count of a phase in one window is kept exactly, so several such phases of a component on a tile
   * in the same window may be added as one (windows only grow by merging pairs, so they stay in one
   * window).
   */
  long wholeWindow(long startPs, long endPs) {
    long end = Math.max(endPs, startPs + 1);
    int w = windowOf(startPs);
    return w == windowOf(end - 1) ? w : -1;
  }

  /**
   * The window index of time {@code t}, ps (a 64-bit division only when it leaves the last one).
   */
  private int windowOf(long t) {
    if (t >= cachedLoPs && t < cachedHiPs) {
      return cachedWindow;
    }
    cachedWindow = (int) (t / windowPs);
    cachedLoPs = cachedWindow * windowPs;
    cachedHiPs = cachedLoPs + windowPs;
    return cachedWindow;
  }

  /** Slots per window of tile {@code tile}'s rows. */
  private int slots(int tile) {
    return ACTIONS_PER_COMPONENT * componentsOfTile[tile].length;
  }

  /** Makes room in tile {@code tile}'s rows for window {@code last}. */
  private void grow(int tile, int last) {
    int slots = slots(tile);
    windows = Math.max(windows, last + 1);
    if (counts[tile].length < (last + 1) * slots) {
      int n = Math.min(MAX_WINDOWS, Math.max(2 * counts[tile].length / slots, last + 1)) * slots;
      counts[tile] = Arrays.copyOf(counts[tile], n);
      wholeCounts[tile] = Arrays.copyOf(wholeCounts[tile], n);
    }
  }

  private void addTo(int tile, int slot, double count, long startPs, long end) {
    int slots = slots(tile);
    int first = windowOf(startPs);
    int last = windowOf(end - 1);
    grow(tile, last);
    double[] row = counts[tile];
    if (first == last) {
      row[first * slots + slot] += count;
      return;
    }
    double perPs = count / (end - startPs);
    for (int w = first; w <= last; w++) {
      long lo = Math.max(startPs, w * windowPs);
      long hi = Math.min(end, (w + 1) * windowPs);
      row[w * slots + slot] += perPs * (hi - lo);
    }
  }

  /** Doubles the window length, merging pairs of windows. */
  private void coarsen() {
    for (int t = 0; t < tiles; t++) {
      double[] row = counts[t];
      int slots = slots(t);
      int held = slots == 0 ? 0 : row.length / slots;
      long[] whole = wholeCounts[t];
      for (int w = 0; 2 * w < held; w++) {
        for (int s = 0; s < slots; s++) {
          row[w * slots + s] =
              row[2 * w * slots + s] + (2 * w + 1 < held ? row[(2 * w + 1) * slots + s] : 0);
          whole[w * slots + s] =
              whole[2 * w * slots + s] + (2 * w + 1 < held ? whole[(2 * w + 1) * slots + s] : 0);
        }
      }
      Arrays.fill(row, (held + 1) / 2 * slots, row.length, 0);
      Arrays.fill(whole, (held + 1) / 2 * slots, whole.length, 0);
    }
    windows = (windows + 1) / 2;
    windowPs *= 2;
    cachedHiPs = cachedLoPs; // empty: the windows changed
  }

  /** The window length in use, ps. */
  public long windowPs() {
    return windowPs;
  }

  /**
   * The busiest tile's power over any window, mW: each window's counts priced by {@code table} plus
   * the tile's share of its layer's leakage ({@code stages}' components, spread evenly over their
   * tiles), over the window length. Windows before a tile's first action count too (a tile that
   * leaks but is idle still draws its leakage).
   */
  public double peakPowerMw(Stage[] stages, ActionLedger ledger, EnergyTable table) {
    return power(stages, ledger, table, true);
  }

  /**
   * The busiest layer's mean power per tile over its busy interval, mW: its priced actions over its
   * tiles and the windows from its first to its last active one, plus its leakage per tile — an
   * average of the windows {@link #peakPowerMw} takes the maximum of, so never above it.
   */
  public double meanPowerMw(Stage[] stages, ActionLedger ledger, EnergyTable table) {
    return power(stages, ledger, table, false);
  }

  private double power(Stage[] stages, ActionLedger ledger, EnergyTable table, boolean peak) {
    double best = 0;
    double windowNs = windowPs / 1e3;
    for (Stage st : stages) {
      double leakMw = 0;
      for (ComponentInfo c : ledger.components()) {
        if (c.tag().equals(st.tag())) {
          leakMw += table.leakageMw(c);
        }
      }
      leakMw /= st.tiles();
      int[] own = componentsOfTile[st.firstTile];
      int slots = slots(st.firstTile);
      double[] pricePj = new double[slots];
      for (int k = 0; k < slots; k++) {
        int action =
            actionOf[
                own[k / ACTIONS_PER_COMPONENT] * ACTIONS_PER_COMPONENT + k % ACTIONS_PER_COMPONENT];
        if (action >= 0) {
          pricePj[k] =
              table.energyPj(
                  ledger.components().get(own[k / ACTIONS_PER_COMPONENT]),
                  ledger.actions().get(action));
        }
      }
      double sumPj = 0;
      int firstActive = Integer.MAX_VALUE;
      int lastActive = -1;
      for (int t = st.firstTile; t < st.firstTile + st.tiles(); t++) {
        double[] row = counts[t];
        long[] whole = wholeCounts[t];
        int held = slots == 0 ? 0 : row.length / slots;
        for (int w = 0; w < Math.min(windows, held); w++) {
          double pj = 0;
          for (int k = 0; k < slots; k++) {
            pj += (whole[w * slots + k] + row[w * slots + k]) * pricePj[k];
          }
          if (pj > 0) {
            firstActive = Math.min(firstActive, w);
            lastActive = Math.max(lastActive, w);
          }
          sumPj += pj;
          if (peak) {
            best = Math.max(best, pj / windowNs + leakMw);
          }
        }
      }
      if (!peak && lastActive >= 0) {
        double spanNs = (lastActive - firstActive + 1) * windowNs;
        best = Math.max(best, sumPj / st.tiles() / spanNs + leakMw);
      }
    }
    return best;
  }
}
