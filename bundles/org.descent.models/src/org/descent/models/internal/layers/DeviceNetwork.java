package org.descent.models.internal.layers;

import java.util.ArrayList;
import java.util.List;

import org.descent.compute.Conv2dShape;
import org.descent.compute.Ops;
import org.descent.compute.Pool2dShape;
import org.descent.compute.Tensor;
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
 * uploads the parameters and the batch once and downloads the outputs (and the gradient, and the
 * running statistics a training pass updates) once; the loss runs on the host on the downloaded
 * outputs, its gradient goes back up once.
 */
final class DeviceNetwork implements Model.Evaluator {

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
    private final DataShape shape;
    private final int outputs;
    private final int maxBatch;
    private final int inputSize;
    private final int size;
    private final Tensor params;
    private final Tensor grads;
    private final Tensor input;
    private final Tensor dOut;
    private final double[] out;
    private final double[] dOutHost;
    /** Offsets and lengths of the running statistics a training pass writes back into the parameters. */
    private final List<int[]> running = new ArrayList<>();

    DeviceNetwork(Stack host, Ops ops, LossFunction loss, DataShape shape, int outputs, int maxBatch) {
        this.ops = ops;
        this.loss = loss;
        this.shape = shape;
        this.outputs = outputs;
        this.maxBatch = maxBatch;
        this.inputSize = host.in().size();
        this.size = host.parameterCount();
        this.params = ops.allocate(Math.max(1, size));
        this.grads = ops.allocate(Math.max(1, size));
        this.input = ops.allocate(maxBatch * inputSize);
        this.dOut = ops.allocate(maxBatch * outputs);
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
        int n = batch.size();
        if (n > maxBatch) {
            throw new IllegalArgumentException("a batch of " + n + " rows exceeds this evaluator's " + maxBatch);
        }
        params.write(parameters, 0, 0, size);
        input.write(batch.inputs(), 0, 0, n * inputSize);
        Tensor y = stack.forward(input.view(0, n * inputSize), n, new Pass(batch.training(), new SplitMix64(batch.seed())));
        y.read(0, out, 0, n * outputs);
        if (batch.training()) {
            for (int[] r : running) {
                params.read(r[0], parameters, r[0], r[1]);
            }
        }
        return out;
    }

    @Override
    public double lossAndGradient(double[] parameters, Batch batch, double[] gradient) {
        int n = batch.size();
        forward(parameters, batch);
        double value = loss.evaluate(n, shape, out, batch.targets(), dOutHost);
        dOut.write(dOutHost, 0, 0, n * outputs);
        ops.fill(grads, 0);
        stack.backward(dOut.view(0, n * outputs), null, n);
        grads.read(0, gradient, 0, size);
        return value;
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
