package org.descent.data.internal;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import org.descent.core.Data;
import org.descent.core.DataShape;
import org.descent.core.Dataset;
import org.descent.core.InputFile;
import org.descent.core.Settings;
import org.eclipse.core.runtime.IProgressMonitor;

/**
 * NumPy arrays: an .npz archive (np.savez, np.savez_compressed) whose arrays {@code inputs} and
 * {@code targets} (default {@code x} and {@code y}) are the inputs and the 1-D targets, or an
 * .npy file holding a 2-D table whose last column is the target, or an .npy of inputs with a
 * second .npy of targets ({@code target_path}). The format is told by the file's first bytes,
 * not its name. Inputs of more than two dimensions are flattened per row in C order.
 */
public final class NpyDataset implements Dataset {

    private String path = "";
    private String inputs = "x";
    private String targets = "y";
    private String targetPath = "";
    private String task = "auto";
    private double divide = 1;

    @Override
    public void configure(Settings s) {
        path = s.getString("path");
        inputs = s.getString("inputs");
        targets = s.getString("targets");
        targetPath = s.getString("target_path");
        task = s.getString("task");
        divide = s.getDouble("divide");
        if (path.isBlank()) {
            throw new IllegalArgumentException(s.owner() + " needs path=FILE (npy:path=data.npz, or"
                    + " npy:path=x.npy,target_path=y.npy)");
        }
        if (!(divide > 0) || !Double.isFinite(divide)) {
            throw new IllegalArgumentException(s.owner() + ": divide=" + divide + " must be a positive number");
        }
    }

    @Override
    public Data load(IProgressMonitor monitor) throws IOException {
        Path file = InputFile.check(Path.of(path), "npy: path=" + path);
        ByteBuffer head = ByteBuffer.wrap(head(file, 8));
        NumericArray x;
        NumericArray y;
        String xName;
        if (head.limit() == 0) {
            throw new IllegalArgumentException(path + ": the file is empty (0 bytes); expected a NumPy .npy array (starting"
                    + " with \\x93NUMPY) or an .npz archive (a zip file, starting with PK)");
        } else if (NpyFormat.hasMagic(head)) {
            NumericArray a = NpyFormat.read(path, BinaryFile.read("npy: path", path), monitor);
            if (targetPath.isBlank()) {
                return table(a, file.getFileName().toString());
            }
            x = a;
            xName = "x";
            y = NpyFormat.read(targetPath, BinaryFile.read("npy: target_path", targetPath), monitor);
        } else if (head.limit() >= 4 && head.get(0) == 'P' && head.get(1) == 'K') {
            if (!targetPath.isBlank()) {
                throw new IllegalArgumentException("npy: target_path=" + targetPath + " is for .npy files; " + path
                        + " is an .npz archive: name its targets array with targets=NAME");
            }
            try (ZipFile zip = new ZipFile(file.toFile())) {
                x = member(zip, inputs, "inputs", monitor);
                y = member(zip, targets, "targets", monitor);
            } catch (ZipException e) {
                throw new IllegalArgumentException(path + ": not a readable .npz (zip) archive (" + e.getMessage()
                        + "); is the file truncated?", e);
            }
            xName = inputs;
        } else {
            throw new IllegalArgumentException(path + ", byte 0: expected a NumPy .npy array (the magic string \\x93NUMPY:"
                    + " 93 4e 55 4d 50 59) or an .npz archive (a zip file: 50 4b 03 04), found " + NpyFormat.hex(head, 0, 8));
        }
        if (x.shape.length == 0) {
            throw new IllegalArgumentException(x.source + ": the inputs are a 0-d array (a single value); expected one row"
                    + " per example, shape (rows, ...)");
        }
        if (y.shape.length != 1) {
            throw new IllegalArgumentException(y.source + ": the targets have shape " + NumericArray.shapeText(y.shape)
                    + "; expected 1-D targets, shape (" + x.rows() + ",), one per row of the inputs (y.ravel() gives them)");
        }
        if (y.rows() != x.rows()) {
            throw new IllegalArgumentException(path + ": the sizes disagree: the inputs " + x.source + " have "
                    + x.rows() + " rows (shape " + NumericArray.shapeText(x.shape) + ") but the targets " + y.source
                    + " have " + y.rows() + " values");
        }
        String name = file.getFileName().toString();
        int classes = TableData.classes(name, "targets " + y.source, y.values, task);
        double[] in = x.values;
        scale(in);
        return new Data(name, new DataShape(x.rows(), x.width(), 1, classes), in, y.values, names(xName, x.width()));
    }

    /** A 2-D .npy: every column but the last is an input, the last is the target. */
    private Data table(NumericArray a, String name) {
        if (a.shape.length != 2 || a.shape[1] < 2) {
            throw new IllegalArgumentException(a.source + ": shape " + NumericArray.shapeText(a.shape)
                    + ": expected a 2-D table (rows, columns) of at least two columns whose last column is the target,"
                    + " or give the targets in a second file with target_path=FILE.npy");
        }
        int rows = a.rows();
        int d = a.width() - 1;
        double[] x = new double[rows * d];
        double[] y = new double[rows];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(a.values, r * (d + 1), x, r * d, d);
            y[r] = a.values[r * (d + 1) + d];
        }
        int classes = TableData.classes(name, "the last column of " + a.source, y, task);
        scale(x);
        return new Data(name, new DataShape(rows, d, 1, classes), x, y, names("x", d));
    }

    private void scale(double[] x) {
        if (divide != 1) {
            for (int i = 0; i < x.length; i++) {
                x[i] /= divide;
            }
        }
    }

    private NumericArray member(ZipFile zip, String name, String option, IProgressMonitor monitor) throws IOException {
        ZipEntry entry = zip.getEntry(name + ".npy");
        if (entry == null) {
            entry = zip.getEntry(name);
        }
        if (entry == null) {
            List<String> held = new ArrayList<>();
            zip.stream().forEach(e -> held.add(e.getName().replaceFirst("\\.npy$", "")));
            held.sort(null);
            throw new IllegalArgumentException(path + ": the archive has no array '" + name + "' (npy: " + option + "="
                    + name + "); it holds " + (held.isEmpty() ? "no arrays" : String.join(", ", held)));
        }
        String source = path + " (array " + entry.getName() + ")";
        if (entry.getSize() > BinaryFile.MAX_BYTES) {
            throw new IllegalArgumentException(source + ": " + entry.getSize() + " bytes is too large: at most "
                    + BinaryFile.MAX_BYTES + " bytes can be read");
        }
        byte[] bytes;
        try (InputStream in = zip.getInputStream(entry)) {
            bytes = in.readNBytes(BinaryFile.MAX_BYTES);
        } catch (ZipException | EOFException e) {
            throw new IllegalArgumentException(source + ": corrupt or truncated zip data (" + e.getMessage() + ")", e);
        }
        return NpyFormat.read(source, ByteBuffer.wrap(bytes), monitor);
    }

    private static byte[] head(Path file, int n) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(n);
        }
    }

    private static List<String> names(String prefix, int n) {
        List<String> names = new ArrayList<>(n);
        for (int j = 0; j < n; j++) {
            names.add(prefix + j);
        }
        return names;
    }
}
