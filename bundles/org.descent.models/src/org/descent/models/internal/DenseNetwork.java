package org.descent.models.internal;

import java.util.ArrayList;
import java.util.List;

import org.descent.core.Batch;
import org.descent.core.Blas;
import org.descent.core.DataShape;
import org.descent.core.LossFunction;
import org.descent.core.Model;
import org.descent.core.OutputKind;
import org.descent.core.ParameterBlock;
import org.descent.core.Precision;
import org.descent.core.Settings;
import org.descent.core.SplitMix64;
import org.eclipse.jdt.annotation.Nullable;

/**
 * A fully connected network: {@code linear} (no hidden layer, real outputs), {@code logistic}
 * ({@link Logistic}: no hidden layer, logits) and {@link Mlp}'s fp32 path (hidden layers with
 * ReLU, tanh or sigmoid). Weights
 * are stored {@code [out][in]} as in PyTorch's {@code nn.Linear} and initialised the way
 * {@code nn.Linear} does: weights and biases uniform in ±1/√fan_in. Computes in fp64 or fp32.
 */
public class DenseNetwork implements Model {

    private int[] hidden = new int[0];
    private Activation activation = Activation.RELU;
    private boolean logitsOnly;
    private boolean zeros;
    private String owner = "model";
    private int[] sizes = new int[0];
    private List<ParameterBlock> blocks = List.of();
    private DataShape shape = new DataShape(0, 0, 0, 0);
    private @Nullable LossFunction loss;

    @Override
    public void configure(Settings s) {
        owner = s.owner();
        zeros = s.getString("init").equals("zeros");
        logitsOnly = logitsOnly(s);
    }

    /** Whether the model refuses losses that do not take logits: {@code linear} does not. */
    boolean logitsOnly(Settings s) {
        return false;
    }

    /** {@code logistic}: the linear model, refusing losses that do not take logits unless {@code logits_only=false}. */
    public static final class Logistic extends DenseNetwork {

        @Override
        boolean logitsOnly(Settings s) {
            return s.getBoolean("logits_only");
        }
    }

