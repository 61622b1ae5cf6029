package org.descent.sweep;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.descent.experiment.RunAnalysis;
import org.eclipse.jdt.annotation.Nullable;

/**
 * What a sweep is asked to do, as its sweep file keeps it.
 *
 * @param space the swept parameters (seeds included, as the grid {@code seed})
 * @param samples draws of the random parameters per combination of the grids (Ray's {@code num_samples})
 * @param searchSeed the seed of the draws
 * @param metric the metric trials are compared by: {@code val_loss}, {@code val_accuracy} or {@code train_loss}
 *            (the mean loss of an epoch)
 * @param minimize whether a lower metric is better
 * @param asha the early stopping, or {@code null} for none (every trial runs its whole budget)
 * @param parallel trials trained at once
 * @param analyses the analyses run on each trial's final checkpoint, as {@code --analyze} gives
 *            them ({@code ID} or {@code ID:k=v,...}; each id once), their figures columns of the
 *            study (see {@link SweepFolder#figures})
 */
public record Study(SearchSpace space, int samples, long searchSeed, String metric, boolean minimize,
        @Nullable Asha asha, int parallel, List<String> analyses) {

    /** The metrics a study can compare: those metrics.csv holds at the end of every epoch. */
    public static final List<String> METRICS = epochMetrics();

    public Study {
        if (samples < 1) {
            throw new IllegalArgumentException("--trials must be >= 1, not " + samples);
        }
        if (parallel < 1) {
            throw new IllegalArgumentException("--parallel must be >= 1, not " + parallel);
        }
        if (!METRICS.contains(metric)) {
            throw new IllegalArgumentException("--metric '" + metric + "' is not known, expected one of "
                    + String.join(", ", METRICS));
        }
        Set<String> ids = new HashSet<>();
        List<String> texts = new ArrayList<>();
        for (String a : analyses) {
            RunAnalysis.Spec spec;
            try {
                spec = RunAnalysis.Spec.parse(a);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--analyze " + e.getMessage());
            }
            if (!ids.add(spec.id())) {
                throw new IllegalArgumentException("--analyze '" + spec.id() + "' is given twice: each analysis once"
                        + " (its figures are the columns " + spec.id() + ".*)");
            }
            texts.add(spec.text());
        }
        analyses = List.copyOf(texts);
    }

    /** A study without analyses. */
    public Study(SearchSpace space, int samples, long searchSeed, String metric, boolean minimize, @Nullable Asha asha,
            int parallel) {
        this(space, samples, searchSeed, metric, minimize, asha, parallel, List.of());
    }

    /** {@code min} or {@code max}. */
    public String mode() {
        return minimize ? "min" : "max";
    }

    /** Whether {@code a} is a better value of the metric than {@code b} (NaN is never better). */
    public boolean better(double a, double b) {
        if (Double.isNaN(a)) {
            return false;
        }
        return Double.isNaN(b) || (minimize ? a < b : a > b);
    }

    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("space", space.parameters().stream().map(SearchSpace.Parameter::text).toList());
        m.put("samples", samples);
        m.put("search_seed", searchSeed);
        m.put("metric", metric);
        m.put("mode", mode());
        Map<String, Object> scheduler = new LinkedHashMap<>();
        if (asha == null) {
            scheduler.put("name", "none");
        } else {
            scheduler.put("name", "asha");
            scheduler.put("grace_period", asha.gracePeriod());
            scheduler.put("reduction_factor", asha.reductionFactor());
            scheduler.put("max_t", asha.maxT());
            scheduler.put("rungs", asha.rungs());
        }
        m.put("scheduler", scheduler);
        m.put("parallel", parallel);
        m.put("analyses", analyses);
        return m;
    }

    static Study fromJson(Map<?, ?> m, String where) {
        try {
            List<String> space = new ArrayList<>();
            for (Object o : (List<?>) m.get("space")) {
                space.add((String) o);
            }
            Map<?, ?> s = (Map<?, ?>) m.get("scheduler");
            String mode = (String) m.get("mode");
            boolean minimize = !"max".equals(mode);
            Asha asha = "asha".equals(s.get("name")) ? new Asha(integer(s.get("grace_period")),
                    integer(s.get("reduction_factor")), integer(s.get("max_t")), minimize) : null;
            List<String> analyses = new ArrayList<>();
            if (m.get("analyses") instanceof List<?> l) {
                for (Object o : l) {
                    analyses.add((String) o);
                }
            }
            return new Study(SearchSpace.parse(space), integer(m.get("samples")),
                    (long) ((Number) m.get("search_seed")).doubleValue(), (String) m.get("metric"), minimize, asha,
                    integer(m.get("parallel")), analyses);
        } catch (ClassCastException | NullPointerException | IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": not a sweep file (" + e.getMessage() + ")");
        }
    }

    private static int integer(@Nullable Object o) {
        return (int) ((Number) java.util.Objects.requireNonNull(o)).doubleValue();
    }

    private static List<String> epochMetrics() {
        List<String> columns = org.descent.experiment.internal.MetricsLog.COLUMNS;
        return columns.subList(columns.indexOf("train_loss"), columns.size());
    }
}
