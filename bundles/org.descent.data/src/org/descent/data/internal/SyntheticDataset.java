package org.descent.data.internal;

import java.util.List;

import org.descent.core.Data;
import org.descent.core.DataShape;
import org.descent.core.Dataset;
import org.descent.core.Settings;
import org.descent.core.SplitMix64;
import org.eclipse.core.runtime.IProgressMonitor;

/**
 * The small synthetic problems of optimization demos, seeded (SplitMix64; the same seed gives the
 * same data on every machine), one class per contribution id:
 * <ul>
 * <li>{@code moons}: scikit-learn's make_moons without shuffling: ⌊n/2⌋ points on the upper half
 * circle (class 0), the rest on the lower one shifted by (1, −½) (class 1), both at evenly spaced
 * angles, plus N(0, noise²) on each coordinate;</li>
 * <li>{@code spirals}: {@code classes} arms; point i of an arm at radius t = i/m and angle
 * 2π·turns·t + 2π·arm/classes, plus N(0, noise²) on each coordinate;</li>
 * <li>{@code xor}: points uniform in [−1, 1]², class 1 where x·y &lt; 0, then N(0, noise²) added to
 * the inputs (labels stay those of the clean point);</li>
 * <li>{@code regression}: the weights w ~ N(0, 1) per feature and then the bias b ~ N(0, 1) are
 * drawn first, then each row's x ~ N(0, I) and y = w·x + b + N(0, noise²).</li>
 * </ul>
 */
public abstract class SyntheticDataset implements Dataset {

    private final String kind;
    private int n;
    private double noise;
    private long seed;
    private int classes = 2;
    private double turns = 1;
    private int features = 1;

    SyntheticDataset(String kind) {
        this.kind = kind;
    }

    /** Two interleaving half circles. */
    public static final class Moons extends SyntheticDataset {
        public Moons() {
            super("moons");
        }
    }

    /** Interleaved spiral arms. */
    public static final class Spirals extends SyntheticDataset {
        public Spirals() {
            super("spirals");
        }
    }

    /** The XOR quadrants. */
    public static final class Xor extends SyntheticDataset {
        public Xor() {
            super("xor");
        }
    }

    /** Noisy linear regression. */
    public static final class Regression extends SyntheticDataset {
        public Regression() {
            super("regression");
        }
    }

    @Override
    public void configure(Settings s) {
        n = s.getInt("n");
        noise = s.getDouble("noise");
        seed = s.getLong("seed");
        if (s.has("classes")) {
            classes = s.getInt("classes");
        }
        if (s.has("turns")) {
            turns = s.getDouble("turns");
        }
        if (s.has("features")) {
            features = s.getInt("features");
        }
    }

    @Override
    public Data load(IProgressMonitor monitor) {
        SplitMix64 r = new SplitMix64(seed);
        return switch (kind) {
        case "moons" -> moons(r);
        case "spirals" -> spirals(r);
        case "xor" -> xor(r);
        case "regression" -> regression(r);
        default -> throw new IllegalStateException("no synthetic data set '" + kind + "'");
        };
    }

    private Data moons(SplitMix64 r) {
        int outer = n / 2;
        int inner = n - outer;
        double[] x = new double[2 * n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            boolean top = i < outer;
            int k = top ? i : i - outer;
            int m = top ? outer : inner;
            double angle = m == 1 ? 0 : Math.PI * k / (m - 1);
            x[2 * i] = (top ? Math.cos(angle) : 1 - Math.cos(angle)) + noise * r.nextGaussian();
            x[2 * i + 1] = (top ? Math.sin(angle) : 0.5 - Math.sin(angle)) + noise * r.nextGaussian();
            y[i] = top ? 0 : 1;
        }
        return new Data("moons", new DataShape(n, 2, 1, 2), x, y, List.of("x", "y"));
    }

    private Data spirals(SplitMix64 r) {
        double[] x = new double[2 * n];
        double[] y = new double[n];
        int perArm = (n + classes - 1) / classes;
        for (int i = 0; i < n; i++) {
            int arm = i % classes;
            double t = (double) (i / classes) / perArm;
            double angle = 2 * Math.PI * turns * t + 2 * Math.PI * arm / classes;
            x[2 * i] = t * Math.cos(angle) + noise * r.nextGaussian();
            x[2 * i + 1] = t * Math.sin(angle) + noise * r.nextGaussian();
            y[i] = arm;
        }
        return new Data("spirals", new DataShape(n, 2, 1, classes), x, y, List.of("x", "y"));
    }

    private Data xor(SplitMix64 r) {
        double[] x = new double[2 * n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double a = 2 * r.nextDouble() - 1;
            double b = 2 * r.nextDouble() - 1;
            y[i] = a * b < 0 ? 1 : 0;
            x[2 * i] = a + noise * r.nextGaussian();
            x[2 * i + 1] = b + noise * r.nextGaussian();
        }
        return new Data("xor", new DataShape(n, 2, 1, 2), x, y, List.of("x", "y"));
    }

    private Data regression(SplitMix64 r) {
        double[] w = new double[features];
        for (int j = 0; j < features; j++) {
            w[j] = r.nextGaussian();
        }
        double b = r.nextGaussian();
        double[] x = new double[DataSizes.values("dataset 'regression'", "n", n, "features", features)];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double v = b;
            for (int j = 0; j < features; j++) {
                double xi = r.nextGaussian();
                x[i * features + j] = xi;
                v += w[j] * xi;
            }
            y[i] = v + noise * r.nextGaussian();
        }
        List<String> names = new java.util.ArrayList<>();
        for (int j = 0; j < features; j++) {
            names.add("x" + j);
        }
        return new Data("regression", new DataShape(n, features, 1, 0), x, y, names);
    }
}
