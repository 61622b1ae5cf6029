package org.descent.models.internal;

import java.util.ArrayList;
import java.util.List;

import org.descent.core.ParameterBlock;
import org.descent.core.SplitMix64;
import org.eclipse.jdt.annotation.Nullable;

/**
 * A chain of dense layers inside a larger model (an autoencoder's encoder, a VAE's μ head): layer
 * {@code l} maps {@code sizes[l-1]} values to {@code sizes[l]}, weights {@code [out, in]} then
 * bias, followed by the activation except after the last layer unless {@code activateLast}.
 * Parameters sit at {@code offset} in the model's flat vector; fp64 on {@link F64Kernels}, fp32 on
 * {@link F32Kernels}. A stack with no layers passes its input through.
 */
final class DenseStack {

    private final String[] names;
    private final int[] sizes;
    private final Activation activation;
    private final boolean activateLast;
    private final int offset;
    private final int size;

    /**
     * @param names one name per layer ({@code encoder1}); blocks are {@code NAME.weight} and
     *            {@code NAME.bias}
     * @param sizes input width, then each layer's width
     */
    DenseStack(String[] names, int[] sizes, Activation activation, boolean activateLast, int offset) {
        if (names.length != sizes.length - 1) {
            throw new IllegalArgumentException(names.length + " names for " + (sizes.length - 1) + " layers");
        }
        this.names = names.clone();
        this.sizes = sizes.clone();
        this.activation = activation;
        this.activateLast = activateLast;
        this.offset = offset;
        int n = 0;
        for (int l = 1; l < sizes.length; l++) {
            n += sizes[l] * sizes[l - 1] + sizes[l];
        }
        this.size = n;
    }

    /** The parameter blocks, in order. */
    List<ParameterBlock> blocks() {
        List<ParameterBlock> b = new ArrayList<>();
        int at = offset;
        for (int l = 1; l < sizes.length; l++) {
            b.add(new ParameterBlock(names[l - 1] + ".weight", new int[] { sizes[l], sizes[l - 1] }, at));
            at += sizes[l] * sizes[l - 1];
            b.add(new ParameterBlock(names[l - 1] + ".bias", new int[] { sizes[l] }, at));
            at += sizes[l];
        }
        return b;
    }

    /** Number of parameters. */
    int size() {
        return size;
    }

    /** Index just after the stack's parameters. */
    int end() {
        return offset + size;
    }

    int inputWidth() {
        return sizes[0];
    }

    int outputWidth() {
        return sizes[sizes.length - 1];
    }

    /**
     * Draws the parameters as {@code torch.nn.Linear} does, weights then bias of each layer uniform in
     * ±1/√fan_in, consuming {@code random} in block order.
     */
    void initialise(double[] parameters, SplitMix64 random) {
        int at = offset;
        for (int l = 1; l < sizes.length; l++) {
            double bound = 1 / Math.sqrt(sizes[l - 1]);
            int count = sizes[l] * sizes[l - 1] + sizes[l];
            for (int i = at; i < at + count; i++) {
                parameters[i] = (2 * random.nextDouble() - 1) * bound;
            }
            at += count;
        }
    }

    /**
     * Work buffers for batches of up to {@code maxBatch} rows, computing in the kernels' format
     * ({@link F64Kernels} or {@link F32Kernels}).
     */
    Pass pass(Kernels kernels, int maxBatch) {
        return new Pass(kernels, maxBatch);
    }

    /**
     * One stack's forward and backward passes with their buffers; used by one thread at a time.
     * Inputs, outputs and gradients cross the stack's boundary as {@code double[]}; in between,
     * activations, weights and gradients are in the kernels' format (float for fp32: the input is
     * rounded to float on the way in, the stack's output is exact on the way out).
     */
    final class Pass {
        private final Kernels k;
        private final boolean doubles;
        private final int layers = sizes.length - 1;
        private final Object[] a = new Object[layers + 1];
        private final Object[] z = new Object[layers + 1];
        private final Object[] da = new Object[layers + 1];
        private final Object[] wt = new Object[layers + 1];
        private final Object[] w = new Object[layers + 1];
        private final Object[] dw = new Object[layers + 1];
        private final Object[] db = new Object[layers + 1];
        private final int[] at = new int[layers + 1];
        /** In float formats: the input, the output as doubles, the output's gradient and the input's. */
        private final Object input;
        private final double[] output;
        private final Object dOutput;
        private final Object dInput;

