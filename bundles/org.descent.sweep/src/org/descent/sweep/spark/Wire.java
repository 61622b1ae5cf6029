package org.descent.sweep.spark;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The messages between a trial ({@link TrialLink}) and the sweeping process ({@link Receiver}),
 * over one TCP connection per trial attempt, as {@link DataOutputStream} writes them.
 * <ul>
 * <li>trial → receiver: {@link #HELLO} trial, attempt, host, the receiver's token; then {@link #FILE}, {@link #DELETE},
 * {@link #RUNG} and finally {@link #END}.</li>
 * <li>receiver → trial: the sweep (files, loss scaling) after HELLO; {@link #GO}, {@link #STOP} or
 * {@link #CANCEL} for a rung; CANCEL at any time; {@link #DONE} once END is recorded.</li>
 * </ul>
 */
final class Wire {

    static final int MAGIC = 0x44534E54; // "DSNT"
    static final int VERSION = 2;

    static final byte HELLO = 'H';
    /** A file of the run folder: path, whether it appends, the offset it starts at, the bytes. */
    static final byte FILE = 'F';
    static final byte DELETE = 'X';
    /** The trial completed a rung: epochs, metric. */
    static final byte RUNG = 'R';
    /** The trial ended: status, why ASHA stopped it ("" when it did not), why it failed ("" when it did not). */
    static final byte END = 'E';

    static final byte GO = 'G';
    static final byte STOP = 'S';
    static final byte CANCEL = 'C';
    static final byte DONE = 'D';

    private Wire() {
    }

    static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    static byte[] readBytes(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            throw new IOException("a message of " + n + " bytes");
        }
        return in.readNBytes(n);
    }

    /** A path a peer sent, resolved inside {@code root}, or an error naming it. */
    static Path inside(Path root, String relative) throws IOException {
        Path p = root.resolve(relative).normalize();
        if (relative.isEmpty() || Path.of(relative).isAbsolute() || !p.startsWith(root.normalize()) || p.equals(root)) {
            throw new IOException("'" + relative + "' is not a path inside " + root);
        }
        return p;
    }
}
