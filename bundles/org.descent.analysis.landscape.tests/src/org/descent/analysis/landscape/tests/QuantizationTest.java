package org.descent.analysis.landscape.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.descent.core.AnalysisResult;
import org.descent.core.Batch;
import org.descent.core.Data;
import org.descent.core.DataShape;
import org.descent.core.LayerStatistics;
import org.descent.core.LossFunction;
import org.descent.core.Model;
import org.descent.core.ParameterBlock;
import org.descent.core.Subject;
import org.descent.testing.Contributions;
import org.descent.testing.FixedSubject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Binary layers' α, approximation error and memory saving: as the layers report them, and closed forms for known weights. */
class QuantizationTest {

    @TempDir
    Path dir;

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> layers(AnalysisResult r) {
        return (List<Map<String, Object>>) r.values().get("layers");
    }

    @Test
    void binaryWeightLayersMatchWhatTheLayersReport() throws Exception {
        Subject s = Subjects.trained(Subjects.digits("mlp:hidden=32,binary=weights", 20, 0.2), dir.resolve("run"));
        AnalysisResult r = Subjects.print(Subjects.run("quantization", Map.of(), s));
        List<Map<String, Object>> found = layers(r);
        assertEquals(List.of("layer1", "layer2"), found.stream().map(m -> m.get("layer")).toList());

        Batch batch = s.batch(s.batchSize());
        Model.Evaluator ev = s.evaluator(batch.size());
        s.objective(ev, s.parameters(), batch, new double[s.size()]);
        List<LayerStatistics> reported = new ArrayList<>();
        for (LayerStatistics l : ((Model.Inspectable) ev).lastPass()) {
            if (l.extra().containsKey("approximation_error")) {
                reported.add(l);
            }
        }
        assertEquals(2, reported.size());
        for (int j = 0; j < 2; j++) {
            Map<String, Object> m = found.get(j);
            LayerStatistics l = reported.get(j);
            assertEquals(l.extra().get("alpha"), (Double) m.get("alpha"), 0);
            assertEquals(l.extra().get("approximation_error"), (Double) m.get("approximation_error"), 0);
            assertEquals(l.extra().get("memory_saving"), (Double) m.get("memory_saving"), 0);
        }
        assertEquals(2, r.tables().get("layers").rows().size());
        assertTrue(((Number) r.values().get("model_memory_saving")).doubleValue() > 1);
    }

    /**
     * Weights chosen so that α, the error and the saving are worked out by hand: α per unit is the
     * mean of |w|, the error ‖W − αB‖/‖W‖ with B = sign(W), the saving 32 bits per weight against
     * one bit per weight plus 32 per unit.
     */
    @Test
    void knownWeightsGiveTheClosedForms() throws Exception {
        Map<String, String> hp = Map.of("hidden", "2", "binary", "weights");
        Data data = new Data("two points", new DataShape(2, 2, 1, 2), new double[] { 1, 0, 0, 1 },
                new double[] { 0, 1 }, List.of());
        List<ParameterBlock> blocks = Contributions.create("models", "mlp", hp, Model.class).bind(data.shape(),
                Contributions.create("losses", "cross-entropy", Map.of(), LossFunction.class));
        double[] theta = new double[ParameterBlock.total(blocks)];
        // layer1: units (1, -3): α 2, residual (-1, 1); (0.5, 0.5): α 0.5, residual 0
        set(theta, blocks, "layer1.weight", 1, -3, 0.5, 0.5);
        // layer2: units (2, 2): α 2, residual 0; (-4, 2): α 3, residual (-1, -1)
        set(theta, blocks, "layer2.weight", 2, 2, -4, 2);
        Subject s = new FixedSubject("mlp", hp, "cross-entropy", data, theta, Double.NaN);
        List<Map<String, Object>> found = layers(Subjects.run("quantization", Map.of(), s));
        assertEquals(List.of("layer1", "layer2"), found.stream().map(m -> m.get("layer")).toList());
        double saving = 32.0 * 4 / (4 + 32.0 * 2);
        check(found.get(0), 1.25, 0.5, 2, Math.sqrt(2 / 10.5), saving);
        check(found.get(1), 2.5, 2, 3, Math.sqrt(2 / 28.0), saving);
    }

    private static void set(double[] theta, List<ParameterBlock> blocks, String name, double... values) {
        ParameterBlock b = blocks.stream().filter(x -> x.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no block " + name + " in " + blocks));
        assertEquals(values.length, b.size(), name);
        System.arraycopy(values, 0, theta, b.offset(), values.length);
    }

    private static void check(Map<String, Object> m, double alpha, double alphaMin, double alphaMax, double error,
            double saving) {
        String layer = String.valueOf(m.get("layer"));
        assertEquals(alpha, (Double) m.get("alpha"), 1e-15, layer + " alpha");
        assertEquals(alphaMin, (Double) m.get("alpha_min"), 1e-15, layer + " alpha_min");
        assertEquals(alphaMax, (Double) m.get("alpha_max"), 1e-15, layer + " alpha_max");
        assertEquals(error, (Double) m.get("approximation_error"), 1e-15, layer + " approximation_error");
        assertEquals(saving, (Double) m.get("memory_saving"), 1e-15, layer + " memory_saving");
    }

    @Test
    void xnorLayersReportTheirPositiveInputs() throws Exception {
        Subject s = Subjects.initial(Subjects.digits("mlp:hidden=32-16,binary=xnor,batchnorm=after,keep_first_last=true",
                10, 0.2));
        AnalysisResult r = Subjects.print(Subjects.run("quantization", Map.of(), s));
        List<Map<String, Object>> found = layers(r);
        assertEquals(1, found.size(), found.toString());
        assertEquals("layer2", found.get(0).get("layer"));
        assertEquals("xnor-dense", found.get(0).get("kind"));
        double positive = (Double) found.get(0).get("positive_inputs");
        // batch norm centres the inputs: about half are positive
        assertTrue(positive > 0.3 && positive < 0.7, "positive inputs " + positive);
    }

    @Test
    void aModelWithoutBinaryLayersIsRefusedByName() throws Exception {
        Subject s = Subjects.initial(Subjects.digits("mlp:hidden=16", 10, 0.2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Subjects.run("quantization", Map.of(), s));
        assertTrue(e.getMessage().contains("no binary layers") && e.getMessage().contains("mlp on digits")
                && e.getMessage().contains("layer1 dense"), e.getMessage());
    }
}
