package org.descent.analysis.precision.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.descent.analysis.precision.FloatFormat;
import org.descent.analysis.precision.GradientRounding;
import org.descent.analysis.precision.SimulatedMixedPrecision;
import org.descent.core.Analysis;
import org.descent.core.AnalysisInput;
import org.descent.core.AnalysisResult;
import org.descent.core.Batch;
import org.descent.core.MixedPrecisionPolicy;
import org.descent.core.Model;
import org.descent.core.ParameterBlock;
import org.descent.core.Settings;
import org.descent.core.Subject;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;

/**
 * What simulated fp16 or bf16 does to one gradient of a subject: the gradient at the fp64
 * parameters is compared with the gradient at the parameters rounded to the format (buffers
 * kept), itself rounded to the format after multiplying by the loss scale (1, and the given
 * scale) and divided by it again, as mixed-precision training does. Per parameter block: the
 * fraction of non-zero entries that underflow to zero or overflow, and the relative error
 * against the fp64 gradient over the entries that stay finite. The forward and backward passes
 * themselves run in fp64: only the parameters and the final gradient are rounded.
 */
public final class PrecisionAnalysis implements Analysis {

    static final String ID = "precision";

    private List<FloatFormat> formats = List.of(FloatFormat.FP16, FloatFormat.BF16);
    private boolean inFormat = true;
    private double scale = 65536;

