package org.descent.ui.analysis.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.descent.core.Csv;

/**
 * A run's probes.csv ({@code step,name,value} rows) read into one series per name, in the order
 * names first appear.
 *
 * @param series by name: steps and values
 */
public record ProbesFile(Map<String, Series> series) {

    /** One probe value over the steps it was sampled at. */
    public record Series(double[] steps, double[] values) {
    }

    /**
     * Reads a probes.csv file.
     *
     * @throws IOException naming the file and line that is not {@code step,name,value}
     */
    public static ProbesFile read(Path file) throws IOException {
        Map<String, List<double[]>> rows = new LinkedHashMap<>();
        List<Csv.Row> lines;
        try {
            lines = Csv.readAll(file, file.toString());
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
        for (Csv.Row line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            if (line.size() != 3) {
                throw new IOException(file + " line " + line.line() + ": expected step,name,value");
            }
            try {
                rows.computeIfAbsent(line.cell(1), k -> new ArrayList<>()).add(new double[] {
                        Double.parseDouble(line.cell(0)), Double.parseDouble(line.cell(2)) });
            } catch (NumberFormatException e) {
                throw new IOException(file + " line " + line.line() + ": the step or the value is not a number", e);
            }
        }
        Map<String, Series> series = new LinkedHashMap<>();
        rows.forEach((name, r) -> {
            double[] s = new double[r.size()];
            double[] v = new double[r.size()];
            for (int i = 0; i < s.length; i++) {
                s[i] = r.get(i)[0];
                v[i] = r.get(i)[1];
            }
            series.put(name, new Series(s, v));
        });
        return new ProbesFile(series);
    }

    /** The distinct middle parts of names {@code prefix/PART/...} or {@code prefix/PART}, in order of appearance. */
    public List<String> parts(String prefix) {
        List<String> out = new ArrayList<>();
        for (String n : series.keySet()) {
            if (n.startsWith(prefix + "/")) {
                String rest = n.substring(prefix.length() + 1);
                int slash = rest.lastIndexOf('/');
                String part = prefix.endsWith("_hist") && slash > 0 ? rest.substring(0, slash) : rest;
                if (!out.contains(part)) {
                    out.add(part);
                }
            }
        }
        return out;
    }

    /**
     * A histogram over time: {@code prefix/LAYER/B} for buckets B; x the sampled steps, y the
     * buckets, z the fraction of values in the bucket (0 where none was written).
     */
    public Grid histogram(String prefix, String layer) {
        String head = prefix + "/" + layer + "/";
        TreeSet<Double> steps = new TreeSet<>();
        TreeSet<Integer> buckets = new TreeSet<>();
        series.forEach((n, s) -> {
            if (n.startsWith(head)) {
                buckets.add(Integer.parseInt(n.substring(head.length())));
                for (double st : s.steps()) {
                    steps.add(st);
                }
            }
        });
        double[] x = steps.stream().mapToDouble(Double::doubleValue).toArray();
        int lo = buckets.isEmpty() ? 0 : buckets.first();
        int hi = buckets.isEmpty() ? 0 : buckets.last();
        double[] y = new double[hi - lo + 1];
        for (int j = 0; j < y.length; j++) {
            y[j] = lo + j;
        }
        double[][] z = new double[y.length][x.length];
        series.forEach((n, s) -> {
            if (n.startsWith(head)) {
                int j = Integer.parseInt(n.substring(head.length())) - lo;
                for (int k = 0; k < s.steps().length; k++) {
                    z[j][java.util.Arrays.binarySearch(x, s.steps()[k])] = s.values()[k];
                }
            }
        });
        return new Grid(x, y, z);
    }
}
