package org.descent.analysis.landscape.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.descent.analysis.curvature.HessianOperator;
import org.descent.analysis.curvature.Lanczos;
import org.descent.core.Analysis;
import org.descent.core.AnalysisInput;
import org.descent.core.AnalysisResult;
import org.descent.core.Batch;
import org.descent.core.Model;
import org.descent.core.Settings;
import org.descent.core.SplitMix64;
import org.descent.core.Subject;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;

/**
 * The training objective along a line or over a plane through the analysed point (Li et al. 2018,
 * "Visualizing the Loss Landscape of Neural Nets"): 1-D interpolation from an earlier checkpoint
 * or a line along a filter-normalized random direction; 2-D surfaces along two filter-normalized
 * random directions or the top two PCA directions of the trajectory, with the trajectory
 * projected on the plane. Every value is the objective of {@link Subject#objective} on the fixed
 * batch {@code subject.batch(subject.batchSize())}, so it is a deterministic function of the
 * parameters.
 */
public final class LandscapeAnalysis implements Analysis {

    static final String ID = "landscape";

    private boolean surface;
    private boolean interpolation;
    private String directions = "random";
    private int lanczos;
    private double from;
    private double to;
    private double range;
    private int resolution;
    private long seed;
    private boolean biases;

    @Override
    public void configure(Settings settings) {
        surface = settings.getString("mode").equals("surface");
        interpolation = settings.getString("line").equals("interpolation");
        directions = settings.getString("directions");
        lanczos = settings.getInt("lanczos");
        from = settings.getDouble("from");
        to = settings.getDouble("to");
        range = settings.getDouble("range");
        resolution = settings.getInt("resolution");
        seed = settings.getLong("seed");
        biases = settings.getBoolean("biases");
        if (!(from < to)) {
            throw new IllegalArgumentException(settings.owner() + ": options from = " + from + " and to = " + to
                    + " make an empty interval; from must be less than to");
        }
        if (!(range > 0) || Double.isInfinite(range)) {
            throw new IllegalArgumentException(settings.owner() + ": option range = " + range
                    + " must be a positive finite number");
        }
        if (lanczos < 2) {
            throw new IllegalArgumentException(settings.owner() + ": option lanczos = " + lanczos
                    + " must be at least 2");
        }
        if (resolution < 2) {
            throw new IllegalArgumentException(settings.owner() + ": option resolution = " + resolution
                    + " must be at least 2");
        }
    }

    /** Evaluates the objective at parameter vectors, never handing the caller's arrays over. */
    private static final class Objective {
        final Subject subject;
        final Model.Evaluator evaluator;
        final Batch batch;
        final double[] work;
        final double[] gradient;

        Objective(Subject subject) {
            this.subject = subject;
            this.batch = subject.batch(subject.batchSize());
            this.evaluator = subject.evaluator(batch.size());
            this.work = new double[subject.size()];
            this.gradient = new double[subject.size()];
        }

        /** The objective at the parameters in {@link #work} (which the pass may change). */
        double atWork() {
            return subject.objective(evaluator, work, batch, gradient);
        }

        double at(double[] theta) {
            System.arraycopy(theta, 0, work, 0, theta.length);
            return atWork();
        }
    }

    @Override
    public AnalysisResult analyze(AnalysisInput input, IProgressMonitor monitor) {
        Subject subject = input.requireSubject(ID);
        AnalysisResult r = new AnalysisResult(ID);
        r.put("subject", subject.label());
        r.put("mode", surface ? "surface" : "line");
        if (surface) {
            surface(subject, r, monitor);
        } else {
            line(subject, r, monitor);
        }
        return r;
    }

    private static double gridValue(double lo, double hi, int i, int n) {
        return i == n - 1 ? hi : lo + (hi - lo) * i / (n - 1);
    }

