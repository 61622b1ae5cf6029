package org.descent.ui.analysis.internal;

import java.util.Arrays;
import java.util.TreeSet;

import org.descent.core.AnalysisResult;

/**
 * A function on a grid read from a table of (x, y, value) rows in any order: the distinct x and
 * y values ascending and {@code z[j][i]} at {@code (x[i], y[j])}; cells without a row are NaN.
 *
 * @param x distinct x values, ascending
 * @param y distinct y values, ascending
 * @param z values, one row per y
 */
public record Grid(double[] x, double[] y, double[][] z) {

    /** The grid of three columns of a table. */
    public static Grid of(AnalysisResult.Table t, String xColumn, String yColumn, String valueColumn) {
        double[] xs = t.column(xColumn);
        double[] ys = t.column(yColumn);
        double[] vs = t.column(valueColumn);
        double[] x = distinct(xs);
        double[] y = distinct(ys);
        double[][] z = new double[y.length][x.length];
        for (double[] row : z) {
            Arrays.fill(row, Double.NaN);
        }
        for (int r = 0; r < vs.length; r++) {
            z[Arrays.binarySearch(y, ys[r])][Arrays.binarySearch(x, xs[r])] = vs[r];
        }
        return new Grid(x, y, z);
    }

    private static double[] distinct(double[] v) {
        TreeSet<Double> s = new TreeSet<>();
        for (double d : v) {
            s.add(d);
        }
        return s.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The largest value below infinity, or NaN. */
    public double max() {
        double m = Double.NaN;
        for (double[] row : z) {
            for (double v : row) {
                if (Double.isFinite(v) && !(v <= m)) {
                    m = v;
                }
            }
        }
        return m;
    }
}
