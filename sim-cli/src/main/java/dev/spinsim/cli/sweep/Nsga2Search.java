package dev.spinsim.cli.sweep;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.moeaframework.algorithm.NSGAII;
import org.moeaframework.core.PRNG;
import org.moeaframework.core.Problem;
import org.moeaframework.core.Solution;
import org.moeaframework.core.initialization.InjectedInitialization;
import org.moeaframework.core.variable.EncodingUtils;
import org.moeaframework.parallel.DistributedProblem;
import org.moeaframework.problem.AbstractProblem;

/**
 * Multi-objective search of a sweep space with NSGA-II (Deb et al. 2002, as implemented by the MOEA
 * Framework 4.x: simulated binary crossover and polynomial mutation on one level index per
 * dimension, decoded by flooring, crowding-distance tournament selection). Points are evaluated
 * through the {@link SweepDriver}, a generation's offspring in parallel on its pool, and every
 * evaluated point gets its row in results.csv. Invalid and failed points are infeasible.
 *
 * <p>Made for small budgets over discrete knobs (a sweep point costs seconds):
 *
 * <ul>
 *   <li>the initial population is a Latin hypercube over the level indices (every dimension's
 *       levels spread evenly over the population, McKay et al. 1979) with the all-lowest and
 *       all-highest corners first, instead of uniform draws that leave levels out;
 *   <li>an offspring that decodes to a point already evaluated is moved to the nearest point not
 *       yet evaluated (fewest level steps, ties in a seeded order), as duplicate elimination in
 *       discrete evolutionary search does (pymoo's {@code eliminate_duplicates}), so every
 *       evaluation of the budget buys a new point; a point whose row an earlier sweep left in
 *       results.csv is reused and not run again, but counts against the budget like any other;
 *   <li>the last third of the budget goes to a Pareto local search around the front NSGA-II found
 *       ({@link #localSearch}): the unevaluated neighbours of the front that a quadratic response
 *       surface fitted on every evaluated point predicts to improve the front most, where a few
 *       more generations would mostly re-draw known points.
 * </ul>
 *
 * NSGA-II stops when its two thirds of the budget are spent, after {@code generations} generations,
 * or when the space is exhausted; the whole search when {@code budget} distinct points have been
 * evaluated, no front point has an unevaluated neighbour, or the sweep is stopped. Deterministic
 * for a seed: the algorithm's random draws do not depend on the order in which evaluations finish.
 */
public final class Nsga2Search {
  /**
   * The share of the budget the surrogate-guided local search spends after NSGA-II. Measured on the
   * README's grid-against-search comparison: with a third, the search's front missed a grid front
   * point on 4 of seeds 1–5; with half (and the screening), on 1 of seeds 1–10, by 1e-5 of its
   * energy at a higher PSNR.
   */
  static final double LOCAL_FRACTION = 0.5;

  /**
   * How far beyond the front's worst cost, in spans of each objective, the reference point of the
   * hypervolume gain lies ({@link #hypervolumeGain}). With the usual 0.1, a point that extends an
   * end of the front at a higher cost in the other objective (the highest-PSNR chip, dearer than
   * every front point) gains almost nothing, and the ends stop growing; 0.5 lets them grow.
   */
  static final double REFERENCE_MARGIN = 0.5;

  /** Points the local search evaluates between two looks at the front. */
  static final int LOCAL_BATCH = 2;

  /**
   * A candidate predicted within this fraction of every objective's span of a front point's costs
   * is taken to cost the same (it differs only in knobs that move none of the objectives, such as
   * ADC sharing for energy and PSNR) and is chosen only after every other candidate.
   */
  static final double SAME_COST = 1e-3;

  private Nsga2Search() {}

  /**
   * What the search did: the points it evaluated (distinct, in first-evaluation order) and
   * generations run.
   */
  /**
   * What the search did: the points it evaluated, the generations NSGA-II ran, and the knobs the
   * final screening found to move no objective ({@link KnobScreen}), each as {@code key} or {@code
   * key (kept at VALUE)} when one level was preferred.
   */
  public record Outcome(List<SweepPoint> points, int generations, List<String> screenedOut) {}

