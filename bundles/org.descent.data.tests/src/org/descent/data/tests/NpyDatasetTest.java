package org.descent.data.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.descent.core.Data;
import org.descent.testing.Fixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * The {@code npy} data set: files written by NumPy 1.24 itself (fixtures/make_npy.py: versions
 * 1.0, 2.0 and 3.0, float64, float32, int64, uint8, big-endian, stored and deflated .npz) read
 * exactly, and every kind of bad file refused with its name, byte offset and what was expected.
 */
class NpyDatasetTest {

    static Map<String, Object> arrays;

    @TempDir
    Path dir;

    @BeforeAll
    static void readFixture() throws IOException {
        arrays = Fixture.load(NpyDatasetTest.class, "fixtures/npy.json").object();
    }

    static double[] values(String array) {
        return Fixture.doubles(Fixture.get(Fixture.get(Fixture.get(arrays, "arrays"), array), "values"));
    }

    /** A fixture file copied out of the test bundle into the temp dir. */
    Path fixture(String name) throws IOException {
        Bundle bundle = FrameworkUtil.getBundle(NpyDatasetTest.class);
        URL url = bundle == null ? NpyDatasetTest.class.getClassLoader().getResource("fixtures/" + name)
                : bundle.getEntry("fixtures/" + name);
        Path to = dir.resolve(name);
        try (InputStream in = url.openStream()) {
            Files.write(to, in.readAllBytes());
        }
        return to;
    }

    static Data load(Map<String, ?> options) throws IOException {
        return DatasetTest.load("npy", options);
    }

    static Data load(Path path, String... more) throws IOException {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("path", path.toString());
        for (int i = 0; i < more.length; i += 2) {
            options.put(more[i], more[i + 1]);
        }
        return load(options);
    }

    IllegalArgumentException refused(Path path, String... more) {
        return assertThrows(IllegalArgumentException.class, () -> load(path, more));
    }

    /** An NPY file as numpy lays it out: magic, version, header length, header padded to 64. */
    static byte[] npy(int major, String header, byte[] data) {
        int lengthBytes = major == 1 ? 2 : 4;
        int prefix = 8 + lengthBytes;
        StringBuilder h = new StringBuilder(header);
        while ((prefix + h.length() + 1) % 64 != 0) {
            h.append(' ');
        }
        h.append('\n');
        byte[] text = h.toString().getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer b = ByteBuffer.allocate(prefix + text.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] { (byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major, 0 });
        if (major == 1) {
            b.putShort((short) text.length);
        } else {
            b.putInt(text.length);
        }
        return b.put(text).put(data).array();
    }

