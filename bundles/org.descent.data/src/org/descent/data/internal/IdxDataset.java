package org.descent.data.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.descent.core.Data;
import org.descent.core.DataShape;
import org.descent.core.Dataset;
import org.descent.core.Settings;
import org.eclipse.core.runtime.IProgressMonitor;

/**
 * MNIST-style IDX files (yann.lecun.com/exdb/mnist): an images file and a labels file, each a
 * 4-byte magic number (two zero bytes, a type code, the number of dimensions), that many 4-byte
 * big-endian sizes, then the values big-endian in C order. Images have magic 0x00000803 (unsigned
 * bytes, images × rows × columns; any type code and at least two dimensions are read), labels
 * 0x00000801. A name ending in {@code .gz} is gunzipped first, as MNIST is distributed.
 */
public final class IdxDataset implements Dataset {

    private static final String TYPES = "0x08 (unsigned byte), 0x09 (signed byte), 0x0B (short), 0x0C (int),"
            + " 0x0D (float) or 0x0E (double)";

    private String images = "";
    private String labels = "";
    private boolean scale;

    @Override
    public void configure(Settings s) {
        images = s.getString("images");
        labels = s.getString("labels");
        scale = s.getBoolean("scale");
        if (images.isBlank() || labels.isBlank()) {
            throw new IllegalArgumentException(s.owner() + " needs images=FILE and labels=FILE"
                    + " (idx:images=train-images-idx3-ubyte.gz,labels=train-labels-idx1-ubyte.gz)");
        }
    }

    @Override
    public Data load(IProgressMonitor monitor) throws IOException {
        NumericArray x = read(images, BinaryFile.read("idx: images", images), "images", monitor);
        NumericArray y = read(labels, BinaryFile.read("idx: labels", labels), "labels", monitor);
        if (x.rows() != y.rows()) {
            throw new IllegalArgumentException("idx: the sizes disagree: " + images + " holds " + x.rows() + " images but "
                    + labels + " holds " + y.rows() + " labels");
        }
        String name = Path.of(images).getFileName().toString();
        int classes = TableData.classes(name, "the labels of " + labels, y.values, "classification");
        double[] in = x.values;
        if (scale && x.type == ElementType.UINT8) {
            for (int i = 0; i < in.length; i++) {
                in[i] /= 255;
            }
        }
        List<String> names = new ArrayList<>(x.width());
        for (int j = 0; j < x.width(); j++) {
            names.add(x.shape.length == 3 ? "pixel" + j / x.shape[2] + "_" + j % x.shape[2] : "x" + j);
        }
        return new Data(name, new DataShape(x.rows(), x.width(), 1, classes), in, y.values, names);
    }

    /**
     * Reads one IDX file.
     *
     * @param role {@code images} (two dimensions or more) or {@code labels} (one dimension)
     */
    static NumericArray read(String source, ByteBuffer b, String role, IProgressMonitor monitor) {
        boolean isLabels = role.equals("labels");
        String magic = isLabels ? "0x00000801 (labels: unsigned bytes, 1 dimension)"
                : "0x00000803 (images: unsigned bytes, 3 dimensions)";
        if (b.limit() == 0) {
            throw new IllegalArgumentException(source + ": the file is empty (0 bytes); expected an IDX " + role
                    + " file starting with the magic number " + magic);
        }
        if (b.limit() < 4) {
            throw new IllegalArgumentException(source + ": truncated after " + b.limit() + " bytes: expected the 4-byte IDX"
                    + " magic number " + magic);
        }
        if (b.get(0) != 0 || b.get(1) != 0) {
            boolean gzip = (b.get(0) & 0xFF) == 0x1F && (b.get(1) & 0xFF) == 0x8B;
            throw new IllegalArgumentException(source + ", byte 0: expected the IDX magic number " + magic + ", found "
                    + NpyFormat.hex(b, 0, 4) + (gzip ? " (gzip data: name the file with .gz to read it)" : ""));
        }
        int code = b.get(2) & 0xFF;
        ElementType type = switch (code) {
        case 0x08 -> ElementType.UINT8;
        case 0x09 -> ElementType.INT8;
        case 0x0B -> ElementType.INT16;
        case 0x0C -> ElementType.INT32;
        case 0x0D -> ElementType.FLOAT32;
        case 0x0E -> ElementType.FLOAT64;
        default -> throw new IllegalArgumentException(source + ", byte 2: IDX type code " + String.format("0x%02X", code)
                + " is not supported; expected " + TYPES);
        };
        int dims = b.get(3) & 0xFF;
        if (isLabels ? dims != 1 : dims < 2) {
            throw new IllegalArgumentException(source + ", byte 3: " + dims + " dimensions; expected "
                    + (isLabels ? "1 for labels" : "at least 2 for images (count, rows, columns)") + ": magic " + magic);
        }
        int dataStart = 4 + 4 * dims;
        if (b.limit() < dataStart) {
            throw new IllegalArgumentException(source + ": truncated: the header promises " + dims
                    + " dimension sizes at bytes 4 to " + dataStart + ", but the file ends at byte " + b.limit());
        }
        ByteBuffer big = b.duplicate().order(ByteOrder.BIG_ENDIAN);
        long[] shape = new long[dims];
        for (int k = 0; k < dims; k++) {
            shape[k] = Integer.toUnsignedLong(big.getInt(4 + 4 * k));
        }
        return NumericArray.decode(source, big, dataStart, type, String.format("IDX type 0x%02X", code), shape, monitor);
    }
}