  /**
   * Runs the search.
   *
   * @param known points of the space already run (the base preset's point), which the search knows
   *     from the start and does not count against {@code budget}; points outside the space are
   *     ignored
   * @param budget the number of distinct points to evaluate beyond {@code known}
   */
  public static Outcome run(
      SweepSpace space,
      SweepDriver driver,
      List<Objective> objectives,
      List<SweepPoint> known,
      int budget,
      int population,
      int generations,
      long seed) {
    Set<String> seen = new LinkedHashSet<>();
    List<SweepPoint> evaluated = new ArrayList<>();
    Map<String, double[]> costs = new java.util.concurrent.ConcurrentHashMap<>();
    List<SweepSpace.Dimension> dims = space.dimensions();
    int nobj = objectives.size();
    int[] sizes = sizes(space);
    // the knobs found to move no objective, re-learnt between generations (when every point
    // submitted so far has its costs, so the screening does not depend on evaluation order), and
    // the points evaluated by their key under it
    KnobScreen[] screen = {KnobScreen.none(sizes)};
    Map<String, int[]> seenKeys = new java.util.HashMap<>();
    for (SweepPoint p : known) {
      if (p.id().chars().allMatch(Character::isDigit) && seen.add(p.id())) {
        evaluated.add(p);
        int[] l = levels(space, Long.parseLong(p.id()));
        seenKeys.put(screen[0].key(l), l);
        double[] c = costs(driver.row(p), objectives);
        if (c != null) {
          costs.put(p.id(), c);
        }
      }
    }
    budget += seen.size();
    int searchBudget = budget - (int) ((budget - seen.size()) * LOCAL_FRACTION);
    AbstractProblem problem =
        new AbstractProblem(dims.size(), nobj, 1) {
          @Override
          public Solution newSolution() {
            Solution s = new Solution(dims.size(), nobj, 1);
            for (int d = 0; d < dims.size(); d++) {
              s.setVariable(d, EncodingUtils.newInt(0, dims.get(d).size() - 1));
            }
            return s;
          }

          @Override
          public void evaluate(Solution s) {
            SweepPoint p = space.point(EncodingUtils.getInt(s));
            synchronized (seen) {
              if (!seen.contains(p.id())) {
                infeasible(s); // over the budget (registered, or not, in submission order below)
                return;
              }
            }
            double[] c = costs(driver.row(p), objectives);
            if (c == null) {
              infeasible(s);
              return;
            }
            costs.put(p.id(), c);
            s.setObjectives(c);
            s.setConstraint(0, 0);
          }

          private void infeasible(Solution s) {
            double[] c = new double[nobj];
            java.util.Arrays.fill(c, 1e300);
            s.setObjectives(c);
            s.setConstraint(0, 1);
          }
        };
    PRNG.setSeed(seed);
    SplittableRandom repairOrder = new SplittableRandom(seed ^ 0x6A09E667F3BCC909L);
    // Points are counted against the budget in the order the algorithm submits them (its own
    // thread, deterministic), not in the order evaluations finish.
    DistributedProblem distributed =
        new DistributedProblem(problem, driver.pool(), false) {
          @Override
          public void evaluate(Solution s) {
            synchronized (seen) {
              KnobScreen k = screen[0];
              int[] levels = k.canonical(EncodingUtils.getInt(s));
              if (seenKeys.containsKey(k.key(levels)) && seen.size() < searchBudget) {
                int[] fresh = nearestUnseen(space, levels, seenKeys.keySet(), k, repairOrder);
                if (fresh != null) {
                  levels = fresh;
                }
              }
              int[] same = seenKeys.get(k.key(levels));
              if (same != null) {
                levels = same; // a point that differs only in inert knobs from one evaluated
              } else if (seen.size() < searchBudget) {
                SweepPoint p = space.point(levels);
                seen.add(p.id());
                evaluated.add(p);
                seenKeys.put(k.key(levels), levels);
              }
              EncodingUtils.setInt(s, levels);
            }
            super.evaluate(s);
          }
        };
    NSGAII nsga = new NSGAII(distributed);
    nsga.setInitialPopulationSize(population);
    nsga.setInitialization(
        new InjectedInitialization(
            distributed,
            latinHypercube(
                distributed, space, population, new SplittableRandom(seed ^ 0xBB67AE8584CAA73BL))));
    int g = 0;
    int stale = 0;
    while (g < generations && !driver.stopping()) {
      int before;
      synchronized (seen) {
        if (seen.size() >= searchBudget) {
          break;
        }
        before = seen.size();
      }
      if (g > 0) {
        // every solution of the last step has been read by its selection: all costs are in
        synchronized (seen) {
          screen[0] = screen(space, evaluated, costs);
          seenKeys.clear();
          for (SweepPoint p : evaluated) {
            int[] l = levels(space, Long.parseLong(p.id()));
            seenKeys.putIfAbsent(screen[0].key(l), l);
          }
        }
      }
      nsga.step();
      g++;
      synchronized (seen) {
        stale = seen.size() == before ? stale + 1 : 0;
      }
      if (stale >= 5) {
        break; // every point evaluated: five generations without a new one
      }
    }
    // the last evaluations NSGA-II submitted may still be running (its solutions resolve when read)
    for (Solution s : nsga.getPopulation()) {
      s.getObjectives();
    }
    localSearch(
        space,
        driver,
        objectives,
        budget,
        seen,
        evaluated,
        costs,
        new SplittableRandom(seed ^ 0x3C6EF372FE94F82BL));
    synchronized (seen) {
      KnobScreen last = screen(space, evaluated, costs);
      List<String> screened = new ArrayList<>();
      for (int d = 0; d < dims.size(); d++) {
        if (last.inert(d)) {
          String key = String.join(" + ", dims.get(d).keys());
          int pref = last.preferred(d);
          screened.add(
              pref < 0
                  ? key
                  : key + " (kept at " + String.join("/", dims.get(d).levels().get(pref)) + ")");
        }
      }
      return new Outcome(List.copyOf(evaluated), g, List.copyOf(screened));
    }
  }

