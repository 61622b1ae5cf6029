package org.descent.analysis.distributions.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.descent.analysis.distributions.Information;
import org.descent.core.Analysis;
import org.descent.core.AnalysisInput;
import org.descent.core.AnalysisResult;
import org.descent.core.Settings;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;

/**
 * {@code descent analyze information --a P --b Q}: entropies, cross-entropy, both
 * Kullback–Leibler divergences and the Jensen–Shannon divergence of two discrete distributions
 * given as files of probabilities.
 */
public final class InformationAnalysis implements Analysis {

    static final String ID = "information";

    private boolean bits;
    private boolean normalize;

    @Override
    public void configure(Settings settings) {
        bits = settings.getString("base").equals("bits");
        normalize = settings.getBoolean("normalize");
    }

    @Override
    public AnalysisResult analyze(AnalysisInput input, IProgressMonitor monitor) throws IOException {
        SampleFiles.Values va = SampleFiles.readValues("a", input.requireFile(ID, "a"), "probabilities");
        SampleFiles.Values vb = SampleFiles.readValues("b", input.requireFile(ID, "b"), "probabilities");
        if (va.values().length != vb.values().length) {
            throw new IllegalArgumentException(va.where() + " has " + va.values().length + " probabilities but "
                    + vb.where() + " has " + vb.values().length + "; expected distributions over the same outcomes");
        }
        double[] p = SampleFiles.distribution(va, normalize, "probabilities");
        double[] q = SampleFiles.distribution(vb, normalize, "probabilities");
        if (monitor.isCanceled()) {
            throw new OperationCanceledException();
        }
        double unit = bits ? Math.log(2) : 1;
        String u = bits ? "bits" : "nats";
        double ha = Information.entropy(p) / unit;
        double hb = Information.entropy(q) / unit;
        double hab = Information.crossEntropy(p, q) / unit;
        double klab = Information.kl(p, q) / unit;
        double klba = Information.kl(q, p) / unit;
        double js = Information.jensenShannon(p, q) / unit;

        AnalysisResult r = new AnalysisResult(ID);
        r.put("base", u).put("outcomes", p.length);
        r.put("entropy_a", ha).put("entropy_b", hb).put("cross_entropy_ab", hab);
        r.put("kl_ab", klab).put("kl_ba", klba);
        r.put("js_divergence", js).put("js_distance", Math.sqrt(js));
        r.line("%d outcomes, in %s", p.length, u);
        r.line("H(a)      = %s", text(ha));
        r.line("H(b)      = %s", text(hb));
        r.line("H(a,b)    = %s", text(hab));
        r.line("KL(a||b)  = %s", text(klab));
        r.line("KL(b||a)  = %s", text(klba));
        r.line("JS(a,b)   = %s (distance %s)", text(js), text(Math.sqrt(js)));
        infinite(r, "kl_ab", "KL(a||b) and H(a,b) are", Information.unsupported(p, q), va, vb);
        infinite(r, "kl_ba", "KL(b||a) is", Information.unsupported(q, p), vb, va);
        r.table("distributions", table(p, q));
        return r;
    }

    private static void infinite(AnalysisResult r, String key, String what, int[] at, SampleFiles.Values p,
            SampleFiles.Values q) {
        if (at.length == 0) {
            return;
        }
        List<Integer> outcomes = new ArrayList<>();
        List<String> places = new ArrayList<>();
        for (int i : at) {
            outcomes.add(i);
            if (places.size() < 5) {
                places.add("outcome " + i + " (" + q.where() + " " + q.at(i) + ")");
            }
        }
        r.put(key + "_infinite_at", outcomes);
        r.warn(String.format(Locale.ROOT, "%s infinite: %d outcome(s) have probability 0 in %s but not in %s: %s%s", what,
                at.length, q.where(), p.where(), String.join(", ", places), at.length > places.size() ? ", ..." : ""));
    }

    private static AnalysisResult.Table table(double[] p, double[] q) {
        List<double[]> rows = new ArrayList<>(p.length);
        for (int i = 0; i < p.length; i++) {
            rows.add(new double[] { i, p[i], q[i] });
        }
        return new AnalysisResult.Table(List.of("outcome", "a", "b"), rows, p.length <= 1000);
    }

    private static String text(double v) {
        return Double.isInfinite(v) ? "inf" : String.format(Locale.ROOT, "%.10g", v);
    }
}
