package org.descent.sweep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Asynchronous successive halving, as Ray Tune's {@code ASHAScheduler} (one bracket): rungs at
 * {@code gracePeriod * reductionFactor^k} epochs below {@code maxT}; a trial that reaches a rung
 * goes on only if its metric is not worse than the {@code (1 - 1/reductionFactor)} quantile
 * (linear interpolation, as NumPy's {@code nanpercentile}) of the values the trials before it
 * recorded at that rung, i.e. it is in their top {@code 1/reductionFactor}; the first trial at a
 * rung always goes on. Trials stop at {@code maxT} anyway.
 *
 * @param gracePeriod the first rung, in epochs (Ray's {@code grace_period}), >= 1
 * @param reductionFactor Ray's {@code reduction_factor}, >= 2
 * @param maxT the budget in epochs (Ray's {@code max_t}), >= gracePeriod
 * @param minimize whether a lower metric is better (mode min)
 */
public record Asha(int gracePeriod, int reductionFactor, int maxT, boolean minimize) {

    /** Ray Tune's default grace period. */
    public static final int DEFAULT_GRACE_PERIOD = 1;
    /** Ray Tune's default reduction factor. */
    public static final int DEFAULT_REDUCTION_FACTOR = 4;

    public Asha {
        if (gracePeriod < 1) {
            throw new IllegalArgumentException("the grace period must be >= 1 epoch, not " + gracePeriod);
        }
        if (reductionFactor < 2) {
            throw new IllegalArgumentException("the reduction factor must be >= 2, not " + reductionFactor);
        }
        if (maxT < gracePeriod) {
            throw new IllegalArgumentException("the budget of " + maxT + " epoch(s) is below the grace period of "
                    + gracePeriod);
        }
    }

    /** The epochs at which trials are compared, ascending: every {@code gracePeriod * rf^k < maxT}. */
    public List<Integer> rungs() {
        List<Integer> rungs = new ArrayList<>();
        for (long t = gracePeriod; t < maxT; t *= reductionFactor) {
            rungs.add((int) t);
        }
        return rungs;
    }

    /** Whether trials are compared after this many epochs. */
    public boolean isRung(int epochs) {
        return rungs().contains(epochs);
    }

    /**
     * The value a trial must reach to go on, in the metric's own sense, or NaN when no earlier
     * trial recorded a value at the rung.
     *
     * @param earlier the metric of the trials that reached the rung before (NaN values are ignored)
     */
    public double cutoff(List<Double> earlier) {
        double[] rewards = earlier.stream().mapToDouble(v -> minimize ? -v : v).filter(v -> !Double.isNaN(v)).sorted()
                .toArray();
        if (rewards.length == 0) {
            return Double.NaN;
        }
        double q = (1 - 1.0 / reductionFactor) * (rewards.length - 1);
        int lo = (int) Math.floor(q);
        int hi = Math.min(rewards.length - 1, lo + 1);
        double reward = rewards[lo] + (q - lo) * (rewards[hi] - rewards[lo]);
        return minimize ? -reward : reward;
    }

    /** Whether a trial with this metric at a rung stops, given the earlier trials' values there. */
    public boolean stops(double metric, List<Double> earlier) {
        double cutoff = cutoff(earlier);
        if (Double.isNaN(cutoff) || Double.isNaN(metric)) {
            return false;
        }
        return minimize ? metric > cutoff : metric < cutoff;
    }

    @Override
    public String toString() {
        return "ASHA (grace period " + gracePeriod + ", reduction factor " + reductionFactor + ", max_t " + maxT
                + ", rungs " + Arrays.toString(rungs().toArray()) + ")";
    }
}
