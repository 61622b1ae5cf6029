package org.descent.analysis.distributions.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.descent.core.AnalysisResult;
import org.descent.testing.Fixture;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The 'wasserstein' analysis through the registry: values against POT, plans, and bad input. */
class WassersteinAnalysisTest {

    private static final double REL = 1e-8;

    @TempDir
    Path dir;

    private static Object fixture(String section) throws IOException {
        return Fixture.get(Fixture.load(WassersteinAnalysisTest.class, "fixtures/pot_transport.json").object(), section);
    }

    private static Object exactCase(String name) throws IOException {
        for (Object c : (List<?>) fixture("exact")) {
            if (Fixture.get(c, "name").equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no exact case " + name);
    }

    private Map<String, Path> write(Object c, boolean withWeights) throws IOException {
        Samples s = new Samples(dir);
        int dim = ((Number) Fixture.get(c, "d")).intValue();
        Path a = s.points("a.csv", Fixture.doubles(Fixture.get(c, "x")), dim);
        Path b = s.points("b.csv", Fixture.doubles(Fixture.get(c, "y")), dim);
        if (!withWeights) {
            return Samples.files("a", a, "b", b);
        }
        return Samples.files("a", a, "b", b, "weights-a", s.column("wa.csv", Fixture.doubles(Fixture.get(c, "a"))),
                "weights-b", s.column("wb.csv", Fixture.doubles(Fixture.get(c, "b"))));
    }

    @Test
    void exactByDefaultMatchesEmd2WithAndWithoutWeights() throws IOException {
        Object uniform = exactCase("cloud200");
        AnalysisResult r = Samples.run("wasserstein", Map.of(), write(uniform, false));
        double cost = ((Number) Fixture.get(uniform, "cost")).doubleValue();
        assertEquals(cost, Samples.number(r, "cost"), REL * cost);
        assertEquals(Math.sqrt(cost), Samples.number(r, "distance"), REL * Math.sqrt(cost));
        assertEquals(cost, Samples.number(r, "dual_objective"), 1e-9 * cost);
        assertTrue(r.tables().containsKey("plan"), "plan.csv for 200 x 200 points");
        assertFalse(r.tables().get("plan").inline());
        assertTrue(r.tables().get("plan").rows().size() <= 399);

        Object weighted = exactCase("cloud200-weighted");
        r = Samples.run("wasserstein", Map.of("plan", true), write(weighted, true));
        cost = ((Number) Fixture.get(weighted, "cost")).doubleValue();
        assertEquals(cost, Samples.number(r, "cost"), REL * cost);
        assertTrue(r.tables().get("plan").inline());
        assertTrue(r.warnings().isEmpty(), r.warnings().toString());
    }

    @Test
    void euclideanMetric() throws IOException {
        Object c = exactCase("euclidean");
        AnalysisResult r = Samples.run("wasserstein", Map.of("metric", "euclidean"), write(c, true));
        double cost = ((Number) Fixture.get(c, "cost")).doubleValue();
        assertEquals(cost, Samples.number(r, "cost"), REL * cost);
        assertEquals(cost, Samples.number(r, "distance"), REL * cost, "W_1 is the cost itself");
    }

    @Test
    void sinkhornMethodsAndDivergenceMatchPot() throws IOException {
        Object s = fixture("sinkhorn");
        Map<String, Path> files = write(s, true);
        for (Object c : (List<?>) Fixture.get(s, "cases")) {
            String method = ((String) Fixture.get(c, "method")).replace('_', '-');
            double eps = ((Number) Fixture.get(c, "eps")).doubleValue();
            double cost = ((Number) Fixture.get(c, "cost")).doubleValue();
            AnalysisResult r = Samples.run("wasserstein",
                    Map.of("method", method, "eps", eps, "tol", 1e-13, "max-iter", 100000), files);
            assertEquals(cost, Samples.number(r, "cost"), REL * cost, method + " eps " + eps);
            assertEquals(Boolean.TRUE, r.values().get("converged"));
        }
        Object dv = fixture("divergence");
        Object c = ((List<?>) Fixture.get(dv, "cases")).get(0);
        AnalysisResult r = Samples.run("wasserstein", Map.of("method", "sinkhorn-log", "eps", Fixture.get(c, "eps"), "tol",
                1e-13, "max-iter", 100000, "debiased", true, "eps-scaling", true), write(dv, true));
        double expected = ((Number) Fixture.get(c, "divergence")).doubleValue();
        assertEquals(expected, Samples.number(r, "divergence"), REL * expected);
    }

    @Test
    void oneDimensionalMethod() throws IOException {
        Object c = ((List<?>) fixture("wasserstein_1d")).get(1);
        Samples s = new Samples(dir);
        Map<String, Path> files = Samples.files("a", s.points("x.csv", Fixture.doubles(Fixture.get(c, "x")), 1), "b",
                s.points("y.csv", Fixture.doubles(Fixture.get(c, "y")), 1), "weights-a",
                s.column("wa.csv", Fixture.doubles(Fixture.get(c, "a"))), "weights-b",
                s.column("wb.csv", Fixture.doubles(Fixture.get(c, "b"))));
        AnalysisResult r = Samples.run("wasserstein", Map.of("method", "1d"), files);
        double cost = ((Number) Fixture.get(c, "cost")).doubleValue();
        assertEquals(cost, Samples.number(r, "cost"), REL * cost);
    }

    @Test
    void notConvergedWarns() throws IOException {
        Map<String, Path> files = write(fixture("sinkhorn"), false);
        AnalysisResult r = Samples.run("wasserstein", Map.of("method", "sinkhorn", "max-iter", 2), files);
        assertEquals(Boolean.FALSE, r.values().get("converged"));
        assertEquals(2L, ((Number) r.values().get("iterations")).longValue());
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("did not converge in 2 iterations")), r.warnings().toString());
    }

