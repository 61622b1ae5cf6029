package org.descent.analysis.landscape.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.descent.core.ParameterBlock;
import org.descent.core.Subject;

/** The run's checkpoints seen from the subject's point, for trajectory PCA and projections. */
final class Trajectories {

    private Trajectories() {
    }

    /**
     * The checkpoints strictly before the subject's step, oldest first.
     *
     * @throws IllegalArgumentException when there are fewer than {@code needed}; the message says
     *             what {@code analysis} needs them for
     */
    static List<Subject.Point> before(Subject subject, int needed, String analysis, String purpose) {
        List<Subject.Point> all = subject.trajectory();
        List<Subject.Point> earlier = new ArrayList<>();
        for (Subject.Point p : all) {
            if (p.step() < subject.step()) {
                earlier.add(p);
            }
        }
        if (earlier.size() < needed) {
            String where = all.isEmpty() ? "there is no trajectory (give --run DIR of a run with checkpoints, not --experiment)"
                    : "the run has " + earlier.size() + " checkpoint" + (earlier.size() == 1 ? "" : "s")
                            + " before step " + subject.step() + " (steps " + steps(all) + ")";
            throw new IllegalArgumentException("analysis '" + analysis + "': " + purpose + " needs at least " + needed
                    + " checkpoint" + (needed == 1 ? "" : "s") + " before the analysed step; " + where);
        }
        return earlier;
    }

    private static String steps(List<Subject.Point> points) {
        StringBuilder sb = new StringBuilder();
        for (Subject.Point p : points) {
            sb.append(sb.length() == 0 ? "" : ", ").append(p.step());
        }
        return sb.toString();
    }

    /**
     * The matrix of {@code point − theta} for each point, one row each, with buffer blocks (batch
     * normalization's running statistics, which are state rather than trained parameters) set to
     * zero.
     */
    static double[] differences(List<Subject.Point> points, double[] theta, List<ParameterBlock> blocks) {
        int n = theta.length;
        double[] m = new double[points.size() * n];
        for (int r = 0; r < points.size(); r++) {
            double[] p = points.get(r).parameters();
            for (int i = 0; i < n; i++) {
                m[r * n + i] = p[i] - theta[i];
            }
            for (ParameterBlock b : blocks) {
                if (b.buffer()) {
                    Arrays.fill(m, r * n + b.offset(), r * n + b.offset() + b.size(), 0);
                }
            }
        }
        return m;
    }
}
