package org.descent.compute;

/**
 * The geometry of a 2-D convolution as {@code nn.Conv2d} (cross-correlation, square kernel, the
 * same stride and zero padding in both directions): input {@code x[batch][inChannels][height][width]},
 * weights {@code w[outChannels][inChannels][kernel][kernel]}, bias {@code b[outChannels]}, output
 * {@code y[batch][outChannels][outHeight()][outWidth()]} with
 * {@code y[n][o][i][j] = b[o] + Σ_{c,ki,kj} w[o][c][ki][kj]·x[n][c][i·stride − padding + ki][j·stride − padding + kj]}
 * (values outside the image are zero).
 *
 * @since 0.1.0
 */
public record Conv2dShape(int batch, int inChannels, int height, int width, int outChannels, int kernel, int stride,
        int padding) {

    public Conv2dShape {
        if (batch < 1 || inChannels < 1 || height < 1 || width < 1 || outChannels < 1 || kernel < 1 || stride < 1
                || padding < 0) {
            throw new IllegalArgumentException("bad convolution geometry: " + this);
        }
        if (height + 2 * padding < kernel || width + 2 * padding < kernel) {
            throw new IllegalArgumentException("a " + kernel + "x" + kernel + " kernel does not fit a padded "
                    + height + "x" + width + " input: " + this);
        }
    }

    /** {@code (height + 2·padding − kernel)/stride + 1}. */
    public int outHeight() {
        return (height + 2 * padding - kernel) / stride + 1;
    }

    /** {@code (width + 2·padding − kernel)/stride + 1}. */
    public int outWidth() {
        return (width + 2 * padding - kernel) / stride + 1;
    }

    /** Values of x: batch·inChannels·height·width. */
    public int inputSize() {
        return batch * inChannels * height * width;
    }

    /** Values of y: batch·outChannels·outHeight·outWidth. */
    public int outputSize() {
        return batch * outChannels * outHeight() * outWidth();
    }

    /** Values of w: outChannels·inChannels·kernel². */
    public int weightSize() {
        return outChannels * inChannels * kernel * kernel;
    }

    /** Multiply-adds of the forward pass (each backward pass costs the same). */
    public long multiplyAdds() {
        return (long) outputSize() * inChannels * kernel * kernel;
    }
}