  /**
   * The cost vector of an ok row over {@code objectives}; null for another status or a missing or
   * non-finite value.
   */
  private static double[] costs(Map<String, String> row, List<Objective> objectives) {
    if (row == null || !"ok".equals(row.get("status"))) {
      return null;
    }
    List<String> columns = new ArrayList<>(row.keySet());
    double[] c = new double[objectives.size()];
    for (int i = 0; i < c.length; i++) {
      Objective o = objectives.get(i);
      String col = o.column(columns);
      c[i] = col == null ? Double.NaN : o.cost(row, col);
      if (!Double.isFinite(c[i])) {
        return null;
      }
    }
    return c;
  }

  /**
   * Spends what is left of the budget on a Pareto local search (Paquete, Chiarandini and Stützle
   * 2004) around the front found so far, guided by a surrogate ({@link #surrogateChoice}): of the
   * front's unevaluated neighbours, those predicted to improve the front most. NSGA-II's last
   * generations refine a front slowly when a step costs seconds; the surrogate spends each
   * evaluation where the points already evaluated say the front can move (an earlier version walked
   * the front's ends first, one neighbour at a time, and spent the whole third there). {@link
   * #LOCAL_BATCH} points run at a time whatever the parallelism, so the points chosen do not depend
   * on it. Stops when the budget is spent, the sweep stops, or no point of the front has a
   * neighbour left within two steps.
   */
  private static void localSearch(
      SweepSpace space,
      SweepDriver driver,
      List<Objective> objectives,
      int budget,
      Set<String> seen,
      List<SweepPoint> evaluated,
      Map<String, double[]> costs,
      SplittableRandom rng) {
    int batch = LOCAL_BATCH;
    while (!driver.stopping()) {
      List<SweepPoint> next = new ArrayList<>();
      synchronized (seen) {
        if (seen.size() >= budget) {
          return;
        }
        List<int[]> polish = polish(space, evaluated, costs, seen);
        int left = budget - seen.size();
        for (int[] l :
            left <= polish.size()
                ? polish.subList(0, Math.min(left, batch))
                : surrogateChoice(space, costs, seen, Math.min(batch, left - polish.size()), rng)) {
          next.add(space.point(l));
        }
        if (next.isEmpty()) {
          return;
        }
        for (SweepPoint p : next) {
          seen.add(p.id());
          evaluated.add(p);
        }
      }
      List<java.util.concurrent.Future<Map<String, String>>> rows = new ArrayList<>();
      for (SweepPoint p : next) {
        rows.add(driver.pool().submit(() -> driver.row(p)));
      }
      for (int i = 0; i < next.size(); i++) {
        double[] c;
        try {
          c = costs(rows.get(i).get(), objectives);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        } catch (java.util.concurrent.ExecutionException e) {
          throw e.getCause() instanceof RuntimeException re
              ? re
              : new IllegalStateException(e.getCause());
        }
        if (c != null) {
          costs.put(next.get(i).id(), c);
        }
      }
    }
  }

