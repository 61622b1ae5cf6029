package org.descent.analysis.race.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.descent.analysis.race.internal.Problem;
import org.descent.analysis.race.internal.RaceAnalysis;
import org.descent.core.Analysis;
import org.descent.core.AnalysisInput;
import org.descent.core.AnalysisResult;
import org.descent.core.ComponentSpec;
import org.descent.core.Contribution;
import org.descent.core.ExtensionPoints;
import org.descent.testing.Contributions;
import org.descent.testing.Fixture;
import org.descent.testing.Numerics;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;

/** The optimizer race: its functions, and the real optimizers run on them through the analysis. */
class RaceTest {

    private static AnalysisResult race(Map<String, String> options) throws IOException {
        Analysis a = Contributions.create("analyses", "race", options, Analysis.class);
        return a.analyze(new AnalysisInput(Optional.empty(), Map.of()), new NullProgressMonitor());
    }

    private static Map<String, String> options(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    private static List<Problem> problems() throws IOException {
        return List.of(new Problem.Rosenbrock(), new Problem.Beale(), new Problem.Saddle(), new Problem.Quadratic(7),
                new Problem.GaussianFit(RaceAnalysis.sample(Contributions.registry(), new NullProgressMonitor())));
    }

    @Test
    void declaredAsNeedingNeitherRunNorSamples() {
        Contribution c = Contributions.registry().find(ExtensionPoints.ANALYSES, "race").orElseThrow();
        assertEquals("none", c.attributes().getOrDefault("needs", c.element().getAttribute("needs")));
        assertTrue(c.hyperparameter("optimizers").isPresent() && c.hyperparameter("x0").isPresent()
                && c.hyperparameter("y0").isPresent() && c.hyperparameter("range").isPresent());
    }

    @Test
    void gradientsMatchCentralDifferences() throws IOException {
        double[][] points = { { -1.2, 1 }, { 0.3, -0.7 }, { 2.1, 1.4 }, { 1.5, 0.8 }, { -0.4, 2.5 } };
        for (Problem p : problems()) {
            for (double[] q : points) {
                if (!p.defined(q[0] - 1e-4, q[1] - 1e-4)) {
                    continue;
                }
                double[] g = new double[2];
                p.gradient(q[0], q[1], g);
                double[] fd = Numerics.finiteDifferenceGradient(v -> p.value(v[0], v[1]), q, 1e-6);
                double err = Numerics.maxRelativeError(g, fd, 1e-2);
                assertTrue(err < 1e-6, p.id() + " at (" + q[0] + ", " + q[1] + "): gradient " + g[0] + ", " + g[1]
                        + " vs central differences " + fd[0] + ", " + fd[1] + " (relative error " + err + ")");
            }
        }
    }

    @Test
    void minimaAtTheKnownPoints() throws IOException {
        double[] sample = RaceAnalysis.sample(Contributions.registry(), new NullProgressMonitor());
        double mean = 0;
        for (double v : sample) {
            mean += v;
        }
        mean /= sample.length;
        double ss = 0;
        for (double v : sample) {
            ss += (v - mean) * (v - mean);
        }
        double std = Math.sqrt(ss / sample.length);
        assertEquals(15000, sample.length, "the bimodal data: 10000 + 5000 draws");
        assertTrue(mean > 0.9 && mean < 1.1 && std > 1.6 && std < 1.85,
                "the source's data has mean ≈ 1 and std ≈ 1.73: " + mean + ", " + std);
        Map<Problem, double[]> known = new LinkedHashMap<>();
        known.put(new Problem.Rosenbrock(), new double[] { 1, 1, 0 });
        known.put(new Problem.Beale(), new double[] { 3, 0.5, 0 });
        known.put(new Problem.Quadratic(50), new double[] { 0, 0, 0 });
        Problem.GaussianFit fit = new Problem.GaussianFit(sample);
        known.put(fit, new double[] { mean, std, Math.log(std) + 0.5 * Math.log(2 * Math.PI) + 0.5 });
        known.forEach((p, m) -> {
            double[] min = p.minimum();
            assertEquals(m[0], min[0], 1e-12, p.id() + " minimum x");
            assertEquals(m[1], min[1], 1e-12, p.id() + " minimum y");
            assertEquals(m[2], p.value(min[0], min[1]), 1e-12, p.id() + " minimum value");
            double[] g = new double[2];
            p.gradient(min[0], min[1], g);
            assertEquals(0, Math.hypot(g[0], g[1]), 1e-9, p.id() + ": gradient at the minimum");
            for (int k = 0; k < 8; k++) {
                double a = Math.PI * k / 4;
                double f = p.value(min[0] + 1e-3 * Math.cos(a), min[1] + 1e-3 * Math.sin(a));
                assertTrue(f > m[2], p.id() + ": f rises around the minimum in direction " + k);
            }
        });
        assertEquals(0, new Problem.Saddle().minimum().length, "the saddle has no minimum");
    }

    @Test
    void everyOptimizerFindsTheMaximumLikelihoodFit() throws IOException {
        AnalysisResult r = race(options("problem", "mle", "steps", "3000"));
        Problem.GaussianFit fit = new Problem.GaussianFit(RaceAnalysis.sample(Contributions.registry(),
                new NullProgressMonitor()));
        AnalysisResult.Table summary = r.tables().get("summary");
        assertEquals(6, summary.rows().size(), "gd, momentum, nesterov, adagrad, rmsprop, adam");
        double[] x = summary.column("final_x");
        double[] y = summary.column("final_y");
        for (int i = 0; i < x.length; i++) {
            assertEquals(fit.mean(), x[i], 1e-3, "optimizer " + i + ": μ at the sample mean");
            assertEquals(fit.std(), y[i], 1e-3, "optimizer " + i + ": σ at the sample std");
            assertTrue(summary.column("reached")[i] > 0, "optimizer " + i + " reached the tolerance");
        }
        assertEquals(List.of(1.0, 1.0), r.values().get("start"), "the source's start (1, 1)");
        assertEquals("μ", r.values().get("x_name"));
        assertEquals("σ", r.values().get("y_name"));
    }

    @Test
    void sgdOnTheQuadraticFollowsTheClosedForm() throws IOException {
        double lr = 0.05;
        double kappa = 10;
        AnalysisResult r = race(options("problem", "quadratic", "condition", "10", "optimizers", "sgd:lr=0.05", "steps",
                "60", "x0", "-2", "y0", "1"));
        AnalysisResult.Table t = r.tables().get("trajectory-sgd");
        assertEquals(61, t.rows().size(), "the start and 60 steps");
        double[] x = t.column("x");
        double[] y = t.column("y");
        double[] f = t.column("f");
        for (int k = 0; k <= 60; k++) {
            double ex = -2 * Math.pow(1 - lr, k);
            double ey = Math.pow(1 - lr * kappa, k);
            assertEquals(ex, x[k], 1e-12 * Math.max(1e-300, Math.abs(ex)) + 1e-300, "x_" + k);
            assertEquals(ey, y[k], 1e-12 * Math.abs(ey) + 1e-300, "y_" + k);
            assertEquals(0.5 * (ex * ex + kappa * ey * ey), f[k], 1e-12 * f[k], "f_" + k);
        }
    }

    @Test
    void aDivergingOptimizerIsStoppedAndFlagged() throws IOException {
        AnalysisResult r = race(options("problem", "quadratic", "condition", "10", "optimizers", "gd:lr=0.1,sgd:lr=0.3",
                "steps", "1000"));
        AnalysisResult.Table summary = r.tables().get("summary");
        assertEquals(0, summary.column("diverged")[0], "gd with lr·κ = 1 converges");
        assertEquals(1, summary.column("diverged")[1], "sgd with lr·κ = 3 diverges: |1 − 3| = 2 per step");
        double steps = summary.column("steps")[1];
        assertTrue(steps > 15 && steps < 30, "stopped when |y| = 2^k passed 1e6, after " + steps + " steps");
        assertEquals(steps + 1, r.tables().get("trajectory-sgd").rows().size());
        assertTrue(r.warnings().stream().anyMatch(w -> w.startsWith("sgd diverged: passed the bound")), r.warnings().toString());
        assertTrue(r.report().stream().anyMatch(l -> l.startsWith("sgd") && l.contains("diverged")), r.report().toString());

        AnalysisResult mle = race(options("problem", "mle", "optimizers", "gd:lr=200", "y0", "10", "steps", "100"));
        assertTrue(mle.warnings().stream().anyMatch(w -> w.contains("left the domain") && w.contains("σ")),
                "σ ≤ 0 leaves the domain: " + mle.warnings());
    }

    @Test
    void theOptimizersAreThePyTorchOnes() throws IOException {
        Fixture fx = Fixture.load(RaceTest.class, "fixtures/torch_race.json");
        for (Object race : (List<?>) Fixture.get(fx.object(), "races")) {
            String problem = (String) Fixture.get(race, "problem");
            String spec = (String) Fixture.get(race, "optimizer");
            double[] start = Fixture.doubles(Fixture.get(race, "start"));
            AnalysisResult r = race(options("problem", problem, "optimizers", spec, "steps", "200", "x0",
                    Double.toString(start[0]), "y0", Double.toString(start[1])));
            AnalysisResult.Table t = r.tables().values().stream().filter(x -> x.columns().get(0).equals("step"))
                    .findFirst().orElseThrow();
            double ex = Numerics.maxRelativeError(t.column("x"), Fixture.doubles(Fixture.get(race, "x")), 1e-3);
            double ey = Numerics.maxRelativeError(t.column("y"), Fixture.doubles(Fixture.get(race, "y")), 1e-3);
            assertTrue(ex < 1e-9 && ey < 1e-9, problem + " " + spec + ": 200 steps differ from PyTorch by " + ex + ", " + ey);
        }
    }

    @Test
    void theGridCoversStartMinimumAndTrajectories() throws IOException {
        AnalysisResult r = race(options("problem", "rosenbrock", "x0", "-2.5", "y0", "-1.5", "optimizers", "adam:lr=0.05",
                "resolution", "31", "steps", "300"));
        AnalysisResult.Table grid = r.tables().get("grid");
        assertEquals(31 * 31, grid.rows().size());
        double[] gx = grid.column("x");
        double[] gy = grid.column("y");
        double[] gf = grid.column("f");
        assertTrue(gx[0] < -2.5 && gy[0] < -1.5, "the box covers the start: " + gx[0] + ", " + gy[0]);
        assertTrue(gx[gx.length - 1] >= 2 && gy[gy.length - 1] >= 3, "and the usual box");
        assertEquals(gx[0], gx[31], 0, "x runs fastest");
        Problem p = new Problem.Rosenbrock();
        for (int i = 0; i < gf.length; i += 97) {
            assertEquals(p.value(gx[i], gy[i]), gf[i], 0, "grid value " + i);
        }
        AnalysisResult fixed = race(options("problem", "rosenbrock", "optimizers", "adam", "range", "-1,1,0,2",
                "resolution", "5", "steps", "10"));
        double[] fx = fixed.tables().get("grid").column("x");
        assertEquals(-1, fx[0], 0);
        assertEquals(1, fx[4], 0);
        assertEquals(List.of(-1.0, 1.0, 0.0, 2.0), fixed.values().get("range"));
    }

    @Test
    void theLineUpIsReadAsOnTheCommandLine() throws IOException {
        List<ComponentSpec> two = RaceAnalysis.lineup("sgd:lr=0.01,momentum=0.9,adam:lr=0.05");
        assertEquals(List.of("sgd", "adam"), two.stream().map(ComponentSpec::id).toList());
        assertEquals(Map.of("lr", "0.01", "momentum", "0.9"), two.get(0).values());
        assertEquals(List.of("gd", "adam", "rmsprop"),
                RaceAnalysis.lineup(" gd, adam ;rmsprop").stream().map(ComponentSpec::id).toList());
        AnalysisResult same = race(options("problem", "quadratic", "optimizers", "gd:lr=0.1,gd:lr=0.01", "steps", "5"));
        assertTrue(same.tables().containsKey("trajectory-gd-lr-0-1") && same.tables().containsKey("trajectory-gd-lr-0-01"),
                "one optimizer twice is labelled by its settings: " + same.tables().keySet());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> RaceAnalysis.lineup(" , "));
        assertTrue(none.getMessage().contains("--optimizers"), none.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> race(options("optimizers", "adamm:lr=0.1")));
        assertTrue(unknown.getMessage().contains("no optimizer 'adamm'") && unknown.getMessage().contains("adam"),
                unknown.getMessage());
        IllegalArgumentException start = assertThrows(IllegalArgumentException.class,
                () -> race(options("problem", "mle", "y0", "-1")));
        assertTrue(start.getMessage().contains("σ (--y0) must be > 0"), start.getMessage());
        IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
                () -> race(options("range", "1,0,0,1")));
        assertTrue(range.getMessage().contains("--range"), range.getMessage());
        assertFalse(race(options("problem", "saddle", "steps", "50")).values().containsKey("condition"));
    }
}
