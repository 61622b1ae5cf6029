package org.descent.analysis.landscape.internal;

import java.util.List;

import org.descent.core.ParameterBlock;
import org.descent.core.SplitMix64;

/**
 * Random directions in parameter space normalized filter by filter, as in Li et al. 2018,
 * "Visualizing the Loss Landscape of Neural Nets": a Gaussian direction whose every filter (row:
 * the slice of a block along its first dimension, an output unit of a dense layer or an output
 * channel of a convolution) is rescaled to the norm of the same filter of the weights, so that
 * the scale invariance of ReLU networks does not distort the picture.
 */
public final class Directions {

    private Directions() {
    }

    /**
     * A filter-normalized Gaussian direction.
     *
     * @param random draws one standard normal value for every entry of every trainable block with
     *            two or more dimensions, in the flat parameter order
     * @param biases whether one-dimensional trainable blocks (biases, batch-norm scales and shifts)
     *            get the weights themselves as direction (Li et al.'s code without
     *            {@code ignore='biasbn'}); otherwise they get zero
     * @return the direction; buffer blocks are always zero
     */
    public static double[] filterNormalized(List<ParameterBlock> blocks, double[] theta, SplitMix64 random, boolean biases) {
        double[] d = new double[theta.length];
        for (ParameterBlock b : blocks) {
            if (b.buffer()) {
                continue;
            }
            int[] shape = b.shape();
            if (shape.length < 2) {
                if (biases) {
                    System.arraycopy(theta, b.offset(), d, b.offset(), b.size());
                }
                continue;
            }
            int filters = shape[0];
            int width = filters == 0 ? 0 : b.size() / filters;
            for (int f = 0; f < filters; f++) {
                int from = b.offset() + f * width;
                double dn = 0;
                double wn = 0;
                for (int i = from; i < from + width; i++) {
                    double g = random.nextGaussian();
                    d[i] = g;
                    dn += g * g;
                    wn += theta[i] * theta[i];
                }
                double scale = dn == 0 ? 0 : Math.sqrt(wn / dn);
                for (int i = from; i < from + width; i++) {
                    d[i] *= scale;
                }
            }
        }
        return d;
    }
}
