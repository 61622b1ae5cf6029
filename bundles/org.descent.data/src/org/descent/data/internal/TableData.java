package org.descent.data.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.descent.core.Data;
import org.descent.core.DataShape;

/** Turns a numeric table into a data set: one label column as target, the rest as inputs. */
final class TableData {

    private TableData() {
    }

    /**
     * @param labelColumn index of the target column
     * @param task {@code auto}, {@code classification} or {@code regression}
     * @param standardize scale every input column to mean 0 and standard deviation 1
     */
    static Data of(String name, CsvTable t, int labelColumn, String task, boolean standardize) {
        int d = t.columns - 1;
        double[] x = new double[t.rows * d];
        double[] y = new double[t.rows];
        List<String> names = new ArrayList<>();
        for (int c = 0; c < t.columns; c++) {
            if (c != labelColumn) {
                names.add(t.header.get(c));
            }
        }
        Set<Double> distinct = new HashSet<>();
        boolean integral = true;
        double max = 0;
        for (int r = 0; r < t.rows; r++) {
            int k = 0;
            for (int c = 0; c < t.columns; c++) {
                double v = t.values[r * t.columns + c];
                if (c == labelColumn) {
                    y[r] = v;
                    integral &= v == Math.rint(v) && v >= 0;
                    max = Math.max(max, v);
                    distinct.add(v);
                } else {
                    x[r * d + k++] = v;
                }
            }
        }
        boolean classes = isClassification(name, "column '" + t.header.get(labelColumn) + "'", integral,
                distinct.size(), max, task);
        if (standardize) {
            standardize(x, t.rows, d);
        }
        int k = classes ? (int) max + 1 : 0;
        return new Data(name, new DataShape(t.rows, d, 1, k), x, y, names);
    }

    /** Scales every column of a row-major {@code rows × d} table to mean 0 and standard deviation 1. */
    static void standardize(double[] x, int rows, int d) {
        for (int c = 0; c < d; c++) {
            double mean = 0;
            for (int r = 0; r < rows; r++) {
                mean += x[r * d + c];
            }
            mean /= rows;
            double var = 0;
            for (int r = 0; r < rows; r++) {
                double e = x[r * d + c] - mean;
                var += e * e;
            }
            double sd = Math.sqrt(var / rows);
            for (int r = 0; r < rows; r++) {
                x[r * d + c] = sd > 0 ? (x[r * d + c] - mean) / sd : 0;
            }
        }
    }

    /**
     * The number of classes of a target column: {@code max + 1} for class numbers, 0 for real
     * values (regression).
     *
     * @param column the target column as messages name it, e.g. {@code array 'y'}
     * @param task {@code auto}, {@code classification} or {@code regression}
     */
    static int classes(String name, String column, double[] y, String task) {
        Set<Double> distinct = new HashSet<>();
        boolean integral = true;
        double max = 0;
        for (double v : y) {
            integral &= v == Math.rint(v) && v >= 0;
            max = Math.max(max, v);
            if (distinct.size() <= 100) {
                distinct.add(v);
            }
        }
        return isClassification(name, column, integral, distinct.size(), max, task) ? (int) max + 1 : 0;
    }

    private static boolean isClassification(String name, String column, boolean integral, int distinct, double max,
            String task) {
        return switch (task) {
        case "classification" -> {
            if (!integral || max >= Integer.MAX_VALUE) {
                throw new IllegalArgumentException(name + ": " + column
                        + " must hold class numbers 0, 1, 2, ... for task=classification");
            }
            yield true;
        }
        case "regression" -> false;
        default -> integral && distinct <= 100 && max < 1000;
        };
    }
}
