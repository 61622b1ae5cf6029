package org.descent.models.internal.layers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.descent.compute.Conv2dShape;
import org.descent.compute.DeviceLoss;
import org.descent.compute.LossRule;
import org.descent.compute.Ops;
import org.descent.compute.Pool2dShape;
import org.descent.compute.ResidentTraining;
import org.descent.compute.Tensor;
import org.descent.compute.UpdateRule;
import org.descent.core.Batch;
import org.descent.core.DataShape;
import org.descent.core.LossFunction;
import org.descent.core.Model;
import org.descent.core.SplitMix64;
import org.descent.models.internal.Activation;
import org.eclipse.jdt.annotation.Nullable;

/**
 * A layer network's passes on a compute device: the same layers (geometry and parameter offsets
 * from the host {@link Layer}s), their activations and gradients kept in device tensors. Each call
 * of the host-array methods uploads the parameters and the batch once and downloads the outputs
 * (and the gradient, and the running statistics a training pass updates) once. A softmax
 * cross-entropy loss ({@link DeviceLoss}) runs on the device and brings back its value only; any
 * other loss runs on the host on the downloaded outputs, its gradient goes back up once. As
 * {@link ResidentTraining} the parameters, gradient and optimizer state stay on the device
 * between steps.
 */
final class DeviceNetwork implements Model.Evaluator, ResidentTraining {

    /** Why a layer has no device path, or null when every layer has one. */
    static @Nullable String unsupported(List<Layer> layers) {
        for (Layer l : layers) {
            if (l instanceof Residual r) {
                String inner = unsupported(r.main.layers());
                Stack p = r.projection;
                if (inner == null && p != null) {
                    inner = unsupported(p.layers());
                }
                if (inner != null) {
                    return inner;
                }
            } else if (!(l instanceof Dense || l instanceof Conv2d || l instanceof BatchNorm || l instanceof Nonlinearity
                    || l instanceof Pool2d || l instanceof Dropout)) {
                return "layer " + l.name() + " (" + l.kind() + ") has no device path";
            }
        }
        return null;
    }

    private final Ops ops;
    private final DeviceStack stack;
    private final LossFunction loss;
    /** The loss when it is softmax cross-entropy on class labels, computed on the device; else null (the host's). */
    private final LossRule.@Nullable SoftmaxCrossEntropy deviceLoss;
    private final DataShape shape;
    private final int outputs;
    private final int maxBatch;
    private final int inputSize;
    private final int size;
    private final Tensor params;
    private final Tensor grads;
    private final Tensor input;
    private final Tensor dOut;
    /** Device loss: the class labels, the per-row losses, and [loss sum, gradient sum of squares]. */
    private final @Nullable Tensor labels;
    private final @Nullable Tensor losses;
    private final Tensor scalars;
    private final double[] scalarsHost = new double[2];
    private final double[] out;
    private final double[] dOutHost;
    /** Offsets and lengths of the running statistics a training pass writes back into the parameters. */
    private final List<int[]> running = new ArrayList<>();
    /** Resident training: the update rule and its state (null until {@link #upload}), the buffers' copy. */
    private @Nullable UpdateRule rule;
    private List<Tensor> state = List.of();
    private @Nullable Tensor kept;

    DeviceNetwork(Stack host, Ops ops, LossFunction loss, DataShape shape, int outputs, int maxBatch) {
        this.ops = ops;
        this.loss = loss;
        this.deviceLoss = loss instanceof DeviceLoss dl && dl.lossRule() instanceof LossRule.SoftmaxCrossEntropy ce
                && shape.isClassification() && shape.targetDim() == 1 ? ce : null;
        this.shape = shape;
        this.outputs = outputs;
        this.maxBatch = maxBatch;
        this.inputSize = host.in().size();
        this.size = host.parameterCount();
        this.params = ops.allocate(Math.max(1, size));
        this.grads = ops.allocate(Math.max(1, size));
        this.input = ops.allocate(maxBatch * inputSize);
        this.dOut = ops.allocate(maxBatch * outputs);
        this.labels = deviceLoss != null ? ops.allocate(maxBatch) : null;
        this.losses = deviceLoss != null ? ops.allocate(maxBatch) : null;
        this.scalars = ops.allocate(2);
        this.out = new double[maxBatch * outputs];
        this.dOutHost = new double[maxBatch * outputs];
        this.stack = new DeviceStack(host.layers(), maxBatch);
    }

