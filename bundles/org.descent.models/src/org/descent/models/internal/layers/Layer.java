package org.descent.models.internal.layers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.descent.core.MixedPrecisionPolicy;
import org.descent.core.ParameterBlock;
import org.descent.core.SplitMix64;
import org.eclipse.jdt.annotation.Nullable;

/**
 * A layer of a network: maps a batch of {@link #in()}-shaped examples to {@link #out()}-shaped
 * ones, reading its parameters from the flat parameter vector at {@link #offset()}. A layer
 * instance holds work buffers for one evaluator, so it is used by one thread at a time.
 */
public abstract class Layer {

    private final String name;
    private final String kind;
    protected final Shape in;
    protected final Shape out;
    private int offset;

    protected Layer(String name, String kind, Shape in, Shape out) {
        this.name = name;
        this.kind = kind;
        this.in = in;
        this.out = out;
    }

    public String name() {
        return name;
    }

    /** What the layer computes: dense, conv2d, relu, batchnorm, ... */
    public String kind() {
        return kind;
    }

    public Shape in() {
        return in;
    }

    public Shape out() {
        return out;
    }

    /** Index of the layer's first parameter in the flat vector. */
    public int offset() {
        return offset;
    }

    /**
     * Places the layer's parameters at {@code start} and returns the blocks, named
     * {@code <layer>.<block>}.
     */
    public List<ParameterBlock> place(int start) {
        this.offset = start;
        List<ParameterBlock> blocks = new ArrayList<>();
        int at = start;
        for (Block b : blocks()) {
            ParameterBlock pb = new ParameterBlock(name + "." + b.name(), b.shape(), at, b.buffer());
            blocks.add(pb);
            at += pb.size();
        }
        return blocks;
    }

    /** A parameter block of the layer, relative to the layer. */
    protected record Block(String name, int[] shape, boolean buffer) {
        static Block of(String name, int... shape) {
            return new Block(name, shape, false);
        }

        static Block buffer(String name, int... shape) {
            return new Block(name, shape, true);
        }
    }

    /** The layer's parameter blocks in order; none by default. */
    protected List<Block> blocks() {
        return List.of();
    }

    /** Number of parameter values (buffers included). */
    public int parameterCount() {
        int n = 0;
        for (Block b : blocks()) {
            int s = 1;
            for (int d : b.shape()) {
                s *= d;
            }
            n += s;
        }
        return n;
    }

    /** Trainable values (buffers excluded). */
    public int trainableCount() {
        int n = 0;
        for (Block b : blocks()) {
            if (!b.buffer()) {
                int s = 1;
                for (int d : b.shape()) {
                    s *= d;
                }
                n += s;
            }
        }
        return n;
    }

    /**
     * Sets the rounding of a simulated low-precision pass for layers that hold inner stacks
     * (residual blocks); nothing by default.
     */
    public void rounding(@Nullable MixedPrecisionPolicy policy) {
    }

    /** Writes initial values; nothing by default. */
    public void initialise(double[] p, SplitMix64 random) {
    }

    /** Allocates work buffers for batches of up to {@code maxBatch} examples. */
    public void allocate(int maxBatch) {
    }

    /**
     * Computes {@code y} from {@code x} for {@code n} examples. Layers that keep running state
     * (batch normalization) write it into {@code p} during training passes.
     */
    public abstract void forward(double[] p, double[] x, double[] y, int n, Pass pass);

    /**
     * Back-propagates {@code dy}: adds nothing, overwrites the layer's gradient blocks in {@code g}
     * and writes {@code dx} unless it is null (first layer). Called after the matching forward.
     */
    public abstract void backward(double[] p, double[] x, double[] y, double[] dy, double @Nullable [] dx, double[] g,
            int n);

    /**
     * This layer, or the first of its inner layers, when it has trainable parameters but cannot
     * split its gradient by example ({@link #perExample}); null when it can.
     */
    public @Nullable Layer withoutPerExample() {
        return trainableCount() == 0 ? null : this;
    }

    /**
     * Splits the layer's gradient of the last forward and backward pass over {@code n} examples by
     * example: example r's part {@code g_r} comes from row r of {@code x} and {@code dy} alone, and
     * the parts sum to the layer's batch gradient. Adds {@code scale²·||g_r||²} to {@code sqNorms[r]},
     * and puts {@code scale²·Σ_r g_r∘g_r} in {@code sumSquares} at the layer's trainable blocks
     * (which the caller zeroes), in one pass over the batch (no per-example backward passes).
     *
     * @return false when the layer has trainable parameters but cannot split its gradient
     */
    public boolean perExample(double[] p, double[] x, double[] y, double[] dy, int n, double scale, double[] sqNorms,
            double[] sumSquares) {
        return trainableCount() == 0;
    }

    /**
     * Writes {@code scale·g_r}, example r's part of the last pass's gradient (see
     * {@link #perExample}), into the layer's trainable blocks of {@code out}.
     *
     * @return false when the layer has trainable parameters but cannot split its gradient
     */
    public boolean exampleGradient(double[] p, double[] x, double[] y, double[] dy, int r, double scale, double[] out) {
        return trainableCount() == 0;
    }

    /**
     * The forward pass' derivative along a direction (R-op): {@code ry} from the parameters'
     * direction {@code v} and the input's derivative {@code rx} (null: zero, the data are fixed).
     *
     * @return false when the layer does not provide it (the default)
     */
    public boolean rForward(double[] p, double[] v, double[] x, double @Nullable [] rx, double[] y, double[] ry, int n) {
        return false;
    }

    /**
     * The backward pass' derivative along the same direction: from {@code rdy} (the derivative of
     * {@code dy}) writes {@code rdx} unless null, and the derivative of the layer's parameter
     * gradient into its blocks of {@code rg}. Called after {@link #rForward} and after the plain
     * forward and backward passes, whose values it reads.
     *
     * @return false when the layer does not provide it (the default)
     */
    public boolean rBackward(double[] p, double[] v, double[] x, double @Nullable [] rx, double[] y, double[] ry,
            double[] dy, double[] rdy, double @Nullable [] rdx, double[] rg, int n) {
        return false;
    }

    /** Standard deviation of the layer's weight gradient in {@code g}, or NaN without weights. */
    public double weightGradientStd(double[] g) {
        return Double.NaN;
    }

    /** Layer-specific figures for reports (binary layers: scaling, approximation error). */
    public Map<String, Double> extra(double[] p) {
        return Map.of();
    }

    /** Standard deviation of {@code count} values from {@code from}. */
    protected static double std(double[] v, int from, int count) {
        if (count == 0) {
            return Double.NaN;
        }
        double mean = 0;
        for (int i = from; i < from + count; i++) {
            mean += v[i];
        }
        mean /= count;
        double ss = 0;
        for (int i = from; i < from + count; i++) {
            double d = v[i] - mean;
            ss += d * d;
        }
        return Math.sqrt(ss / count);
    }
}
