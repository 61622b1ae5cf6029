package org.descent.models.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.descent.compute.Backends;
import org.descent.compute.Device;
import org.descent.core.DataShape;
import org.descent.core.LossFunction;
import org.descent.core.ParameterBlock;
import org.descent.core.Precision;
import org.descent.core.Settings;
import org.descent.models.internal.layers.BatchNorm;
import org.descent.models.internal.layers.BinaryDense;
import org.descent.models.internal.layers.Dense;
import org.descent.models.internal.layers.Dropout;
import org.descent.models.internal.layers.Gemm;
import org.descent.models.internal.layers.Init;
import org.descent.models.internal.layers.Layer;
import org.descent.models.internal.layers.LayerNetwork;
import org.descent.models.internal.layers.Nonlinearity;
import org.descent.models.internal.layers.Shape;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The multilayer perceptron: hidden layers of dense (or binary) units, each followed by batch
 * normalization (before or after the nonlinearity), the nonlinearity and dropout as configured,
 * then a dense output layer. Layers are named layer1, bn1, relu1, dropout1, ..., layerL. In fp64
 * it runs on the layer framework (per-layer statistics, every option); a plain network (no
 * dropout, batch normalization or binary layers) also runs in fp32 on {@link DenseNetwork}'s
 * kernels, with the same parameter layout and initial values.
 */
public final class Mlp extends LayerNetwork {

    private int[] hidden = { 64, 32 };
    private Activation activation = Activation.RELU;
    private Init init = Init.UNIFORM;
    private double initStd = 0.01;
    private boolean bias = true;
    private double dropout;
    private String batchnorm = "none";
    private String binary = "none";
    private boolean keepFirstLast;
    private @Nullable DenseNetwork fp32;

    @Override
    public void configure(Settings s) {
        super.configure(s);
        if (s.has("hidden")) {
            hidden = DenseNetwork.parseHidden(s.getString("hidden"), owner);
        }
        if (s.has("activation")) {
            activation = Activation.parse(s.getString("activation"));
        }
        if (s.has("init")) {
            init = Init.parse(s.getString("init"));
        }
        initStd = s.getDouble("init_std");
        bias = s.getBoolean("bias");
        dropout = s.getDouble("dropout");
        if (s.has("batchnorm")) {
            batchnorm = s.getString("batchnorm");
        }
        if (s.has("binary")) {
            binary = s.getString("binary");
        }
        keepFirstLast = s.getBoolean("keep_first_last");
    }

    /** Whether only the fp32-capable dense kernels are needed. */
    private boolean plain() {
        return dropout == 0 && batchnorm.equals("none") && binary.equals("none") && bias;
    }

    @Override
    protected List<Layer> layers(Shape input, int outputWidth, Gemm gemm) {
        List<Layer> layers = new ArrayList<>();
        Shape at = input;
        int count = hidden.length + 1;
        for (int l = 1; l <= count; l++) {
            int width = l < count ? hidden[l - 1] : outputWidth;
            boolean binaryLayer = !binary.equals("none") && (!keepFirstLast || l > 1 && l < count);
            Layer dense = binaryLayer ? new BinaryDense("layer" + l, at, width, binary.equals("xnor"), init, gemm)
                    : new Dense("layer" + l, at, width, bias, init, initStd, gemm);
            layers.add(dense);
            at = dense.out();
            if (l == count) {
                break;
            }
            if (batchnorm.equals("before")) {
                layers.add(new BatchNorm("bn" + l, at));
            }
            layers.add(new Nonlinearity(activation.name().toLowerCase(Locale.ROOT) + l, at, activation));
            if (batchnorm.equals("after")) {
                layers.add(new BatchNorm("bn" + l, at));
            }
            if (dropout > 0) {
                layers.add(new Dropout("dropout" + l, at, dropout));
            }
        }
        return layers;
    }

    @Override
    public List<ParameterBlock> bind(DataShape dataShape, LossFunction lossFunction) {
        List<ParameterBlock> blocks = super.bind(dataShape, lossFunction);
        if (plain()) {
            DenseNetwork d = DenseNetwork.plain(owner, hidden, activation);
            d.bind(dataShape, lossFunction);
            fp32 = d;
        } else {
            fp32 = null;
        }
        return blocks;
    }

    @Override
    public Evaluator evaluator(Precision precision, int maxBatch) {
        DenseNetwork d = fp32;
        if (precision == Precision.FP32 && d != null) {
            return d.evaluator(precision, maxBatch);
        }
        return super.evaluator(precision, maxBatch);
    }

    /**
     * A plain network on the cpu backend keeps {@link DenseNetwork}'s fp32 host kernels (the dense
     * fp32 path bench/cnn-vs-pytorch measured); other networks, and plain ones on other devices,
     * compute on the device.
     */
    @Override
    public boolean computesOn(Device device, Precision precision) {
        return !(fp32 != null && Backends.CPU.equals(device.backend().id())) && super.computesOn(device, precision);
    }

    @Override
    protected String fp32Hint() {
        return " (fp32 is offered for every option but binary layers)";
    }
}
