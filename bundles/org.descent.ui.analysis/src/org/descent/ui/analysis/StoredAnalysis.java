package org.descent.ui.analysis;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.descent.core.AnalysisResult;
import org.descent.core.Csv;
import org.descent.core.Json;
import org.eclipse.jdt.annotation.Nullable;

/**
 * An analysis result as {@code descent analyze} stores it ({@code result.json},
 * {@code report.txt}, one CSV file per table), or as an analysis just returned it. Tables are
 * read when first asked for.
 *
 * @since 0.1.0
 */
public final class StoredAnalysis {

    private final String analysis;
    private final String name;
    private final @Nullable Path folder;
    private final Map<String, Object> values;
    private final String report;
    private final List<String> tableNames;
    private final Map<String, AnalysisResult.Table> tables = new LinkedHashMap<>();

    private StoredAnalysis(String analysis, String name, @Nullable Path folder, Map<String, Object> values,
            String report, List<String> tableNames) {
        this.analysis = analysis;
        this.name = name;
        this.folder = folder;
        this.values = values;
        this.report = report;
        this.tableNames = List.copyOf(tableNames);
    }

    /**
     * Reads a stored result.
     *
     * @throws IOException when {@code result.json} is missing or malformed (the message names the file)
     */
    @SuppressWarnings("unchecked")
    public static StoredAnalysis read(Path folder) throws IOException {
        Path json = folder.resolve("result.json");
        Object root;
        try {
            root = Json.parse(Files.readString(json, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new IOException(json + ": " + e.getMessage(), e);
        }
        if (!(root instanceof Map<?, ?> m) || !(m.get("analysis") instanceof String id)) {
            throw new IOException(json + ": expected an object with an \"analysis\" id");
        }
        Path reportFile = folder.resolve("report.txt");
        String report = Files.exists(reportFile) ? Files.readString(reportFile, StandardCharsets.UTF_8) : "";
        List<String> names = new ArrayList<>();
        if (m.get("tables") instanceof Map<?, ?> t) {
            t.keySet().forEach(k -> names.add((String) k));
        }
        return new StoredAnalysis(id, folder.getFileName().toString(), folder, (Map<String, Object>) m, report, names);
    }

    /** A result held in memory (not stored), as an analysis returned it. */
    @SuppressWarnings("unchecked")
    public static StoredAnalysis of(AnalysisResult result) {
        Object json = Json.parse(Json.write(result.toJsonObject()));
        StringBuilder report = new StringBuilder();
        result.report().forEach(l -> report.append(l).append('\n'));
        result.warnings().forEach(w -> report.append("warning: ").append(w).append('\n'));
        StoredAnalysis s = new StoredAnalysis(result.analysis(), result.analysis(), null, (Map<String, Object>) json,
                report.toString(), new ArrayList<>(result.tables().keySet()));
        s.tables.putAll(result.tables());
        return s;
    }

    /** The stored results of a run, newest first: the folders under {@code analyses/} holding a result.json. */
    public static List<Path> list(Path runDir) throws IOException {
        Path dir = runDir.resolve("analyses");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> found = new ArrayList<>(s.filter(p -> Files.isRegularFile(p.resolve("result.json"))).toList());
            found.sort((a, b) -> {
                try {
                    return Files.getLastModifiedTime(b.resolve("result.json"))
                            .compareTo(Files.getLastModifiedTime(a.resolve("result.json")));
                } catch (IOException e) {
                    return b.getFileName().compareTo(a.getFileName());
                }
            });
            return found;
        }
    }

    /** The analysis' id ({@code hessian}, {@code race}, ...). */
    public String analysis() {
        return analysis;
    }

    /** The folder's name ({@code hessian-20261201-221500}), or the id when not stored. */
    public String name() {
        return name;
    }

    /** Where it is stored, if it is. */
    public @Nullable Path folder() {
        return folder;
    }

    /** The values of result.json (numbers as Double, lists, maps, strings, booleans, null). */
    public Map<String, Object> values() {
        return Collections.unmodifiableMap(values);
    }

    /** A number from result.json, or NaN when absent or not a number. */
    public double number(String key) {
        return values.get(key) instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    /** A string from result.json, or {@code otherwise}. */
    public String string(String key, String otherwise) {
        return values.get(key) instanceof String s ? s : otherwise;
    }

    /** The report, as report.txt holds it (warnings last). */
    public String report() {
        return report;
    }

    /** The names of its tables, in the order the analysis made them. */
    public List<String> tableNames() {
        return tableNames;
    }

    /**
     * A table, read from its CSV file the first time.
     *
     * @throws IOException when there is no such table or its file does not read as a table of
     *             numbers (the message names the file and line)
     */
    public AnalysisResult.Table table(String table) throws IOException {
        AnalysisResult.Table t = tables.get(table);
        if (t != null) {
            return t;
        }
        Path dir = folder;
        if (dir == null || !tableNames.contains(table)) {
            throw new IOException("analysis " + name + " has no table '" + table + "'; it has " + tableNames);
        }
        t = readCsv(dir.resolve(table + ".csv"));
        tables.put(table, t);
        return t;
    }

    /** Reads a CSV of numbers with a header row ({@link Csv}: quoted names read as their text). */
    public static AnalysisResult.Table readCsv(Path file) throws IOException {
        List<Csv.Row> lines;
        try {
            lines = Csv.readAll(file, file.toString());
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
        if (lines.isEmpty()) {
            throw new IOException(file + ": empty, expected a header row");
        }
        List<String> columns = lines.get(0).cells();
        List<double[]> rows = new ArrayList<>();
        for (Csv.Row line : lines.subList(1, lines.size())) {
            if (line.size() != columns.size()) {
                throw new IOException(file + " line " + line.line() + ": " + line.size() + " cells, expected "
                        + columns.size());
            }
            double[] r = new double[line.size()];
            for (int c = 0; c < r.length; c++) {
                try {
                    r[c] = Double.parseDouble(line.cell(c));
                } catch (NumberFormatException e) {
                    throw new IOException(file + " line " + line.line() + ": '" + line.cell(c) + "' in column "
                            + columns.get(c) + " is not a number", e);
                }
            }
            rows.add(r);
        }
        return new AnalysisResult.Table(columns, rows, false);
    }
}