        Pass(Kernels kernels, int maxBatch) {
            k = kernels;
            doubles = kernels instanceof F64Kernels;
            int o = offset;
            for (int l = 1; l <= layers; l++) {
                boolean activated = l < layers || activateLast;
                z[l] = k.allocate(maxBatch * sizes[l]);
                a[l] = activated ? k.allocate(maxBatch * sizes[l]) : z[l];
                da[l] = k.allocate(maxBatch * sizes[l]);
                wt[l] = k.allocate(sizes[l] * sizes[l - 1]);
                w[l] = k.allocate(sizes[l] * sizes[l - 1]);
                dw[l] = k.allocate(sizes[l] * sizes[l - 1]);
                db[l] = k.allocate(sizes[l]);
                at[l] = o;
                o += sizes[l] * sizes[l - 1] + sizes[l];
            }
            boolean converts = !doubles && layers > 0;
            input = converts ? k.allocate(maxBatch * sizes[0]) : new double[0];
            output = converts ? new double[maxBatch * sizes[layers]] : new double[0];
            dOutput = converts ? k.allocate(maxBatch * sizes[layers]) : new double[0];
            dInput = converts ? k.allocate(maxBatch * sizes[0]) : new double[0];
        }

        /**
         * The stack's output for {@code n} rows of {@code x} (row-major, {@code inputWidth()} values
         * per row); {@code x} is kept for {@link #backward} and must not change before it.
         *
         * @return the output buffer (owned by this pass), or {@code x} itself for an empty stack
         */
        double[] forward(double[] parameters, double[] x, int n) {
            if (layers == 0) {
                return x;
            }
            if (doubles) {
                a[0] = x;
            } else {
                k.load(x, 0, input, n * sizes[0]);
                a[0] = input;
            }
            for (int l = 1; l <= layers; l++) {
                int in = sizes[l - 1];
                int out = sizes[l];
                k.loadTransposed(parameters, at[l], out, in, wt[l]);
                k.linearForward(a[l - 1], n, in, wt[l], parameters, at[l] + out * in, out, z[l]);
                if (l < layers || activateLast) {
                    k.activate(activation, z[l], a[l], n * out);
                }
            }
            if (doubles) {
                return (double[]) a[layers];
            }
            k.toDouble(a[layers], output, n * sizes[layers]);
            return output;
        }

        /**
         * Backward of the last {@link #forward}: writes the gradient of the stack's parameters into
         * {@code gradient} (overwriting its blocks) and, when {@code dx} is not null, the gradient
         * with respect to the input.
         *
         * @param dOut gradient with respect to the output, {@code n x outputWidth()}; may be
         *            overwritten
         */
        void backward(double[] parameters, double[] dOut, int n, double[] gradient, double @Nullable [] dx) {
            if (layers == 0) {
                if (dx != null) {
                    System.arraycopy(dOut, 0, dx, 0, n * sizes[0]);
                }
                return;
            }
            Object dz = dOut;
            if (!doubles) {
                k.load(dOut, 0, dOutput, n * sizes[layers]);
                dz = dOutput;
            }
            if (activateLast) {
                k.activateBackward(activation, a[layers], dz, z[layers], n * sizes[layers]);
                dz = z[layers];
            }
            for (int l = layers; l >= 1; l--) {
                int in = sizes[l - 1];
                int out = sizes[l];
                Object dIn = l > 1 ? da[l - 1] : dx == null ? null : doubles ? dx : dInput;
                if (dIn != null) {
                    k.load(parameters, at[l], w[l], out * in);
                }
                k.linearBackward(a[l - 1], n, in, w[l], out, dz, dw[l], db[l], dIn);
                k.store(dw[l], gradient, at[l], out * in);
                k.store(db[l], gradient, at[l] + out * in, out);
                if (l > 1) {
                    k.activateBackward(activation, a[l - 1], da[l - 1], z[l - 1], n * in);
                    dz = z[l - 1];
                }
            }
            if (dx != null && !doubles) {
                k.toDouble(dInput, dx, n * sizes[0]);
            }
        }
    }
}
