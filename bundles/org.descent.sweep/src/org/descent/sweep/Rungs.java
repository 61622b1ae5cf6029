package org.descent.sweep;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

import org.eclipse.jdt.annotation.Nullable;

/**
 * ASHA's rungs shared by the trials of one sweep, decided in trial order whatever the threads:
 * trial i decides at a rung once every trial before it has recorded its value there or has ended
 * without reaching it, and compares itself with those values only. The decisions are those of
 * Ray Tune's ASHAScheduler when the trials arrive at each rung in trial order (one at a time),
 * so a study gives the same result with any {@code --parallel} and after a resume.
 */
final class Rungs {

    /**
     * A trial's decision at a rung.
     *
     * @param cutoff the value it had to reach (NaN when it was the first at the rung)
     * @param compared how many earlier trials recorded a value at the rung
     */
    record Decision(boolean stop, double cutoff, int compared) {
    }

    private final Asha asha;
    private final Map<Integer, Map<Integer, Double>> values = new HashMap<>();
    private final Map<Integer, Map<Integer, Decision>> decisions = new HashMap<>();
    private final Set<Integer> ended = new HashSet<>();

    Rungs(Asha asha) {
        this.asha = asha;
    }

    Asha asha() {
        return asha;
    }

    /** Records the values an ended trial reached at the rungs (from its metrics), and that it ended. */
    synchronized void ended(int trial, Map<Integer, Double> series) {
        for (int t : asha.rungs()) {
            Double v = series.get(t);
            if (v != null) {
                values.computeIfAbsent(t, k -> new HashMap<>()).putIfAbsent(trial, v);
            }
        }
        ended.add(trial);
        notifyAll();
    }

    /** A trial ended (done, stopped, diverged, failed): the trials after it no longer wait for it. */
    synchronized void ended(int trial) {
        ended.add(trial);
        notifyAll();
    }

    /**
     * The decision of a trial that completed {@code epochs} epochs, a rung, with this metric:
     * waits for the trials before it, then records the value. The same question asked again gets
     * the same answer.
     *
     * @param cancelled whether the sweep was cancelled: then the wait ends without a decision
     * @return the decision, or {@code null} when the sweep was cancelled while waiting
     */
    synchronized @Nullable Decision decide(int trial, int epochs, double metric, BooleanSupplier cancelled)
            throws InterruptedException {
        Map<Integer, Decision> made = decisions.computeIfAbsent(epochs, k -> new HashMap<>());
        Decision known = made.get(trial);
        if (known != null) {
            return known;
        }
        Map<Integer, Double> recorded = values.computeIfAbsent(epochs, k -> new HashMap<>());
        while (!earlierResolved(trial, recorded)) {
            if (cancelled.getAsBoolean()) {
                return null;
            }
            wait(100);
        }
        List<Double> earlier = new ArrayList<>();
        for (int j = 0; j < trial; j++) {
            Double v = recorded.get(j);
            if (v != null) {
                earlier.add(v);
            }
        }
        Decision d = new Decision(asha.stops(metric, earlier), asha.cutoff(earlier), earlier.size());
        recorded.put(trial, metric);
        made.put(trial, d);
        notifyAll();
        return d;
    }

    private boolean earlierResolved(int trial, Map<Integer, Double> recorded) {
        for (int j = 0; j < trial; j++) {
            if (!recorded.containsKey(j) && !ended.contains(j)) {
                return false;
            }
        }
        return true;
    }
}
