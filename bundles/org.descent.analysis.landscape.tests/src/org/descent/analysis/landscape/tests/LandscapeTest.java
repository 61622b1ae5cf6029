package org.descent.analysis.landscape.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.descent.analysis.landscape.internal.Directions;
import org.descent.core.AnalysisResult;
import org.descent.core.Batch;
import org.descent.core.ParameterBlock;
import org.descent.core.SplitMix64;
import org.descent.core.Subject;
import org.eclipse.core.runtime.OperationCanceledException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loss landscape on a real digits run: exact endpoints and centre, filter normalization, projections. */
class LandscapeTest {

    @TempDir
    static Path dir;

    static Subject trained;

    @BeforeAll
    static void train() throws Exception {
        trained = Subjects.trained(Subjects.digits("mlp:hidden=16", 40, 0.2), dir.resolve("run"));
    }

    /** The objective at parameters, with a fresh evaluator on the subject's batch. */
    static double objective(Subject s, double[] theta) {
        Batch b = s.batch(s.batchSize());
        return s.objective(s.evaluator(b.size()), theta.clone(), b, new double[theta.length]);
    }

    static int indexOf(double[] values, double v) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == v) {
                return i;
            }
        }
        throw new AssertionError(v + " is not among " + Arrays.toString(values));
    }

    @Test
    void interpolationEndsAtTheObjectiveOfBothEndpoints() throws Exception {
        AnalysisResult r = Subjects.print(Subjects.run("landscape", Map.of("mode", "line"), trained));
        Subject.Point first = trained.trajectory().get(0);
        assertEquals(first.step(), ((Number) r.values().get("from_step")).longValue());
        double[] alpha = Subjects.column(r, "line", "alpha");
        double[] loss = Subjects.column(r, "line", "loss");
        assertEquals(21, alpha.length);
        assertEquals(-0.5, alpha[0]);
        assertEquals(1.5, alpha[20]);
        assertEquals(objective(trained, first.parameters()), loss[indexOf(alpha, 0)], 0);
        assertEquals(objective(trained, trained.parameters()), loss[indexOf(alpha, 1)], 0);
        // training lowered the loss from the first checkpoint to the last
        assertTrue(loss[indexOf(alpha, 1)] < loss[indexOf(alpha, 0)]);
        // checkpoints on the line sit at 0 and 1 with no residual
        double[] steps = Subjects.column(r, "trajectory", "step");
        double[] ta = Subjects.column(r, "trajectory", "alpha");
        double[] residual = Subjects.column(r, "trajectory", "residual");
        assertEquals(0, ta[0], 0);
        assertEquals(0, residual[0], 0);
        assertEquals(trained.step(), (long) steps[steps.length - 1]);
        assertEquals(1, ta[steps.length - 1], 0);
        assertEquals(0, residual[steps.length - 1], 1e-12);
    }

    @Test
    void randomLineAndSurfacePassThroughTheObjectiveAtTheta() throws Exception {
        double atTheta = objective(trained, trained.parameters());
        AnalysisResult line = Subjects.run("landscape", Map.of("mode", "line", "line", "random", "resolution", 11),
                trained);
        double[] alpha = Subjects.column(line, "line", "alpha");
        assertEquals(atTheta, Subjects.column(line, "line", "loss")[indexOf(alpha, 0)], 0);

        AnalysisResult surface = Subjects.print(Subjects.run("landscape", Map.of("resolution", 5, "range", 0.5, "seed", 3),
                trained));
        assertEquals(atTheta, ((Number) surface.values().get("loss_at_theta")).doubleValue(), 0);
        double[] a = Subjects.column(surface, "surface", "alpha");
        double[] b = Subjects.column(surface, "surface", "beta");
        double[] loss = Subjects.column(surface, "surface", "loss");
        assertEquals(25, loss.length);
        int centre = -1;
        for (int i = 0; i < loss.length; i++) {
            if (a[i] == 0 && b[i] == 0) {
                centre = i;
            }
            assertTrue(Math.abs(a[i]) <= 0.5 && Math.abs(b[i]) <= 0.5);
        }
        assertEquals(atTheta, loss[centre], 0);
        // the analysed point projects on the origin of the plane; earlier checkpoints lie off it
        double[] steps = Subjects.column(surface, "trajectory", "step");
        int last = steps.length - 1;
        assertEquals(trained.step(), (long) steps[last]);
        assertEquals(0, Subjects.column(surface, "trajectory", "alpha")[last], 0);
        assertEquals(0, Subjects.column(surface, "trajectory", "beta")[last], 0);
        assertEquals(atTheta, Subjects.column(surface, "trajectory", "loss")[last], 0);
        assertTrue(Subjects.column(surface, "trajectory", "residual")[0] > 0.5);

        AnalysisResult again = Subjects.run("landscape", Map.of("resolution", 5, "range", 0.5, "seed", 3), trained);
        assertArrayEquals(loss, Subjects.column(again, "surface", "loss"), 0);
        AnalysisResult other = Subjects.run("landscape", Map.of("resolution", 5, "range", 0.5, "seed", 4), trained);
        assertFalse(Arrays.equals(loss, Subjects.column(other, "surface", "loss")));
    }

    @Test
    void pcaPlaneHoldsTheTrajectory() throws Exception {
        AnalysisResult r = Subjects.print(Subjects.run("landscape", Map.of("directions", "pca", "resolution", 3), trained));
        double[] steps = Subjects.column(r, "trajectory", "step");
        double[] a = Subjects.column(r, "trajectory", "alpha");
        double[] b = Subjects.column(r, "trajectory", "beta");
        double[] residual = Subjects.column(r, "trajectory", "residual");
        // the plane misses exactly the trajectory's variance outside its two components; the largest
        // coordinate on each axis is 1
        double maxA = 0;
        double maxB = 0;
        double missed = 0;
        double total = 0;
        double[] theta = trained.parameters();
        List<Subject.Point> points = trained.trajectory();
        for (int i = 0; i < steps.length; i++) {
            double[] p = points.get(i).parameters();
            double d = 0;
            for (int t = 0; t < theta.length; t++) {
                d += (p[t] - theta[t]) * (p[t] - theta[t]);
            }
            // residual is relative to the point's distance from θ
            missed += residual[i] * residual[i] * d;
            total += d;
            maxA = Math.max(maxA, Math.abs(a[i]));
            maxB = Math.max(maxB, Math.abs(b[i]));
        }
        assertEquals(1, maxA, 1e-9);
        assertEquals(1, maxB, 1e-9);
        assertEquals(0, a[steps.length - 1], 0);
        assertEquals(0, b[steps.length - 1], 0);
        @SuppressWarnings("unchecked")
        List<Double> ratio = (List<Double>) r.values().get("explained_variance_ratio");
        assertEquals(1 - ratio.get(0) - ratio.get(1), missed / total, 1e-9);
        assertTrue(ratio.get(0) + ratio.get(1) > 0.9, "a short Adam run stays close to a plane: " + ratio);
    }

    @Test
    void filterNormalizedDirectionsHaveTheWeightsRowNorms() throws Exception {
        boolean sawBuffer = false;
        boolean sawFilters = false;
        for (String model : List.of("mlp:hidden=16-8,batchnorm=after", "cnn")) {
            Subject s = Subjects.initial(Subjects.digits(model, 10, 0.2));
            double[] theta = s.parameters();
            for (boolean biases : new boolean[] { false, true }) {
                double[] d = Directions.filterNormalized(s.blocks(), theta, new SplitMix64(11), biases);
                for (ParameterBlock b : s.blocks()) {
                    int[] shape = b.shape();
                    if (b.buffer()) {
                        sawBuffer = true;
                        for (int i = b.offset(); i < b.offset() + b.size(); i++) {
                            assertEquals(0, d[i], 0, b.name());
                        }
                    } else if (shape.length >= 2) {
                        sawFilters |= shape.length == 4;
                        int width = b.size() / shape[0];
                        for (int f = 0; f < shape[0]; f++) {
                            double dn = 0;
                            double wn = 0;
                            for (int i = b.offset() + f * width; i < b.offset() + (f + 1) * width; i++) {
                                dn += d[i] * d[i];
                                wn += theta[i] * theta[i];
                            }
                            assertEquals(Math.sqrt(wn), Math.sqrt(dn), 1e-12 * Math.sqrt(wn), b.name() + " row " + f);
                        }
                    } else {
                        for (int i = b.offset(); i < b.offset() + b.size(); i++) {
                            assertEquals(biases ? theta[i] : 0, d[i], 0, b.name());
                        }
                    }
                }
            }
        }
        assertTrue(sawBuffer, "batch normalization has running statistics");
        assertTrue(sawFilters, "the cnn has convolution filters [out, in, k, k]");
    }

    @Test
    void badOptionsAndInputsAreRefusedByName() throws Exception {
        IllegalArgumentException order = assertThrows(IllegalArgumentException.class,
                () -> Subjects.analysis("landscape", Map.of("from", 2, "to", 1)));
        assertTrue(order.getMessage().contains("from = 2") && order.getMessage().contains("to = 1"), order.getMessage());
        Subject initial = Subjects.initial(Subjects.digits("mlp:hidden=16", 10, 0.2));
        IllegalArgumentException noRun = assertThrows(IllegalArgumentException.class,
                () -> Subjects.run("landscape", Map.of("mode", "line"), initial));
        assertTrue(noRun.getMessage().contains("interpolation") && noRun.getMessage().contains("--run"),
                noRun.getMessage());
        IllegalArgumentException noPca = assertThrows(IllegalArgumentException.class,
                () -> Subjects.run("landscape", Map.of("directions", "pca"), initial));
        assertTrue(noPca.getMessage().contains("directions = pca"), noPca.getMessage());
    }

    @Test
    void cancelledMonitorStopsTheSurface() {
        assertThrows(OperationCanceledException.class,
                () -> Subjects.run("landscape", Map.of("resolution", 5), trained, Subjects.cancelled()));
        assertThrows(OperationCanceledException.class,
                () -> Subjects.run("landscape", Map.of("mode", "line"), trained, Subjects.cancelled()));
    }
}
