package org.descent.models.internal;

import org.descent.core.DataShape;
import org.descent.models.internal.layers.Shape;

/** How convolutional models read a flat input row as an image. */
final class ImageShapes {

    private ImageShapes() {
    }

    /**
     * {@code CxHxW} as given, or for {@code auto} a square: 1 channel when the width is a square
     * number (64 → 1x8x8, 784 → 1x28x28), else 3 channels (3072 → 3x32x32).
     *
     * @throws IllegalArgumentException naming the hyperparameter and the data width when it does
     *             not fit
     */
    static Shape parse(String text, DataShape data, String owner) {
        int d = data.inputDim();
        if (text.equals("auto")) {
            for (int c : new int[] { 1, 3 }) {
                int side = (int) Math.round(Math.sqrt(d / (double) c));
                if (c * side * side == d) {
                    return new Shape(c, side, side);
                }
            }
            throw new IllegalArgumentException(owner + ": hyperparameter 'input': the data has " + d
                    + " values per row, which is no square image of 1 or 3 channels; give input=CxHxW");
        }
        String[] parts = text.split("x");
        try {
            if (parts.length == 3) {
                Shape s = new Shape(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
                if (s.c() > 0 && s.h() > 0 && s.w() > 0 && s.size() == d) {
                    return s;
                }
                throw new IllegalArgumentException(owner + ": hyperparameter 'input': " + text + " holds " + s.size()
                        + " values but the data has " + d + " per row");
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(owner + ": hyperparameter 'input': '" + text
                + "' is not valid, expected auto or CxHxW such as 1x28x28");
    }
}
