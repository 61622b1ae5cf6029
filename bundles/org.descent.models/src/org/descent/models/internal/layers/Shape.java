package org.descent.models.internal.layers;

/**
 * One example's activations: {@code c} channels of {@code h x w} values, stored channel by
 * channel, row by row. A flat vector of width {@code n} is {@code n x 1 x 1}.
 */
public record Shape(int c, int h, int w) {

    public static Shape flat(int width) {
        return new Shape(width, 1, 1);
    }

    /** Values per example. */
    public int size() {
        return c * h * w;
    }

    public boolean isFlat() {
        return h == 1 && w == 1;
    }

    public int[] dims() {
        return isFlat() ? new int[] { c } : new int[] { c, h, w };
    }

    @Override
    public String toString() {
        return isFlat() ? Integer.toString(c) : c + "x" + h + "x" + w;
    }
}