    @Override
    public int outputDim() {
        return outputs;
    }

    @Override
    public double[] forward(double[] parameters, Batch batch) {
        params.write(parameters, 0, 0, size);
        Tensor y = forward(batch);
        y.read(0, out, 0, batch.size() * outputs);
        if (batch.training()) {
            for (int[] r : running) {
                params.read(r[0], parameters, r[0], r[1]);
            }
        }
        return out;
    }

    /** The forward pass of a batch at the parameters on the device; returns the outputs' tensor. */
    private Tensor forward(Batch batch) {
        int n = batch.size();
        if (n > maxBatch) {
            throw new IllegalArgumentException("a batch of " + n + " rows exceeds this evaluator's " + maxBatch);
        }
        input.write(batch.inputs(), 0, 0, n * inputSize);
        return stack.forward(input.view(0, n * inputSize), n, new Pass(batch.training(), new SplitMix64(batch.seed())));
    }

    @Override
    public double lossAndGradient(double[] parameters, Batch batch, double[] gradient) {
        params.write(parameters, 0, 0, size);
        double value = lossAndBackward(batch, false);
        grads.read(0, gradient, 0, size);
        if (batch.training()) {
            for (int[] r : running) {
                params.read(r[0], parameters, r[0], r[1]);
            }
        }
        return value;
    }

    /**
     * The forward and backward pass at the parameters on the device, the gradient left in
     * {@link #grads}; with {@code norm}, its sum of squares lands in {@code scalarsHost[1]}.
     * Returns the mean loss.
     */
    private double lossAndBackward(Batch batch, boolean norm) {
        int n = batch.size();
        Tensor y = forward(batch);
        Tensor dy = dOut.view(0, n * outputs);
        LossRule.SoftmaxCrossEntropy ce = deviceLoss;
        Tensor l = losses;
        Tensor t = labels;
        double value;
        if (ce != null && l != null && t != null) {
            t.write(batch.targets(), 0, 0, n);
            Tensor rowLosses = head(l, n);
            ops.softmaxCrossEntropy(n, outputs, y, head(t, n), ce.smoothing(), rowLosses, dy);
            ops.sum(rowLosses, scalars.view(0, 1));
            backward(dy, norm);
            scalars.read(0, scalarsHost, 0, norm ? 2 : 1);
            value = scalarsHost[0] / n;
        } else {
            y.read(0, out, 0, n * outputs);
            value = loss.evaluate(n, shape, out, batch.targets(), dOutHost);
            dOut.write(dOutHost, 0, 0, n * outputs);
            backward(dy, norm);
            if (norm) {
                scalars.read(1, scalarsHost, 1, 1);
            }
        }
        return value;
    }

    private void backward(Tensor dy, boolean norm) {
        ops.fill(grads, 0);
        stack.backward(dy, null, dy.size() / outputs);
        if (norm) {
            ops.sumOfSquares(head(grads, size), scalars.view(1, 1));
        }
    }

    // ---- resident training ---------------------------------------------------------------------

