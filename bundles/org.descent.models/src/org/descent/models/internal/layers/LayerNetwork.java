package org.descent.models.internal.layers;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.descent.compute.Backends;
import org.descent.compute.Device;
import org.descent.compute.DeviceModel;
import org.descent.core.Batch;
import org.descent.core.Blas;
import org.descent.core.DataShape;
import org.descent.core.LayerStatistics;
import org.descent.core.LossFunction;
import org.descent.core.MixedPrecisionPolicy;
import org.descent.core.Model;
import org.descent.core.OutputKind;
import org.descent.core.ParameterBlock;
import org.descent.core.Precision;
import org.descent.core.Settings;
import org.descent.core.SplitMix64;
import org.eclipse.jdt.annotation.Nullable;

/**
 * A model made of {@link Layer}s applied in turn. Subclasses describe the layers for an input
 * shape and an output width; each evaluator builds its own layer instances (with their work
 * buffers) at the same parameter offsets. In fp64 the passes run on the host and report per-layer
 * statistics (the reference path of the analyses); in fp32 they run on a compute device
 * ({@link DeviceModel}; the cpu backend's when none is given).
 */
public abstract class LayerNetwork implements Model, DeviceModel {

    protected String owner = "model";
    private DataShape shape = new DataShape(0, 0, 0, 0);
    private @Nullable LossFunction loss;
    private int outputs;
    private List<ParameterBlock> blocks = List.of();
    private @Nullable Stack layout;

    @Override
    public void configure(Settings s) {
        owner = s.owner();
    }

    /** The layers for this input and output width, using {@code gemm} for products. */
    protected abstract List<Layer> layers(Shape input, int outputWidth, Gemm gemm);

    /** The shape of one input example; a flat vector by default. */
    protected Shape inputShape(DataShape data) {
        return Shape.flat(data.inputDim());
    }

    @Override
    public List<ParameterBlock> bind(DataShape dataShape, LossFunction lossFunction) {
        OutputKind kind = lossFunction.outputKind();
        if (kind != OutputKind.VALUES && kind != OutputKind.LOGITS) {
            throw new IllegalArgumentException(owner + " outputs real values or logits, but the loss expects "
                    + kind.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " outputs");
        }
        int out = lossFunction.outputDim(dataShape);
        Stack stack = new Stack(layers(inputShape(dataShape), out, new Gemm(null)));
        this.blocks = List.copyOf(stack.place(0));
        this.layout = stack;
        this.shape = dataShape;
        this.loss = lossFunction;
        this.outputs = out;
        return blocks;
    }

    private Stack layout() {
        Stack s = layout;
        if (s == null) {
            throw new IllegalStateException(owner + " is not bound to data and a loss");
        }
        return s;
    }

    @Override
    public void initialise(double[] parameters, long seed) {
        layout().initialise(parameters, new SplitMix64(seed));
    }

