package org.descent.analysis.distributions.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.descent.core.Analysis;
import org.descent.core.AnalysisInput;
import org.descent.core.AnalysisResult;
import org.descent.testing.Contributions;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.NullProgressMonitor;

/** Sample files in a temporary folder and analyses created through the registry. */
final class Samples {

    private final Path dir;

    Samples(Path dir) {
        this.dir = dir;
    }

    /** Writes a file of the given lines. */
    Path file(String name, String... lines) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, String.join("\n", lines) + "\n");
        return p;
    }

    /** Writes points (row-major, d columns) with a header line. */
    Path points(String name, double[] values, int d) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < d; k++) {
            sb.append(k > 0 ? "," : "").append("x").append(k);
        }
        sb.append('\n');
        for (int i = 0; i < values.length; i++) {
            sb.append(values[i]).append((i + 1) % d == 0 ? "\n" : ",");
        }
        Path p = dir.resolve(name);
        Files.writeString(p, sb.toString());
        return p;
    }

    /** Writes one value per line. */
    Path column(String name, double[] values) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (double v : values) {
            sb.append(String.format(Locale.ROOT, "%s%n", Double.toString(v)));
        }
        Path p = dir.resolve(name);
        Files.writeString(p, sb.toString());
        return p;
    }

    static Map<String, Path> files(Object... nameAndPath) {
        Map<String, Path> m = new LinkedHashMap<>();
        for (int i = 0; i < nameAndPath.length; i += 2) {
            m.put((String) nameAndPath[i], (Path) nameAndPath[i + 1]);
        }
        return m;
    }

    static AnalysisResult run(String id, Map<String, ?> options, Map<String, Path> files) throws IOException {
        return run(id, options, files, new NullProgressMonitor());
    }

    static AnalysisResult run(String id, Map<String, ?> options, Map<String, Path> files, IProgressMonitor monitor)
            throws IOException {
        Analysis a = Contributions.create("analyses", id, options, Analysis.class);
        return a.analyze(new AnalysisInput(Optional.empty(), files), monitor);
    }

    static double number(AnalysisResult r, String key) {
        Object v = r.values().get(key);
        if (!(v instanceof Number n)) {
            throw new AssertionError("result has no number '" + key + "': " + r.values());
        }
        return n.doubleValue();
    }
}