    @Override
    public void upload(double[] parameters, UpdateRule updateRule, Map<String, double[]> arrays) {
        List<Tensor> tensors = new ArrayList<>();
        for (String name : updateRule.stateArrays()) {
            double[] a = arrays.get(name);
            if (a == null || a.length != size) {
                throw new IllegalArgumentException("optimizer state has no array '" + name + "' of length " + size);
            }
            Tensor s = ops.allocate(Math.max(1, size));
            s.write(a, 0, 0, size);
            tensors.add(s);
        }
        for (Tensor s : state) {
            s.close();
        }
        params.write(parameters, 0, 0, size);
        state = List.copyOf(tensors);
        rule = updateRule;
        if (kept == null && !running.isEmpty()) {
            kept = ops.allocate(running.stream().mapToInt(r -> r[1]).sum());
        }
    }

    private UpdateRule rule() {
        UpdateRule r = rule;
        if (r == null) {
            throw new IllegalStateException("no parameters are resident on " + ops.device().id() + " (upload first)");
        }
        return r;
    }

    @Override
    public Values lossAndGradient(Batch batch) {
        rule();
        double value = lossAndBackward(batch, true);
        return new Values(value, Math.sqrt(scalarsHost[1]));
    }

    @Override
    public void scaleGradient(double factor) {
        ops.scale(factor, head(grads, size));
    }

    @Override
    public double clipGradient(double value) {
        Tensor g = head(grads, size);
        ops.clip(value, g);
        ops.sumOfSquares(g, scalars.view(1, 1));
        scalars.read(1, scalarsHost, 1, 1);
        return Math.sqrt(scalarsHost[1]);
    }

    @Override
    public void update(long step, double learningRate) {
        UpdateRule r = rule();
        if (size == 0) {
            return;
        }
        // buffers take no update (weight decay would shrink them): kept aside and put back
        Tensor k = kept;
        int at = 0;
        for (int[] b : running) {
            if (k != null) {
                ops.copy(params.view(b[0], b[1]), k.view(at, b[1]));
                at += b[1];
            }
        }
        ops.update(r, step, learningRate, head(params, size), head(grads, size),
                state.stream().map(s -> head(s, size)).toList());
        at = 0;
        for (int[] b : running) {
            if (k != null) {
                ops.copy(k.view(at, b[1]), params.view(b[0], b[1]));
                at += b[1];
            }
        }
    }

    @Override
    public void readParameters(double[] parameters) {
        params.read(0, parameters, 0, size);
    }

    @Override
    public void readGradient(double[] gradient) {
        grads.read(0, gradient, 0, size);
    }

    @Override
    public Map<String, double[]> readState() {
        UpdateRule r = rule();
        Map<String, double[]> arrays = new LinkedHashMap<>();
        for (int i = 0; i < state.size(); i++) {
            double[] a = new double[size];
            state.get(i).read(0, a, 0, size);
            arrays.put(r.stateArrays().get(i), a);
        }
        return arrays;
    }

    private static org.descent.compute.Activation of(Activation f) {
        return switch (f) {
        case RELU -> org.descent.compute.Activation.RELU;
        case TANH -> org.descent.compute.Activation.TANH;
        case SIGMOID -> org.descent.compute.Activation.SIGMOID;
        };
    }

    /** A tensor's first {@code count} values. */
    private static Tensor head(Tensor t, int count) {
        return t.size() == count ? t : t.view(0, count);
    }

    /** Layers in turn, with their activations and gradients on the device. */
    private final class DeviceStack {
        private final List<DeviceLayer> layers = new ArrayList<>();
        private final Tensor[] act;
        private final Tensor[] grad;

        DeviceStack(List<Layer> host, int batch) {
            for (Layer l : host) {
                layers.add(layer(l, batch));
            }
            act = new Tensor[layers.size() + 1];
            grad = new Tensor[layers.size() + 1];
            for (int i = 0; i < layers.size(); i++) {
                int count = batch * host.get(i).out().size();
                act[i + 1] = ops.allocate(count);
                if (i + 1 < layers.size()) {
                    grad[i + 1] = ops.allocate(count);
                }
            }
        }

