package org.descent.compute;

/**
 * The geometry of 2-D pooling over square windows without padding: input
 * {@code x[batch][channels][height][width]}, output {@code y[batch][channels][outHeight()][outWidth()]},
 * window (i, j) covering rows {@code i·stride .. i·stride + kernel − 1} and the same columns
 * ({@code nn.MaxPool2d(kernel, stride)}, {@code nn.AvgPool2d(kernel, stride)}).
 *
 * @since 0.1.0
 */
public record Pool2dShape(int batch, int channels, int height, int width, int kernel, int stride) {

    public Pool2dShape {
        if (batch < 1 || channels < 1 || kernel < 1 || stride < 1 || height < kernel || width < kernel) {
            throw new IllegalArgumentException("bad pooling geometry: " + this);
        }
    }

    /** {@code (height − kernel)/stride + 1}. */
    public int outHeight() {
        return (height - kernel) / stride + 1;
    }

    /** {@code (width − kernel)/stride + 1}. */
    public int outWidth() {
        return (width - kernel) / stride + 1;
    }

    /** Values of x. */
    public int inputSize() {
        return batch * channels * height * width;
    }

    /** Values of y. */
    public int outputSize() {
        return batch * channels * outHeight() * outWidth();
    }
}
