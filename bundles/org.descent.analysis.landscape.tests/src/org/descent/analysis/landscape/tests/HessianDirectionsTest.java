package org.descent.analysis.landscape.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.descent.analysis.curvature.HessianOperator;
import org.descent.analysis.curvature.SymmetricEigen;
import org.descent.core.AnalysisResult;
import org.descent.core.Subject;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;

/**
 * Surfaces along the top Hessian eigenvectors: the directions' eigenvalues against the full Hessian
 * of a 310-parameter tanh MLP (org.descent.analysis.curvature's exact Hessian and eigensolver), and
 * the surface's curvature along each direction against its eigenvalue.
 */
class HessianDirectionsTest {

    static Subject smallTanhNet() throws Exception {
        return Subjects.initial(Subjects.digits("mlp:hidden=4,activation=tanh", 10, 0.2));
    }

    @Test
    void directionsAreTheTopEigenvectorsOfTheFullHessian() throws Exception {
        Subject s = smallTanhNet();
        assertEquals(310, s.size());
        HessianOperator h = new HessianOperator(s, s.batch(s.batchSize()));
        double[][] full = h.matrix(new NullProgressMonitor(), new double[1]);
        SymmetricEigen exact = SymmetricEigen.of(full, false, null);
        double[] values = exact.values();
        int n = values.length;
        AnalysisResult r = Subjects.run("landscape", Map.of("directions", "hessian", "lanczos", 60, "resolution", 3), s);
        @SuppressWarnings("unchecked")
        List<Double> lambda = (List<Double>) r.values().get("hessian_eigenvalues");
        assertEquals(values[n - 1], lambda.get(0), 1e-7 * values[n - 1], "largest eigenvalue");
        assertEquals(values[n - 2], lambda.get(1), 1e-7 * values[n - 1], "second eigenvalue");
        assertTrue(values[n - 1] > values[n - 2], Arrays.toString(values));
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
