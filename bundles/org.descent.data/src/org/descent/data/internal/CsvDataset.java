package org.descent.data.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.descent.core.Data;
import org.descent.core.DataShape;
import org.descent.core.InputFile;
import org.descent.core.Dataset;
import org.descent.core.Settings;
import org.eclipse.core.runtime.IProgressMonitor;

/**
 * A numeric CSV file: one column is the target (the last unless {@code label} names one), the
 * others are inputs; a file of one column is a sample for the density models.
 */
public final class CsvDataset implements Dataset {

    private String path = "";
    private String label = "";
    private boolean header;
    private String task = "auto";
    private boolean standardize;

    @Override
    public void configure(Settings s) {
        path = s.getString("path");
        label = s.getString("label");
        header = s.getBoolean("header");
        task = s.getString("task");
        standardize = s.getBoolean("standardize");
        if (path.isBlank()) {
            throw new IllegalArgumentException(s.owner() + " needs path=FILE (csv:path=data.csv,label=y)");
        }
    }

    @Override
    public Data load(IProgressMonitor monitor) throws IOException {
        Path file = InputFile.check(Path.of(path), "csv: path=" + path);
        CsvTable table;
        try (InputStream in = Files.newInputStream(file)) {
            table = CsvTable.read(in, path, header, monitor);
        }
        String name = file.getFileName().toString();
        if (table.columns == 1) {
            return sample(name, table);
        }
        int labelColumn = table.columns - 1;
        if (!label.isEmpty()) {
            labelColumn = table.header.indexOf(label);
            if (labelColumn < 0) {
                try {
                    labelColumn = Integer.parseInt(label) - 1;
                } catch (NumberFormatException e) {
                    labelColumn = -1;
                }
            }
            if (labelColumn < 0 || labelColumn >= table.columns) {
                throw new IllegalArgumentException("csv: label=" + label + ": " + path + " has no such column; columns are "
                        + String.join(", ", table.header) + " (or a number 1.." + table.columns + ")");
            }
        }
        return TableData.of(name, table, labelColumn, task, standardize);
    }

    /**
     * A one-column file is a sample, as the density models {@code gaussian} and {@code mixture}
     * fit it: each value is both the input and the target (as {@code bimodal}'s are).
     */
    private Data sample(String name, CsvTable table) {
        if (!label.isEmpty() && !label.equals(table.header.get(0)) && !label.equals("1")) {
            throw new IllegalArgumentException("csv: label=" + label + ": " + path + " has one column, "
                    + table.header.get(0));
        }
        if ("classification".equals(task)) {
            throw new IllegalArgumentException("csv: task=classification: " + path
                    + " has one column, a sample of real values; classification needs inputs and a label column");
        }
        double[] x = table.values.clone();
        if (standardize) {
            TableData.standardize(x, table.rows, 1);
        }
        return new Data(name, new DataShape(table.rows, 1, 1, 0), x, table.values.clone(), List.of(table.header.get(0)));
    }
}
