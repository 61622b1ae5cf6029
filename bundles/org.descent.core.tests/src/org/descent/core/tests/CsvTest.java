package org.descent.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.descent.core.AnalysisResult;
import org.descent.core.Csv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one CSV dialect: quoting, line numbers, and what bad files are told. */
class CsvTest {

    @TempDir
    Path dir;

    private Path file(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    @Test
    void quotedCellsReadAsTheirTextAndRowsKnowTheirLine() throws IOException {
        Path f = file("q.csv", "x, \"y, z\"\n\n\"1\",2\n \"a \"\"b\"\"\" , 3".getBytes(StandardCharsets.UTF_8));
        List<Csv.Row> rows = Csv.readAll(f, "q.csv");
        assertEquals(3, rows.size());
        assertEquals(List.of("x", "y, z"), rows.get(0).cells());
        assertEquals(List.of("1", "2"), rows.get(1).cells());
        assertEquals(List.of("a \"b\"", "3"), rows.get(2).cells());
        assertEquals(List.of(1L, 3L, 4L), rows.stream().map(Csv.Row::line).toList());
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheFirstHeader() throws IOException {
        byte[] text = "x,y\n1,2\n".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withBom, 3, text.length);
        List<Csv.Row> rows = Csv.readAll(file("excel.csv", withBom), "excel.csv");
        assertEquals(List.of("x", "y"), rows.get(0).cells());
        assertEquals(List.of("1", "2"), rows.get(1).cells());
        // a file shorter than the mark, and one that only starts like it, read as they are
        assertEquals(List.of(List.of("a")), Csv.readAll(file("a.csv", "a".getBytes(StandardCharsets.UTF_8)), "a.csv")
                .stream().map(Csv.Row::cells).toList());
        assertEquals(List.of("\u00EF", "b"), Csv.readAll(file("i.csv", "\u00EF,b".getBytes(StandardCharsets.UTF_8)),
                "i.csv").get(0).cells());
    }

    @Test
    void writtenRowsReadBackTheSame() throws IOException {
        List<String> cells = List.of("plain", "with,comma", "with \"quote\"", "line\nbreak", "", " padded ");
        String text = Csv.line(cells) + "\n" + Csv.line(List.of("1", "2", "3", "4", "5", "6"));
        assertEquals("plain,\"with,comma\",\"with \"\"quote\"\"\",\"line\nbreak\",,\" padded \"", Csv.line(cells));
        List<Csv.Row> rows = Csv.readAll(file("w.csv", text.getBytes(StandardCharsets.UTF_8)), "w.csv");
        assertEquals(cells, rows.get(0).cells());
        assertEquals(List.of("4", "5"), rows.get(1).cells().subList(3, 5));
        assertEquals(List.of("a", "b,c"), Csv.parseLine("a,\"b,c\"", "here"));
        assertEquals(List.of(), Csv.parseLine("", "here"));
    }

    /** Lines without quotes take a shortcut: they read as Commons CSV's parser reads them. */
    @Test
    void unquotedLinesReadAsTheParserReadsThem() throws IOException {
        List<String> lines = List.of("step,loss", "0,1.5,,", " a , b ", "\ta\t,b", "   ", ",", " , ", "x",
                "1e-3, -2 ,NaN", "\u00e9t\u00e9,\u2003wide\u2003", "a,,b", "'q',x");
        for (String line : lines) {
            List<Csv.Row> parsed = new ArrayList<>();
            Csv.read(new ByteArrayInputStream(line.getBytes(StandardCharsets.UTF_8)), "line", parsed::add);
            List<String> expected = parsed.isEmpty() ? List.of() : parsed.get(0).cells();
            assertEquals(expected, Csv.parseLine(line, "here"), "'" + line + "'");
        }
    }

    @Test
    void invalidUtf8IsNamedWithItsLine() throws IOException {
        byte[] head = "a,b\n1,2\n3,".getBytes(StandardCharsets.US_ASCII);
        byte[] bad = new byte[head.length + 3];
        System.arraycopy(head, 0, bad, 0, head.length);
        bad[head.length] = (byte) 0xff;
        bad[head.length + 1] = '\n';
        bad[head.length + 2] = '5';
        Path f = file("latin.csv", bad);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Csv.readAll(f, "data.csv"));
        assertTrue(e.getMessage().startsWith("data.csv:3: not UTF-8 text"), e.getMessage());
    }

    @Test
    void invalidUtf8FarIntoALargeFileIsNamedWithItsLine() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            sb.append(i).append(",0.5\n");
        }
        byte[] good = sb.toString().getBytes(StandardCharsets.US_ASCII);
        byte[] bad = java.util.Arrays.copyOf(good, good.length + 2);
        bad[good.length] = (byte) 0xc3;
        bad[good.length + 1] = ',';
        Path f = file("big.csv", bad);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Csv.readAll(f, "big.csv"));
        assertTrue(e.getMessage().startsWith("big.csv:20001: not UTF-8 text"), e.getMessage());
    }

    @Test
    void unclosedQuoteAndFoldersAreNamed() throws IOException {
        Path f = file("open.csv", "a,b\n1,\"2\n".getBytes(StandardCharsets.UTF_8));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Csv.readAll(f, "open.csv"));
        assertTrue(e.getMessage().startsWith("open.csv:") && e.getMessage().contains("quoted cell is not closed"),
                e.getMessage());
        IllegalArgumentException d = assertThrows(IllegalArgumentException.class, () -> Csv.readAll(dir, "--a " + dir));
        assertEquals("--a " + dir + ": is a folder; expected a file", d.getMessage());
        IllegalArgumentException m = assertThrows(IllegalArgumentException.class,
                () -> Csv.readAll(dir.resolve("none.csv"), "none.csv"));
        assertEquals("none.csv: no such file", m.getMessage());
    }

    @Test
    void analysisTablesQuoteTheirHeaders() throws IOException {
        AnalysisResult.Table t = new AnalysisResult.Table(List.of("x", "f(x, y)"), List.of(new double[] { 1, 0.1 }), false);
        String text = AnalysisResult.csv(t);
        assertEquals("x,\"f(x, y)\"\n1.0,0.1\n", text);
        List<Csv.Row> rows = Csv.readAll(file("t.csv", text.getBytes(StandardCharsets.UTF_8)), "t.csv");
        assertEquals(t.columns(), rows.get(0).cells());
    }
}
