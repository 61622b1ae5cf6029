package org.descent.data.internal;

/** Checks that generated data fits in memory before it is allocated. */
final class DataSizes {

    /** The most values one Java array holds. */
    static final long MAX_VALUES = Integer.MAX_VALUE - 8;

    private DataSizes() {
    }

    /**
     * {@code rows · width} as an array length.
     *
     * @throws IllegalArgumentException naming both hyperparameters when the product is too large
     */
    static int values(String owner, String rowsName, int rows, String widthName, int width) {
        long n = (long) rows * width;
        if (n > MAX_VALUES) {
            throw new IllegalArgumentException(owner + ": " + rowsName + "=" + rows + " rows of " + widthName + "=" + width
                    + " make " + n + " values, more than one array holds (" + MAX_VALUES + "); use fewer rows");
        }
        return (int) n;
    }
}
