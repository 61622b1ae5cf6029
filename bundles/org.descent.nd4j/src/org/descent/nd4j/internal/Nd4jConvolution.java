package org.descent.nd4j.internal;

import java.util.Arrays;

import org.descent.compute.Conv2dShape;
import org.descent.compute.HostConvolution;
import org.eclipse.jdt.annotation.Nullable;
import org.nd4j.enums.WeightsFormat;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.factory.Nd4j;
import org.osgi.service.component.annotations.Component;

/**
 * ND4J's own convolution ({@code Nd4j.cnn().conv2d}, NCHW data, OIYX weights, explicit padding)
 * as a candidate of the cpu backend's autotuning. The arrays are copied into ND4J's native
 * buffers and the result back, a cost the measurement includes. ND4J computes on one thread, as
 * the OpenBLAS binding does: its own OpenMP threads would run beside the cpu device's (on every
 * core, and spinning after each call), so that a digits CNN at batch 128 on a 2-thread device that
 * had chosen this convolution trained 2.5x slower than with the backend's own (3.4 to 8.3 s for
 * 400 steps).
 */
@Component(service = HostConvolution.class)
public final class Nd4jConvolution implements HostConvolution {

    /** ND4J on one thread, set at the first convolution (loading ND4J takes a second or two). */
    private static final class OneThread {
        static {
            Nd4j.getEnvironment().setMaxThreads(1);
            Nd4j.getEnvironment().setMaxMasterThreads(1);
        }

        static void set() {
            // the class's initialisation does it, once
        }
    }

    @Override
    public String id() {
        return "nd4j";
    }

    private static Conv2DConfig config(Conv2dShape s) {
        return Conv2DConfig.builder().kH(s.kernel()).kW(s.kernel()).sH(s.stride()).sW(s.stride()).pH(s.padding())
                .pW(s.padding()).dH(1).dW(1).paddingMode(PaddingMode.VALID).dataFormat("NCHW")
                .weightsFormat(WeightsFormat.OIYX).build();
    }

    private static long[] input(Conv2dShape s) {
        return new long[] { s.batch(), s.inChannels(), s.height(), s.width() };
    }

    private static long[] weights(Conv2dShape s) {
        return new long[] { s.outChannels(), s.inChannels(), s.kernel(), s.kernel() };
    }

    private static long[] bias(Conv2dShape s) {
        return new long[] { s.outChannels() };
    }

    @Override
    public void conv2dForward(Conv2dShape s, float[] x, int xo, float[] w, int wo, float @Nullable [] bias, int bo,
            float[] y, int yo) {
        OneThread.set();
        INDArray in = Nd4j.create(Arrays.copyOfRange(x, xo, xo + s.inputSize()), input(s), 'c');
        INDArray k = Nd4j.create(Arrays.copyOfRange(w, wo, wo + s.weightSize()), weights(s), 'c');
        INDArray out = bias == null ? Nd4j.cnn().conv2d(in, k, config(s))
                : Nd4j.cnn().conv2d(in, k, Nd4j.create(Arrays.copyOfRange(bias, bo, bo + s.outChannels()), bias(s), 'c'),
                        config(s));
        float[] values = out.dup('c').data().asFloat();
        System.arraycopy(values, 0, y, yo, s.outputSize());
    }

    @Override
    public void conv2dForward(Conv2dShape s, double[] x, int xo, double[] w, int wo, double @Nullable [] bias, int bo,
            double[] y, int yo) {
        OneThread.set();
        INDArray in = Nd4j.create(Arrays.copyOfRange(x, xo, xo + s.inputSize()), input(s), 'c');
        INDArray k = Nd4j.create(Arrays.copyOfRange(w, wo, wo + s.weightSize()), weights(s), 'c');
        INDArray out = bias == null ? Nd4j.cnn().conv2d(in, k, config(s))
                : Nd4j.cnn().conv2d(in, k, Nd4j.create(Arrays.copyOfRange(bias, bo, bo + s.outChannels()), bias(s), 'c'),
                        config(s));
        double[] values = out.dup('c').data().asDouble();
        System.arraycopy(values, 0, y, yo, s.outputSize());
    }
}