    /**
     * Hidden widths from {@code 64-32}; {@code 100x20} is twenty layers of 100, and parts combine
     * ({@code 256-100x3}); {@code none} or empty for no hidden layer.
     */
    static int[] parseHidden(String text, String owner) {
        String t = text.strip();
        if (t.isEmpty() || t.equals("none")) {
            return new int[0];
        }
        List<Integer> sizes = new ArrayList<>();
        for (String part : t.split("-")) {
            String[] rep = part.strip().split("x", -1);
            int width = rep.length <= 2 ? parseWidth(rep[0]) : -1;
            int times = rep.length == 2 ? parseWidth(rep[1]) : 1;
            if (width < 1 || width > 1_000_000 || times < 1 || times > 10_000 || sizes.size() + times > 10_000) {
                throw new IllegalArgumentException(owner + ": hyperparameter 'hidden': '" + text
                        + "' is not valid, expected layer widths joined by '-', such as 64-32, with WIDTHxCOUNT for"
                        + " repeated layers (100x20), or none");
            }
            for (int i = 0; i < times; i++) {
                sizes.add(width);
            }
        }
        return sizes.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int parseWidth(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** A plain network of these hidden widths, for {@link Mlp}'s fp32 path. */
    static DenseNetwork plain(String owner, int[] hidden, Activation activation) {
        DenseNetwork d = new DenseNetwork();
        d.owner = owner;
        d.hidden = hidden.clone();
        d.activation = activation;
        return d;
    }

    @Override
    public List<ParameterBlock> bind(DataShape dataShape, LossFunction lossFunction) {
        OutputKind kind = lossFunction.outputKind();
        if (logitsOnly && kind != OutputKind.LOGITS) {
            throw new IllegalArgumentException(owner + " outputs logits: use it with cross-entropy, bce-logits or multi-margin");
        }
        if (kind != OutputKind.VALUES && kind != OutputKind.LOGITS) {
            throw new IllegalArgumentException(owner + " outputs real values or logits, but the loss expects "
                    + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                    + " outputs (use the gaussian or mixture model for density losses)");
        }
        int out = lossFunction.outputDim(dataShape);
        sizes = new int[hidden.length + 2];
        sizes[0] = dataShape.inputDim();
        System.arraycopy(hidden, 0, sizes, 1, hidden.length);
        sizes[sizes.length - 1] = out;
        List<ParameterBlock> b = new ArrayList<>();
        int offset = 0;
        for (int l = 1; l < sizes.length; l++) {
            b.add(new ParameterBlock("layer" + l + ".weight", new int[] { sizes[l], sizes[l - 1] }, offset));
            offset += sizes[l] * sizes[l - 1];
            b.add(new ParameterBlock("layer" + l + ".bias", new int[] { sizes[l] }, offset));
            offset += sizes[l];
        }
        this.blocks = List.copyOf(b);
        this.shape = dataShape;
        this.loss = lossFunction;
        return blocks;
    }

    @Override
    public void initialise(double[] parameters, long seed) {
        if (zeros) {
            java.util.Arrays.fill(parameters, 0, ParameterBlock.total(blocks), 0);
            return;
        }
        SplitMix64 random = new SplitMix64(seed);
        for (int l = 1; l < sizes.length; l++) {
            double bound = 1 / Math.sqrt(sizes[l - 1]);
            for (ParameterBlock b : blocks.subList(2 * (l - 1), 2 * l)) {
                for (int i = b.offset(); i < b.offset() + b.size(); i++) {
                    parameters[i] = (2 * random.nextDouble() - 1) * bound;
                }
            }
        }
    }

    @Override
    public Evaluator evaluator(Precision precision, int maxBatch) {
        LossFunction bound = loss;
        if (bound == null) {
            throw new IllegalStateException(owner + " is not bound to data and a loss");
        }
        Kernels k = switch (precision) {
        case FP64 -> F64Kernels.INSTANCE;
        case FP32 -> F32Kernels.INSTANCE;
        default -> throw new IllegalArgumentException(owner + " computes in fp64 or fp32, not " + precision.id()
                + " (mixed precision wraps an fp32 evaluator)");
        };
        if (maxBatch < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + maxBatch);
        }
        return new DenseEvaluator(k, sizes, activation, shape, bound, maxBatch, Blas.find(DenseNetwork.class).orElse(null));
    }

    /**
     * Layers with at least this many multiply-adds per batch row go to the native BLAS when one is
     * installed. Measured on the build machine (bench/RESULTS.md, 2026-11-24): OpenBLAS through
     * JavaCPP was as fast as the plain-array kernels for a 2-8-3 network and faster for every
     * wider one (1.4x to 5x), so there is no crossover and every layer uses it; the plain
     * kernels are the path without a BLAS service. The system property
     * {@code descent.blas.minMacs} overrides the threshold.
     */
    static final int BLAS_MIN_MACS_PER_ROW = 0;

    /** Work buffers and the forward/backward passes for one precision. */
    private static final class DenseEvaluator implements Evaluator {
        private final Kernels k;
        private final int[] sizes;
        private final Activation act;
        private final DataShape shape;
        private final LossFunction loss;
        private final int layers;
        private final Object[] a;
        private final Object[] z;
        private final Object[] da;
        private final Object[] wt;
        private final Object[] w;
        private final Object[] dw;
        private final Object[] db;
        private final double[] outputs;
        private final double[] dOutputs;
        private final int[] weightOffset;
        private final Blas blas;
        private final boolean[] nativeLayer;

        DenseEvaluator(Kernels k, int[] sizes, Activation act, DataShape shape, LossFunction loss, int maxBatch,
                Blas blas) {
            this.k = k;
            this.blas = blas;
            this.sizes = sizes.clone();
            this.act = act;
            this.shape = shape;
            this.loss = loss;
            this.layers = sizes.length - 1;
            a = new Object[layers + 1];
            z = new Object[layers + 1];
            da = new Object[layers + 1];
            wt = new Object[layers + 1];
            w = new Object[layers + 1];
            dw = new Object[layers + 1];
            db = new Object[layers + 1];
            weightOffset = new int[layers + 1];
            nativeLayer = new boolean[layers + 1];
            a[0] = k.allocate(maxBatch * sizes[0]);
            int offset = 0;
            for (int l = 1; l <= layers; l++) {
                z[l] = k.allocate(maxBatch * sizes[l]);
                a[l] = l < layers ? k.allocate(maxBatch * sizes[l]) : z[l];
                da[l] = k.allocate(maxBatch * sizes[l]);
                wt[l] = k.allocate(sizes[l] * sizes[l - 1]);
                w[l] = k.allocate(sizes[l] * sizes[l - 1]);
                dw[l] = k.allocate(sizes[l] * sizes[l - 1]);
                db[l] = k.allocate(sizes[l]);
                weightOffset[l] = offset;
                nativeLayer[l] = blas != null
                        && sizes[l] * sizes[l - 1] >= Integer.getInteger("descent.blas.minMacs", BLAS_MIN_MACS_PER_ROW);
                offset += sizes[l] * sizes[l - 1] + sizes[l];
            }
            outputs = new double[maxBatch * sizes[layers]];
            dOutputs = new double[maxBatch * sizes[layers]];
        }

        @Override
        public int outputDim() {
            return sizes[layers];
        }

        @Override
        public double[] forward(double[] parameters, Batch batch) {
            int n = batch.size();
            k.load(batch.inputs(), 0, a[0], n * sizes[0]);
            for (int l = 1; l <= layers; l++) {
                int in = sizes[l - 1];
                int out = sizes[l];
                if (nativeLayer[l]) {
                    k.load(parameters, weightOffset[l], w[l], out * in);
                    k.gemm(blas, false, true, n, out, in, a[l - 1], in, w[l], in, 0, z[l], out);
                    k.addBias(z[l], n, out, parameters, weightOffset[l] + out * in);
                } else {
                    k.loadTransposed(parameters, weightOffset[l], out, in, wt[l]);
                    k.linearForward(a[l - 1], n, in, wt[l], parameters, weightOffset[l] + out * in, out, z[l]);
                }
                if (l < layers) {
                    k.activate(act, z[l], a[l], n * out);
                }
            }
            k.toDouble(z[layers], outputs, n * sizes[layers]);
            return outputs;
        }

        @Override
        public double lossAndGradient(double[] parameters, Batch batch, double[] gradient) {
            int n = batch.size();
            forward(parameters, batch);
            double value = loss.evaluate(n, shape, outputs, batch.targets(), dOutputs);
            k.load(dOutputs, 0, da[layers], n * sizes[layers]);
            Object dz = da[layers];
            for (int l = layers; l >= 1; l--) {
                int in = sizes[l - 1];
                int out = sizes[l];
                Object dx = l > 1 ? da[l - 1] : null;
                if (nativeLayer[l]) {
                    k.gemm(blas, true, false, out, in, n, dz, out, a[l - 1], in, 0, dw[l], in);
                    k.columnSums(dz, n, out, db[l]);
                    if (dx != null) {
                        k.gemm(blas, false, false, n, in, out, dz, out, w[l], in, 0, dx, in);
                    }
                } else {
                    if (dx != null) {
                        k.load(parameters, weightOffset[l], w[l], out * in);
                    }
                    k.linearBackward(a[l - 1], n, in, w[l], out, dz, dw[l], db[l], dx);
                }
                k.store(dw[l], gradient, weightOffset[l], out * in);
                k.store(db[l], gradient, weightOffset[l] + out * in, out);
                if (l > 1) {
                    k.activateBackward(act, a[l - 1], da[l - 1], z[l - 1], n * in);
                    dz = z[l - 1];
                }
            }
            return value;
        }
    }
}
