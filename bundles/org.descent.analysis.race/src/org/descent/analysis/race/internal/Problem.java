package org.descent.analysis.race.internal;

import java.util.Locale;
import java.util.OptionalDouble;

/**
 * A function of two parameters to minimize, with its exact gradient, its known minimum (when it
 * has one), a standard start and a box of the plane where it is usually drawn.
 */
public abstract class Problem {

    private final String id;
    private final String formula;

    Problem(String id, String formula) {
        this.id = id;
        this.formula = formula;
    }

    /** The id used by the {@code --problem} option. */
    public String id() {
        return id;
    }

    /** The function, written out, for reports and titles. */
    public String formula() {
        return formula;
    }

    /** The first parameter's name (x, or μ for the Gaussian fit). */
    public String xName() {
        return "x";
    }

    /** The second parameter's name (y, or σ for the Gaussian fit). */
    public String yName() {
        return "y";
    }

    /** The function's value; {@code NaN} outside its domain. */
    public abstract double value(double x, double y);

    /** The gradient at (x, y) into {@code g[0..1]}. */
    public abstract void gradient(double x, double y, double[] g);

    /** Whether (x, y) lies in the function's domain. */
    public boolean defined(double x, double y) {
        return Double.isFinite(x) && Double.isFinite(y);
    }

    /** Where the minimum is, {x, y}; empty when the function has none (it is unbounded below). */
    public abstract double[] minimum();

    /** The minimum value, empty when the function is unbounded below. */
    public OptionalDouble minimumValue() {
        double[] m = minimum();
        return m.length == 0 ? OptionalDouble.empty() : OptionalDouble.of(value(m[0], m[1]));
    }

    /** The usual starting point. */
    public abstract double[] start();

    /** The usual box for drawing: {xmin, xmax, ymin, ymax}. */
    public abstract double[] box();

    /** Whether contour levels are better spaced logarithmically (steep valleys). */
    public boolean logLevels() {
        return false;
    }

    /** The optimizers raced by default, with learning rates that suit this problem. */
    public abstract String defaultOptimizers();

    /** A number as typed: whole numbers without a fraction. */
    static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** The Rosenbrock function (1 − x)² + 100 (y − x²)², minimum 0 at (1, 1). */
    public static final class Rosenbrock extends Problem {

        public Rosenbrock() {
            super("rosenbrock", "(1 − x)² + 100·(y − x²)²");
        }

        @Override
        public double value(double x, double y) {
            double a = 1 - x;
            double b = y - x * x;
            return a * a + 100 * b * b;
        }

        @Override
        public void gradient(double x, double y, double[] g) {
            double b = y - x * x;
            g[0] = -2 * (1 - x) - 400 * x * b;
            g[1] = 200 * b;
        }

        @Override
        public double[] minimum() {
            return new double[] { 1, 1 };
        }

        @Override
        public double[] start() {
            return new double[] { -1.2, 1 };
        }

        @Override
        public double[] box() {
            return new double[] { -2, 2, -1, 3 };
        }

        @Override
        public boolean logLevels() {
            return true;
        }

        @Override
        public String defaultOptimizers() {
            return "gd:lr=0.001,momentum:lr=0.0005,nesterov:lr=0.0005,adagrad:lr=1,rmsprop:lr=0.01,adam:lr=0.05";
        }
    }

    /** Beale's function, minimum 0 at (3, 0.5). */
    public static final class Beale extends Problem {

        public Beale() {
            super("beale", "(1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)²");
        }

        @Override
        public double value(double x, double y) {
            double a = 1.5 - x + x * y;
            double b = 2.25 - x + x * y * y;
            double c = 2.625 - x + x * y * y * y;
            return a * a + b * b + c * c;
        }

        @Override
        public void gradient(double x, double y, double[] g) {
            double a = 1.5 - x + x * y;
            double b = 2.25 - x + x * y * y;
            double c = 2.625 - x + x * y * y * y;
            g[0] = 2 * a * (y - 1) + 2 * b * (y * y - 1) + 2 * c * (y * y * y - 1);
            g[1] = 2 * a * x + 4 * b * x * y + 6 * c * x * y * y;
        }

        @Override
        public double[] minimum() {
            return new double[] { 3, 0.5 };
        }

        @Override
        public double[] start() {
            return new double[] { 1, 1.5 };
        }

        @Override
        public double[] box() {
            return new double[] { -1, 4.5, -1.5, 2 };
        }

        @Override
        public boolean logLevels() {
            return true;
        }

        @Override
        public String defaultOptimizers() {
            return "gd:lr=0.001,momentum:lr=0.0002,nesterov:lr=0.0002,adagrad:lr=0.1,rmsprop:lr=0.005,adam:lr=0.05";
        }
    }