    @Override
    public void configure(Settings settings) {
        String f = settings.getString("format");
        formats = f.equals("both") ? List.of(FloatFormat.FP16, FloatFormat.BF16) : List.of(FloatFormat.fromId(f));
        scale = settings.getDouble("scale");
        inFormat = settings.getString("passes").equals("format");
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("analysis 'precision': option '--scale' is " + scale
                    + ", expected a finite loss scale > 0");
        }
    }

    @Override
    public AnalysisResult analyze(AnalysisInput input, IProgressMonitor monitor) {
        Subject subject = input.requireSubject(ID);
        Batch batch = subject.batch(subject.batchSize());
        Model.Evaluator evaluator = subject.evaluator(batch.size());
        List<ParameterBlock> blocks = subject.blocks();
        List<ParameterBlock> trainable = blocks.stream().filter(b -> !b.buffer()).toList();
        double[] theta = subject.parameters();
        double[] exact = new double[theta.length];
        double loss64 = subject.objective(evaluator, theta.clone(), batch, exact);

        AnalysisResult r = new AnalysisResult(ID);
        r.put("subject", subject.label());
        r.put("rows", batch.size());
        r.put("scale", scale);
        r.put("loss_fp64", loss64);
        r.put("blocks", trainable.stream().map(ParameterBlock::name).toList());
        boolean inside = inFormat && subject.evaluator(1).simulate(new SimulatedMixedPrecision(FloatFormat.FP16));
        r.put("passes", inside ? "low precision" : "fp64");
        r.line("Mixed precision at %s (%d rows; %s)", subject.label(), batch.size(), inside
                ? "forward and backward in the format: every layer's outputs and gradients rounded, products in fp64"
                : inFormat ? "forward and backward in fp64 on rounded parameters: the model does not round inside its passes"
                        : "forward and backward in fp64 on rounded parameters (--passes fp64)");
        r.line("fp64 loss %.9g", loss64);
        double[] scales = scale == 1 ? new double[] { 1 } : new double[] { 1, scale };
        for (FloatFormat format : formats) {
            if (monitor.isCanceled()) {
                throw new OperationCanceledException();
            }
            double[] rounded = theta.clone();
            for (ParameterBlock b : trainable) {
                format.round(rounded, b.offset(), b.offset() + b.size());
            }
            double[] gradient = new double[theta.length];
            double loss = inside ? simulated(subject, format, 1, rounded, batch, gradient)
                    : subject.objective(evaluator, rounded.clone(), batch, gradient);
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("loss", loss);
            summary.put("loss_difference", loss - loss64);
            double parameterError = relativeError(rounded, theta, 0, theta.length);
            summary.put("parameter_error", parameterError);
            r.line("");
            r.line("%s: loss %.9g (difference %+.3g), parameters rounded with relative error %.3g", format.id(),
                    loss, loss - loss64, parameterError);
            r.line("  %-24s %10s %10s %10s %10s %12s", "block", "scale", "non-zero", "underflow", "overflow",
                    "rel. error");
            List<double[]> rows = new ArrayList<>();
            for (double s : scales) {
                double[] scaled = new double[gradient.length];
                if (inside) {
                    // the pass itself carries the scale: small gradients survive or not inside it
                    simulated(subject, format, s, rounded, batch, scaled);
                } else {
                    for (int i = 0; i < gradient.length; i++) {
                        scaled[i] = gradient[i] * s;
                    }
                }
                // inside the pass, underflow leaves zeros where the fp64 gradient has none
                GradientRounding counts = inside ? GradientRounding.compare(format, trainable, exact, scaled)
                        : GradientRounding.count(format, trainable, scaled);
                double[] unscaled = new double[gradient.length];
                for (int i = 0; i < gradient.length; i++) {
                    unscaled[i] = format.round(scaled[i]) / s;
                }
                for (int k = 0; k < trainable.size(); k++) {
                    ParameterBlock b = trainable.get(k);
                    double error = relativeError(unscaled, exact, b.offset(), b.offset() + b.size());
                    rows.add(new double[] { k, s, counts.nonZero()[k], counts.underflowFraction(k),
                            counts.overflowFraction(k), error });
                    r.line("  %-24s %10s %10d %10.4f %10.4f %12.3g", b.name(), number(s), counts.nonZero()[k],
                            counts.underflowFraction(k), counts.overflowFraction(k), error);
                }
                String key = s == 1 ? "unscaled" : "scaled";
                Map<String, Object> part = new LinkedHashMap<>();
                part.put("underflow_fraction", counts.underflowFraction());
                part.put("overflowed", counts.overflowed());
                part.put("relative_error", relativeError(unscaled, exact, 0, exact.length));
                summary.put(key, part);
                if (counts.overflowed()) {
                    r.warn(String.format(Locale.ROOT, "%s at loss scale %s: the gradient overflows in %s;"
                            + " training would skip this step and lower the scale", format.id(), number(s),
                            counts.overflowedBlocks()));
                }
                if (!Double.isFinite(format.round(loss * s))) {
                    r.warn(String.format(Locale.ROOT, "%s at loss scale %s: the scaled loss %.6g overflows"
                            + " the format (largest value %s)", format.id(), number(s), loss * s, format.max()));
                }
            }
            double worst = 0;
            for (int k = 0; k < trainable.size(); k++) {
                double without = rows.get(k)[3];
                worst = Math.max(worst, without);
                double with = scales.length == 2 ? rows.get(trainable.size() + k)[3] : without;
                if (scales.length == 2 && without > 0.5 && with < without) {
                    r.warn(String.format(Locale.ROOT, "%s: %.1f%% of %s's gradient underflows to zero without loss"
                            + " scaling, %.1f%% at scale %s", format.id(), 100 * without, trainable.get(k).name(),
                            100 * with, number(scale)));
                }
            }
            summary.put("worst_block_underflow_unscaled", worst);
            r.put(format.id(), summary);
            r.table(format.id(), new AnalysisResult.Table(List.of("block", "scale", "nonzero", "underflow_fraction",
                    "overflow_fraction", "relative_error"), rows, true));
        }
        return r;
    }

    /**
     * The objective and its gradient at {@code parameters} from a pass in the format at a fixed loss
     * scale (the gradient comes out multiplied by the scale). The penalties are computed outside the
     * passes and scaled with the loss, as in a mixed-precision run.
     */
    private static double simulated(Subject subject, FloatFormat format, double scale, double[] parameters, Batch batch,
            double[] gradient) {
        SimulatedMixedPrecision policy = new SimulatedMixedPrecision(format);
        policy.start(subject.blocks(), MixedPrecisionPolicy.LossScaling.fixed(scale));
        Model.Evaluator ev = subject.evaluator(batch.size());
        ev.simulate(policy);
        double value = ev.lossAndGradient(parameters.clone(), batch, gradient);
        double[] penalty = new double[gradient.length];
        value += subject.penalties(parameters, penalty);
        for (int i = 0; i < gradient.length; i++) {
            gradient[i] += scale * penalty[i];
        }
        return value;
    }

    /**
     * ‖a − b‖ / ‖b‖ over [from, to), leaving out entries where a is not finite; NaN when b is zero
     * there.
     */
    private static double relativeError(double[] a, double[] b, int from, int to) {
        double diff = 0;
        double norm = 0;
        for (int i = from; i < to; i++) {
            norm += b[i] * b[i];
            if (Double.isFinite(a[i])) {
                double d = a[i] - b[i];
                diff += d * d;
            }
        }
        return norm == 0 ? Double.NaN : Math.sqrt(diff / norm);
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
