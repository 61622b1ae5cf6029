package org.descent.experiment.internal;

import java.util.Arrays;

import org.descent.core.Data;
import org.descent.core.SplitMix64;
import org.descent.experiment.ExperimentException;
import org.eclipse.jdt.annotation.Nullable;

/**
 * A run's data: the rows it trains on, the rows it holds out for validation (a seeded random
 * share), and the fingerprint of the training rows that checkpoints and provenance keep.
 *
 * @param train the training rows
 * @param validation the held-out rows, or null without a validation fraction
 * @param fingerprint {@link #fingerprint(Data)} of {@code train}
 */
public record TrainingData(Data train, @Nullable Data validation, long fingerprint) {

    /** Stream number of the train/validation split in a run's seed. */
    private static final long SPLIT_STREAM = 0x5D1E5D1EL;

    /**
     * Splits a data set: the validation rows are a permutation's first {@code round(n * fraction)}
     * drawn from the seed.
     *
     * @param dataset the data set's id, for messages
     * @throws ExperimentException when the data set is empty, or the fraction leaves one side empty
     */
    public static TrainingData split(Data all, String dataset, double fraction, long seed) throws ExperimentException {
        if (all.rows() == 0 || all.shape().inputDim() == 0) {
            throw new ExperimentException("dataset '" + dataset + "' has no "
                    + (all.rows() == 0 ? "rows" : "input columns") + ": there is nothing to train on");
        }
        if (fraction <= 0) {
            return new TrainingData(all, null, fingerprint(all));
        }
        int n = all.rows();
        int nVal = (int) Math.round(n * fraction);
        if (nVal < 1 || nVal >= n) {
            throw new ExperimentException("validationFraction " + fraction + " leaves " + nVal + " of " + n
                    + " rows for validation: it needs at least one row on each side");
        }
        int[] perm = new SplitMix64(seed ^ SPLIT_STREAM).permutation(n);
        Data validation = all.rows(Arrays.copyOfRange(perm, 0, nVal), all.name() + " (validation)");
        Data train = all.rows(Arrays.copyOfRange(perm, nVal, n), all.name() + " (training)");
        return new TrainingData(train, validation, fingerprint(train));
    }

    /** A 64-bit fingerprint of a data set's values and shape. */
    public static long fingerprint(Data d) {
        long h = 0xCBF29CE484222325L;
        h = mix(h, d.rows());
        h = mix(h, d.shape().inputDim());
        h = mix(h, d.shape().targetDim());
        h = mix(h, d.shape().classes());
        for (double v : d.inputs()) {
            h = mix(h, Double.doubleToLongBits(v));
        }
        for (double v : d.targets()) {
            h = mix(h, Double.doubleToLongBits(v));
        }
        return h;
    }

    private static long mix(long h, long v) {
        return (h ^ v) * 0x100000001B3L;
    }
}
