package org.descent.models.internal.layers;

import java.util.ArrayList;
import java.util.List;

import org.descent.core.MixedPrecisionPolicy;
import org.descent.core.ParameterBlock;
import org.descent.core.SplitMix64;
import org.eclipse.jdt.annotation.Nullable;

/** Layers applied in turn, with the activations and their gradients of the last pass. */
public final class Stack {

    private final List<Layer> layers;
    private final double[][] act;
    private final double[][] grad;
    /** Directional derivatives of the activations and of their gradients (R-op), allocated on first use. */
    private final double[][] ract;
    private final double[][] rgrad;
    private int rCapacity;
    private int lastN;
    private @Nullable MixedPrecisionPolicy rounding;
    private boolean backwardDone;

    public Stack(List<Layer> layers) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a stack needs at least one layer");
        }
        this.layers = List.copyOf(layers);
        this.act = new double[layers.size() + 1][];
        this.grad = new double[layers.size() + 1][];
        this.ract = new double[layers.size() + 1][];
        this.rgrad = new double[layers.size() + 1][];
    }

    public List<Layer> layers() {
        return layers;
    }

    public Shape in() {
        return layers.get(0).in();
    }

    public Shape out() {
        return layers.get(layers.size() - 1).out();
    }

    /** Places every layer's parameters from {@code start}; returns the blocks. */
    public List<ParameterBlock> place(int start) {
        List<ParameterBlock> blocks = new ArrayList<>();
        int at = start;
        for (Layer l : layers) {
            blocks.addAll(l.place(at));
            at += l.parameterCount();
        }
        return blocks;
    }

    public int parameterCount() {
        return layers.stream().mapToInt(Layer::parameterCount).sum();
    }

    public int trainableCount() {
        return layers.stream().mapToInt(Layer::trainableCount).sum();
    }

    public void initialise(double[] p, SplitMix64 random) {
        for (Layer l : layers) {
            l.initialise(p, random);
        }
    }

    public void allocate(int maxBatch) {
        for (int i = 0; i < layers.size(); i++) {
            Layer l = layers.get(i);
            l.allocate(maxBatch);
            act[i + 1] = new double[maxBatch * l.out().size()];
            grad[i + 1] = new double[maxBatch * l.out().size()];
        }
    }

    /**
     * Rounds every layer's outputs and every gradient passed between layers onto a simulated
     * low-precision format (null: fp64), here and in the layers' own inner stacks.
     */
    public void rounding(@Nullable MixedPrecisionPolicy policy) {
        this.rounding = policy;
        for (Layer l : layers) {
            l.rounding(policy);
        }
    }

    /** Runs the layers on {@code x} ({@code n} examples); returns the last activations. */
    public double[] forward(double[] p, double[] x, int n, Pass pass) {
        act[0] = x;
        MixedPrecisionPolicy r = rounding;
        for (int i = 0; i < layers.size(); i++) {
            layers.get(i).forward(p, act[i], act[i + 1], n, pass);
            if (r != null) {
                r.round(act[i + 1], 0, n * layers.get(i).out().size());
            }
        }
        lastN = n;
        backwardDone = false;
        return act[layers.size()];
    }

    /**
     * The buffer the caller fills with d(loss)/d(output) before {@link #backward}.
     */
    public double[] outputGradient() {
        return grad[layers.size()];
    }

    /** Back-propagates {@link #outputGradient()}; writes {@code dx} unless null. */
    public void backward(double[] p, double @Nullable [] dx, double[] g, int n) {
        MixedPrecisionPolicy r = rounding;
        for (int i = layers.size() - 1; i >= 0; i--) {
            double @Nullable [] down = i == 0 ? dx : grad[i];
            layers.get(i).backward(p, act[i], act[i + 1], grad[i + 1], down, g, n);
            if (r != null && down != null) {
                r.round(down, 0, n * layers.get(i).in().size());
            }
        }
        backwardDone = true;
    }

    /**
     * Splits the last backward pass's gradient by example (see {@link Layer#perExample}).
     *
     * @return false when a layer cannot
     */
    public boolean perExample(double[] p, int n, double scale, double[] sqNorms, double[] sumSquares) {
        for (int i = 0; i < layers.size(); i++) {
            if (!layers.get(i).perExample(p, act[i], act[i + 1], grad[i + 1], n, scale, sqNorms, sumSquares)) {
                return false;
            }
        }
        return true;
    }

    /** Writes example r's part of the last backward pass's gradient (see {@link Layer#exampleGradient}). */
    public boolean exampleGradient(double[] p, int r, double scale, double[] out) {
        for (int i = 0; i < layers.size(); i++) {
            if (!layers.get(i).exampleGradient(p, act[i], act[i + 1], grad[i + 1], r, scale, out)) {
                return false;
            }
        }
        return true;
    }

    /** The first layer, searched depth first, that cannot split its gradient by example, or null. */
    public @Nullable Layer withoutPerExample() {
        for (Layer l : layers) {
            Layer without = l.withoutPerExample();
            if (without != null) {
                return without;
            }
        }
        return null;
    }

    /**
     * The forward pass' directional derivative along parameter direction {@code v} and input
     * direction {@code rx} (null: the inputs are fixed), after {@link #forward}; {@link #rOutput()}
     * then holds the outputs' derivative.
     *
     * @return false when a layer does not provide it
     */
    public boolean rForward(double[] p, double[] v, double @Nullable [] rx, int n) {
        int capacity = act[layers.size()].length / Math.max(1, layers.get(layers.size() - 1).out().size());
        if (rCapacity < capacity) {
            for (int i = 0; i < layers.size(); i++) {
                ract[i + 1] = new double[act[i + 1].length];
                rgrad[i + 1] = new double[grad[i + 1].length];
            }
            rCapacity = capacity;
        }
        ract[0] = rx;
        for (int i = 0; i < layers.size(); i++) {
            if (!layers.get(i).rForward(p, v, act[i], ract[i], act[i + 1], ract[i + 1], n)) {
                return false;
            }
        }
        return true;
    }

    /** The outputs' directional derivative of the last {@link #rForward}. */
    public double[] rOutput() {
        return ract[layers.size()];
    }

    /** The buffer the caller fills with the derivative of d(loss)/d(output) before {@link #rBackward}. */
    public double[] rOutputGradient() {
        return rgrad[layers.size()];
    }

    /**
     * The backward pass' directional derivative: writes the derivative of the parameter gradient
     * into {@code rg} (the Hessian-vector product) and, unless null, of the input gradient into
     * {@code rdx}. After {@link #backward} and {@link #rForward}.
     *
     * @return false when a layer does not provide it
     */
    public boolean rBackward(double[] p, double[] v, double[] rg, double @Nullable [] rdx, int n) {
        for (int i = layers.size() - 1; i >= 0; i--) {
            double @Nullable [] down = i == 0 ? rdx : rgrad[i];
            if (!layers.get(i).rBackward(p, v, act[i], ract[i], act[i + 1], ract[i + 1], grad[i + 1], rgrad[i + 1], down,
                    rg, n)) {
                return false;
            }
        }
        return true;
    }

    /** Activations of the last pass after layer {@code i} (0-based). */
    double[] activation(int i) {
        return act[i + 1];
    }

    /** Gradient of the last backward pass at the output of layer {@code i}, or null. */
    double @Nullable [] gradient(int i) {
        return backwardDone ? grad[i + 1] : null;
    }

    int lastBatchSize() {
        return lastN;
    }
}