  /**
   * The front points' chips with every inert knob at its preferred level ({@link KnobScreen}) that
   * have not been run, in the front's order: a front point evaluated before its knob was found
   * inert (the {@code paper} point, the initial population) is dominated by its own chip with the
   * cheaper setting, by a margin too small for the surrogate to rank. The local search spends its
   * last evaluations on them, so the front it reports has the cheaper settings.
   */
  static List<int[]> polish(
      SweepSpace space, List<SweepPoint> evaluated, Map<String, double[]> costs, Set<String> seen) {
    List<int[]> levels = new ArrayList<>();
    List<double[]> all = new ArrayList<>();
    withCosts(space, evaluated, costs, levels, all);
    KnobScreen screen = KnobScreen.of(sizes(space), levels, all, SAME_COST);
    List<int[]> out = new ArrayList<>();
    Set<String> added = new java.util.HashSet<>();
    for (int f : Pareto.front(all)) {
      int[] c = screen.canonical(levels.get(f));
      String id = space.point(c).id();
      if (!seen.contains(id) && added.add(id)) {
        out.add(c);
      }
    }
    return out;
  }

  /**
   * The next {@code n} points of the local search: among the points not yet evaluated one level
   * step from a point of the front (two steps when none is left at one; screened-out knobs at their
   * cheaper level and not moved, {@link KnobScreen}), those a {@link Surrogate} per objective,
   * fitted on every evaluated point ({@link KrigingSurrogate#choose}), predicts to improve the
   * front most. A candidate no front point is predicted to dominate is ranked by the hypervolume it
   * would add ({@link #hypervolumeGain}: a gap in the middle of the front counts by its area, an
   * end by how far it extends); the others by the additive ε-indicator gain min over front points f
   * of max over objectives k of (f_k − ĉ_k) / span_k (Zitzler et al. 2003), which is ≤ 0 for them
   * and largest for the least dominated. An objective whose costs are all positive, such as energy,
   * is compared by its logarithm, so a factor counts the same everywhere. Each pick joins the front
   * with its predicted costs before the next is chosen (the "believer" heuristic of batch
   * surrogate-assisted search), so one batch spreads out. Candidates are visited in a seeded order
   * and ties keep it. Empty when no front point has a neighbour left within two steps.
   */
  static List<int[]> surrogateChoice(
      SweepSpace space,
      Map<String, double[]> costs,
      Set<String> seen,
      int n,
      SplittableRandom rng) {
    List<String> ids = new ArrayList<>(new java.util.TreeSet<>(costs.keySet()));
    if (ids.isEmpty() || n <= 0) {
      return List.of();
    }
    List<double[]> all = new ArrayList<>();
    List<int[]> levels = new ArrayList<>();
    for (String id : ids) {
      all.add(costs.get(id));
      levels.add(levels(space, Long.parseLong(id)));
    }
    List<Integer> front = Pareto.front(all);
    List<SweepSpace.Dimension> dims = space.dimensions();
    KnobScreen screen = KnobScreen.of(sizes(space), levels, all, SAME_COST);
    boolean[] fixed = fixed(screen, dims.size());
    Set<String> seenKeys = new java.util.HashSet<>();
    for (String id : seen) {
      seenKeys.add(screen.key(levels(space, Long.parseLong(id))));
    }
    List<int[]> candidates = new ArrayList<>();
    for (int r = 1; r <= 2 && candidates.isEmpty(); r++) {
      Set<String> added = new java.util.HashSet<>();
      for (int f : front) {
        List<int[]> ring = new ArrayList<>();
        ring(dims, fixed, screen.canonical(levels.get(f)), 0, r, new int[dims.size()], ring);
        for (int[] c : ring) {
          String key = screen.key(c);
          if (!seenKeys.contains(key) && added.add(key)) {
            candidates.add(c);
          }
        }
      }
    }
    if (candidates.isEmpty()) {
      return List.of();
    }
    shuffle(candidates, rng);
    int nobj = all.get(0).length;
    int[] sizes = sizes(space);
    double[][] predicted = new double[candidates.size()][nobj];
    List<double[]> frontCosts = new ArrayList<>();
    for (int f : front) {
      frontCosts.add(all.get(f));
    }
    double[] span = new double[nobj];
    for (int k = 0; k < nobj; k++) {
      double[] y = new double[all.size()];
      boolean positive = true;
      for (int i = 0; i < y.length; i++) {
        y[i] = all.get(i)[k];
        positive &= y[i] > 0;
      }
      Surrogate model = KrigingSurrogate.choose(sizes, levels, y);
      for (int c = 0; c < candidates.size(); c++) {
        double v = model.predict(candidates.get(c));
        predicted[c][k] = positive ? Math.log(Math.max(v, Double.MIN_NORMAL)) : v;
      }
      if (positive) {
        for (int f = 0; f < frontCosts.size(); f++) {
          double[] logged = frontCosts.get(f).clone();
          logged[k] = Math.log(logged[k]);
          frontCosts.set(f, logged);
        }
      }
      span[k] = Pareto.span(frontCosts, k);
    }
    List<int[]> out = new ArrayList<>();
    boolean[] taken = new boolean[candidates.size()];
    while (out.size() < Math.min(n, candidates.size())) {
      int best = -1;
      double bestGain = Double.NEGATIVE_INFINITY;
      for (int c = 0; c < candidates.size(); c++) {
        if (taken[c]) {
          continue;
        }
        double gain = Double.POSITIVE_INFINITY;
        double nearest = Double.POSITIVE_INFINITY;
        for (double[] f : frontCosts) {
          double g = Double.NEGATIVE_INFINITY;
          double distance = 0;
          for (int k = 0; k < nobj; k++) {
            g = Math.max(g, (f[k] - predicted[c][k]) / span[k]);
            distance = Math.max(distance, Math.abs(f[k] - predicted[c][k]) / span[k]);
          }
          gain = Math.min(gain, g);
          nearest = Math.min(nearest, distance);
        }
        if (gain <= 0 && nearest < SAME_COST) {
          gain -= 10; // predicted to cost what a front point costs: a knob that moves nothing here
        } else if (gain > 0) {
          // not predicted dominated: ranked by the hypervolume it would add, so a wide gap in
          // the middle of the front counts by its area, not by its narrower side
          gain = 1e-9 * gain + hypervolumeGain(frontCosts, predicted[c], span);
        }
        if (gain > bestGain) {
          bestGain = gain;
          best = c;
        }
      }
      taken[best] = true;
      out.add(candidates.get(best));
      frontCosts.add(predicted[best]);
    }
    return out;
  }

