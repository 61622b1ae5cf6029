package org.descent.data.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.descent.core.Data;
import org.descent.core.Dataset;
import org.descent.core.Settings;
import org.eclipse.core.runtime.IProgressMonitor;

/** A numeric CSV file: one column is the target (the last unless {@code label} names one). */
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
        Path file = Path.of(path);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("csv: path=" + path + ": no such file");
        }
        CsvTable table;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            table = CsvTable.read(in, path, header, monitor);
        }
        if (table.columns < 2) {
            throw new IllegalArgumentException(path + ": needs at least two columns (inputs and a label), has " + table.columns);
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
        return TableData.of(file.getFileName().toString(), table, labelColumn, task, standardize);
    }
}