    @Override
    public Evaluator evaluator(Precision precision, int maxBatch) {
        LossFunction bound = loss;
        if (bound == null) {
            throw new IllegalStateException(owner + " is not bound to data and a loss");
        }
        if (precision == Precision.FP32) {
            Device cpu = cpuDevice();
            if (cpu != null && computesOn(cpu, precision)) {
                return evaluator(cpu, precision, maxBatch);
            }
        }
        if (precision != Precision.FP64) {
            throw new IllegalArgumentException(owner + " computes in fp64, not " + precision.id() + fp32Hint());
        }
        if (maxBatch < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + maxBatch);
        }
        Stack stack = new Stack(layers(inputShape(shape), outputs, new Gemm(Blas.find(LayerNetwork.class).orElse(null))));
        stack.place(0);
        stack.allocate(maxBatch);
        return new LayerEvaluator(stack, bound, shape, outputs, maxBatch);
    }

    /** The cpu backend's device, or null where it is not installed. */
    private static @Nullable Device cpuDevice() {
        try {
            return Backends.resolve(Backends.find(LayerNetwork.class), Backends.CPU);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** fp32 on any device that computes in fp32, for networks whose every layer has a device path. */
    @Override
    public boolean computesOn(Device device, Precision precision) {
        return precision == Precision.FP32 && device.supports(precision)
                && DeviceNetwork.unsupported(layout().layers()) == null;
    }

    @Override
    public Evaluator evaluator(Device device, Precision precision, int maxBatch) {
        LossFunction bound = loss;
        if (bound == null) {
            throw new IllegalStateException(owner + " is not bound to data and a loss");
        }
        if (precision != Precision.FP32 || !device.supports(precision)) {
            throw new IllegalArgumentException(owner + " computes on a device in fp32 only, not " + precision.id()
                    + " on " + device.id());
        }
        String why = DeviceNetwork.unsupported(layout().layers());
        if (why != null) {
            throw new IllegalArgumentException(owner + " cannot compute on " + device.id() + ": " + why);
        }
        if (maxBatch < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + maxBatch);
        }
        Stack stack = new Stack(layers(inputShape(shape), outputs, new Gemm(null)));
        stack.place(0);
        return new DeviceNetwork(stack, device.ops(precision), bound, shape, outputs, maxBatch);
    }

    /** Added to the message refusing a precision, such as where fp32 is offered. */
    protected String fp32Hint() {
        return "";
    }

    /** Forward and backward passes over the stack, with per-layer statistics. */
    private static final class LayerEvaluator implements Evaluator, Inspectable, PerExample {
        private final Stack stack;
        private final LossFunction loss;
        private final DataShape shape;
        private final int outputs;
        private final double[] out;
        private final double[] dOut;
        private double[] lastParameters = new double[0];
        private double[] work = new double[0];
        /** Whether the stack still holds the plain passes at {@link #keptParameters} on the kept batch. */
        private boolean passesKept;
        private double[] keptParameters = new double[0];
        private double[] keptInputs = new double[0];
        private double[] keptTargets = new double[0];
        private int keptRows;
        private boolean keptTraining;
        private long keptSeed;
        private @Nullable MixedPrecisionPolicy policy;
        private double @Nullable [] lastGradient;

        LayerEvaluator(Stack stack, LossFunction loss, DataShape shape, int outputs, int maxBatch) {
            this.stack = stack;
            this.loss = loss;
            this.shape = shape;
            this.outputs = outputs;
            this.out = new double[maxBatch * outputs];
            this.dOut = new double[maxBatch * outputs];
        }

        @Override
        public int outputDim() {
            return outputs;
        }

        @Override
        public boolean simulate(@Nullable MixedPrecisionPolicy p) {
            policy = p;
            passesKept = false;
            stack.rounding(p);
            return true;
        }

        @Override
        public double[] forward(double[] parameters, Batch batch) {
            passesKept = false;
            int n = batch.size();
            double[] y = stack.forward(parameters, batch.inputs(), n, new Pass(batch.training(), new SplitMix64(batch.seed())));
            System.arraycopy(y, 0, out, 0, n * outputs);
            lastParameters = parameters;
            lastGradient = null;
            return out;
        }

        @Override
        public double lossAndGradient(double[] parameters, Batch batch, double[] gradient) {
            int n = batch.size();
            forward(parameters, batch);
            double value = loss.evaluate(n, shape, out, batch.targets(), dOut);
            double[] d = stack.outputGradient();
            System.arraycopy(dOut, 0, d, 0, n * outputs);
            MixedPrecisionPolicy p = policy;
            if (p != null) {
                // the scaled loss is differentiated in low precision: scale, then round, its gradient
                double scale = p.lossScale();
                for (int i = 0; i < n * outputs; i++) {
                    d[i] *= scale;
                }
                p.round(d, 0, n * outputs);
            }
            stack.backward(parameters, null, gradient, n);
            lastGradient = gradient;
            return value;
        }

        @Override
        public void perExample(double[] squaredNorms, double[] meanSquares) {
            int n = checkedBatch();
            java.util.Arrays.fill(squaredNorms, 0, n, 0);
            java.util.Arrays.fill(meanSquares, 0);
            stack.perExample(lastParameters, n, n, squaredNorms, meanSquares);
            double invN = 1.0 / n;
            for (int i = 0; i < meanSquares.length; i++) {
                meanSquares[i] *= invN;
            }
        }

        @Override
        public void exampleGradient(int r, double[] gradient) {
            int n = checkedBatch();
            if (r < 0 || r >= n) {
                throw new IndexOutOfBoundsException("example " + r + " of a batch of " + n);
            }
            java.util.Arrays.fill(gradient, 0);
            stack.exampleGradient(lastParameters, r, n, gradient);
        }

        @Override
        public boolean hessianVector(double[] parameters, Batch batch, double[] v, double[] hv) {
            int n = batch.size();
            if (work.length < hv.length) {
                work = new double[hv.length];
            }
            // the plain passes first: the R-op reads their activations and gradients. Products at
            // the same point and batch (Lanczos, Hutchinson) reuse them: only the R passes run
            int in = batch.inputDim() * n;
            int targets = batch.targetDim() * n;
            if (!passesKept || n != keptRows || batch.training() != keptTraining || batch.seed() != keptSeed
                    || !java.util.Arrays.equals(parameters, keptParameters)
                    || !java.util.Arrays.equals(batch.inputs(), 0, in, keptInputs, 0, keptInputs.length)
                    || !java.util.Arrays.equals(batch.targets(), 0, targets, keptTargets, 0, keptTargets.length)) {
                // compared before the pass: a training pass writes batch norm's running statistics into them
                keptParameters = parameters.clone();
                lossAndGradient(parameters, batch, work);
                keptInputs = java.util.Arrays.copyOf(batch.inputs(), in);
                keptTargets = java.util.Arrays.copyOf(batch.targets(), targets);
                keptRows = n;
                keptTraining = batch.training();
                keptSeed = batch.seed();
                passesKept = true;
            }
            if (!stack.rForward(parameters, v, null, n)
                    || !loss.hessianVector(n, shape, out, batch.targets(), stack.rOutput(), stack.rOutputGradient())) {
                return false;
            }
            java.util.Arrays.fill(hv, 0);
            return stack.rBackward(parameters, v, hv, null, n);
        }

        private int checkedBatch() {
            if (lastGradient == null) {
                throw new IllegalStateException("per-example gradients need a lossAndGradient pass first");
            }
            Layer without = stack.withoutPerExample();
            if (without != null) {
                throw new UnsupportedOperationException("layer " + without.name() + " (" + without.kind()
                        + ") cannot split its gradient by example");
            }
            return stack.lastBatchSize();
        }

        @Override
        public int lastRows() {
            return stack.lastBatchSize();
        }

        @Override
        public double[] outputs(int layer) {
            return stack.activation(layer);
        }

        @Override
        public double @Nullable [] outputGradients(int layer) {
            return stack.gradient(layer);
        }

        @Override
        public List<LayerStatistics> lastPass() {
            List<LayerStatistics> result = new ArrayList<>();
            int n = stack.lastBatchSize();
            double[] g = lastGradient;
            for (int i = 0; i < stack.layers().size(); i++) {
                Layer l = stack.layers().get(i);
                int count = n * l.out().size();
                double[] a = stack.activation(i);
                double mean = 0;
                int zeros = 0;
                for (int k = 0; k < count; k++) {
                    mean += a[k];
                    if (a[k] == 0) {
                        zeros++;
                    }
                }
                mean = count == 0 ? Double.NaN : mean / count;
                double[] d = stack.gradient(i);
                Map<String, Double> extra = lastParameters.length == 0 ? Map.of() : l.extra(lastParameters);
                result.add(new LayerStatistics(l.name(), l.kind(), l.out().dims(), l.trainableCount(), mean,
                        Layer.std(a, 0, count), count == 0 ? Double.NaN : (double) zeros / count,
                        d == null ? Double.NaN : Layer.std(d, 0, count), g == null ? Double.NaN : l.weightGradientStd(g),
                        extra));
            }
            return result;
        }
    }
}
