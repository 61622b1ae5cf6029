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
 * Parameters sit at {@code offset} in the model's flat vector; fp64 on {@link F64Kernels}. A
 * stack with no layers passes its input through.
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

    /** Work buffers for batches of up to {@code maxBatch} rows. */
    Pass pass(int maxBatch) {
        return new Pass(maxBatch);
    }

    /** One stack's forward and backward passes with their buffers; used by one thread at a time. */
    final class Pass {
        private final F64Kernels k = F64Kernels.INSTANCE;
        private final int layers = sizes.length - 1;
        private final double[][] a = new double[layers + 1][];
        private final double[][] z = new double[layers + 1][];
        private final double[][] da = new double[layers + 1][];
        private final double[][] wt = new double[layers + 1][];
        private final double[][] w = new double[layers + 1][];
        private final double[][] dw = new double[layers + 1][];
        private final double[][] db = new double[layers + 1][];
        private final int[] at = new int[layers + 1];

        Pass(int maxBatch) {
            int o = offset;
            a[0] = new double[0];
            for (int l = 1; l <= layers; l++) {
                boolean activated = l < layers || activateLast;
                z[l] = new double[maxBatch * sizes[l]];
                a[l] = activated ? new double[maxBatch * sizes[l]] : z[l];
                da[l] = new double[maxBatch * sizes[l]];
                wt[l] = new double[sizes[l] * sizes[l - 1]];
                w[l] = new double[sizes[l] * sizes[l - 1]];
                dw[l] = new double[sizes[l] * sizes[l - 1]];
                db[l] = new double[sizes[l]];
                at[l] = o;
                o += sizes[l] * sizes[l - 1] + sizes[l];
            }
        }

        /**
         * The stack's output for {@code n} rows of {@code x} (row-major, {@code inputWidth()} values
         * per row); {@code x} is kept for {@link #backward} and must not change before it.
         *
         * @return the output buffer (owned by this pass), or {@code x} itself for an empty stack
         */
        double[] forward(double[] parameters, double[] x, int n) {
            a[0] = x;
            for (int l = 1; l <= layers; l++) {
                int in = sizes[l - 1];
                int out = sizes[l];
                k.loadTransposed(parameters, at[l], out, in, wt[l]);
                k.linearForward(a[l - 1], n, in, wt[l], parameters, at[l] + out * in, out, z[l]);
                if (l < layers || activateLast) {
                    k.activate(activation, z[l], a[l], n * out);
                }
            }
            return a[layers];
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
            double[] dz = dOut;
            if (activateLast) {
                k.activateBackward(activation, a[layers], dOut, z[layers], n * sizes[layers]);
                dz = z[layers];
            }
            for (int l = layers; l >= 1; l--) {
                int in = sizes[l - 1];
                int out = sizes[l];
                double @Nullable [] dIn = l > 1 ? da[l - 1] : dx;
                if (dIn != null) {
                    System.arraycopy(parameters, at[l], w[l], 0, out * in);
                }
                k.linearBackward(a[l - 1], n, in, w[l], out, dz, dw[l], db[l], dIn);
                System.arraycopy(dw[l], 0, gradient, at[l], out * in);
                System.arraycopy(db[l], 0, gradient, at[l] + out * in, out);
                if (l > 1) {
                    k.activateBackward(activation, a[l - 1], da[l - 1], z[l - 1], n * in);
                    dz = z[l - 1];
                }
            }
        }
    }
}
