package org.descent.analysis.race.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

import org.descent.core.Analysis;
import org.descent.core.AnalysisInput;
import org.descent.core.AnalysisResult;
import org.descent.core.ComponentSpec;
import org.descent.core.Contribution;
import org.descent.core.ContributionRegistry;
import org.descent.core.Data;
import org.descent.core.Dataset;
import org.descent.core.ExtensionPoints;
import org.descent.core.Optimizer;
import org.descent.core.Settings;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.jdt.annotation.Nullable;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

/**
 * The {@code race} analysis: installed optimizers, configured from {@code --optimizers}, race
 * from one start on a two-parameter problem. Tables: {@code summary} (one row per optimizer),
 * {@code trajectory-<optimizer>} (step, x, y, f) and {@code grid} (x, y, f over a box covering
 * the start, the minimum and the trajectories that stayed bounded), for contour plots.
 */
public final class RaceAnalysis implements Analysis {

    static final String ID = "race";
    static final String OPTIMIZERS = ExtensionPoints.OPTIMIZERS;
    static final String DATASETS = ExtensionPoints.DATASETS;
    /** The source material's data for the maximum likelihood example. */
    static final String MLE_DATA = "bimodal";

    private String problemId = "rosenbrock";
    private String optimizers = "";
    private String x0 = "";
    private String y0 = "";
    private int steps;
    private double tol;
    private double bound;
    private double condition;
    private String range = "";
    private int resolution;

    @Override
    public void configure(Settings s) {
        problemId = s.getString("problem");
        optimizers = s.getString("optimizers").strip();
        x0 = s.getString("x0").strip();
        y0 = s.getString("y0").strip();
        steps = s.getInt("steps");
        tol = s.getDouble("tol");
        bound = s.getDouble("bound");
        condition = s.getDouble("condition");
        range = s.getString("range").strip();
        resolution = s.getInt("resolution");
    }

    @Override
    public AnalysisResult analyze(AnalysisInput input, IProgressMonitor monitor) throws IOException {
        Bundle bundle = FrameworkUtil.getBundle(RaceAnalysis.class);
        BundleContext context = bundle == null ? null : bundle.getBundleContext();
        ServiceReference<ContributionRegistry> ref = context == null ? null
                : context.getServiceReference(ContributionRegistry.class);
        ContributionRegistry registry = ref == null || context == null ? null : context.getService(ref);
        if (registry == null || context == null || ref == null) {
            throw new IllegalStateException("analysis 'race': the ContributionRegistry service is not available");
        }
        try {
            return analyze(registry, monitor);
        } finally {
            context.ungetService(ref);
        }
    }

    /** The analysis with the optimizers (and the data of {@code mle}) taken from this registry. */
    public AnalysisResult analyze(ContributionRegistry registry, IProgressMonitor monitor) throws IOException {
        SubMonitor progress = SubMonitor.convert(monitor, "Optimizer race", 10);
        Problem problem = problem(registry, progress.split(1));
        double[] start = problem.start();
        double sx = x0.isEmpty() ? start[0] : coordinate("x0", x0);
        double sy = y0.isEmpty() ? start[1] : coordinate("y0", y0);
        if (!problem.defined(sx, sy)) {
            throw new IllegalArgumentException("analysis 'race': the start (--x0 " + sx + ", --y0 " + sy
                    + ") is outside the domain of problem '" + problem.id() + "'"
                    + (problem.id().equals("mle") ? ": σ (--y0) must be > 0" : ""));
        }
        String lineupText = optimizers.isEmpty() ? problem.defaultOptimizers() : optimizers;
        List<Race.Entrant> entrants = entrants(registry, lineup(lineupText));
        List<Race.Lane> lanes = Race.run(problem, entrants, sx, sy, steps, tol, bound, progress.split(6));
        double[] box = range.isEmpty() ? box(problem, sx, sy, lanes) : explicitBox(range, problem);
        AnalysisResult.Table grid = grid(problem, box, resolution, progress.split(3));
        return result(problem, lineupText, sx, sy, lanes, box, grid);
    }

