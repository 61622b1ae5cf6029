package org.descent.optimizers.internal;

import org.descent.core.Schedule;
import org.descent.core.Settings;

/**
 * Learning-rate schedules in closed form, equal to PyTorch 1.13's schedulers stepped once per
 * optimizer step ({@code scheduler.step()} after {@code optimizer.step()}).
 */
public final class Schedules {

    private Schedules() {
    }

    /** {@code StepLR}: multiply by {@code gamma} every {@code step_size} steps. */
    public static final class StepDecay implements Schedule {
        private long stepSize;
        private double gamma;

        @Override
        public void configure(Settings s) {
            stepSize = s.getLong("step_size");
            gamma = s.getDouble("gamma");
        }

        @Override
        public double learningRate(double base, long step) {
            return base * Math.pow(gamma, step / stepSize);
        }
    }

    /** {@code ExponentialLR}: multiply by {@code gamma} every step. */
    public static final class Exponential implements Schedule {
        private double gamma;

        @Override
        public void configure(Settings s) {
            gamma = s.getDouble("gamma");
        }

        @Override
        public double learningRate(double base, long step) {
            return base * Math.pow(gamma, step);
        }
    }

    /**
     * {@code CosineAnnealingLR}: from the base rate down to {@code eta_min} over {@code t_max}
     * steps along a half cosine; past {@code t_max} it rises again, as PyTorch's does.
     */
    public static final class Cosine implements Schedule {
        private long tMax;
        private double etaMin;

        @Override
        public void configure(Settings s) {
            tMax = s.getLong("t_max");
            etaMin = s.getDouble("eta_min");
        }

        @Override
        public double learningRate(double base, long step) {
            return etaMin + (base - etaMin) * (1 + Math.cos(Math.PI * step / tMax)) / 2;
        }
    }

    /**
     * {@code LinearLR}: a linear warm-up (or decay) of the factor from {@code start_factor} to
     * {@code end_factor} over {@code total_iters} steps, constant afterwards.
     */
    public static final class Linear implements Schedule {
        private double start;
        private double end;
        private long total;

        @Override
        public void configure(Settings s) {
            start = s.getDouble("start_factor");
            end = s.getDouble("end_factor");
            total = s.getLong("total_iters");
        }

        @Override
        public double learningRate(double base, long step) {
            return base * (start + (end - start) * Math.min(step, total) / total);
        }
    }
}