    /** The saddle x² − y²: a stationary point at the origin, unbounded below along y. */
    public static final class Saddle extends Problem {

        public Saddle() {
            super("saddle", "x² − y²");
        }

        @Override
        public double value(double x, double y) {
            return x * x - y * y;
        }

        @Override
        public void gradient(double x, double y, double[] g) {
            g[0] = 2 * x;
            g[1] = -2 * y;
        }

        @Override
        public double[] minimum() {
            return new double[0];
        }

        @Override
        public double[] start() {
            return new double[] { -1, 0.001 };
        }

        @Override
        public double[] box() {
            return new double[] { -1.5, 1.5, -1.5, 1.5 };
        }

        @Override
        public String defaultOptimizers() {
            return "gd:lr=0.01,momentum:lr=0.001,nesterov:lr=0.001,adagrad:lr=0.1,rmsprop:lr=0.01,adam:lr=0.05";
        }
    }

    /** The quadratic ½(x² + κ·y²): Hessian eigenvalues 1 and κ, condition number κ. */
    public static final class Quadratic extends Problem {

        private final double condition;

        public Quadratic(double condition) {
            super("quadratic", String.format(Locale.ROOT, "½·(x² + %s·y²)", number(condition)));
            this.condition = condition;
        }

        /** The Hessian's eigenvalues, along x and along y. */
        public double[] eigenvalues() {
            return new double[] { 1, condition };
        }

        @Override
        public double value(double x, double y) {
            return 0.5 * (x * x + condition * y * y);
        }

        @Override
        public void gradient(double x, double y, double[] g) {
            g[0] = x;
            g[1] = condition * y;
        }

        @Override
        public double[] minimum() {
            return new double[] { 0, 0 };
        }

        @Override
        public double[] start() {
            return new double[] { -2, 1 };
        }

        @Override
        public double[] box() {
            return new double[] { -2.5, 2.5, -1.5, 1.5 };
        }

        @Override
        public String defaultOptimizers() {
            double lr = 1 / condition;
            return String.format(Locale.ROOT, "gd:lr=%s,momentum:lr=%s,nesterov:lr=%s,adagrad:lr=0.5,rmsprop:lr=0.01,adam:lr=0.05",
                    number(lr), number(lr / 4), number(lr / 4));
        }
    }

    /**
     * The mean negative log-likelihood of a sample under N(μ, σ²), the source material's maximum
     * likelihood example: log σ + ½·log 2π + mean((x − μ)²)/(2σ²), minimum at the sample's mean
     * and its standard deviation (divided by n). Only σ &gt; 0 is in the domain.
     */
    public static final class GaussianFit extends Problem {

        private final double mean;
        private final double variance;
        private final int n;

        /** @param sample the data, at least one value */
        public GaussianFit(double[] sample) {
            super("mle", "mean over the sample of −log N(x | μ, σ²)");
            if (sample.length == 0) {
                throw new IllegalArgumentException("problem 'mle': the sample is empty");
            }
            double s = 0;
            for (double v : sample) {
                s += v;
            }
            mean = s / sample.length;
            double q = 0;
            for (double v : sample) {
                q += (v - mean) * (v - mean);
            }
            variance = q / sample.length;
            n = sample.length;
        }

        public double mean() {
            return mean;
        }

        public double std() {
            return Math.sqrt(variance);
        }

        public int size() {
            return n;
        }

        @Override
        public String xName() {
            return "μ";
        }

        @Override
        public String yName() {
            return "σ";
        }

        @Override
        public boolean defined(double x, double y) {
            return super.defined(x, y) && y > 0;
        }

        @Override
        public double value(double mu, double sigma) {
            if (!(sigma > 0)) {
                return Double.NaN;
            }
            double d = mean - mu;
            return Math.log(sigma) + 0.5 * Math.log(2 * Math.PI) + (variance + d * d) / (2 * sigma * sigma);
        }

        @Override
        public void gradient(double mu, double sigma, double[] g) {
            double d = mean - mu;
            double s2 = sigma * sigma;
            g[0] = -d / s2;
            g[1] = 1 / sigma - (variance + d * d) / (s2 * sigma);
        }

        @Override
        public double[] minimum() {
            return new double[] { mean, std() };
        }

        @Override
        public double[] start() {
            return new double[] { 1, 1 };
        }

        @Override
        public double[] box() {
            return new double[] { -0.5, 2.5, 0.5, 3 };
        }

        @Override
        public String defaultOptimizers() {
            return "gd:lr=0.05,momentum:lr=0.01,nesterov:lr=0.01,adagrad:lr=0.5,rmsprop:lr=0.002,adam:lr=0.05";
        }
    }
}
