package org.example.descent.lion.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.descent.core.Analysis;
import org.descent.core.AnalysisInput;
import org.descent.core.AnalysisResult;
import org.descent.core.ExtensionPoints;
import org.descent.core.ParameterBlock;
import org.descent.core.Subject;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;

/** The sign-agreement analysis on trajectories whose update signs are counted by hand. */
class SignAgreementTest {

    /** A subject that answers only what the analysis asks: its layout and trajectory. */
    private static Subject subject(List<ParameterBlock> blocks, List<Subject.Point> trajectory) {
        return (Subject) Proxy.newProxyInstance(Subject.class.getClassLoader(), new Class<?>[] { Subject.class },
                (proxy, method, args) -> switch (method.getName()) {
                case "label" -> "test run";
                case "blocks" -> blocks;
                case "trajectory" -> trajectory;
                default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static AnalysisResult analyze(List<ParameterBlock> blocks, double[]... points) throws Exception {
        List<Subject.Point> trajectory = new java.util.ArrayList<>();
        for (int k = 0; k < points.length; k++) {
            trajectory.add(new Subject.Point(10L * k, points[k]));
        }
        Analysis analysis = Descent.create(ExtensionPoints.ANALYSES, "sign-agreement", Analysis.class, Map.of());
        return analysis.analyze(new AnalysisInput(Optional.of(subject(blocks, trajectory)), Map.of()),
                new NullProgressMonitor());
    }

    /**
     * Block w (2 coordinates) and block b (1). Updates: Δ1 = (+1, +1 | −1), Δ2 = (+1, −1 | +1),
     * Δ3 = (+1, 0 | +1). Pairs (Δ1,Δ2): w agrees 1 of 2, b 0 of 1; (Δ2,Δ3): w 1 of 1 (the 0 left out),
     * b 1 of 1. Pooled: w 2/3, b 1/2, all 3/5.
     */
    @Test
    void countsSameSignUpdatesPerBlock() throws Exception {
        List<ParameterBlock> blocks = List.of(new ParameterBlock("w", new int[] { 2 }, 0),
                new ParameterBlock("b", new int[] { 1 }, 2));
        AnalysisResult r = analyze(blocks, new double[] { 0, 0, 0 }, new double[] { 1, 1, -1 },
                new double[] { 2, 0, 0 }, new double[] { 3, 0, 1 });
        assertArrayEquals(new double[] { 2.0 / 3, 0.5 }, r.tables().get("blocks").column("agreement"), 1e-15);
        assertEquals(0.6, (Double) r.values().get("agreement"), 1e-15);
        AnalysisResult.Table steps = r.tables().get("steps");
        assertArrayEquals(new double[] { 20, 30 }, steps.column("step"));
        assertArrayEquals(new double[] { 0.5, 1 }, steps.column("block_0"));
        assertArrayEquals(new double[] { 0, 1 }, steps.column("block_1"));
        assertEquals(List.of("w", "b"), r.values().get("block_names"));
    }

    @Test
    void needsThreeCheckpoints() throws Exception {
        List<ParameterBlock> blocks = List.of(new ParameterBlock("w", new int[] { 1 }, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> analyze(blocks, new double[] { 0 }, new double[] { 1 }));
        assertEquals("analysis 'sign-agreement' needs at least 3 checkpoints (two consecutive updates); the run has 2: "
                + "train with a smaller --checkpoint-every", e.getMessage());
    }
}