  /**
   * The hypervolume {@code candidate} adds to {@code front} (Zitzler and Thiele 1998; the
   * contribution SMS-EMOA ranks by, Beume et al. 2007), every objective scaled by its {@code span}
   * from the front's best, against a reference point 10 % of the span beyond the front's worst.
   */
  static double hypervolumeGain(List<double[]> front, double[] candidate, double[] span) {
    int nobj = candidate.length;
    double[] lo = new double[nobj];
    double[] ref = new double[nobj];
    java.util.Arrays.fill(lo, Double.POSITIVE_INFINITY);
    java.util.Arrays.fill(ref, Double.NEGATIVE_INFINITY);
    for (double[] f : front) {
      for (int k = 0; k < nobj; k++) {
        lo[k] = Math.min(lo[k], f[k]);
        ref[k] = Math.max(ref[k], f[k]);
      }
    }
    List<double[]> scaled = new ArrayList<>();
    for (double[] f : front) {
      scaled.add(scale(f, lo, span));
    }
    double[] r = scale(ref, lo, span);
    for (int k = 0; k < nobj; k++) {
      r[k] += REFERENCE_MARGIN;
    }
    double without = Pareto.hypervolume(scaled, r);
    scaled.add(scale(candidate, lo, span));
    return Pareto.hypervolume(scaled, r) - without;
  }

