package org.descent.data.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import org.descent.core.Data;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code idx} data set (MNIST's format): unsigned-byte images and labels, plain and gzipped,
 * the other type codes, and every kind of bad file refused with its name, byte offset and what
 * was expected.
 */
class IdxDatasetTest {

    @TempDir
    Path dir;

    /** An IDX file: two zero bytes, the type code, the dimensions, their sizes, then the data. */
    static byte[] idx(int type, int[] sizes, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * sizes.length + data.length);
        b.put((byte) 0).put((byte) 0).put((byte) type).put((byte) sizes.length);
        for (int s : sizes) {
            b.putInt(s);
        }
        return b.put(data).array();
    }

    /** Three 2x2 unsigned-byte images. */
    static byte[] images() {
        return idx(0x08, new int[] { 3, 2, 2 }, new byte[] { 0, (byte) 255, 51, 102, 1, 2, 3, 4, (byte) 128, 0, 0, 9 });
    }

    static byte[] labels(int... v) {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = (byte) v[i];
        }
        return idx(0x08, new int[] { v.length }, b);
    }

    Path write(String name, byte[] bytes) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, bytes);
        return f;
    }

    static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(bytes);
        }
        return out.toByteArray();
    }

    static Data load(Path images, Path labels, Object... more) throws IOException {
        Map<String, Object> options = new java.util.LinkedHashMap<>();
        options.put("images", images.toString());
        options.put("labels", labels.toString());
        for (int i = 0; i < more.length; i += 2) {
            options.put((String) more[i], more[i + 1]);
        }
        return DatasetTest.load("idx", options);
    }

    static String refused(Path images, Path labels) {
        return assertThrows(IllegalArgumentException.class, () -> load(images, labels)).getMessage();
    }

    @Test
    void unsignedByteImagesScaledAndRaw() throws IOException {
        Path x = write("images-idx3-ubyte", images());
        Path y = write("labels-idx1-ubyte", labels(7, 0, 2));
        Data d = load(x, y);
        assertEquals(3, d.rows());
        assertEquals(4, d.shape().inputDim());
        assertEquals(8, d.shape().classes(), "labels up to 7");
        assertEquals(1.0, d.inputs()[1], 0);
        assertEquals(0.2, d.inputs()[2], 1e-15);
        assertArrayEquals(new double[] { 7, 0, 2 }, d.targets(), 0);
        assertEquals(java.util.List.of("pixel0_0", "pixel0_1", "pixel1_0", "pixel1_1"), d.inputNames());
        Data raw = load(x, y, "scale", false);
        assertArrayEquals(new double[] { 0, 255, 51, 102 }, Arrays.copyOf(raw.inputs(), 4), 0);
    }

    @Test
    void gzippedFilesAreReadByName() throws IOException {
        Path x = write("images-idx3-ubyte.gz", gzip(images()));
        Path y = write("labels-idx1-ubyte.gz", gzip(labels(7, 0, 2)));
        Data plain = load(write("i", images()), write("l", labels(7, 0, 2)));
        Data zipped = load(x, y);
        assertArrayEquals(plain.inputs(), zipped.inputs(), 0);
        assertArrayEquals(plain.targets(), zipped.targets(), 0);
        Path unnamed = write("images-idx3-ubyte", gzip(images()));
        assertEquals(unnamed + ", byte 0: expected the IDX magic number 0x00000803 (images: unsigned bytes, 3 dimensions),"
                + " found 1f 8b 08 00 (gzip data: name the file with .gz to read it)", refused(unnamed, y));
        Path notGzip = write("labels.gz", labels(1, 2, 3));
        assertTrue(refused(x, notGzip).startsWith(notGzip + ": not valid gzip data ("), refused(x, notGzip));
        byte[] whole = gzip(images());
        Path cut = write("cut.gz", Arrays.copyOf(whole, whole.length - 12));
        assertTrue(refused(cut, y).startsWith(cut + ": truncated gzip data ("), refused(cut, y));
    }

    @Test
    void otherTypeCodesAreBigEndian() throws IOException {
        ByteBuffer f = ByteBuffer.allocate(16).putFloat(0.5f).putFloat(-2).putFloat(3).putFloat(1e-3f);
        Path x = write("f", idx(0x0D, new int[] { 2, 2 }, f.array()));
        Path y = write("l", idx(0x0C, new int[] { 2 }, ByteBuffer.allocate(8).putInt(1).putInt(4).array()));
        Data d = load(x, y);
        assertArrayEquals(new double[] { 0.5, -2, 3, 1e-3f }, d.inputs(), 0, "float images are not scaled");
        assertArrayEquals(new double[] { 1, 4 }, d.targets(), 0);
        assertEquals(java.util.List.of("x0", "x1"), d.inputNames());
        Path doubles = write("d", idx(0x0E, new int[] { 1, 1 }, ByteBuffer.allocate(8).putDouble(-7.25).array()));
        Path shorts = write("s", idx(0x0B, new int[] { 1 }, new byte[] { 0, 9 }));
        assertArrayEquals(new double[] { -7.25 }, load(doubles, shorts).inputs(), 0);
        Path signed = write("b", idx(0x09, new int[] { 1, 2 }, new byte[] { -5, 5 }));
        assertArrayEquals(new double[] { -5, 5 }, load(signed, shorts).inputs(), 0, "signed bytes are not scaled");
    }

    @Test
    void wrongMagicAndWrongDimensions() throws IOException {
        Path y = write("labels", labels(1));
        Path png = write("digit.png", new byte[] { (byte) 0x89, 'P', 'N', 'G', 13, 10 });
        assertEquals(png + ", byte 0: expected the IDX magic number 0x00000803 (images: unsigned bytes, 3 dimensions),"
                + " found 89 50 4e 47", refused(png, y));
        assertEquals(y + ", byte 3: 1 dimensions; expected at least 2 for images (count, rows, columns): magic 0x00000803"
                + " (images: unsigned bytes, 3 dimensions)", refused(y, y));
        Path x = write("images", images());
        assertEquals(x + ", byte 3: 3 dimensions; expected 1 for labels: magic 0x00000801 (labels: unsigned bytes,"
                + " 1 dimension)", refused(x, x));
    }

    @Test
    void truncatedFiles() throws IOException {
        byte[] whole = images();
        Path y = write("labels", labels(1, 2, 3));
        Path x = write("images", Arrays.copyOf(whole, whole.length - 2));
        assertEquals(x + ": truncated: the header promises shape (3, 2, 2) of IDX type 0x08 (12 bytes from byte 16 to"
                + " byte 28), but the data ends at byte 26", refused(x, y));
        Path header = write("header", Arrays.copyOf(whole, 10));
        assertEquals(header + ": truncated: the header promises 3 dimension sizes at bytes 4 to 16, but the file ends at"
                + " byte 10", refused(header, y));
        Path three = write("three", Arrays.copyOf(whole, 3));
        assertEquals(three + ": truncated after 3 bytes: expected the 4-byte IDX magic number 0x00000803 (images:"
                + " unsigned bytes, 3 dimensions)", refused(three, y));
        Path extra = write("extra", Arrays.copyOf(whole, whole.length + 1));
        assertEquals(extra + ", byte 28: 1 bytes too many: the header promises shape (3, 2, 2) of IDX type 0x08 (12 bytes"
                + " from byte 16 to byte 28), but the data goes on to byte 29", refused(extra, y));
    }

    @Test
    void countsThatDisagree() throws IOException {
        Path x = write("images", images());
        Path y = write("labels", labels(1, 2));
        assertEquals("idx: the sizes disagree: " + x + " holds 3 images but " + y + " holds 2 labels", refused(x, y));
    }

    @Test
    void emptyMissingUnsupportedAndNaN() throws IOException {
        Path x = write("images", images());
        Path empty = write("empty", new byte[0]);
        assertEquals(empty + ": the file is empty (0 bytes); expected an IDX labels file starting with the magic number"
                + " 0x00000801 (labels: unsigned bytes, 1 dimension)", refused(x, empty));
        Path emptyGz = write("empty.gz", new byte[0]);
        assertTrue(refused(x, emptyGz).startsWith(emptyGz + ": the file is empty (0 bytes)"));
        Path none = dir.resolve("none");
        assertEquals("idx: labels=" + none + ": no such file", refused(x, none));
        assertEquals("idx: images=" + none + ": no such file", refused(none, x));
        Path y = write("labels", labels(0, 1, 2));
        Path longs = write("longs", idx(0x0A, new int[] { 3, 1 }, new byte[24]));
        assertEquals(longs + ", byte 2: IDX type code 0x0A is not supported; expected 0x08 (unsigned byte), 0x09 (signed"
                + " byte), 0x0B (short), 0x0C (int), 0x0D (float) or 0x0E (double)", refused(longs, y));
        ByteBuffer f = ByteBuffer.allocate(12).putFloat(1).putFloat(Float.NaN).putFloat(0);
        Path nan = write("nan", idx(0x0D, new int[] { 3, 1 }, f.array()));
        assertEquals(nan + ", byte 16: element [1, 0] is NaN; the data must be finite (remove or impute missing values"
                + " first)", refused(nan, y));
        Path fractional = write("fractional", idx(0x0D, new int[] { 3 }, f.putFloat(4, 0.5f).array()));
        assertEquals("images: the labels of " + fractional + " must hold class numbers 0, 1, 2, ... for"
                + " task=classification", refused(x, fractional));
        assertEquals("dataset 'idx' needs images=FILE and labels=FILE (idx:images=train-images-idx3-ubyte.gz,"
                + "labels=train-labels-idx1-ubyte.gz)",
                assertThrows(IllegalArgumentException.class, () -> DatasetTest.load("idx", Map.of("images", "a")))
                        .getMessage());
    }
}
