package org.descent.models.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.descent.core.DataShape;
import org.descent.core.Settings;
import org.descent.models.internal.layers.BatchNorm;
import org.descent.models.internal.layers.Conv2d;
import org.descent.models.internal.layers.Dense;
import org.descent.models.internal.layers.Dropout;
import org.descent.models.internal.layers.Gemm;
import org.descent.models.internal.layers.Init;
import org.descent.models.internal.layers.Layer;
import org.descent.models.internal.layers.LayerNetwork;
import org.descent.models.internal.layers.Nonlinearity;
import org.descent.models.internal.layers.Pool2d;
import org.descent.models.internal.layers.Shape;

/**
 * A small convolutional network for images given as flat rows (8x8 digits, 28x28 MNIST): per
 * entry of {@code channels}, a k x k convolution with same padding, optional batch
 * normalization, the nonlinearity and 2x2 max or average pooling; then dense hidden layers and a
 * dense output. Layers: conv1, bn1, relu1, pool1, ..., fc1, ..., out.
 */
public final class Cnn extends LayerNetwork {

    private String input = "auto";
    private int[] channels = { 8, 16 };
    private int kernel = 3;
    private String pool = "max";
    private boolean batchnorm;
    private int[] hidden = new int[0];
    private Activation activation = Activation.RELU;
    private double dropout;
    private Init init = Init.UNIFORM;

    @Override
    public void configure(Settings s) {
        super.configure(s);
        input = s.has("input") ? s.getString("input") : input;
        if (s.has("channels")) {
            channels = DenseNetwork.parseHidden(s.getString("channels"), owner + " (channels)");
            if (channels.length == 0) {
                throw new IllegalArgumentException(owner + ": hyperparameter 'channels' needs at least one convolution");
            }
        }
        kernel = s.has("kernel") ? s.getInt("kernel") : kernel;
        pool = s.has("pool") ? s.getString("pool") : pool;
        batchnorm = s.getBoolean("batchnorm");
        if (s.has("hidden")) {
            hidden = DenseNetwork.parseHidden(s.getString("hidden"), owner);
        }
        if (s.has("activation")) {
            activation = Activation.parse(s.getString("activation"));
        }
        dropout = s.getDouble("dropout");
        if (s.has("init")) {
            init = Init.parse(s.getString("init"));
        }
    }

    @Override
    protected Shape inputShape(DataShape data) {
        return ImageShapes.parse(input, data, owner);
    }

    @Override
    protected List<Layer> layers(Shape in, int outputWidth, Gemm gemm) {
        List<Layer> layers = new ArrayList<>();
        Shape at = in;
        String act = activation.name().toLowerCase(Locale.ROOT);
        for (int l = 1; l <= channels.length; l++) {
            Layer conv = new Conv2d("conv" + l, at, channels[l - 1], kernel, 1, kernel / 2, !batchnorm, init, gemm);
            layers.add(conv);
            at = conv.out();
            if (batchnorm) {
                layers.add(new BatchNorm("bn" + l, at));
            }
            layers.add(new Nonlinearity(act + l, at, activation));
            if (!pool.equals("none") && at.h() >= 2 && at.w() >= 2) {
                Layer p = new Pool2d("pool" + l, at, 2, pool.equals("max"));
                layers.add(p);
                at = p.out();
            }
        }
        for (int l = 1; l <= hidden.length; l++) {
            Layer fc = new Dense("fc" + l, at, hidden[l - 1], true, init, 0.01, gemm);
            layers.add(fc);
            at = fc.out();
            layers.add(new Nonlinearity(act + "_fc" + l, at, activation));
            if (dropout > 0) {
                layers.add(new Dropout("dropout" + l, at, dropout));
            }
        }
        layers.add(new Dense("out", at, outputWidth, true, init, 0.01, gemm));
        return layers;
    }
}