    private void line(Subject subject, AnalysisResult r, IProgressMonitor monitor) {
        double[] theta = subject.parameters();
        double[] origin;
        double[] direction;
        double lo;
        double hi;
        if (interpolation) {
            Subject.Point first = Trajectories.before(subject, 1, ID, "mode = line with line = interpolation").get(0);
            origin = first.parameters();
            direction = new double[theta.length];
            for (int i = 0; i < theta.length; i++) {
                direction[i] = theta[i] - origin[i];
            }
            lo = from;
            hi = to;
            r.put("line", "interpolation");
            r.put("from_step", first.step());
            r.put("to_step", subject.step());
            r.put("distance", Math.sqrt(Lanczos.dot(direction, direction)));
        } else {
            origin = theta;
            direction = Directions.filterNormalized(subject.blocks(), theta, new SplitMix64(seed), biases);
            lo = -range;
            hi = range;
            r.put("line", "random");
            r.put("seed", seed);
            r.put("direction_norm", Math.sqrt(Lanczos.dot(direction, direction)));
        }
        List<Subject.Point> points = subject.trajectory();
        monitor.beginTask("Loss along a line", resolution + points.size());
        Objective objective = new Objective(subject);
        double[] alphas = new double[resolution];
        double[] losses = new double[resolution];
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < resolution; i++) {
            if (monitor.isCanceled()) {
                throw new OperationCanceledException();
            }
            double a = gridValue(lo, hi, i, resolution);
            double[] w = objective.work;
            if (interpolation) {
                for (int j = 0; j < w.length; j++) {
                    w[j] = (1 - a) * origin[j] + a * theta[j];
                }
            } else {
                for (int j = 0; j < w.length; j++) {
                    w[j] = theta[j] + a * direction[j];
                }
            }
            alphas[i] = a;
            losses[i] = objective.atWork();
            rows.add(new double[] { a, losses[i] });
            monitor.worked(1);
        }
        r.table("line", new AnalysisResult.Table(List.of("alpha", "loss"), rows, true));

        double dd = Lanczos.dot(direction, direction);
        List<double[]> trajectory = new ArrayList<>();
        for (Subject.Point p : points) {
            if (monitor.isCanceled()) {
                throw new OperationCanceledException();
            }
            double[] delta = new double[theta.length];
            for (int j = 0; j < delta.length; j++) {
                delta[j] = p.parameters()[j] - origin[j];
            }
            double a = dd == 0 ? 0 : Lanczos.dot(delta, direction) / dd;
            double residual = 0;
            double norm = 0;
            for (int j = 0; j < delta.length; j++) {
                double e = delta[j] - a * direction[j];
                residual += e * e;
                norm += delta[j] * delta[j];
            }
            trajectory.add(new double[] { p.step(), a, objective.at(p.parameters()),
                    norm == 0 ? 0 : Math.sqrt(residual / norm) });
            monitor.worked(1);
        }
        r.table("trajectory", new AnalysisResult.Table(List.of("step", "alpha", "loss", "residual"), trajectory, true));
        monitor.done();

