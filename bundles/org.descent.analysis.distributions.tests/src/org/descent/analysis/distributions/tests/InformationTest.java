package org.descent.analysis.distributions.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.descent.analysis.distributions.Information;
import org.descent.core.AnalysisResult;
import org.descent.testing.Fixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Entropy, cross-entropy, KL and JS against SciPy (fixtures/pot_transport.py), and the analysis' input checks. */
class InformationTest {

    /** The bar for agreement with the reference. */
    private static final double REL = 1e-8;

    @TempDir
    Path dir;

    private static List<?> cases() throws IOException {
        return (List<?>) Fixture.get(Fixture.load(InformationTest.class, "fixtures/pot_transport.json").object(),
                "information");
    }

    private static void close(Object expected, double actual, String what) {
        if (expected == null) {
            assertEquals(Double.POSITIVE_INFINITY, actual, what + " should be infinite");
        } else {
            double e = ((Number) expected).doubleValue();
            assertEquals(e, actual, REL * Math.max(Math.abs(e), 1e-300), what);
        }
    }

    @Test
    void measuresMatchScipy() throws IOException {
        for (Object c : cases()) {
            double[] p = Fixture.doubles(Fixture.get(c, "a"));
            double[] q = Fixture.doubles(Fixture.get(c, "b"));
            String name = (String) Fixture.get(c, "name");
            close(Fixture.get(c, "entropy_a"), Information.entropy(p), name + " H(a)");
            close(Fixture.get(c, "entropy_b"), Information.entropy(q), name + " H(b)");
            close(Fixture.get(c, "cross_entropy_ab"), Information.crossEntropy(p, q), name + " H(a,b)");
            close(Fixture.get(c, "kl_ab"), Information.kl(p, q), name + " KL(a||b)");
            close(Fixture.get(c, "kl_ba"), Information.kl(q, p), name + " KL(b||a)");
            close(Fixture.get(c, "js_divergence"), Information.jensenShannon(p, q), name + " JS");
        }
    }

    @Test
    void coinExampleOfTheSourceMaterial() {
        double kl = Information.kl(new double[] { 0.5, 0.5 }, new double[] { 0.75, 0.25 });
        assertEquals(0.143, kl, 1e-3, "KL(fair || 3/4 coin) ≈ 0.143 nats (0.1438 to four places)");
        assertEquals(0.5 * Math.log(2.0 / 3) + 0.5 * Math.log(2), kl, 1e-15);
    }

    @Test
    void analysisInBitsMatchesScipy() throws IOException {
        Samples s = new Samples(dir);
        for (Object c : cases()) {
            Path a = s.column("a.csv", Fixture.doubles(Fixture.get(c, "a")));
            Path b = s.column("b.csv", Fixture.doubles(Fixture.get(c, "b")));
            AnalysisResult r = Samples.run("information", Map.of("base", "bits"), Samples.files("a", a, "b", b));
            String name = (String) Fixture.get(c, "name");
            assertEquals("bits", r.values().get("base"));
            close(Fixture.get(c, "entropy_a_bits"), Samples.number(r, "entropy_a"), name + " H(a) in bits");
            close(Fixture.get(c, "kl_ab_bits"), Samples.number(r, "kl_ab"), name + " KL(a||b) in bits");
            close(Fixture.get(c, "js_divergence_bits"), Samples.number(r, "js_divergence"), name + " JS in bits");
        }
    }

    @Test
    void oneRowWithHeaderAndNats() throws IOException {
        Samples s = new Samples(dir);
        AnalysisResult r = Samples.run("information", Map.of(),
                Samples.files("a", s.file("a.csv", "heads,tails", "0.5,0.5"), "b", s.file("b.csv", "0.75", "0.25")));
        assertEquals(0.14384103622589042, Samples.number(r, "kl_ab"), 1e-15);
        assertEquals(Math.log(2), Samples.number(r, "entropy_a"), 1e-15);
        assertTrue(r.warnings().isEmpty(), r.warnings().toString());
    }

    @Test
    void zeroWhereTheOtherIsPositiveGivesInfinityWithAWarningNamingTheLine() throws IOException {
        Samples s = new Samples(dir);
        Path b = s.file("q.csv", "0.4", "0", "0.3", "0.3");
        AnalysisResult r = Samples.run("information", Map.of(),
                Samples.files("a", s.file("p.csv", "0.5", "0.3", "0.2", "0"), "b", b));
        assertEquals(Double.POSITIVE_INFINITY, Samples.number(r, "kl_ab"));
        assertEquals(Double.POSITIVE_INFINITY, Samples.number(r, "kl_ba"));
        assertTrue(Double.isFinite(Samples.number(r, "js_divergence")));
        assertEquals(List.of(1), r.values().get("kl_ab_infinite_at"));
        String w = String.join("\n", r.warnings());
        assertTrue(w.contains("KL(a||b)") && w.contains(b + " line 2"), w);
    }

    @Test
    void badValuesAreNamedWithFileAndLine() throws IOException {
        Samples s = new Samples(dir);
        Path good = s.file("good.csv", "0.5", "0.5");
        Path negative = s.file("neg.csv", "0.7", "-0.2", "0.5");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Samples.run("information",
                Map.of(), Samples.files("a", negative, "b", s.file("three.csv", "0.2", "0.3", "0.5"))));
        assertTrue(e.getMessage().contains("--a " + negative + " line 2") && e.getMessage().contains("negative"),
                e.getMessage());

        Path word = s.file("word.csv", "0.5", "half");
        e = assertThrows(IllegalArgumentException.class,
                () -> Samples.run("information", Map.of(), Samples.files("a", good, "b", word)));
        assertTrue(e.getMessage().contains("--b " + word + " line 2") && e.getMessage().contains("'half'"), e.getMessage());

        Path nan = s.file("nan.csv", "0.5", "NaN");
        e = assertThrows(IllegalArgumentException.class,
                () -> Samples.run("information", Map.of(), Samples.files("a", good, "b", nan)));
        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("not finite"), e.getMessage());

        Path two = s.file("two.csv", "0.5,0.1", "0.4");
        e = assertThrows(IllegalArgumentException.class,
                () -> Samples.run("information", Map.of(), Samples.files("a", two, "b", good)));
        assertTrue(e.getMessage().contains("line 1: 2 values"), e.getMessage());
    }

    @Test
    void totalsOtherThanOneAreRefusedUnlessNormalized() throws IOException {
        Samples s = new Samples(dir);
        Path a = s.file("counts.csv", "2", "2");
        Path b = s.file("b.csv", "3", "1");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Samples.run("information", Map.of(), Samples.files("a", a, "b", b)));
        assertTrue(e.getMessage().contains("--a " + a) && e.getMessage().contains("normalize"), e.getMessage());
        AnalysisResult r = Samples.run("information", Map.of("normalize", true), Samples.files("a", a, "b", b));
        assertEquals(0.14384103622589042, Samples.number(r, "kl_ab"), 1e-15);
    }

    @Test
    void differentLengthsAreRefused() throws IOException {
        Samples s = new Samples(dir);
        Path a = s.file("a.csv", "0.5", "0.5");
        Path b = s.file("b.csv", "0.2", "0.3", "0.5");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Samples.run("information", Map.of(), Samples.files("a", a, "b", b)));
        assertTrue(e.getMessage().contains("2 probabilities") && e.getMessage().contains("has 3"), e.getMessage());
    }
}
