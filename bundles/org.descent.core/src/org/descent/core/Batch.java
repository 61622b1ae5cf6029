package org.descent.core;

/**
 * Rows of a data set handed to a model for one step: inputs and targets copied into reusable
 * row-major buffers. {@link #size()} rows are valid; the buffers may be longer.
 *
 * @since 0.1.0
 */
public final class Batch {

    private final int inputDim;
    private final int targetDim;
    private final double[] inputs;
    private final double[] targets;
    private final int capacity;
    private int size;
    private long seed;
    private boolean training;

    /** An empty batch with room for {@code capacity} rows. */
    public Batch(int capacity, int inputDim, int targetDim) {
        this.inputDim = inputDim;
        this.targetDim = targetDim;
        this.capacity = capacity;
        this.inputs = new double[capacity * inputDim];
        this.targets = new double[capacity * targetDim];
    }

    /** A batch holding all rows of a data set. */
    public static Batch of(Data data) {
        Batch b = new Batch(data.rows(), data.shape().inputDim(), data.shape().targetDim());
        System.arraycopy(data.inputs(), 0, b.inputs, 0, data.inputs().length);
        System.arraycopy(data.targets(), 0, b.targets, 0, data.targets().length);
        b.size = data.rows();
        return b;
    }

    /** Fills the batch with rows {@code order[from..to)} of the data set. */
    public void fill(Data data, int[] order, int from, int to) {
        if (to - from > capacity()) {
            throw new IllegalArgumentException("batch of " + (to - from) + " rows exceeds capacity " + capacity());
        }
        double[] x = data.inputs();
        double[] y = data.targets();
        for (int i = from; i < to; i++) {
            int r = order[i];
            System.arraycopy(x, r * inputDim, inputs, (i - from) * inputDim, inputDim);
            System.arraycopy(y, r * targetDim, targets, (i - from) * targetDim, targetDim);
        }
        size = to - from;
    }

    /**
     * The random seed of this batch, for models that draw noise (dropout masks, a VAE's
     * reparameterization, negative samples). The engine sets it from the run's seed and the step,
     * so a resumed run draws the same noise as an uninterrupted one.
     */
    public long seed() {
        return seed;
    }

    /**
     * Whether the batch is a training step (dropout active, batch statistics used and running
     * statistics updated) rather than an evaluation (dropout off, running statistics used).
     */
    public boolean training() {
        return training;
    }

    /** Sets the seed and the mode of the next pass; returns this batch. */
    public Batch mode(boolean isTraining, long batchSeed) {
        this.training = isTraining;
        this.seed = batchSeed;
        return this;
    }

    public int capacity() {
        return capacity;
    }

    /** Number of valid rows. */
    public int size() {
        return size;
    }

    public int inputDim() {
        return inputDim;
    }

    public int targetDim() {
        return targetDim;
    }

    /** Input buffer, row-major; the first {@code size() * inputDim()} values are valid. */
    public double[] inputs() {
        return inputs;
    }

    /** Target buffer, row-major; the first {@code size() * targetDim()} values are valid. */
    public double[] targets() {
        return targets;
    }
}