        int best = 0;
        for (int i = 1; i < resolution; i++) {
            if (losses[i] < losses[best]) {
                best = i;
            }
        }
        r.put("rows", objective.batch.size());
        r.put("min_loss", losses[best]);
        r.put("min_alpha", alphas[best]);
        r.line("Loss along a line through %s (%d rows of training data, training mode)", subject.label(),
                objective.batch.size());
        if (interpolation) {
            r.line("theta(alpha) = (1 - alpha)·theta(step %d) + alpha·theta(step %d), alpha in [%.4g, %.4g], %d points",
                    r.values().get("from_step"), subject.step(), lo, hi, resolution);
        } else {
            r.line("theta(alpha) = theta + alpha·d, d filter-normalized random (seed %d, |d| = %.4g), alpha in [%.4g, %.4g], %d points",
                    seed, Math.sqrt(dd), lo, hi, resolution);
        }
        r.line("%10s %14s", "alpha", "loss");
        for (int i = 0; i < resolution; i++) {
            r.line("%10.4f %14.8g", alphas[i], losses[i]);
        }
        r.line("lowest loss %.8g at alpha %.4g", losses[best], alphas[best]);
    }

    private void surface(Subject subject, AnalysisResult r, IProgressMonitor monitor) {
        double[] theta = subject.parameters();
        double[] d1;
        double[] d2;
        List<Subject.Point> points = subject.trajectory();
        Objective objective = new Objective(subject);
        List<String> notes = new ArrayList<>();
        monitor.beginTask("Loss surface", (directions.equals("hessian") ? lanczos : 0) + resolution * resolution
                + points.size() + 1);
        if (directions.equals("pca")) {
            List<Subject.Point> earlier = Trajectories.before(subject, 2, ID, "directions = pca");
            double[] m = Trajectories.differences(earlier, theta, subject.blocks());
            Pca pca = new Pca(m, earlier.size(), theta.length, false, 2, monitor);
            if (pca.degenerate(0) || pca.degenerate(1)) {
                throw new IllegalArgumentException("analysis 'landscape': directions = pca, but the " + earlier.size()
                        + " checkpoints before step " + subject.step()
                        + " do not span two directions away from it; use directions = random");
            }
            double[][] p = pca.projections();
            double[] extent = new double[2];
            for (double[] row : p) {
                extent[0] = Math.max(extent[0], Math.abs(row[0]));
                extent[1] = Math.max(extent[1], Math.abs(row[1]));
            }
            d1 = scaled(pca.components()[0], extent[0]);
            d2 = scaled(pca.components()[1], extent[1]);
            double[] ratio = pca.explainedVarianceRatio();
            r.put("directions", "pca");
            r.put("explained_variance_ratio", List.of(ratio[0], ratio[1]));
            r.put("direction_norms", List.of(extent[0], extent[1]));
        } else if (directions.equals("hessian")) {
            HessianOperator hessian = new HessianOperator(subject, objective.batch);
            if (hessian.dimension() < 2) {
                throw new IllegalArgumentException("analysis 'landscape': directions = hessian needs two trainable"
                        + " parameters; the model has " + hessian.dimension());
            }
            Lanczos.Result l = Lanczos.extremes(hessian, 2, lanczos, 1e-10, seed, monitor);
            int m = l.values().length;
            // the two largest eigenvalues, largest first
            double[] values = { l.values()[m - 1], l.values()[m - 2] };
            double[] residuals = { l.residuals()[m - 1], l.residuals()[m - 2] };
            d1 = hessian.expand(l.vectors()[m - 1]);
            d2 = hessian.expand(l.vectors()[m - 2]);
            r.put("directions", "hessian");
            r.put("seed", seed);
            r.put("hessian_eigenvalues", List.of(values[0], values[1]));
            r.put("hessian_residuals", List.of(residuals[0], residuals[1]));
            r.put("hessian_products", l.steps());
            notes.add(String.format(Locale.ROOT,
                    "Hessian by Lanczos: %d %s products; lambda1 = %.6g (residual %.2g), lambda2 = %.6g (residual %.2g)",
                    l.steps(), hessian.exact() ? "exact (forward-over-reverse)" : "central-difference", values[0],
                    residuals[0], values[1], residuals[1]));
            for (int k = 0; k < 2; k++) {
                if (residuals[k] > 1e-3 * Math.max(Math.abs(values[0]), 1e-12)) {
                    r.warn(String.format(Locale.ROOT,
                            "Hessian eigenvector %d has not converged: |Hv - lambda v| = %.3g; raise lanczos (now %d)",
                            k + 1, residuals[k], lanczos));
                }
            }
        } else {
            SplitMix64 random = new SplitMix64(seed);
            d1 = Directions.filterNormalized(subject.blocks(), theta, random, biases);
            d2 = Directions.filterNormalized(subject.blocks(), theta, random, biases);
            r.put("directions", "random");
            r.put("seed", seed);
            r.put("biases", biases);
            r.put("direction_norms", List.of(Math.sqrt(Lanczos.dot(d1, d1)), Math.sqrt(Lanczos.dot(d2, d2))));
        }
        double g11 = Lanczos.dot(d1, d1);
        double g12 = Lanczos.dot(d1, d2);
        double g22 = Lanczos.dot(d2, d2);
        double det = g11 * g22 - g12 * g12;
        if (!(det > 0)) {
            throw new IllegalArgumentException("analysis 'landscape': the two directions are parallel or zero (does "
                    + subject.label() + " have trainable blocks with two or more dimensions?)");
        }
        r.put("direction_cosine", g12 / Math.sqrt(g11 * g22));

        double centre = objective.at(theta);
        monitor.worked(1);
        List<double[]> rows = new ArrayList<>();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double minA = 0;
        double minB = 0;
        for (int j = 0; j < resolution; j++) {
            if (monitor.isCanceled()) {
                throw new OperationCanceledException();
            }
            double b = gridValue(-range, range, j, resolution);
            for (int i = 0; i < resolution; i++) {
                double a = gridValue(-range, range, i, resolution);
                double[] w = objective.work;
                for (int t = 0; t < w.length; t++) {
                    w[t] = theta[t] + a * d1[t] + b * d2[t];
                }
                double loss = objective.atWork();
                rows.add(new double[] { a, b, loss });
                if (loss < min) {
                    min = loss;
                    minA = a;
                    minB = b;
                }
                max = Math.max(max, loss);
                monitor.worked(1);
            }
        }
        r.table("surface", new AnalysisResult.Table(List.of("alpha", "beta", "loss"), rows, false));

        List<double[]> trajectory = new ArrayList<>();
        double[] deltas = Trajectories.differences(points, theta, subject.blocks());
        int n = theta.length;
        for (int q = 0; q < points.size(); q++) {
            if (monitor.isCanceled()) {
                throw new OperationCanceledException();
            }
            double c1 = 0;
            double c2 = 0;
            double norm = 0;
            for (int t = 0; t < n; t++) {
                double v = deltas[q * n + t];
                c1 += d1[t] * v;
                c2 += d2[t] * v;
                norm += v * v;
            }
            double a = (g22 * c1 - g12 * c2) / det;
            double b = (g11 * c2 - g12 * c1) / det;
            double residual = 0;
            for (int t = 0; t < n; t++) {
                double e = deltas[q * n + t] - a * d1[t] - b * d2[t];
                residual += e * e;
            }
            Subject.Point p = points.get(q);
            trajectory.add(new double[] { p.step(), a, b, objective.at(p.parameters()),
                    norm == 0 ? 0 : Math.sqrt(residual / norm) });
            monitor.worked(1);
        }
        r.table("trajectory", new AnalysisResult.Table(List.of("step", "alpha", "beta", "loss", "residual"),
                trajectory, true));
        monitor.done();

        r.put("rows", objective.batch.size());
        r.put("range", range);
        r.put("resolution", resolution);
        r.put("loss_at_theta", centre);
        r.put("min_loss", min);
        r.put("min_at", List.of(minA, minB));
        r.put("max_loss", max);
        r.line("Loss surface around %s (%d rows of training data, training mode)", subject.label(),
                objective.batch.size());
        r.line("theta + alpha·d1 + beta·d2, alpha and beta in [%.4g, %.4g], %d x %d points; directions: %s", -range, range,
                resolution, resolution, switch (directions) {
                case "pca" -> "top two PCA directions of the trajectory, scaled to its extent";
                case "hessian" -> "top two Hessian eigenvectors (unit vectors)";
                default -> "filter-normalized random (seed " + seed + ")";
                });
        r.line("|d1| = %.4g, |d2| = %.4g, cos(d1, d2) = %.4f", Math.sqrt(g11), Math.sqrt(g22), g12 / Math.sqrt(g11 * g22));
        notes.forEach(r::line);
        r.line("loss at theta %.8g; lowest %.8g at (%.4g, %.4g); highest %.8g", centre, min, minA, minB, max);
        for (double[] t : trajectory) {
            r.line("step %8d at (%9.4f, %9.4f), loss %.8g, off the plane %.3g", (long) t[0], t[1], t[2], t[3], t[4]);
        }
    }

    private static double[] scaled(double[] v, double s) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] * s;
        }
        return out;
    }
}