        Tensor forward(Tensor x, int n, Pass pass) {
            act[0] = x;
            for (int i = 0; i < layers.size(); i++) {
                DeviceLayer l = layers.get(i);
                l.forward(head(act[i], n * l.host.in().size()), head(act[i + 1], n * l.host.out().size()), n, pass);
            }
            return head(act[layers.size()], n * layers.get(layers.size() - 1).host.out().size());
        }

        /** Back-propagates dy (the last layer's output gradient); writes dx unless null. */
        void backward(Tensor dy, @Nullable Tensor dx, int n) {
            Tensor down = dy;
            for (int i = layers.size() - 1; i >= 0; i--) {
                DeviceLayer l = layers.get(i);
                Tensor up = down;
                down = i == 0 ? dx : head(grad[i], n * l.host.in().size());
                l.backward(head(act[i], n * l.host.in().size()), head(act[i + 1], n * l.host.out().size()), up, down, n);
            }
        }
    }

    private DeviceLayer layer(Layer l, int batch) {
        if (l instanceof Dense d) {
            return new DenseLayer(d);
        } else if (l instanceof Conv2d c) {
            return new ConvLayer(c);
        } else if (l instanceof BatchNorm b) {
            return new NormLayer(b);
        } else if (l instanceof Nonlinearity f) {
            return new ActivationLayer(f);
        } else if (l instanceof Pool2d p) {
            return new PoolLayer(p);
        } else if (l instanceof Dropout d) {
            return new DropoutLayer(d, batch);
        } else if (l instanceof Residual r) {
            return new ResidualLayer(r, batch);
        }
        throw new IllegalArgumentException("layer " + l.name() + " (" + l.kind() + ") has no device path");
    }

    /** One layer's passes on the device. */
    private abstract static class DeviceLayer {
        final Layer host;

        DeviceLayer(Layer host) {
            this.host = host;
        }

        /** y from x for n examples (both tensors exactly n examples long). */
        abstract void forward(Tensor x, Tensor y, int n, Pass pass);

        /** dx (unless null) and the layer's gradient blocks from dy, after the matching forward. */
        abstract void backward(Tensor x, Tensor y, Tensor dy, @Nullable Tensor dx, int n);
    }

    private final class DenseLayer extends DeviceLayer {
        private final Dense d;
        private final Tensor w;
        private final @Nullable Tensor b;
        private final Tensor gw;
        private final @Nullable Tensor gb;

        DenseLayer(Dense d) {
            super(d);
            this.d = d;
            int weights = d.outWidth * d.inWidth;
            w = params.view(d.offset(), weights);
            gw = grads.view(d.offset(), weights);
            b = d.bias ? params.view(d.offset() + weights, d.outWidth) : null;
            gb = d.bias ? grads.view(d.offset() + weights, d.outWidth) : null;
        }

        @Override
        void forward(Tensor x, Tensor y, int n, Pass pass) {
            ops.gemm(false, true, n, d.outWidth, d.inWidth, 1, x, d.inWidth, w, d.inWidth, 0, y, d.outWidth);
            Tensor bias = b;
            if (bias != null) {
                ops.addBias(y, bias, n, d.outWidth, 1);
            }
        }

        @Override
        void backward(Tensor x, Tensor y, Tensor dy, @Nullable Tensor dx, int n) {
            ops.gemm(true, false, d.outWidth, d.inWidth, n, 1, dy, d.outWidth, x, d.inWidth, 0, gw, d.inWidth);
            Tensor bias = gb;
            if (bias != null) {
                ops.biasGradient(dy, n, d.outWidth, 1, bias);
            }
            if (dx != null) {
                ops.gemm(false, false, n, d.inWidth, d.outWidth, 1, dy, d.outWidth, w, d.inWidth, 0, dx, d.inWidth);
            }
        }
    }

    private final class ConvLayer extends DeviceLayer {
        private final Conv2d c;
        private final Tensor w;
        private final @Nullable Tensor b;
        private final Tensor gw;
        private final @Nullable Tensor gb;

