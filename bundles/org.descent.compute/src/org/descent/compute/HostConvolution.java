package org.descent.compute;

import org.eclipse.jdt.annotation.Nullable;

/**
 * A library's convolution on host arrays, offered as an OSGi service to the cpu backend, which
 * measures it among its autotuning candidates ({@link Tuning}) and uses it where it wins: so a
 * library in the product (ND4J) competes by measurement without the cpu backend depending on it.
 * Arrays are laid out as {@link Conv2dShape} says, each from the given offset; y is overwritten.
 *
 * @since 0.1.0
 */
public interface HostConvolution {

    /** The implementation as tuning tables and provenance name it, e.g. {@code nd4j}. */
    String id();

    /** {@code y = conv(x, w) + bias} in fp32; no bias when null. */
    void conv2dForward(Conv2dShape s, float[] x, int xo, float[] w, int wo, float @Nullable [] bias, int bo, float[] y,
            int yo);

    /** {@code y = conv(x, w) + bias} in fp64; no bias when null. */
    void conv2dForward(Conv2dShape s, double[] x, int xo, double[] w, int wo, double @Nullable [] bias, int bo,
            double[] y, int yo);
}