  private static double[] scale(double[] c, double[] lo, double[] span) {
    double[] s = new double[c.length];
    for (int k = 0; k < c.length; k++) {
      s[k] = (c[k] - lo[k]) / span[k];
    }
    return s;
  }

  /**
   * The level index per dimension of point {@code id} (mixed radix, first dimension most
   * significant).
   */
  static int[] levels(SweepSpace space, long id) {
    List<SweepSpace.Dimension> dims = space.dimensions();
    int[] l = new int[dims.size()];
    for (int d = dims.size() - 1; d >= 0; d--) {
      l[d] = (int) (id % dims.get(d).size());
      id /= dims.get(d).size();
    }
    return l;
  }

  /** The number of levels of each dimension of {@code space}. */
  private static int[] sizes(SweepSpace space) {
    List<SweepSpace.Dimension> dims = space.dimensions();
    int[] sizes = new int[dims.size()];
    for (int d = 0; d < sizes.length; d++) {
      sizes[d] = dims.get(d).size();
    }
    return sizes;
  }

  /** Which of {@code n} dimensions {@code screen} found inert. */
  private static boolean[] fixed(KnobScreen screen, int n) {
    boolean[] fixed = new boolean[n];
    for (int d = 0; d < n; d++) {
      fixed[d] = screen.inert(d);
    }
    return fixed;
  }

  /** The screening of the evaluated points that have costs, in evaluation order. */
  private static KnobScreen screen(
      SweepSpace space, List<SweepPoint> evaluated, Map<String, double[]> costs) {
    List<int[]> levels = new ArrayList<>();
    List<double[]> c = new ArrayList<>();
    withCosts(space, evaluated, costs, levels, c);
    return KnobScreen.of(sizes(space), levels, c, SAME_COST);
  }

  /**
   * Appends to {@code levels} and {@code out} the level vector and costs of each evaluated point
   * that has costs, in evaluation order.
   */
  private static void withCosts(
      SweepSpace space,
      List<SweepPoint> evaluated,
      Map<String, double[]> costs,
      List<int[]> levels,
      List<double[]> out) {
    for (SweepPoint p : evaluated) {
      double[] v = costs.get(p.id());
      if (v != null) {
        levels.add(levels(space, Long.parseLong(p.id())));
        out.add(v);
      }
    }
  }