        ConvLayer(Conv2d c) {
            super(c);
            this.c = c;
            int weights = c.cout * c.cin * c.k * c.k;
            w = params.view(c.offset(), weights);
            gw = grads.view(c.offset(), weights);
            b = c.bias ? params.view(c.offset() + weights, c.cout) : null;
            gb = c.bias ? grads.view(c.offset() + weights, c.cout) : null;
        }

        private Conv2dShape shape(int n) {
            return new Conv2dShape(n, c.cin, c.in().h(), c.in().w(), c.cout, c.k, c.stride, c.pad);
        }

        @Override
        void forward(Tensor x, Tensor y, int n, Pass pass) {
            ops.conv2dForward(shape(n), x, w, b, y);
        }

        @Override
        void backward(Tensor x, Tensor y, Tensor dy, @Nullable Tensor dx, int n) {
            Conv2dShape s = shape(n);
            ops.conv2dBackwardFilter(s, x, dy, gw, gb);
            if (dx != null) {
                ops.conv2dBackwardData(s, dy, w, dx);
            }
        }
    }

    private final class NormLayer extends DeviceLayer {
        private final BatchNorm bn;
        private final Tensor gamma;
        private final Tensor beta;
        private final Tensor runMean;
        private final Tensor runVar;
        private final Tensor dgamma;
        private final Tensor dbeta;
        private final Tensor mean;
        private final Tensor var;
        private final Tensor xhat;
        private boolean trained;

        NormLayer(BatchNorm bn) {
            super(bn);
            this.bn = bn;
            int c = bn.channels;
            int o = bn.offset();
            gamma = params.view(o, c);
            beta = params.view(o + c, c);
            runMean = params.view(o + 2 * c, c);
            runVar = params.view(o + 3 * c, c);
            dgamma = grads.view(o, c);
            dbeta = grads.view(o + c, c);
            mean = ops.allocate(c);
            var = ops.allocate(c);
            xhat = ops.allocate(maxBatch * bn.in().size());
            running.add(new int[] { o + 2 * c, 2 * c });
        }

        @Override
        void forward(Tensor x, Tensor y, int n, Pass pass) {
            int m = n * bn.spatial;
            trained = pass.training() && m > 1;
            if (trained) {
                ops.batchNormStatistics(n, bn.channels, bn.spatial, x, mean, var);
                ops.batchNormRunningUpdate(m, BatchNorm.MOMENTUM, mean, var, runMean, runVar);
            }
            ops.batchNormForward(n, bn.channels, bn.spatial, x, trained ? mean : runMean, trained ? var : runVar,
                    BatchNorm.EPS, gamma, beta, head(xhat, y.size()), y);
        }

        @Override
        void backward(Tensor x, Tensor y, Tensor dy, @Nullable Tensor dx, int n) {
            ops.batchNormBackward(n, bn.channels, bn.spatial, dy, head(xhat, dy.size()), trained ? var : runVar,
                    BatchNorm.EPS, gamma, trained, dx, dgamma, dbeta);
        }
    }

    private final class ActivationLayer extends DeviceLayer {
        private final org.descent.compute.Activation f;

        ActivationLayer(Nonlinearity l) {
            super(l);
            this.f = of(l.f);
        }

        @Override
        void forward(Tensor x, Tensor y, int n, Pass pass) {
            ops.activation(f, x, y);
        }

        @Override
        void backward(Tensor x, Tensor y, Tensor dy, @Nullable Tensor dx, int n) {
            if (dx != null) {
                ops.activationBackward(f, y, dy, dx);
            }
        }
    }

    private final class PoolLayer extends DeviceLayer {
        private final Pool2d p;

        PoolLayer(Pool2d p) {
            super(p);
            this.p = p;
        }

