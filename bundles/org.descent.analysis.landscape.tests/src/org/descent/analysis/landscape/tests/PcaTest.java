package org.descent.analysis.landscape.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.descent.analysis.landscape.internal.Pca;
import org.descent.analysis.curvature.SymmetricEigen;
import org.descent.core.AnalysisResult;
import org.descent.core.Data;
import org.descent.core.Dataset;
import org.descent.core.Json;
import org.descent.core.ParameterBlock;
import org.descent.core.SplitMix64;
import org.descent.core.Subject;
import org.descent.testing.Contributions;
import org.descent.testing.Fixture;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PCA against numpy.linalg.svd (fixtures/numpy_pca.py): explained variance within 1e-10
 * relative, components with |cos| ≥ 1 − 1e-10 (the sign of a component is arbitrary), and the
 * analysis on the training inputs, a weight block and the trajectory of a real digits run.
 */
class PcaTest {

    /** Relative tolerance on variances, and 1 − |cos| on components. */
    static final double TOLERANCE = 1e-10;

    @TempDir
    static Path dir;

    static Subject trained;

    @BeforeAll
    static void train() throws Exception {
        trained = Subjects.trained(Subjects.digits("mlp:hidden=16", 40, 0.2), dir.resolve("run"));
    }

    static Map<String, Object> fixture(String name) throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) Fixture.get(Fixture.load(PcaTest.class, "fixtures/numpy_pca.json")
                .object(), name);
        return m;
    }

    static double[] digitsInputs() throws Exception {
        Data d = Contributions.create("datasets", "digits", Map.of(), Dataset.class).load(new NullProgressMonitor());
        return d.inputs();
    }

    /** Compares a decomposition with a fixture case on every component carrying at least {@code minRatio}. */
    static void assertMatches(Map<String, Object> f, Pca pca, int k, double minRatio) {
        double[] variance = Fixture.doubles(f.get("explained_variance"));
        double[] ratio = Fixture.doubles(f.get("explained_variance_ratio"));
        double[] cumulative = Fixture.doubles(f.get("cumulative_ratio"));
        double[] singular = Fixture.doubles(f.get("singular_values"));
        double[][] components = Fixture.matrix(f.get("components"));
        double[][] projections = Fixture.matrix(f.get("projections"));
        double[] ev = pca.explainedVariance();
        double[] er = pca.explainedVarianceRatio();
        double[] s = pca.singularValues();
        int checked = 0;
        double sum = 0;
        for (int i = 0; i < ev.length; i++) {
            sum += er[i];
            if (ratio[i] < minRatio) {
                continue;
            }
            checked++;
            assertEquals(variance[i], ev[i], TOLERANCE * variance[i], "explained variance " + i);
            assertEquals(ratio[i], er[i], TOLERANCE * ratio[i], "ratio " + i);
            assertEquals(singular[i], s[i], TOLERANCE * singular[i], "singular value " + i);
            assertEquals(cumulative[i], sum, TOLERANCE * cumulative[i], "cumulative ratio " + i);
        }
        assertTrue(checked >= k, "only " + checked + " components compared");
        for (int j = 0; j < k; j++) {
            double[] c = pca.components()[j];
            double cos = dot(c, components[j]) / Math.sqrt(dot(c, c) * dot(components[j], components[j]));
            assertTrue(Math.abs(cos) >= 1 - TOLERANCE, "component " + j + ": cos " + cos);
            double sign = Math.signum(cos);
            for (int r = 0; r < projections.length; r++) {
                assertEquals(projections[r][j], sign * pca.projections()[r][j], 1e-9 * singular[0],
                        "projection of row " + r + " on component " + j);
            }
        }
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    @Test
    void digitsMatchNumpySvd() throws Exception {
        Map<String, Object> f = fixture("digits");
        double[] x = digitsInputs();
        assertEquals(1797 * 64, x.length);
        Pca pca = new Pca(x, 1797, 64, true, 10, new NullProgressMonitor());
        // components down to 0.1% of the variance (the last pixels' variances are 1e-7 of the total)
        assertMatches(f, pca, 10, 1e-3);
    }

    @Test
    void wideMatrixMatchesNumpySvd() throws Exception {
        Map<String, Object> f = fixture("wide");
        double[] x = Fixture.flat(f.get("matrix"));
        Pca pca = new Pca(x, 7, 40, true, 5, new NullProgressMonitor());
        assertMatches(f, pca, 5, 1e-6);
        // seven centred rows have rank six: the last singular value is zero
        assertEquals(0, pca.singularValues()[6]);
    }

    @Test
    void uncentredMatrixMatchesNumpySvd() throws Exception {
        Map<String, Object> f = fixture("uncentred");
        double[] x = Fixture.flat(f.get("matrix"));
        Pca pca = new Pca(x, 4, 50, false, 4, new NullProgressMonitor());
        assertMatches(f, pca, 4, 0);
    }

    @Test
    void eigendecompositionReconstructsTheMatrix() {
        int n = 40;
        SplitMix64 r = new SplitMix64(3);
        double[][] gaussian = new double[n][n];
        double[][] ones = new double[n][n];
        for (int i = 0; i < n; i++) {
            Arrays.fill(ones[i], 1);
            for (int j = 0; j <= i; j++) {
                gaussian[i][j] = r.nextGaussian();
                gaussian[j][i] = gaussian[i][j];
            }
        }
        assertDecomposes(gaussian);
        // rank one: eigenvalue n once and 0 repeated n - 1 times
        double[] values = assertDecomposes(ones);
        assertEquals(n, values[0], 1e-12);
        assertEquals(0, values[1], 1e-12);
        assertEquals(0, values[n - 1], 1e-12);
    }

    /** Checks A v = λ v, orthonormal vectors, sorted values and the trace; returns the values. */
    static double[] assertDecomposes(double[][] a) {
        int n = a.length;
        double[][] copy = new double[n][];
        for (int i = 0; i < n; i++) {
            copy[i] = a[i].clone();
        }
        SymmetricEigen e = SymmetricEigen.of(copy, true, null);
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = e.value(n - 1 - i);
        }
        for (int i = 1; i < n; i++) {
            assertTrue(values[i] <= values[i - 1], "sorted descending");
        }
        double trace = 0;
        for (int i = 0; i < n; i++) {
            trace += a[i][i];
        }
        assertEquals(trace, Arrays.stream(values).sum(), 1e-12 * n);
        for (int k = 0; k < n; k++) {
            double[] v = e.vector(n - 1 - k);
            for (int i = 0; i < n; i++) {
                double av = 0;
                for (int j = 0; j < n; j++) {
                    av += a[i][j] * v[j];
                }
                assertEquals(values[k] * v[i], av, 1e-12, "A v = λ v, eigenpair " + k);
            }
            for (int m = 0; m <= k; m++) {
                assertEquals(m == k ? 1 : 0, dot(v, e.vector(n - 1 - m)), 1e-13, "orthonormal " + k + ", " + m);
            }
        }
        return values;
    }

    @Test
    void analysisOfTheTrainingInputsMatchesNumpy() throws Exception {
        Subject subject = Subjects.initial(Subjects.digits("mlp:hidden=16", 10, 0));
        assertEquals(1797, subject.data().rows());
        AnalysisResult r = Subjects.print(Subjects.run("pca", Map.of("of", "data", "k", 3), subject));
        Map<String, Object> f = fixture("digits");
        double[] variance = Fixture.doubles(f.get("explained_variance"));
        double[] ratio = Fixture.doubles(f.get("explained_variance_ratio"));
        assertEquals(1797L, ((Number) r.values().get("rows")).longValue());
        assertEquals(64L, ((Number) r.values().get("columns")).longValue());
        @SuppressWarnings("unchecked")
        List<Double> ev = (List<Double>) r.values().get("explained_variance");
        assertEquals(3, ev.size());
        double[] tableRatio = Subjects.column(r, "variance", "ratio");
        assertEquals(64, tableRatio.length);
        for (int i = 0; i < 3; i++) {
            // rows come in epoch 0's shuffled order: PCA does not depend on it
            assertEquals(variance[i], ev.get(i), TOLERANCE * variance[i]);
            assertEquals(ratio[i], tableRatio[i], TOLERANCE * ratio[i]);
        }
        assertEquals(1, Subjects.column(r, "variance", "cumulative")[63], 1e-12);
        AnalysisResult.Table p = r.tables().get("projections");
        assertEquals(List.of("row", "target", "pc1", "pc2", "pc3"), p.columns());
        assertEquals(1797, p.rows().size());
        // projections on a component of centred data sum to zero, and their variance is the component's
        double[] pc1 = Subjects.column(r, "projections", "pc1");
        assertEquals(0, Arrays.stream(pc1).sum(), 1e-9);
        assertEquals(variance[0], dot(pc1, pc1) / 1796, TOLERANCE * variance[0]);
        assertEquals(64, r.tables().get("components").rows().size());
        // what descent analyze writes: the JSON document and one CSV per table
        String json = Json.write(r.toJsonObject());
        assertTrue(json.contains("\"explained_variance_ratio\"") && json.contains("\"variance\""), json);
        assertEquals(1798, AnalysisResult.csv(p).split("\n").length);
    }

    @Test
    void rowLimitTakesTheFirstRowsOfTheEpoch() throws Exception {
        Subject subject = Subjects.initial(Subjects.digits("mlp:hidden=16", 10, 0));
        AnalysisResult r = Subjects.run("pca", Map.of("of", "data", "k", 2, "limit", 100), subject);
        assertEquals(100L, ((Number) r.values().get("rows")).longValue());
        double[] x = Arrays.copyOf(subject.batch(100).inputs(), 100 * 64);
        Pca direct = new Pca(x, 100, 64, true, 2, new NullProgressMonitor());
        @SuppressWarnings("unchecked")
        List<Double> ev = (List<Double>) r.values().get("explained_variance");
        assertEquals(direct.explainedVariance()[0], ev.get(0), 0);
        assertEquals(direct.explainedVariance()[1], ev.get(1), 0);
    }

    @Test
    void analysisOfAWeightBlock() throws Exception {
        AnalysisResult r = Subjects.run("pca", Map.of("of", "weights", "k", 4), trained);
        ParameterBlock w = trained.blocks().get(0);
        assertEquals("layer1.weight", w.name());
        assertTrue(((String) r.values().get("source")).contains("layer1.weight [16, 64]"), r.values().toString());
        assertEquals(16L, ((Number) r.values().get("rows")).longValue());
        double[] theta = trained.parameters();
        Pca direct = new Pca(Arrays.copyOfRange(theta, w.offset(), w.offset() + w.size()), 16, 64, true, 4,
                new NullProgressMonitor());
        assertArrayEquals(direct.singularValues(), Fixture.doubles(r.values().get("singular_values")), 0);
        assertEquals(16, Subjects.column(r, "variance", "ratio").length);

        AnalysisResult named = Subjects.run("pca", Map.of("of", "weights", "block", "layer2.weight", "k", 2), trained);
        assertEquals(10L, ((Number) named.values().get("rows")).longValue());
        assertEquals(16L, ((Number) named.values().get("columns")).longValue());
    }

    @Test
    void analysisOfTheTrajectory() throws Exception {
        List<Subject.Point> points = trained.trajectory();
        long before = points.stream().filter(p -> p.step() < trained.step()).count();
        assertTrue(before >= 2, "checkpoints before the last: " + before);
        AnalysisResult r = Subjects.print(Subjects.run("pca", Map.of("of", "trajectory", "k", (int) before), trained));
        assertEquals(before, ((Number) r.values().get("rows")).longValue());
        assertEquals((long) trained.size(), ((Number) r.values().get("columns")).longValue());
        assertEquals(false, r.values().get("centred"));
        double[] steps = Subjects.column(r, "projections", "step");
        assertEquals(before + 1, steps.length);
        // the analysed point itself is the origin of the plane
        assertEquals(trained.step(), (long) steps[steps.length - 1]);
        assertEquals(0, Subjects.column(r, "projections", "pc1")[steps.length - 1]);
        // as many components as rows: the projections keep every distance from the analysed point
        double[] theta = trained.parameters();
        for (int i = 0; i < before; i++) {
            double[] p = points.get(i).parameters();
            double d = 0;
            for (int t = 0; t < theta.length; t++) {
                d += (p[t] - theta[t]) * (p[t] - theta[t]);
            }
            double q = 0;
            for (int c = 1; c <= before; c++) {
                double x = Subjects.column(r, "projections", "pc" + c)[i];
                q += x * x;
            }
            assertEquals(Math.sqrt(d), Math.sqrt(q), 1e-10 * Math.sqrt(d));
        }
    }

    @Test
    void tooManyComponentsAreRefusedByName() throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Subjects.run("pca", Map.of("of", "weights", "k", 17), trained));
        assertTrue(e.getMessage().contains("k = 17") && e.getMessage().contains("min(rows, columns) = 16")
                && e.getMessage().contains("layer1.weight"), e.getMessage());
        IllegalArgumentException t = assertThrows(IllegalArgumentException.class,
                () -> Subjects.run("pca", Map.of("of", "trajectory", "k", 5), trained));
        assertTrue(t.getMessage().contains("k = 5"), t.getMessage());
    }

    @Test
    void unknownBlockIsRefusedWithTheBlocksThereAre() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Subjects.run("pca", Map.of("of", "weights", "block", "layer9.weight"), trained));
        assertTrue(e.getMessage().contains("block = 'layer9.weight'") && e.getMessage().contains("layer1.weight [16, 64]"),
                e.getMessage());
        IllegalArgumentException bias = assertThrows(IllegalArgumentException.class,
                () -> Subjects.run("pca", Map.of("of", "weights", "block", "layer1.bias"), trained));
        assertTrue(bias.getMessage().contains("layer1.bias"), bias.getMessage());
        IllegalArgumentException unused = assertThrows(IllegalArgumentException.class,
                () -> Subjects.analysis("pca", Map.of("of", "data", "block", "layer1.weight")));
        assertTrue(unused.getMessage().contains("block"), unused.getMessage());
    }

    @Test
    void trajectoryOfAnExperimentIsRefused() throws Exception {
        Subject subject = Subjects.initial(Subjects.digits("mlp:hidden=16", 10, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Subjects.run("pca", Map.of("of", "trajectory"), subject));
        assertTrue(e.getMessage().contains("--run"), e.getMessage());
    }

    @Test
    void cancelledMonitorStopsTheAnalysis() {
        assertThrows(OperationCanceledException.class,
                () -> Subjects.run("pca", Map.of("of", "weights"), trained, Subjects.cancelled()));
    }
}
