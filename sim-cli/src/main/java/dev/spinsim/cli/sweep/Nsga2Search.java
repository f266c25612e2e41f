package dev.spinsim.cli.sweep;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.moeaframework.algorithm.NSGAII;
import org.moeaframework.core.PRNG;
import org.moeaframework.core.Solution;
import org.moeaframework.core.variable.EncodingUtils;
import org.moeaframework.parallel.DistributedProblem;
import org.moeaframework.problem.AbstractProblem;

/**
 * Multi-objective search of a sweep space with NSGA-II (Deb et al. 2002, as implemented by the
 * MOEA Framework 4.x: simulated binary crossover and polynomial mutation on one integer level
 * index per dimension, crowding-distance tournament selection). Points are evaluated through the
 * {@link SweepDriver}, a generation's offspring in parallel on its pool, and every evaluated
 * point gets its row in results.csv; a point already there is reused (it is not run again and
 * does not count against the budget twice). Invalid and failed points are infeasible. The search
 * stops when {@code budget} distinct points have been evaluated, after {@code generations}
 * generations, or when the sweep is stopped. Deterministic for a seed: the algorithm's random
 * draws do not depend on the order in which evaluations finish.
 */
public final class Nsga2Search {
  private Nsga2Search() {}

  /** What the search did: the points it evaluated (distinct, in first-evaluation order) and generations run. */
  public record Outcome(List<SweepPoint> points, int generations) {}

  public static Outcome run(SweepSpace space, SweepDriver driver, List<Objective> objectives, int budget,
      int population, int generations, long seed) {
    Set<String> seen = new LinkedHashSet<>();
    List<SweepPoint> evaluated = new ArrayList<>();
    List<SweepSpace.Dimension> dims = space.dimensions();
    int nobj = objectives.size();
    AbstractProblem problem = new AbstractProblem(dims.size(), nobj, 1) {
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
        Map<String, String> row = driver.row(p);
        if (row == null || !"ok".equals(row.get("status"))) {
          infeasible(s);
          return;
        }
        List<String> columns = new ArrayList<>(row.keySet());
        double[] c = new double[nobj];
        for (int i = 0; i < nobj; i++) {
          Objective o = objectives.get(i);
          String col = o.column(columns);
          c[i] = col == null ? Double.NaN : o.cost(row, col);
          if (!Double.isFinite(c[i])) {
            infeasible(s);
            return;
          }
        }
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
    // Points are counted against the budget in the order the algorithm submits them (its own
    // thread, deterministic), not in the order evaluations finish.
    DistributedProblem distributed = new DistributedProblem(problem, driver.pool(), false) {
      @Override
      public void evaluate(Solution s) {
        SweepPoint p = space.point(EncodingUtils.getInt(s));
        synchronized (seen) {
          if (!seen.contains(p.id()) && seen.size() < budget) {
            seen.add(p.id());
            evaluated.add(p);
          }
        }
        super.evaluate(s);
      }
    };
    NSGAII nsga = new NSGAII(distributed);
    nsga.setInitialPopulationSize(population);
    int g = 0;
    int stale = 0;
    while (g < generations && !driver.stopping()) {
      int before;
      synchronized (seen) {
        if (seen.size() >= budget) {
          break;
        }
        before = seen.size();
      }
      nsga.step();
      g++;
      synchronized (seen) {
        stale = seen.size() == before ? stale + 1 : 0;
      }
      if (stale >= 5) {
        break; // converged: five generations without a new point
      }
    }
    synchronized (seen) {
      return new Outcome(List.copyOf(evaluated), g);
    }
  }
}
