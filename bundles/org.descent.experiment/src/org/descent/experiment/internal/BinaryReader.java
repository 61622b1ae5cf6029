package org.descent.experiment.internal;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a run's binary file (checkpoint, trajectory point) with its position at hand: every count
 * read from the file is checked against the bytes that remain before anything is allocated, and
 * every message names the file and the byte offset.
 */
public final class BinaryReader implements Closeable {

    private final Path file;
    private final long length;
    private final DataInputStream in;
    private long offset;

    public BinaryReader(Path file) throws IOException {
        this.file = file;
        this.length = Files.size(file);
        this.in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
    }

    /** A failure at the current offset, naming the file. */
    public IOException error(String what) {
        return new IOException(file + ": at byte " + offset + ": " + what);
    }

    public int readInt() throws IOException {
        need(4, "an int");
        offset += 4;
        return in.readInt();
    }

    public long readLong() throws IOException {
        need(8, "a long");
        offset += 8;
        return in.readLong();
    }

    public double readDouble() throws IOException {
        return Double.longBitsToDouble(readLong());
    }

    /** A name as {@link java.io.DataOutputStream#writeUTF(String)} writes it. */
    public String readUTF() throws IOException {
        need(2, "a name's length");
        in.mark(2);
        int bytes = in.readUnsignedShort();
        in.reset();
        need(2L + bytes, "a name of " + bytes + " bytes");
        try {
            String name = in.readUTF();
            offset += 2 + bytes;
            return name;
        } catch (java.io.UTFDataFormatException e) {
            throw error("a name that is not valid modified UTF-8");
        }
    }

    /**
     * An array written as its length (an int) and its values (longs holding the bits of doubles).
     *
     * @param what what the array holds, for messages
     */
    public double[] readDoubles(String what) throws IOException {
        long at = offset;
        int n = readInt();
        long remaining = length - offset;
        if (n < 0 || n > remaining / Double.BYTES) {
            offset = at;
            throw error(what + ": " + n + " values, but " + remaining + " bytes remain in the file of " + length);
        }
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = Double.longBitsToDouble(in.readLong());
        }
        offset += (long) n * Double.BYTES;
        return a;
    }

    private void need(long bytes, String what) throws IOException {
        if (length - offset < bytes) {
            throw error("truncated: " + what + " needs " + bytes + " bytes, " + (length - offset)
                    + " remain in the file of " + length);
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