        private Pool2dShape shape(int n) {
            return new Pool2dShape(n, p.in().c(), p.in().h(), p.in().w(), p.k, p.k);
        }

        @Override
        void forward(Tensor x, Tensor y, int n, Pass pass) {
            ops.pool2dForward(shape(n), p.max, x, y);
        }

        @Override
        void backward(Tensor x, Tensor y, Tensor dy, @Nullable Tensor dx, int n) {
            if (dx != null) {
                ops.pool2dBackward(shape(n), p.max, x, dy, dx);
            }
        }
    }

    private final class DropoutLayer extends DeviceLayer {
        private final Dropout d;
        private final Tensor mask;
        private boolean masked;

        DropoutLayer(Dropout d, int batch) {
            super(d);
            this.d = d;
            this.mask = ops.allocate(batch * d.in().size());
        }

        @Override
        void forward(Tensor x, Tensor y, int n, Pass pass) {
            masked = pass.training() && d.rate > 0;
            if (masked) {
                ops.dropout(pass.random().nextLong(), d.rate, x, head(mask, x.size()), y);
            } else {
                ops.copy(x, y);
            }
        }

        @Override
        void backward(Tensor x, Tensor y, Tensor dy, @Nullable Tensor dx, int n) {
            if (dx == null) {
                return;
            }
            if (masked) {
                ops.mul(dy, head(mask, dy.size()), dx);
            } else {
                ops.copy(dy, dx);
            }
        }
    }

    private final class ResidualLayer extends DeviceLayer {
        private final Residual r;
        private final DeviceStack main;
        private final @Nullable DeviceStack projection;
        private final Tensor sum;
        private final Tensor dsum;
        private final @Nullable Tensor shortcut;
        private final @Nullable Tensor dshort;

        ResidualLayer(Residual r, int batch) {
            super(r);
            this.r = r;
            this.main = new DeviceStack(r.main.layers(), batch);
            Stack p = r.projection;
            this.projection = p == null ? null : new DeviceStack(p.layers(), batch);
            this.sum = ops.allocate(batch * r.out().size());
            this.dsum = ops.allocate(batch * r.out().size());
            boolean subsampled = p == null && !r.in().equals(r.out());
            this.shortcut = subsampled ? ops.allocate(batch * r.out().size()) : null;
            this.dshort = p != null ? ops.allocate(batch * r.in().size()) : null;
        }

        @Override
        void forward(Tensor x, Tensor y, int n, Pass pass) {
            Tensor f = main.forward(x, n, pass);
            DeviceStack p = projection;
            Tensor sc;
            if (p != null) {
                sc = p.forward(x, n, pass);
            } else if (shortcut != null) {
                sc = head(shortcut, y.size());
                ops.subsample(n, r.in().c(), r.in().h(), r.in().w(), r.out().c(), r.out().h(), r.out().w(), r.stride, x, sc);
            } else {
                sc = x;
            }
            Tensor s = head(sum, y.size());
            ops.add(f, sc, s);
            ops.activation(org.descent.compute.Activation.RELU, s, y);
        }

        @Override
        void backward(Tensor x, Tensor y, Tensor dy, @Nullable Tensor dx, int n) {
            Tensor ds = head(dsum, dy.size());
            ops.activationBackward(org.descent.compute.Activation.RELU, y, dy, ds);
            main.backward(ds, dx, n);
            DeviceStack p = projection;
            if (p != null) {
                Tensor d = dshort == null ? null : head(dshort, x.size());
                p.backward(ds, dx == null ? null : d, n);
                if (dx != null && d != null) {
                    ops.add(dx, d, dx);
                }
            } else if (dx != null) {
                if (shortcut != null) {
                    ops.subsampleBackward(n, r.in().c(), r.in().h(), r.in().w(), r.out().c(), r.out().h(), r.out().w(),
                            r.stride, ds, dx);
                } else {
                    ops.axpy(1, ds, dx);
                }
            }
        }
    }
}
