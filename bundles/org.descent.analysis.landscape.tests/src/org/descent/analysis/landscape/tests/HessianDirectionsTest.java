package org.descent.analysis.landscape.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.descent.analysis.landscape.internal.Directions;
import org.descent.analysis.landscape.internal.HessianDirections;
import org.descent.analysis.landscape.internal.SymmetricEigen;
import org.descent.core.AnalysisResult;
import org.descent.core.Batch;
import org.descent.core.Model;
import org.descent.core.SplitMix64;
import org.descent.core.Subject;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;

/**
 * Surfaces along the top Hessian eigenvectors: Lanczos against the full Hessian of a 310-parameter
 * tanh MLP (columns H·e_i, symmetrized, decomposed by {@link SymmetricEigen}), and the surface's
 * curvature along each direction against its eigenvalue.
 */
class HessianDirectionsTest {

    static Subject smallTanhNet() throws Exception {
        return Subjects.initial(Subjects.digits("mlp:hidden=4,activation=tanh", 10, 0.2));
    }

    @Test
    void lanczosFindsTheTopEigenpairsOfTheFullHessian() throws Exception {
        Subject s = smallTanhNet();
        int n = s.size();
        assertEquals(310, n);
        Batch batch = s.batch(s.batchSize());
        Model.Evaluator ev = s.evaluator(batch.size());
        HessianDirections h = new HessianDirections((p, out) -> s.objective(ev, p.clone(), batch, out), s.parameters(),
                s.blocks());
        double[][] full = new double[n][n];
        double[] e = new double[n];
        double[] column = new double[n];
        for (int i = 0; i < n; i++) {
            e[i] = 1;
            h.product(e, column);
            e[i] = 0;
            for (int j = 0; j < n; j++) {
                full[j][i] = column[j];
            }
        }
        double asymmetry = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                asymmetry = Math.max(asymmetry, Math.abs(full[i][j] - full[j][i]));
                double mean = (full[i][j] + full[j][i]) / 2;
                full[i][j] = mean;
                full[j][i] = mean;
            }
        }
        SymmetricEigen exact = new SymmetricEigen(full);
        double[] values = exact.valuesDescending();
        assertTrue(asymmetry < 1e-6 * values[0], "finite differences are symmetric to " + asymmetry);

        HessianDirections.Result top = h.top(2, 60, new SplitMix64(1), new NullProgressMonitor());
        for (int k = 0; k < 2; k++) {
            assertEquals(values[k], top.values()[k], 1e-7 * values[0], "eigenvalue " + k);
            double cos = Directions.dot(exact.vectorDescending(k), top.vectors()[k]);
            assertTrue(Math.abs(cos) > 1 - 1e-6, "eigenvector " + k + ": cos " + cos);
            assertTrue(top.residuals()[k] < 1e-5 * values[0], "residual " + top.residuals()[k]);
        }
        assertTrue(values[0] > values[1], Arrays.toString(values));
    }

    @Test
    void surfaceCurvesAlongEachDirectionByItsEigenvalue() throws Exception {
        Subject s = smallTanhNet();
        double step = 1e-3;
        AnalysisResult r = Subjects.print(Subjects.run("landscape",
                Map.of("directions", "hessian", "lanczos", 60, "range", step, "resolution", 3), s));
        assertTrue(r.warnings().isEmpty(), r.warnings().toString());
        @SuppressWarnings("unchecked")
        List<Double> lambda = (List<Double>) r.values().get("hessian_eigenvalues");
        double[] a = Subjects.column(r, "surface", "alpha");
        double[] b = Subjects.column(r, "surface", "beta");
        double[] loss = Subjects.column(r, "surface", "loss");
        double centre = ((Number) r.values().get("loss_at_theta")).doubleValue();
        double alongA = 0;
        double alongB = 0;
        for (int i = 0; i < loss.length; i++) {
            if (b[i] == 0 && a[i] != 0) {
                alongA += loss[i] - centre;
            }
            if (a[i] == 0 && b[i] != 0) {
                alongB += loss[i] - centre;
            }
        }
        assertEquals(lambda.get(0), alongA / (step * step), 1e-4 * lambda.get(0));
        assertEquals(lambda.get(1), alongB / (step * step), 1e-4 * lambda.get(0));
        assertEquals(0, ((Number) r.values().get("direction_cosine")).doubleValue(), 1e-10);
    }
}