  private static <T> void shuffle(List<T> list, SplittableRandom rng) {
    for (int i = list.size() - 1; i > 0; i--) {
      java.util.Collections.swap(list, i, rng.nextInt(i + 1));
    }
  }

  /**
   * {@code n} solutions spread over the level indices as a Latin hypercube: solution i takes, in
   * each dimension, the level of stratum π(i) of n equal strata (π a seeded permutation per
   * dimension); the first two are the all-lowest and all-highest corners (kept apart from the
   * permutation so they are exact).
   */
  static List<Solution> latinHypercube(
      Problem problem, SweepSpace space, int n, SplittableRandom rng) {
    List<SweepSpace.Dimension> dims = space.dimensions();
    int[][] levels = new int[n][dims.size()];
    for (int d = 0; d < dims.size(); d++) {
      int size = dims.get(d).size();
      int[] perm = new int[n];
      for (int i = 0; i < n; i++) {
        perm[i] = i;
      }
      for (int i = n - 1; i > 0; i--) {
        int j = rng.nextInt(i + 1);
        int t = perm[i];
        perm[i] = perm[j];
        perm[j] = t;
      }
      for (int i = 0; i < n; i++) {
        // the middle of stratum perm[i] of n, as a level index
        levels[i][d] = Math.min(size - 1, (int) ((perm[i] + 0.5) * size / n));
      }
      if (n >= 2) {
        levels[0][d] = 0;
        levels[1][d] = size - 1;
      }
    }
    List<Solution> out = new ArrayList<>();
    for (int[] l : levels) {
      Solution s = problem.newSolution();
      EncodingUtils.setInt(s, l);
      out.add(s);
    }
    return out;
  }

  /**
   * The point nearest {@code levels} (fewest level steps summed over the dimensions, up to the
   * whole space) whose {@link KnobScreen#key} is not in {@code seenKeys}, ties broken by {@code
   * rng}; null when every point has been seen. Enumerates by growing distance, so it is cheap in
   * the sparse early search and bounded by the space size.
   *
   * <p>It moves only the knobs {@code screen} did not find inert (the inert ones keep their level
   * in {@code levels}); with {@link KnobScreen#none}, every knob.
   */
  static int[] nearestUnseen(
      SweepSpace space,
      int[] levels,
      Set<String> seenKeys,
      KnobScreen screen,
      SplittableRandom rng) {
    List<SweepSpace.Dimension> dims = space.dimensions();
    boolean[] fixed = fixed(screen, dims.size());
    int maxDistance = 0;
    for (int d = 0; d < dims.size(); d++) {
      maxDistance += fixed[d] ? 0 : dims.get(d).size() - 1;
    }
    for (int r = 1; r <= maxDistance; r++) {
      List<int[]> ring = new ArrayList<>();
      ring(dims, fixed, levels, 0, r, new int[levels.length], ring);
      List<int[]> fresh = new ArrayList<>();
      for (int[] c : ring) {
        if (!seenKeys.contains(screen.key(c))) {
          fresh.add(c);
        }
      }
      if (!fresh.isEmpty()) {
        return fresh.get(rng.nextInt(fresh.size()));
      }
    }
    return null;
  }

  /**
   * Every level vector at exactly {@code left} level steps from {@code center} over dimensions
   * {@code d..}, the {@code fixed} ones kept at their level in {@code center}.
   */
  private static void ring(
      List<SweepSpace.Dimension> dims,
      boolean[] fixed,
      int[] center,
      int d,
      int left,
      int[] cur,
      List<int[]> out) {
    if (d == dims.size()) {
      if (left == 0) {
        out.add(cur.clone());
      }
      return;
    }
    int size = dims.get(d).size();
    int reach = fixed[d] ? 0 : left;
    for (int step = -reach; step <= reach; step++) {
      int v = center[d] + step;
      if (v >= 0 && v < size) {
        cur[d] = v;
        ring(dims, fixed, center, d + 1, left - Math.abs(step), cur, out);
      }
    }
  }
}
