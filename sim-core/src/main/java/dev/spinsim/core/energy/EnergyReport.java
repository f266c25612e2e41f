package dev.spinsim.core.energy;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableSortedMap;
import com.google.common.collect.ImmutableTable;
import com.google.common.collect.Table;
import com.google.common.collect.TreeBasedTable;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A ledger priced by a table: total, dynamic and leakage energy, and the breakdowns by component,
 * component class, tag and class × action. Every figure is a compensated sum of the same
 * (component, action) terms, so each breakdown adds up to the total. Pricing is a pure function of
 * the ledger, so a finished run can be re-priced with another table.
 */
public final class EnergyReport {
  /** The pseudo-action under which leakage energy appears in {@link #byClassAndActionPj()}. */
  public static final String LEAKAGE_ACTION = "leakage";

  /** mW x ps = 1e-3 W x 1e-12 s = 1e-15 J = 1e-3 pJ. */
  private static final double PJ_PER_MW_PS = 1e-3;

  private final long simulatedPs;
  private final double totalPj;
  private final double dynamicPj;
  private final double leakagePj;
  private final ImmutableSortedMap<String, Double> byComponent;
  private final ImmutableSortedMap<String, Double> byClass;
  private final ImmutableSortedMap<String, Double> byTag;
  private final ImmutableTable<String, String, Double> byClassAndAction;
  private final ImmutableTable<String, String, Long> countsByClassAndAction;

  private EnergyReport(
      long simulatedPs,
      double totalPj,
      double dynamicPj,
      double leakagePj,
      Map<String, Double> byComponent,
      Map<String, Double> byClass,
      Map<String, Double> byTag,
      Table<String, String, Double> byClassAndAction,
      Table<String, String, Long> countsByClassAndAction) {
    this.simulatedPs = simulatedPs;
    this.totalPj = totalPj;
    this.dynamicPj = dynamicPj;
    this.leakagePj = leakagePj;
    this.byComponent = ImmutableSortedMap.copyOf(byComponent);
    this.byClass = ImmutableSortedMap.copyOf(byClass);
    this.byTag = ImmutableSortedMap.copyOf(byTag);
    this.byClassAndAction = ImmutableTable.copyOf(byClassAndAction);
    this.countsByClassAndAction = ImmutableTable.copyOf(countsByClassAndAction);
  }

  /**
   * Prices every recorded (component, action) count with {@code table}, plus each component's
   * leakage over {@code simulatedPs}. A class or action the table cannot price is an error.
   */
  public static EnergyReport price(ActionLedger ledger, EnergyTable table, long simulatedPs) {
    checkArgument(simulatedPs >= 0, "simulated time must be >= 0 ps, got %s", simulatedPs);
    List<ComponentInfo> components = ledger.components();
    List<String> actions = ledger.actions();
    CompensatedSum total = new CompensatedSum();
    CompensatedSum dynamic = new CompensatedSum();
    CompensatedSum leakage = new CompensatedSum();
    Map<String, CompensatedSum> byComponent = new TreeMap<>();
    Map<String, CompensatedSum> byClass = new TreeMap<>();
    Map<String, CompensatedSum> byTag = new TreeMap<>();
    Table<String, String, CompensatedSum> byClassAction = TreeBasedTable.create();
    Table<String, String, Long> counts = TreeBasedTable.create();
    for (ComponentInfo c : components) {
      CompensatedSum comp = byComponent.computeIfAbsent(c.name(), k -> new CompensatedSum());
      CompensatedSum cls = byClass.computeIfAbsent(c.componentClass(), k -> new CompensatedSum());
      CompensatedSum tag = byTag.computeIfAbsent(c.tag(), k -> new CompensatedSum());
      for (int a = 0; a < actions.size(); a++) {
        long n = ledger.count(c.id(), a);
        if (n == 0) {
          continue;
        }
        String action = actions.get(a);
        double e = n * table.energyPj(c, action);
        add(e, total, dynamic, comp, cls, tag, cell(byClassAction, c.componentClass(), action));
        Long before = counts.get(c.componentClass(), action);
        counts.put(c.componentClass(), action, before == null ? n : before + n);
      }
      double leak = table.leakageMw(c) * simulatedPs * PJ_PER_MW_PS;
      if (leak != 0) {
        add(
            leak,
            total,
            leakage,
            comp,
            cls,
            tag,
            cell(byClassAction, c.componentClass(), LEAKAGE_ACTION));
      }
    }
    return new EnergyReport(
        simulatedPs,
        total.value(),
        dynamic.value(),
        leakage.value(),
        values(byComponent),
        values(byClass),
        values(byTag),
        values(byClassAction),
        counts);
  }

  private static CompensatedSum cell(
      Table<String, String, CompensatedSum> t, String row, String column) {
    CompensatedSum s = t.get(row, column);
    if (s == null) {
      s = new CompensatedSum();
      t.put(row, column, s);
    }
    return s;
  }

  private static Table<String, String, Double> values(Table<String, String, CompensatedSum> sums) {
    Table<String, String, Double> out = TreeBasedTable.create();
    sums.cellSet().forEach(c -> out.put(c.getRowKey(), c.getColumnKey(), c.getValue().value()));
    return out;
  }

  private static void add(double e, CompensatedSum... sums) {
    for (CompensatedSum s : sums) {
      s.add(e);
    }
  }

  private static Map<String, Double> values(Map<String, CompensatedSum> sums) {
    Map<String, Double> out = new TreeMap<>();
    sums.forEach((k, v) -> out.put(k, v.value()));
    return out;
  }

  public long simulatedPs() {
    return simulatedPs;
  }

  public double totalPj() {
    return totalPj;
  }

  public double dynamicPj() {
    return dynamicPj;
  }

  public double leakagePj() {
    return leakagePj;
  }

  /** Energy per component name (dynamic + leakage), sorted by name. */
  public Map<String, Double> byComponentPj() {
    return byComponent;
  }

  /** Energy per component class, sorted by class. */
  public Map<String, Double> byComponentClassPj() {
    return byClass;
  }

  /** Energy per tag (usually the layer), sorted by tag. */
  public Map<String, Double> byTagPj() {
    return byTag;
  }

  /**
   * Energy per component class (row) and action (column), both sorted; leakage appears as action
   * {@value #LEAKAGE_ACTION}.
   */
  public ImmutableTable<String, String, Double> byClassAndActionPj() {
    return byClassAndAction;
  }

  /** Action counts per component class (row) and action (column), sorted; no leakage entries. */
  public ImmutableTable<String, String, Long> countsByClassAndAction() {
    return countsByClassAndAction;
  }

  @Override
  public String toString() {
    return String.format(
        "EnergyReport[total %.6g pJ (dynamic %.6g, leakage %.6g) over %d ps]",
        totalPj, dynamicPj, leakagePj, simulatedPs);
  }
}