    private Problem problem(ContributionRegistry registry, IProgressMonitor monitor) throws IOException {
        return switch (problemId) {
        case "rosenbrock" -> new Problem.Rosenbrock();
        case "beale" -> new Problem.Beale();
        case "saddle" -> new Problem.Saddle();
        case "quadratic" -> new Problem.Quadratic(condition);
        case "mle" -> new Problem.GaussianFit(sample(registry, monitor));
        default -> throw new IllegalArgumentException("analysis 'race': unknown problem '" + problemId
                + "'; expected mle, rosenbrock, beale, saddle or quadratic");
        };
    }

    /** The installed {@code bimodal} data set with its defaults: 10000 draws of N(0,1), 5000 of N(3,1). */
    public static double[] sample(ContributionRegistry registry, IProgressMonitor monitor) throws IOException {
        Contribution c = registry.find(DATASETS, MLE_DATA).orElseThrow(() -> new IllegalArgumentException(
                "analysis 'race': problem 'mle' fits the data set '" + MLE_DATA + "', which is not installed"));
        try {
            Dataset d = registry.createExecutable(c, Dataset.class);
            d.configure(Settings.resolve(c, Map.of()));
            Data data = d.load(monitor);
            return data.inputs().clone();
        } catch (CoreException e) {
            throw new IllegalStateException(e.getStatus().getMessage(), e);
        }
    }

