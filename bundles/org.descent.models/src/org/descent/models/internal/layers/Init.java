package org.descent.models.internal.layers;

import java.util.Locale;

import org.descent.core.SplitMix64;

/**
 * Weight initialisations. {@code uniform} is PyTorch's default for {@code nn.Linear} and
 * {@code nn.Conv2d} (weights and biases uniform in ±1/√fan_in); the Glorot and He schemes set the
 * weights as {@code torch.nn.init} does and the biases to zero; {@code gaussian} draws weights
 * from N(0, std²).
 */
public enum Init {
    UNIFORM("uniform"), ZEROS("zeros"), XAVIER_UNIFORM("xavier-uniform"), XAVIER_NORMAL("xavier-normal"),
    HE_UNIFORM("he-uniform"), HE_NORMAL("he-normal"), GAUSSIAN("gaussian");

    private final String id;

    Init(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** The scheme with this id (as declared in plugin.xml). */
    public static Init parse(String id) {
        for (Init i : values()) {
            if (i.id.equals(id.toLowerCase(Locale.ROOT))) {
                return i;
            }
        }
        throw new IllegalArgumentException("unknown initialisation '" + id + "'");
    }

    /**
     * Fills weights {@code [fanOut][fanIn]} (any trailing kernel dimensions folded into fanIn and
     * fanOut by the caller) and the bias.
     *
     * @param std the standard deviation of {@link #GAUSSIAN}
     */
    public void fill(double[] p, int weightFrom, int weightCount, int biasFrom, int biasCount, int fanIn, int fanOut,
            double std, SplitMix64 r) {
        double bound = 1 / Math.sqrt(fanIn);
        for (int i = weightFrom; i < weightFrom + weightCount; i++) {
            p[i] = switch (this) {
            case UNIFORM -> (2 * r.nextDouble() - 1) * bound;
            case ZEROS -> 0;
            case XAVIER_UNIFORM -> (2 * r.nextDouble() - 1) * Math.sqrt(6.0 / (fanIn + fanOut));
            case XAVIER_NORMAL -> r.nextGaussian() * Math.sqrt(2.0 / (fanIn + fanOut));
            case HE_UNIFORM -> (2 * r.nextDouble() - 1) * Math.sqrt(6.0 / fanIn);
            case HE_NORMAL -> r.nextGaussian() * Math.sqrt(2.0 / fanIn);
            case GAUSSIAN -> r.nextGaussian() * std;
            };
        }
        for (int i = biasFrom; i < biasFrom + biasCount; i++) {
            p[i] = this == UNIFORM ? (2 * r.nextDouble() - 1) * bound : 0;
        }
    }
}
