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
import org.descent.core.LayerStatistics;
import org.descent.core.Model;
import org.descent.core.ParameterBlock;
import org.descent.core.Subject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Binary layers' α, approximation error and memory saving, against the layers and the weights themselves. */
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
        double[] theta = s.parameters();
        for (int j = 0; j < 2; j++) {
            Map<String, Object> m = found.get(j);
            LayerStatistics l = reported.get(j);
            assertEquals(l.extra().get("alpha"), (Double) m.get("alpha"), 0);
            assertEquals(l.extra().get("approximation_error"), (Double) m.get("approximation_error"), 0);
            assertEquals(l.extra().get("memory_saving"), (Double) m.get("memory_saving"), 0);

            // and from the weights: α per unit = mean|W|, error ‖W − αB‖/‖W‖
            ParameterBlock w = s.blocks().stream().filter(b -> b.name().equals(l.layer() + ".weight")).findFirst()
                    .orElseThrow();
            int units = w.shape()[0];
            int width = w.shape()[1];
            double err = 0;
            double norm = 0;
            double alphaMean = 0;
            double alphaMin = Double.POSITIVE_INFINITY;
            for (int u = 0; u < units; u++) {
                double sum = 0;
                for (int i = 0; i < width; i++) {
                    sum += Math.abs(theta[w.offset() + u * width + i]);
                }
                double alpha = sum / width;
                alphaMean += alpha / units;
                alphaMin = Math.min(alphaMin, alpha);
                for (int i = 0; i < width; i++) {
                    double v = theta[w.offset() + u * width + i];
                    double e = v - alpha * Math.signum(v == 0 ? 1 : v);
                    err += e * e;
                    norm += v * v;
                }
            }
            assertEquals(alphaMean, (Double) m.get("alpha"), 1e-12 * alphaMean);
            assertEquals(alphaMin, (Double) m.get("alpha_min"), 0);
            assertEquals(Math.sqrt(err / norm), (Double) m.get("approximation_error"), 1e-12);
            assertEquals(32.0 * units * width / (units * width + 32.0 * units), (Double) m.get("memory_saving"), 1e-12);
        }
        assertEquals(2, r.tables().get("layers").rows().size());
        assertTrue(((Number) r.values().get("model_memory_saving")).doubleValue() > 1);
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
