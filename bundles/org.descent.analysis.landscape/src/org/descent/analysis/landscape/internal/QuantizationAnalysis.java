package org.descent.analysis.landscape.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.descent.core.Analysis;
import org.descent.core.AnalysisInput;
import org.descent.core.AnalysisResult;
import org.descent.core.Batch;
import org.descent.core.LayerStatistics;
import org.descent.core.Model;
import org.descent.core.ParameterBlock;
import org.descent.core.Settings;
import org.descent.core.Subject;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;

/**
 * The weight approximation of binary (BinaryConnect / XNOR-Net) layers: per layer the scaling
 * factor α = mean|W| (per output unit; its mean, smallest and largest), the relative error
 * ‖W − αB‖/‖W‖ with B = sign(W), the memory saving of the binarized weights, and for XNOR layers
 * the fraction of inputs binarized to +1. The figures are the layers' own, reported after one
 * training-mode forward and backward pass on {@code subject.batch(subject.batchSize())}.
 */
public final class QuantizationAnalysis implements Analysis {

    static final String ID = "quantization";

    @Override
    public void configure(Settings settings) {
        // no options: the figures depend only on the subject's parameters and its batch
    }

    @Override
    public AnalysisResult analyze(AnalysisInput input, IProgressMonitor monitor) {
        Subject subject = input.requireSubject(ID);
        Batch batch = subject.batch(subject.batchSize());
        Model.Evaluator evaluator = subject.evaluator(batch.size());
        if (!(evaluator instanceof Model.Inspectable inspectable)) {
            throw new IllegalArgumentException("analysis 'quantization': the model of " + subject.label()
                    + " does not report per-layer statistics, so it has no binary layers to inspect"
                    + " (mlp with binary=weights or binary=xnor has them)");
        }
        if (monitor.isCanceled()) {
            throw new OperationCanceledException();
        }
        double[] theta = subject.parameters();
        double loss = subject.objective(evaluator, subject.parameters(), batch, new double[theta.length]);
        List<LayerStatistics> layers = inspectable.lastPass();
        List<LayerStatistics> binary = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        for (LayerStatistics s : layers) {
            kinds.add(s.layer() + " " + s.kind());
            if (s.extra().containsKey("approximation_error")) {
                binary.add(s);
            }
        }
        if (binary.isEmpty()) {
            throw new IllegalArgumentException("analysis 'quantization': the model of " + subject.label()
                    + " has no binary layers (its layers: " + String.join(", ", kinds)
                    + "); train it with binary=weights or binary=xnor");
        }
        Map<String, ParameterBlock> blocks = new LinkedHashMap<>();
        for (ParameterBlock b : subject.blocks()) {
            blocks.put(b.name(), b);
        }

        AnalysisResult r = new AnalysisResult(ID);
        r.put("subject", subject.label());
        r.put("rows", batch.size());
        r.put("loss", loss);
        List<Object> found = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        long binaryWeights = 0;
        long binaryUnits = 0;
        r.line("Binary layers of %s (one training-mode pass on %d rows, loss %.6g)", subject.label(), batch.size(), loss);
        r.line("%-12s %-12s %10s %10s %10s %10s %9s %9s", "layer", "kind", "alpha", "alpha min", "alpha max",
                "error", "saving", "inputs +1");
        for (int index = 0; index < layers.size(); index++) {
            LayerStatistics s = layers.get(index);
            if (!s.extra().containsKey("approximation_error")) {
                continue;
            }
            ParameterBlock w = blocks.get(s.layer() + ".weight");
            if (w == null || w.shape().length < 2) {
                throw new IllegalStateException("binary layer " + s.layer() + " has no weight block '" + s.layer()
                        + ".weight' among " + blocks.keySet());
            }
            int units = w.shape()[0];
            int width = w.size() / units;
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int u = 0; u < units; u++) {
                double sum = 0;
                for (int i = 0; i < width; i++) {
                    sum += Math.abs(theta[w.offset() + u * width + i]);
                }
                lo = Math.min(lo, sum / width);
                hi = Math.max(hi, sum / width);
            }
            binaryWeights += w.size();
            binaryUnits += units;
            Map<String, Double> extra = s.extra();
            double alpha = extra.getOrDefault("alpha", Double.NaN);
            double error = extra.get("approximation_error");
            double saving = extra.getOrDefault("memory_saving", Double.NaN);
            double positive = extra.getOrDefault("positive_inputs", Double.NaN);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("layer", s.layer());
            m.put("kind", s.kind());
            m.put("weights", w.size());
            m.put("alpha", alpha);
            m.put("alpha_min", lo);
            m.put("alpha_max", hi);
            m.put("approximation_error", error);
            m.put("memory_saving", saving);
            if (!Double.isNaN(positive)) {
                m.put("positive_inputs", positive);
            }
            found.add(m);
            rows.add(new double[] { index, w.size(), alpha, lo, hi, error, saving, positive });
            r.line("%-12s %-12s %10.4g %10.4g %10.4g %10.4g %8.2fx %9s", s.layer(), s.kind(), alpha, lo, hi, error,
                    saving, Double.isNaN(positive) ? "-" : String.format(Locale.ROOT, "%.3f", positive));
            if (!Double.isNaN(positive) && positive > 0.99) {
                r.warn("layer " + s.layer() + ": " + String.format(Locale.ROOT, "%.1f%%", 100 * positive)
                        + " of its inputs binarize to +1, so they carry almost no information; centre them"
                        + " (batchnorm=after)");
            }
        }
        r.put("layers", found);
        r.table("layers", new AnalysisResult.Table(List.of("layer_index", "weights", "alpha", "alpha_min", "alpha_max",
                "approximation_error", "memory_saving", "positive_inputs"), rows, true));
        long total = theta.length;
        double fullBits = 32.0 * total;
        double packedBits = 32.0 * (total - binaryWeights) + binaryWeights + 32.0 * binaryUnits;
        r.put("binary_weights", binaryWeights);
        r.put("parameters", total);
        r.put("model_memory_saving", fullBits / packedBits);
        r.line("%d of %d parameters are binarized; the whole model stored with them as bits (plus one 32-bit alpha per unit) takes %.2fx less memory than in fp32",
                binaryWeights, total, fullBits / packedBits);
        return r;
    }
}