    static byte[] f8(double... v) {
        ByteBuffer b = ByteBuffer.allocate(8 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (double x : v) {
            b.putDouble(x);
        }
        return b.array();
    }

    static String header(String descr, String shape) {
        return "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }";
    }

    Path write(String name, byte[] bytes) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, bytes);
        return f;
    }

    Path npz(String name, Map<String, byte[]> members) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> m : members.entrySet()) {
                zip.putNextEntry(new ZipEntry(m.getKey() + ".npy"));
                zip.write(m.getValue());
                zip.closeEntry();
            }
        }
        return write(name, out.toByteArray());
    }

    @Test
    void numpyTableWithTheTargetInItsLastColumn() throws IOException {
        Data d = load(fixture("table_f8.npy"));
        assertEquals(6, d.rows());
        assertEquals(3, d.shape().inputDim());
        assertEquals(3, d.shape().classes(), "labels 0, 1, 2");
        assertArrayEquals(values("x64"), d.inputs(), 0);
        assertArrayEquals(values("y64"), d.targets(), 0);
        assertEquals("table_f8.npy", d.name());
    }

    @Test
    void numpyFloat32Int64BigEndianAndVersions2And3() throws IOException {
        Path y = fixture("y_i8.npy");
        Data f4 = load(fixture("x_f4.npy"), "target_path", y.toString());
        assertArrayEquals(values("x32"), f4.inputs(), 0, "float32 widened exactly");
        assertArrayEquals(values("y64"), f4.targets(), 0);
        assertTrue(!Arrays.equals(values("x32"), values("x64")), "the fixture's float32 values differ from float64");
        for (String name : new String[] { "x_be_f8.npy", "x_v2.npy", "x_v3.npy" }) {
            Data d = load(fixture(name), "target_path", y.toString());
            assertArrayEquals(values("x64"), d.inputs(), 0, name);
            assertEquals(3, d.shape().classes(), name);
        }
        Data regression = load(fixture("x_v3.npy"), "target_path", y.toString(), "task", "regression");
        assertEquals(0, regression.shape().classes());
    }

    @Test
    void numpyArchivesStoredAndCompressed() throws IOException {
        Data xy = load(fixture("xy.npz"));
        assertEquals(6, xy.rows());
        assertArrayEquals(values("x32"), xy.inputs(), 0);
        assertArrayEquals(values("y64"), xy.targets(), 0);
        assertEquals(3, xy.shape().classes());

        Path images = fixture("images.npz");
        Data d = load(images, "inputs", "images", "targets", "labels", "divide", "255");
        assertEquals(4, d.rows());
        assertEquals(6, d.shape().inputDim(), "2x3 images flattened");
        assertEquals(5, d.shape().classes(), "labels up to 4");
        double[] pixels = values("images");
        for (int i = 0; i < pixels.length; i++) {
            assertEquals(pixels[i] / 255, d.inputs()[i], 0, "pixel " + i);
        }
        assertArrayEquals(values("labels"), d.targets(), 0);
        Data reals = load(images, "inputs", "images", "targets", "reals");
        assertEquals(0, reals.shape().classes(), "real targets: regression");
        assertArrayEquals(values("reals"), reals.targets(), 0);
        assertEquals(pixels[5], reals.inputs()[5], 0, "divide=1 by default");
    }

    @Test
    void fortranOrderIsRefused() throws IOException {
        Path f = fixture("x_fortran.npy");
        IllegalArgumentException e = refused(f, "target_path", fixture("y_i8.npy").toString());
        assertTrue(e.getMessage().startsWith(f + ", byte 28: fortran_order is True"), e.getMessage());
        assertTrue(e.getMessage().contains("expected C order"), e.getMessage());
    }

    @Test
    void wrongMagic() throws IOException {
        Path f = write("image.npy", new byte[] { (byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0 });
        assertEquals(f + ", byte 0: expected a NumPy .npy array (the magic string \\x93NUMPY: 93 4e 55 4d 50 59) or an"
                + " .npz archive (a zip file: 50 4b 03 04), found 89 50 4e 47 0d 0a 1a 0a", refused(f).getMessage());
        Path y = write("y.npy", npy(1, header("<f8", "(1,)"), f8(1)));
        Path bad = write("bad.npy", npy(1, header("<f8", "(1, 2)"), f8(1, 2)));
        byte[] bytes = Files.readAllBytes(bad);
        bytes[3] = 'Q';
        Files.write(bad, bytes);
        assertTrue(refused(bad, "target_path", y.toString()).getMessage().startsWith(bad + ", byte 0: expected a NumPy"));
        Path target = write("t.npy", new byte[] { 1, 2, 3 });
        Path x = write("x.npy", npy(1, header("<f8", "(1, 2)"), f8(1, 2)));
        assertEquals(target + ", byte 0: expected the NPY magic string \\x93NUMPY (93 4e 55 4d 50 59), found 01 02 03",
                refused(x, "target_path", target.toString()).getMessage());
    }

    @Test
    void emptyArraysAreRefused() throws IOException {
        Path f = write("empty.npy", npy(1, header("<f8", "(0, 3)"), new byte[0]));
        assertEquals(f + ": shape (0, 3) holds no values; expected at least one row of at least one value",
                refused(f).getMessage());
    }

    @Test
    void truncatedDataAndTruncatedHeader() throws IOException {
        byte[] whole = npy(1, header("<f8", "(3, 2)"), f8(1, 2, 3, 4, 5, 6));
        Path f = write("short.npy", Arrays.copyOf(whole, whole.length - 8));
        assertEquals(f + ": truncated: the header promises shape (3, 2) of <f8 (48 bytes from byte 128 to byte 176), but"
                + " the data ends at byte 168", refused(f).getMessage());
        Path header = write("header.npy", Arrays.copyOf(whole, 30));
        assertEquals(header + ": truncated: the header length at byte 8 is 118 bytes, to byte 128, but the file ends at"
                + " byte 30", refused(header).getMessage());
        Path tiny = write("tiny.npy", Arrays.copyOf(whole, 7));
        assertEquals(tiny + ": truncated after 7 bytes: expected the NPY version at bytes 6 and 7",
                refused(tiny, "target_path", f.toString()).getMessage());
    }

    @Test
    void sizesThatDisagree() throws IOException {
        byte[] data = npy(1, header("<f8", "(2, 2)"), f8(1, 2, 3, 4, 5));
        Path f = write("long.npy", data);
        assertEquals(f + ", byte 160: 8 bytes too many: the header promises shape (2, 2) of <f8 (32 bytes from byte 128"
                + " to byte 160), but the data goes on to byte 168", refused(f).getMessage());
        Path x = write("x.npy", npy(1, header("<f8", "(3, 2)"), f8(1, 2, 3, 4, 5, 6)));
        Path y = write("y.npy", npy(1, header("<i8", "(2,)"), new byte[16]));
        assertEquals(x + ": the sizes disagree: the inputs " + x + " have 3 rows (shape (3, 2)) but the targets " + y
                + " have 2 values", refused(x, "target_path", y.toString()).getMessage());
        Path npz = npz("xy.npz", Map.of("x", Files.readAllBytes(x), "y", Files.readAllBytes(y)));
        assertTrue(refused(npz).getMessage().startsWith(npz + ": the sizes disagree: the inputs " + npz
                + " (array x.npy) have 3 rows"));
        Path y2 = write("y2.npy", npy(1, header("<f8", "(3, 1)"), f8(0, 1, 0)));
        assertTrue(refused(x, "target_path", y2.toString()).getMessage().startsWith(y2
                + ": the targets have shape (3, 1); expected 1-D targets, shape (3,)"));
        Path oneColumn = write("one.npy", npy(1, header("<f8", "(3,)"), f8(1, 2, 3)));
        assertTrue(refused(oneColumn).getMessage().startsWith(oneColumn + ": shape (3,): expected a 2-D table"));
    }

    @Test
    void emptyAndMissingFiles() throws IOException {
        Path empty = write("empty.npy", new byte[0]);
        assertEquals(empty + ": the file is empty (0 bytes); expected a NumPy .npy array (starting with \\x93NUMPY) or"
                + " an .npz archive (a zip file, starting with PK)", refused(empty).getMessage());
        Path x = write("x.npy", npy(1, header("<f8", "(1, 2)"), f8(1, 2)));
        assertTrue(refused(x, "target_path", empty.toString()).getMessage().startsWith(empty + ": the file is empty"));
        assertEquals("npy: path=" + dir.resolve("none.npz") + ": no such file",
                refused(dir.resolve("none.npz")).getMessage());
        assertEquals("npy: target_path=" + dir.resolve("none.npy") + ": no such file",
                refused(x, "target_path", dir.resolve("none.npy").toString()).getMessage());
        assertEquals("dataset 'npy' needs path=FILE (npy:path=data.npz, or npy:path=x.npy,target_path=y.npy)",
                assertThrows(IllegalArgumentException.class, () -> load(Map.of())).getMessage());
    }

    @Test
    void unsupportedDtypesAndVersions() throws IOException {
        Path complex = write("c.npy", npy(1, header("<c16", "(1, 2)"), new byte[32]));
        assertEquals(complex + ", byte 12: dtype '<c16' is not supported; expected one of f8 f4 f2 i8 i4 i2 i1 u4 u2 u1"
                + " b1 with byte order < or > (| or none for single bytes), e.g. <f8, <i8 or |u1",
                refused(complex).getMessage());
        Path structured = write("s.npy",
                npy(1, "{'descr': [('a', '<f8'), ('b', '<i4')], 'fortran_order': False, 'shape': (2,), }", new byte[24]));
        assertTrue(refused(structured).getMessage().startsWith(structured
                + ", byte 12: dtype (('a', '<f8'), ('b', '<i4')) is not supported (a structured or object dtype)"));
        Path object = write("o.npy", npy(1, header("|O", "(2, 2)"), new byte[32]));
        assertTrue(refused(object).getMessage().contains("dtype '|O' is not supported"));
        Path v4 = write("v4.npy", npy(2, header("<f8", "(1, 2)"), f8(1, 2)));
        byte[] bytes = Files.readAllBytes(v4);
        bytes[6] = 4;
        Files.write(v4, bytes);
        assertEquals(v4 + ", byte 6: NPY format version 4.0 is not supported; expected 1.0, 2.0 or 3.0",
                refused(v4).getMessage());
        Path garbled = write("g.npy", npy(1, "{'descr': '<f8' 'fortran_order': False, 'shape': (1, 2), }", f8(1, 2)));
        assertTrue(refused(garbled).getMessage().startsWith(garbled + ", byte 26: NPY header: expected ',' or '}'"),
                refused(garbled).getMessage());
        Path keys = write("k.npy", npy(1, "{'descr': '<f8', 'shape': (1, 2), }", f8(1, 2)));
        assertEquals(keys + ", byte 10: NPY header has the keys descr, shape; expected exactly descr, fortran_order and"
                + " shape", refused(keys).getMessage());
    }

    @Test
    void everyOtherDtypeIsRead() throws IOException {
        ByteBuffer b = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort(0, (short) -3).putShort(2, (short) 7);
        Path i2 = write("i2.npy", npy(1, header("<i2", "(1, 2)"), Arrays.copyOf(b.array(), 4)));
        Path u2 = write("u2.npy", npy(1, header("<u2", "(1,)"), new byte[] { (byte) 0xFF, (byte) 0xFF }));
        Data d = load(i2, "target_path", u2.toString());
        assertArrayEquals(new double[] { -3, 7 }, d.inputs(), 0);
        assertArrayEquals(new double[] { 65535 }, d.targets(), 0);
        Path i1 = write("i1.npy", npy(1, header("|i1", "(2, 2)"), new byte[] { -1, 2, -128, 127, 0 }));
        assertTrue(refused(i1).getMessage().contains("1 bytes too many"));
        Path u1 = write("u1.npy", npy(1, header("|u1", "(2, 2)"), new byte[] { (byte) 200, 1, (byte) 255, 0 }));
        Data table = load(u1);
        assertArrayEquals(new double[] { 200, 255 }, table.inputs(), 0);
        assertArrayEquals(new double[] { 1, 0 }, table.targets(), 0);
        Path i4 = write("i4.npy", npy(1, header("<i4", "(1, 2)"), new byte[] { -2, -1, -1, -1, 5, 0, 0, 0 }));
        assertArrayEquals(new double[] { -2 }, load(i4).inputs(), 0);
        // float16 1.5 and -2 (0x3E00, 0xC000), booleans, big-endian uint32 0xFFFFFFFE
        Path f2 = write("f2.npy", npy(1, header("<f2", "(2, 1)"), new byte[] { 0, 0x3E, 0, (byte) 0xC0 }));
        Path b1 = write("b1.npy", npy(1, header("|b1", "(2,)"), new byte[] { 1, 0 }));
        Path u4 = write("u4.npy", npy(1, header(">u4", "(1, 2)"), new byte[] { -1, -1, -1, -2, 0, 0, 0, 3 }));
        Data half = load(f2, "target_path", b1.toString());
        assertArrayEquals(new double[] { 1.5, -2 }, half.inputs(), 0);
        assertArrayEquals(new double[] { 1, 0 }, half.targets(), 0);
        assertArrayEquals(new double[] { 4294967294.0 }, load(u4).inputs(), 0);
        assertArrayEquals(new double[] { 3 }, load(u4).targets(), 0);
    }

    @Test
    void nanAndInfinityAreRefusedWithTheirOffset() throws IOException {
        Path f = write("nan.npy", npy(1, header("<f8", "(2, 3)"), f8(1, 2, 3, 4, Double.NaN, 6)));
        assertEquals(f + ", byte 160: element [1, 1] is NaN; the data must be finite (remove or impute missing values"
                + " first)", refused(f).getMessage());
        ByteBuffer f4 = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putFloat(1).putFloat(Float.NEGATIVE_INFINITY);
        Path x = write("x.npy", npy(1, header("<f8", "(2, 1)"), f8(1, 2)));
        Path y = write("inf.npy", npy(1, header("<f4", "(2,)"), f4.array()));
        assertEquals(y + ", byte 132: element [1] is -Infinity; the data must be finite (remove or impute missing values"
                + " first)", refused(x, "target_path", y.toString()).getMessage());
    }

    @Test
    void archiveErrorsNameTheArray() throws IOException {
        byte[] x = npy(1, header("<f8", "(2, 1)"), f8(1, 2));
        Path npz = npz("a.npz", Map.of("inputs", x, "labels", npy(1, header("<i8", "(2,)"), new byte[16])));
        IllegalArgumentException e = refused(npz);
        assertEquals(npz + ": the archive has no array 'x' (npy: inputs=x); it holds inputs, labels", e.getMessage());
        Data d = load(npz, "inputs", "inputs", "targets", "labels");
        assertEquals(2, d.rows());
        Path nan = npz("nan.npz", Map.of("x", npy(1, header("<f8", "(2, 1)"), f8(1, Double.NaN)), "y",
                npy(1, header("<i8", "(2,)"), new byte[16])));
        assertEquals(nan + " (array x.npy), byte 136: element [1, 0] is NaN; the data must be finite (remove or impute"
                + " missing values first)", refused(nan).getMessage());
        byte[] whole = Files.readAllBytes(npz);
        Path cut = write("cut.npz", Arrays.copyOf(whole, whole.length / 2));
        assertTrue(refused(cut).getMessage().startsWith(cut + ": not a readable .npz (zip) archive ("),
                refused(cut).getMessage());
        assertTrue(refused(npz, "target_path", npz.toString()).getMessage().contains("is for .npy files"));
    }

    @Test
    void classificationNeedsWholeNumbers() throws IOException {
        Path x = write("x.npy", npy(1, header("<f8", "(2, 2)"), f8(1, 0.5, 2, 1)));
        IllegalArgumentException e = refused(x, "task", "classification");
        assertEquals("x.npy: the last column of " + x + " must hold class numbers 0, 1, 2, ... for task=classification",
                e.getMessage());
    }
}
