package org.descent.models.internal;

import java.util.ArrayList;
import java.util.List;

import org.descent.core.DataShape;
import org.descent.core.Settings;
import org.descent.models.internal.layers.BatchNorm;
import org.descent.models.internal.layers.Conv2d;
import org.descent.models.internal.layers.Dense;
import org.descent.models.internal.layers.Gemm;
import org.descent.models.internal.layers.Init;
import org.descent.models.internal.layers.Layer;
import org.descent.models.internal.layers.LayerNetwork;
import org.descent.models.internal.layers.Nonlinearity;
import org.descent.models.internal.layers.Pool2d;
import org.descent.models.internal.layers.Residual;
import org.descent.models.internal.layers.Shape;
import org.descent.models.internal.layers.Stack;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The CIFAR ResNets of He et al. (2016), depth 6n+2: a 3x3 convolution to {@code width}
 * channels, three stages of n basic blocks (conv-bn-relu-conv-bn plus shortcut, then ReLU) with
 * width, 2·width and 4·width channels, the first block of stages 2 and 3 halving the resolution;
 * global average pooling and a dense output. n=3 is ResNet-20, n=5 ResNet-32, n=9 ResNet-56.
 */
public final class ResNet extends LayerNetwork {

    private String input = "auto";
    private int n = 3;
    private int width = 16;
    private String shortcut = "a";
    private Init init = Init.HE_NORMAL;

    @Override
    public void configure(Settings s) {
        super.configure(s);
        input = s.has("input") ? s.getString("input") : input;
        n = s.has("n") ? s.getInt("n") : n;
        width = s.has("width") ? s.getInt("width") : width;
        shortcut = s.has("shortcut") ? s.getString("shortcut") : shortcut;
        if (s.has("init")) {
            init = Init.parse(s.getString("init"));
        }
    }

    @Override
    protected Shape inputShape(DataShape data) {
        Shape s = ImageShapes.parse(input, data, owner);
        if (s.h() != s.w() || s.h() % 4 != 0) {
            throw new IllegalArgumentException(owner + ": hyperparameter 'input': resnet needs square images whose side"
                    + " is a multiple of 4 (two stages halve it, then global pooling), not " + s);
        }
        return s;
    }

    /** Number of weight layers: 6n+2. */
    public int depth() {
        return 6 * n + 2;
    }

    @Override
    protected List<Layer> layers(Shape in, int outputWidth, Gemm gemm) {
        List<Layer> layers = new ArrayList<>();
        Layer conv = new Conv2d("conv1", in, width, 3, 1, 1, false, init, gemm);
        layers.add(conv);
        Shape at = conv.out();
        layers.add(new BatchNorm("bn1", at));
        layers.add(new Nonlinearity("relu1", at, Activation.RELU));
        for (int stage = 1; stage <= 3; stage++) {
            int channels = width << (stage - 1);
            for (int b = 1; b <= n; b++) {
                int stride = stage > 1 && b == 1 ? 2 : 1;
                String name = "stage" + stage + ".block" + b;
                List<Layer> main = new ArrayList<>();
                Layer c1 = new Conv2d(name + ".conv1", at, channels, 3, stride, 1, false, init, gemm);
                main.add(c1);
                main.add(new BatchNorm(name + ".bn1", c1.out()));
                main.add(new Nonlinearity(name + ".relu1", c1.out(), Activation.RELU));
                Layer c2 = new Conv2d(name + ".conv2", c1.out(), channels, 3, 1, 1, false, init, gemm);
                main.add(c2);
                main.add(new BatchNorm(name + ".bn2", c2.out()));
                @Nullable
                Stack projection = null;
                if (shortcut.equals("b") && (stride != 1 || channels != at.c())) {
                    Layer pc = new Conv2d(name + ".shortcut.conv", at, channels, 1, stride, 0, false, init, gemm);
                    projection = new Stack(List.of(pc, new BatchNorm(name + ".shortcut.bn", pc.out())));
                }
                Layer block = new Residual(name, new Stack(main), projection);
                layers.add(block);
                at = block.out();
            }
        }
        Layer pool = new Pool2d("pool", at, at.h(), false);
        layers.add(pool);
        layers.add(new Dense("fc", pool.out(), outputWidth, true, init, 0.01, gemm));
        return layers;
    }
}