    private static double coordinate(String option, String text) {
        try {
            double v = Double.parseDouble(text);
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new IllegalArgumentException("analysis 'race': option '--" + option + "': '" + text
                + "' is not a finite number (empty: the problem's usual start)");
    }

    /**
     * Parses the line-up: optimizer specs separated by commas or semicolons, each
     * {@code ID[:name=value,...]}; a {@code name=value} after a comma belongs to the optimizer
     * before it, so {@code sgd:lr=0.01,momentum=0.9,adam:lr=0.05} is two optimizers.
     *
     * @throws IllegalArgumentException naming the part that is wrong
     */
    public static List<ComponentSpec> lineup(String text) {
        List<String> groups = new ArrayList<>();
        @Nullable
        StringBuilder current = null;
        int depth = 0;
        int from = 0;
        List<String> pieces = new ArrayList<>();
        List<Boolean> hard = new ArrayList<>();
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ';';
            if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
            } else if ((c == ',' || c == ';') && depth == 0) {
                pieces.add(text.substring(from, i).strip());
                hard.add(c == ';');
                from = i + 1;
            }
        }
        boolean afterHard = true;
        for (int i = 0; i < pieces.size(); i++) {
            String p = pieces.get(i);
            if (!p.isEmpty()) {
                int eq = p.indexOf('=');
                int colon = p.indexOf(':');
                boolean continuation = !afterHard && eq > 0 && (colon < 0 || colon > eq);
                if (continuation && current != null) {
                    current.append(',').append(p);
                } else {
                    if (current != null) {
                        groups.add(current.toString());
                    }
                    current = new StringBuilder(p);
                }
            }
            afterHard = hard.get(i);
            if (afterHard && current != null) {
                groups.add(current.toString());
                current = null;
            }
        }
        if (groups.isEmpty()) {
            throw new IllegalArgumentException("analysis 'race': option '--optimizers' names no optimizer (expected"
                    + " ID[:name=value,...] separated by commas, e.g. sgd:lr=0.001,adam:lr=0.05)");
        }
        List<ComponentSpec> specs = new ArrayList<>();
        for (String g : groups) {
            try {
                specs.add(ComponentSpec.parse(g));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("analysis 'race': option '--optimizers': " + e.getMessage(), e);
            }
        }
        return specs;
    }

    private static List<Race.Entrant> entrants(ContributionRegistry registry, List<ComponentSpec> specs) {
        Set<String> ids = new HashSet<>();
        Set<String> repeated = new HashSet<>();
        for (ComponentSpec s : specs) {
            if (!ids.add(s.id())) {
                repeated.add(s.id());
            }
        }
        List<Race.Entrant> entrants = new ArrayList<>();
        Set<String> labels = new HashSet<>();
        for (ComponentSpec s : specs) {
            Contribution c = registry.find(OPTIMIZERS, s.id()).orElseThrow(() -> new IllegalArgumentException(
                    "analysis 'race': option '--optimizers': no optimizer '" + s.id() + "' is installed; installed: "
                            + String.join(", ", registry.contributions(OPTIMIZERS).stream().map(Contribution::id).toList())));
            Settings settings = Settings.resolve(c, s.values());
            Optimizer o;
            try {
                o = registry.createExecutable(c, Optimizer.class);
            } catch (CoreException e) {
                throw new IllegalStateException(e.getStatus().getMessage(), e);
            }
            o.configure(settings);
            String label = repeated.contains(s.id()) ? s.toString() : s.id();
            if (!labels.add(label)) {
                throw new IllegalArgumentException("analysis 'race': option '--optimizers' names " + label + " twice");
            }
            entrants.add(new Race.Entrant(label, o));
        }
        return entrants;
    }

    /** The problem's usual box, widened to the start, the minimum and every bounded trajectory. */
    static double[] box(Problem problem, double sx, double sy, List<Race.Lane> lanes) {
        double[] b = problem.box();
        double[] u = b.clone();
        include(u, sx, sy);
        double[] m = problem.minimum();
        if (m.length == 2) {
            include(u, m[0], m[1]);
        }
        for (Race.Lane l : lanes) {
            if (!l.diverged()) {
                for (double[] r : l.rows()) {
                    include(u, r[1], r[2]);
                }
            }
        }
        if (!java.util.Arrays.equals(u, b)) {
            double mx = 0.05 * (u[1] - u[0]);
            double my = 0.05 * (u[3] - u[2]);
            u[0] -= mx;
            u[1] += mx;
            u[2] -= my;
            u[3] += my;
        }
        if (!problem.defined(u[0], u[2])) {
            u[2] = 0.01 * u[3];
        }
        return u;
    }

    private static void include(double[] box, double x, double y) {
        box[0] = Math.min(box[0], x);
        box[1] = Math.max(box[1], x);
        box[2] = Math.min(box[2], y);
        box[3] = Math.max(box[3], y);
    }

    private static double[] explicitBox(String text, Problem problem) {
        String[] parts = text.split(",", -1);
        double[] b = new double[4];
        boolean ok = parts.length == 4;
        for (int i = 0; ok && i < 4; i++) {
            try {
                b[i] = Double.parseDouble(parts[i].strip());
                ok = Double.isFinite(b[i]);
            } catch (NumberFormatException e) {
                ok = false;
            }
        }
        if (!ok || b[0] >= b[1] || b[2] >= b[3]) {
            throw new IllegalArgumentException("analysis 'race': option '--range': '" + text
                    + "' is not XMIN,XMAX,YMIN,YMAX with XMIN < XMAX and YMIN < YMAX");
        }
        return b;
    }

    /** The function on a resolution × resolution grid over the box, x fastest; NaN outside the domain. */
    static AnalysisResult.Table grid(Problem problem, double[] box, int resolution, IProgressMonitor monitor) {
        List<double[]> rows = new ArrayList<>(resolution * resolution);
        for (int j = 0; j < resolution; j++) {
            double y = box[2] + (box[3] - box[2]) * j / (resolution - 1);
            for (int i = 0; i < resolution; i++) {
                double x = box[0] + (box[1] - box[0]) * i / (resolution - 1);
                rows.add(new double[] { x, y, problem.value(x, y) });
            }
        }
        monitor.done();
        return new AnalysisResult.Table(List.of("x", "y", "f"), rows, false);
    }

    /** A table name for an optimizer's label: lower case, digits and dashes. */
    static String tableName(String label, Set<String> taken) {
        String base = "trajectory-" + label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        String name = base;
        for (int i = 2; !taken.add(name); i++) {
            name = base + "-" + i;
        }
        return name;
    }

    private AnalysisResult result(Problem problem, String lineupText, double sx, double sy, List<Race.Lane> lanes,
            double[] box, AnalysisResult.Table grid) {
        AnalysisResult r = new AnalysisResult(ID);
        r.put("problem", problem.id());
        r.put("function", problem.formula());
        r.put("x_name", problem.xName());
        r.put("y_name", problem.yName());
        r.put("optimizers_given", lineupText);
        r.put("start", List.of(sx, sy));
        double[] m = problem.minimum();
        OptionalDouble best = problem.minimumValue();
        r.put("minimum", m.length == 2 ? List.of(m[0], m[1], best.getAsDouble()) : null);
        r.put("steps", steps);
        r.put("tol", tol);
        r.put("bound", bound);
        r.put("range", List.of(box[0], box[1], box[2], box[3]));
        r.put("resolution", resolution);
        r.put("log_levels", problem.logLevels());
        if (problem instanceof Problem.GaussianFit fit) {
            r.put("data", MLE_DATA + " (its defaults: 10000 draws of N(0,1), 5000 of N(3,1), seed 0)");
            r.put("rows", fit.size());
        }
        if (problem instanceof Problem.Quadratic q) {
            r.put("condition", q.eigenvalues()[1] / q.eigenvalues()[0]);
        }
        r.line("Optimizer race on %s: f(%s, %s) = %s", problem.id(), problem.xName(), problem.yName(), problem.formula());
        r.line("start (%.6g, %.6g), %d steps; %s", sx, sy, steps,
                m.length == 2 ? String.format(Locale.ROOT, "minimum f = %.6g at (%.6g, %.6g), reached when f − f* ≤ %.3g",
                        best.getAsDouble(), m[0], m[1], tol) : "no minimum (unbounded below)");
        r.line("%-28s %8s %14s %14s %14s %10s  %s", "optimizer", "steps", problem.xName(), problem.yName(), "f", "reached",
                "status");
        List<Map<String, Object>> entries = new ArrayList<>();
        List<double[]> summary = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        for (int i = 0; i < lanes.size(); i++) {
            Race.Lane l = lanes.get(i);
            String table = tableName(l.label(), taken);
            double[] last = l.last();
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("label", l.label());
            e.put("table", table);
            e.put("steps", l.steps());
            e.put("final", List.of(last[1], last[2], last[3]));
            e.put("reached", l.reached() < 0 ? null : l.reached());
            e.put("diverged", l.diverged());
            e.put("reason", l.reason());
            entries.add(e);
            summary.add(new double[] { i, l.steps(), last[1], last[2], last[3], l.reached(), l.diverged() ? 1 : 0 });
            r.table(table, new AnalysisResult.Table(List.of("step", "x", "y", "f"), l.rows(), false));
            r.line("%-28s %8d %14.6g %14.6g %14.6g %10s  %s", l.label(), l.steps(), last[1], last[2], last[3],
                    l.reached() < 0 ? "-" : Long.toString(l.reached()), l.diverged() ? "diverged: " + l.reason() : "ok");
            if (l.diverged()) {
                r.warn(l.label() + " diverged: " + l.reason());
            }
        }
        r.put("optimizers", entries);
        r.table("summary", new AnalysisResult.Table(
                List.of("optimizer", "steps", "final_x", "final_y", "final_f", "reached", "diverged"), summary, true));
        r.table("grid", grid);
        r.line("grid: %d × %d over %s ∈ [%.4g, %.4g], %s ∈ [%.4g, %.4g]", resolution, resolution, problem.xName(), box[0],
                box[1], problem.yName(), box[2], box[3]);
        return r;
    }
}
