package org.descent.experiment.internal;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.descent.core.Optimizer;

/**
 * Everything a run needs to continue bit for bit: parameters, optimizer state, the position in
 * the data, and the running values the stopping rules use. Binary, written atomically.
 *
 * @param step steps taken
 * @param wallSeconds training time so far
 * @param previousLoss loss of the last step (for the loss-change tolerance), NaN before the first
 * @param epochLossSum sum of the batch losses in the current epoch so far
 * @param dataHash fingerprint of the training data, to refuse resuming on changed data
 * @param parameters the flat parameter vector
 * @param optimizer the optimizer's state
 */
public record Checkpoint(long step, double wallSeconds, double previousLoss, double epochLossSum, long dataHash,
        double[] parameters, Optimizer.State optimizer) {

    private static final int MAGIC = 0x4453434B; // "DSCK"
    private static final int VERSION = 1;

    /** Writes to {@code file} atomically. */
    public void write(Path file) throws IOException {
        AtomicFiles.write(file, stream -> {
            DataOutputStream out = new DataOutputStream(stream);
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeLong(step);
            out.writeDouble(wallSeconds);
            out.writeDouble(previousLoss);
            out.writeDouble(epochLossSum);
            out.writeLong(dataHash);
            writeArray(out, parameters);
            out.writeLong(optimizer.steps());
            out.writeInt(optimizer.arrays().size());
            for (Map.Entry<String, double[]> e : optimizer.arrays().entrySet()) {
                out.writeUTF(e.getKey());
                writeArray(out, e.getValue());
            }
            out.flush();
        });
    }

    /**
     * Reads a checkpoint.
     *
     * @throws IOException naming the file and the byte offset when it is not a complete checkpoint
     */
    public static Checkpoint read(Path file) throws IOException {
        try (BinaryReader in = new BinaryReader(file)) {
            if (in.readInt() != MAGIC || in.readInt() != VERSION) {
                throw new IOException(file + ": not a Descent checkpoint (version " + VERSION + ")");
            }
            long step = in.readLong();
            double wall = in.readDouble();
            double previous = in.readDouble();
            double epochSum = in.readDouble();
            long hash = in.readLong();
            double[] params = in.readDoubles("parameters");
            long optimizerSteps = in.readLong();
            int arrays = in.readInt();
            if (arrays < 0) {
                throw in.error(arrays + " optimizer arrays");
            }
            Map<String, double[]> state = new LinkedHashMap<>();
            for (int i = 0; i < arrays; i++) {
                String name = in.readUTF();
                state.put(name, in.readDoubles("optimizer array '" + name + "'"));
            }
            return new Checkpoint(step, wall, previous, epochSum, hash, params, new Optimizer.State(optimizerSteps, state));
        }
    }

    private static void writeArray(DataOutputStream out, double[] a) throws IOException {
        out.writeInt(a.length);
        for (double v : a) {
            out.writeLong(Double.doubleToRawLongBits(v));
        }
    }
}