    @Test
    void mismatchedWeightCountNamesBothFiles() throws IOException {
        Samples s = new Samples(dir);
        Path a = s.file("a.csv", "0,0", "1,0", "0,1");
        Path b = s.file("b.csv", "1,1", "2,2");
        Path wa = s.file("wa.csv", "1", "2");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Samples.run("wasserstein", Map.of(), Samples.files("a", a, "b", b, "weights-a", wa)));
        assertTrue(e.getMessage().contains("--weights-a " + wa + " has 2 weights") && e.getMessage().contains("--a " + a + " has 3 points"),
                e.getMessage());
    }

    @Test
    void negativeWeightNamesTheLine() throws IOException {
        Samples s = new Samples(dir);
        Path a = s.file("a.csv", "0,0", "1,0", "0,1");
        Path wa = s.file("wa.csv", "weight", "1", "-2", "1");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Samples.run("wasserstein", Map.of(), Samples.files("a", a, "b", a, "weights-a", wa)));
        assertTrue(e.getMessage().contains("--weights-a " + wa + " line 3") && e.getMessage().contains("negative"),
                e.getMessage());
    }

    @Test
    void quotedCellsReadAsNumbers() throws IOException {
        // the data sets read "1" as 1; the sample files read the same CSV the same way
        Samples s = new Samples(dir);
        Path a = s.file("quoted.csv", "\"x\",\"y\"", "\"0\",\"0\"", " \"1\" , 0");
        Path b = s.file("plain.csv", "1,0", "2,0");
        AnalysisResult r = Samples.run("wasserstein", Map.of(), Samples.files("a", a, "b", b));
        assertEquals(1.0, Samples.number(r, "cost"), 1e-12, "a translation by (1,0) costs |(1,0)|² = 1");
    }

    @Test
    void invalidUtf8AndFoldersAreNamed() throws IOException {
        Path bad = Files.write(dir.resolve("latin1.csv"), new byte[] { '1', ',', '0', '\n', (byte) 0xe9, ',', '1', '\n' });
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Samples.run("wasserstein", Map.of(), Samples.files("a", bad, "b", bad)));
        assertTrue(e.getMessage().startsWith("--a " + bad + ":2: not UTF-8 text"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Samples.run("wasserstein", Map.of(), Samples.files("a", dir, "b", bad)));
        assertEquals("--a " + dir + ": is a folder; expected a file", e.getMessage());
    }

    @Test
    void raggedRowAndDimensionMismatch() throws IOException {
        Samples s = new Samples(dir);
        Path ragged = s.file("ragged.csv", "x,y", "0,0", "1,0,5", "0,1");
        Path good = s.file("good.csv", "0,0", "1,1");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Samples.run("wasserstein", Map.of(), Samples.files("a", ragged, "b", good)));
        assertTrue(e.getMessage().contains("--a " + ragged + " line 3: 3 values, but line 2 has 2"), e.getMessage());

        Path three = s.file("three.csv", "0,0,0", "1,1,1");
        e = assertThrows(IllegalArgumentException.class,
                () -> Samples.run("wasserstein", Map.of(), Samples.files("a", good, "b", three)));
        assertTrue(e.getMessage().contains("dimension 2") && e.getMessage().contains("dimension 3"), e.getMessage());

        e = assertThrows(IllegalArgumentException.class,
                () -> Samples.run("wasserstein", Map.of("method", "1d"), Samples.files("a", good, "b", good)));
        assertTrue(e.getMessage().contains("method 1d needs points of dimension 1"), e.getMessage());
    }

    @Test
    void declaredRangesAndCombinationsAreChecked() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Samples.run("wasserstein", Map.of("method", "sinkhorn", "eps", 0.0), Map.of()));
        assertTrue(e.getMessage().contains("eps"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Samples.run("wasserstein", Map.of("eps", -1.0), Map.of()));
        assertTrue(e.getMessage().contains("eps"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Samples.run("wasserstein", Map.of("method", "sinkhorn", "eps-scaling", true), Map.of()));
        assertTrue(e.getMessage().contains("sinkhorn-log"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Samples.run("wasserstein", Map.of("debiased", true), Map.of()));
        assertTrue(e.getMessage().contains("debiased"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Samples.run("wasserstein", Map.of(), Map.of()));
        assertTrue(e.getMessage().contains("--a FILE"), e.getMessage());
    }

    @Test
    void cancelledMonitorThrows() throws IOException {
        Map<String, Path> files = write(exactCase("cloud200"), false);
        NullProgressMonitor cancelled = new NullProgressMonitor();
        cancelled.setCanceled(true);
        for (String method : new String[] { "exact", "sinkhorn", "sinkhorn-log" }) {
            assertThrows(OperationCanceledException.class,
                    () -> Samples.run("wasserstein", Map.of("method", method), files, cancelled), method);
        }
        assertThrows(OperationCanceledException.class,
                () -> Samples.run("information", Map.of(), Samples.files("a", new Samples(dir).file("p.csv", "1"), "b",
                        new Samples(dir).file("q.csv", "1")), cancelled));
    }
}
