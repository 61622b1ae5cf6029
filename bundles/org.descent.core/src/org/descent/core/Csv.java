package org.descent.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.QuoteMode;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Descent's one CSV dialect, read and written through Apache Commons CSV: comma-separated,
 * UTF-8, cells in double quotes where they hold a comma, quote or line break ({@code ""} for a
 * quote inside), spaces around cells ignored (those inside quotes kept), blank lines skipped. A quoted cell reads as the
 * same text as an unquoted one ({@code "1"} is {@code 1}). Every error names the source and the
 * line: malformed quoting, and bytes that are no UTF-8.
 *
 * @since 0.1.0
 */
public final class Csv {

    /**
     * One record.
     *
     * @param line the 1-based line the record ends on (the line it is on, unless a quoted cell
     *            spans lines)
     * @param cells its cells, unquoted, without the spaces around them
     */
    public record Row(long line, List<String> cells) {

        /** The number of cells. */
        public int size() {
            return cells.size();
        }

        /** Cell {@code i} (0-based). */
        public String cell(int i) {
            return cells.get(i);
        }
    }

    /** Takes the rows of a file one at a time. */
    @FunctionalInterface
    public interface RowHandler {
        /** Takes one row; an exception stops the reading and propagates. */
        void row(Row row) throws IOException;
    }

