package org.descent.analysis.race.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

import org.descent.core.Optimizer;
import org.descent.core.ParameterBlock;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;

/**
 * Several optimizers started from one point of a {@link Problem}, each for the same number of
 * steps with the exact gradient. An optimizer that leaves the function's domain, reaches a
 * non-finite value or passes the bound is stopped and marked diverged.
 */
public final class Race {

    /** The one parameter block the optimizers see: the point (x, y). */
    static final List<ParameterBlock> LAYOUT = List.of(new ParameterBlock("xy", new int[] { 2 }, 0));

    /**
     * One optimizer's race.
     *
     * @param label how the optimizer is named in tables and legends ({@code adam:lr=0.05})
     * @param rows step, x, y, f for step 0 (the start) and every step taken
     * @param diverged whether it was stopped early
     * @param reason why it was stopped, empty when it was not
     * @param reached the first step at which f − f* ≤ tol, or −1 (never, or no known minimum)
     */
    public record Lane(String label, List<double[]> rows, boolean diverged, String reason, long reached) {

        /** The last row: step, x, y, f. */
        public double[] last() {
            return rows.get(rows.size() - 1);
        }

        /** Steps taken. */
        public long steps() {
            return (long) last()[0];
        }
    }

    /** An optimizer, configured, with its label. */
    public record Entrant(String label, Optimizer optimizer) {
    }

    private Race() {
    }

    /**
     * Runs every entrant from (x0, y0) for {@code steps} steps.
     *
     * @param tol an entrant has reached the minimum when f − f* ≤ tol
     * @param bound an entrant diverged when |x| or |y| passes this
     */
    public static List<Lane> run(Problem problem, List<Entrant> entrants, double x0, double y0, int steps, double tol,
            double bound, IProgressMonitor monitor) {
        SubMonitor progress = SubMonitor.convert(monitor, "Race on " + problem.id(), entrants.size() * steps);
        OptionalDouble best = problem.minimumValue();
        List<Lane> lanes = new ArrayList<>();
        for (Entrant e : entrants) {
            progress.subTask(e.label());
            Optimizer o = e.optimizer();
            o.initialise(LAYOUT);
            double[] p = { x0, y0 };
            double[] g = new double[2];
            double f = problem.value(x0, y0);
            List<double[]> rows = new ArrayList<>(steps + 1);
            rows.add(new double[] { 0, x0, y0, f });
            long reached = best.isPresent() && f - best.getAsDouble() <= tol ? 0 : -1;
            String reason = "";
            for (int k = 1; k <= steps && reason.isEmpty(); k++) {
                if (k % 256 == 0) {
                    if (progress.isCanceled()) {
                        throw new OperationCanceledException();
                    }
                    progress.worked(256);
                }
                problem.gradient(p[0], p[1], g);
                o.step(p, g, o.learningRate());
                f = problem.value(p[0], p[1]);
                rows.add(new double[] { k, p[0], p[1], f });
                reason = divergence(problem, p, f, bound, k);
                if (reason.isEmpty() && reached < 0 && best.isPresent() && f - best.getAsDouble() <= tol) {
                    reached = k;
                }
            }
            lanes.add(new Lane(e.label(), List.copyOf(rows), !reason.isEmpty(), reason, reached));
            progress.setWorkRemaining((entrants.size() - lanes.size()) * steps);
        }
        return lanes;
    }

    private static String divergence(Problem problem, double[] p, double f, double bound, int step) {
        if (!problem.defined(p[0], p[1])) {
            return String.format(Locale.ROOT, "left the domain at step %d (%s = %.4g, %s = %.4g)", step, problem.xName(),
                    p[0], problem.yName(), p[1]);
        }
        if (!Double.isFinite(f)) {
            return "the value became " + f + " at step " + step;
        }
        if (Math.abs(p[0]) > bound || Math.abs(p[1]) > bound) {
            return String.format(Locale.ROOT, "passed the bound %.3g at step %d", bound, step);
        }
        return "";
    }
}