    private static final CSVFormat READ = CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true)
            .get();

    private static final CSVFormat WRITE = CSVFormat.DEFAULT.builder().setQuoteMode(QuoteMode.MINIMAL)
            .setRecordSeparator('\n').get();

    private Csv() {
    }

    /**
     * Reads a CSV file row by row.
     *
     * @param source how messages name the file, e.g. {@code csv: path=data.csv}
     * @throws IllegalArgumentException when the file is missing, a folder, not UTF-8 or not CSV;
     *             the message names {@code source} and the line
     */
    public static void read(Path file, String source, RowHandler handler) throws IOException {
        InputFile.check(file, source);
        try (InputStream in = Files.newInputStream(file)) {
            read(in, source, handler);
        }
    }

    /** Reads every row of a CSV file, as {@link #read(Path, String, RowHandler)}. */
    public static List<Row> readAll(Path file, String source) throws IOException {
        List<Row> rows = new ArrayList<>();
        read(file, source, rows::add);
        return rows;
    }

    /**
     * Reads UTF-8 CSV from a stream, as {@link #read(Path, String, RowHandler)}; leaves it open. A
     * byte order mark (spreadsheets save "CSV UTF-8" with one) is skipped, so that it does not end up
     * in the first header.
     */
    public static void read(InputStream in, String source, RowHandler handler) throws IOException {
        PushbackInputStream unread = new PushbackInputStream(in, BOM.length);
        byte[] head = unread.readNBytes(BOM.length);
        if (!Arrays.equals(head, BOM)) {
            unread.unread(head);
        }
        Utf8Reader reader = new Utf8Reader(unread, source);
        CSVParser parser = READ.parse(reader);
        Iterator<CSVRecord> records = parser.iterator();
        while (true) {
            CSVRecord record;
            try {
                if (!records.hasNext()) {
                    return;
                }
                record = records.next();
            } catch (RuntimeException e) {
                IllegalArgumentException failure = reader.failure;
                if (failure != null) {
                    throw failure;
                }
                throw malformed(source, parser.getCurrentLineNumber(), e);
            }
            handler.row(new Row(parser.getCurrentLineNumber(), cells(record)));
        }
    }

    /**
     * Parses one line of CSV (as a follower of a growing file reads it, line by line).
     *
     * @param where how messages name the line, e.g. {@code metrics.csv:12}
     * @return the cells; none for a blank line
     * @throws IllegalArgumentException for malformed quoting, naming {@code where}
     */
    public static List<String> parseLine(String line, String where) {
        if (line.indexOf('"') < 0 && line.indexOf('\n') < 0 && line.indexOf('\r') < 0) {
            return unquoted(line);
        }
        try (CSVParser parser = READ.parse(new StringReader(line))) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                return List.of();
            }
            CSVRecord record = records.next();
            if (records.hasNext()) {
                throw new IllegalArgumentException(where + ": holds more than one CSV record");
            }
            return cells(record);
        } catch (IOException | RuntimeException e) {
            if (e instanceof IllegalArgumentException iae && iae.getMessage() != null
                    && iae.getMessage().startsWith(where)) {
                throw iae;
            }
            throw new IllegalArgumentException(where + ": " + reason(e), e);
        }
    }

    /** A cell as written: quoted when it holds a comma, quote, line break or surrounding space. */
    public static String cell(String text) {
        if (text.isEmpty()) {
            return text;
        }
        try {
            StringBuilder sb = new StringBuilder();
            WRITE.print(text, sb, true);
            return sb.toString();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A record as written, cells quoted where needed, without a line end. */
    public static String line(List<String> cells) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(cell(cells.get(i)));
        }
        return sb.toString();
    }

    /**
     * A line without quotes or line breaks, read as Commons CSV reads it in this dialect: cut at
     * each comma, white space around each cell dropped. A parser for each line was most of the
     * time the Monitor took to read a long run's metrics.
     */
    private static List<String> unquoted(String line) {
        if (line.isEmpty()) {
            return List.of();
        }
        List<String> cells = new ArrayList<>();
        int start = 0;
        for (int comma = line.indexOf(','); comma >= 0; comma = line.indexOf(',', start)) {
            cells.add(line.substring(start, comma).strip());
            start = comma + 1;
        }
        cells.add(line.substring(start).strip());
        return Collections.unmodifiableList(cells);
    }

    private static List<String> cells(CSVRecord record) {
        List<String> cells = new ArrayList<>(record.size());
        for (String c : record) {
            cells.add(c);
        }
        return Collections.unmodifiableList(cells);
    }

    private static IllegalArgumentException malformed(String source, long line, Exception e) {
        return new IllegalArgumentException(source + ":" + Math.max(1, line) + ": not valid CSV: " + reason(e), e);
    }

    /** Commons CSV's message without its position (the caller names it) or class names. */
    private static String reason(Exception e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            return "malformed quoting";
        }
        if (e.getCause() instanceof IOException cause && cause.getMessage() != null) {
            m = cause.getMessage();
        }
        if (m.contains("EOF reached before encapsulated token finished")) {
            return "a quoted cell is not closed";
        }
        if (m.contains("invalid char between encapsulated token and delimiter")) {
            return "text after a closing quote (write a quote inside a quoted cell as \"\")";
        }
        return m;
    }

    /**
     * UTF-8 decoding that fails with the line of the first bad byte (Java's decoding readers
     * say only "Input length = 1").
     */
    /** UTF-8's byte order mark. */
    private static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

    private static final class Utf8Reader extends Reader {

        private final InputStream in;
        private final String source;
        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16).flip();
        private long newlines;
        private long offset;
        private boolean eof;
        @Nullable
        IllegalArgumentException failure;

        Utf8Reader(InputStream in, String source) {
            this.in = in;
            this.source = source;
        }

        @Override
        public int read(char[] buffer, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            CharBuffer chars = CharBuffer.wrap(buffer, off, len);
            while (chars.position() == off) {
                int before = bytes.position();
                CoderResult result = decoder.decode(bytes, chars, eof);
                count(before, bytes.position());
                if (result.isError()) {
                    failure = new IllegalArgumentException(source + ":" + (newlines + 1) + ": not UTF-8 text (byte offset "
                            + offset + "); save the file as UTF-8");
                    throw failure;
                }
                if (result.isOverflow()) {
                    break;
                }
                if (eof) {
                    return chars.position() == off ? -1 : chars.position() - off;
                }
                bytes.compact();
                int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                if (n < 0) {
                    eof = true;
                } else {
                    bytes.position(bytes.position() + n);
                }
                bytes.flip();
            }
            return chars.position() - off;
        }

        private void count(int from, int to) {
            byte[] a = bytes.array();
            for (int i = from; i < to; i++) {
                if (a[i] == '\n') {
                    newlines++;
                }
            }
            offset += to - from;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
